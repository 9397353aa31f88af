import type { Indicator } from '../contract';
import type { TrendSlice } from '../queries/readers/trend-cells';
import { trendHotspots } from '../queries/readers/read-trends';
import { useViewState } from '../url-state/use-view-state';
import { declareFigure } from './coordinator/figure-declaration';
import { trendSourceFor } from './coordinator/trend-slices';
import { useFigure } from './coordinator/use-figure';
import { useTrendViewSlice } from './trend-view-slice';
import { predictionsAllowed } from './use-trend-projection';

type HotspotInputs = Omit<TrendSlice, 'areaCode'> & { indicator: Indicator };

const trendHotspotsFigure = declareFigure('trend-hotspots', async (ctx, { indicator, age, sex, lastPeriod }: HotspotInputs) =>
  trendHotspots(await trendSourceFor(ctx, [indicator.id], age, sex), {
    indicator,
    age,
    sex,
    lastPeriod,
    suppressBelowOrEqual: ctx.policy.suppressBelowOrEqual,
  }),
);

/** Emerging-hotspot tests for every district, for the chosen indicator and breakdown (analyst rules only). */
export function useTrendHotspots(indicator: Indicator | null) {
  const { audience } = useViewState().state;
  const { age, sex, lastPeriod } = useTrendViewSlice();
  return useFigure(trendHotspotsFigure, indicator && predictionsAllowed(audience) ? { indicator, age, sex, lastPeriod } : null);
}
