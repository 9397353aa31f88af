import type { Indicator } from '../contract';
import { trendHotspots } from '../queries/readers/read-trends';
import { useViewState } from '../url-state/use-view-state';
import { useDisclosurePolicy, useProtectedQuery } from './use-protected-query';
import { useTrendSource } from './use-trend-source';
import { predictionsAllowed } from './use-trend-projection';

/** Emerging-hotspot tests for every district, for the chosen indicator and breakdown (analyst rules only). */
export function useTrendHotspots(indicator: Indicator | null) {
  const { state } = useViewState();
  const policy = useDisclosurePolicy();
  const threshold = policy?.suppressBelowOrEqual ?? 0;
  const trendSource = useTrendSource();
  return useProtectedQuery(
    'trend-hotspots',
    [indicator?.id ?? null, state.age, state.sex, state.period, threshold],
    async (engine, table) => {
      if (!indicator) return null;
      return trendHotspots(await trendSource(engine, table, [indicator.id]), {
        indicator,
        age: state.age,
        sex: state.sex,
        lastPeriod: state.period,
        suppressBelowOrEqual: threshold,
      });
    },
    indicator !== null && predictionsAllowed(state.audience),
  );
}
