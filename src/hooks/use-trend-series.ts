import type { Indicator } from '../contract';
import { trendSeries } from '../queries/readers/read-trends';
import { useViewState } from '../url-state/use-view-state';
import { useSessionSnapshot } from './session-context';
import { useDisclosurePolicy, useProtectedQuery } from './use-protected-query';
import { useTrendSource } from './use-trend-source';

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

/** The monthly series, rolling totals, calendar years and seasonality for the chosen slice. */
export function useTrendSeries() {
  const { state } = useViewState();
  const policy = useDisclosurePolicy();
  const { indicator } = useTrendIndicator();
  const lowCountBelow = policy?.lowCountBelow ?? 10;
  const trendSource = useTrendSource();
  return useProtectedQuery(
    'trend-series',
    [indicator?.id ?? null, state.area, state.age, state.sex, state.period, lowCountBelow],
    async (engine, table) => {
      if (!indicator) return null;
      return trendSeries(await trendSource(engine, table, [indicator.id]), {
        indicator,
        areaCode: state.area,
        age: state.age,
        sex: state.sex,
        lastPeriod: state.period,
        lowCountBelow,
      });
    },
    indicator !== null,
  );
}
