import { useMemo } from 'react';
import type { TrendSlice } from '../queries/readers/trend-cells';
import { useViewState } from '../url-state/use-view-state';

/** The area, breakdown and latest month in the URL, as the Trends figures take them. */
export function useTrendViewSlice(): TrendSlice {
  const { area, age, sex, period } = useViewState().state;
  return useMemo(() => ({ areaCode: area, age, sex, lastPeriod: period }), [area, age, sex, period]);
}
