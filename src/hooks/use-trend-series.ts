import type { Indicator } from '../contract';
import { trendSeries } from '../queries/readers/read-trends';
import { useViewState } from '../url-state/use-view-state';
import { declareIndicatorTrendFigure } from './coordinator/trend-slices';
import { useFigure, usePrefetchFigure } from './coordinator/use-figure';
import { useSessionSnapshot } from './session-context';
import { useTrendViewSlice } from './trend-view-slice';

export interface TrendIndicatorChoice {
  indicator: Indicator | null;
  /** True when no indicator is in the URL (or it is unknown) and the default is shown. */
  isDefault: boolean;
  /** The URL's indicator when the loaded manifest does not have it. */
  unknownId: string | null;
}

/**
 * The indicator the Trends view shows: the one in the URL, else the manifest's first headline indicator
 * (else its first). The default is not written to the URL, so a shared link keeps meaning "the default".
 */
export function useTrendIndicator(): TrendIndicatorChoice {
  const { state: loaded } = useSessionSnapshot();
  const { state } = useViewState();
  const indicators = loaded.manifest?.indicators ?? [];
  const chosen = state.indicator ? indicators.find((i: Indicator) => i.id === state.indicator) : undefined;
  if (chosen) return { indicator: chosen, isDefault: false, unknownId: null };
  const fallback = indicators.find((i: Indicator) => i.headline) ?? indicators[0] ?? null;
  return { indicator: fallback, isDefault: true, unknownId: state.indicator && indicators.length > 0 ? state.indicator : null };
}

const trendSeriesFigure = declareIndicatorTrendFigure('trend-series', (source, inputs, policy) =>
  trendSeries(source, { ...inputs, lowCountBelow: policy.lowCountBelow }),
);

function useTrendSeriesInputs() {
  const { indicator } = useTrendIndicator();
  const slice = useTrendViewSlice();
  return indicator ? { indicator, ...slice } : null;
}

/** The monthly series, rolling totals, calendar years and seasonality for the chosen slice. */
export function useTrendSeries() {
  return useFigure(trendSeriesFigure, useTrendSeriesInputs());
}

/** Works out the Trends series in idle time once `when` holds (the view a person most often opens next). */
export function usePrefetchTrendSeries(when: boolean): void {
  usePrefetchFigure(trendSeriesFigure, useTrendSeriesInputs(), when);
}
