import type { Indicator } from '../contract';
import { trendHotspots } from '../queries/trend-hotspots';
import { useViewState } from '../url-state/use-view-state';
import { useDisclosurePolicy, useProtectedQuery } from './use-protected-query';
import { predictionsAllowed } from './use-trend-projection';

/** Emerging-hotspot tests for every district, for the chosen indicator and breakdown (analyst rules only). */
export function useTrendHotspots(indicator: Indicator | null) {
  const { state } = useViewState();
  const policy = useDisclosurePolicy();
  const threshold = policy?.suppressBelowOrEqual ?? 0;
  return useProtectedQuery(
    'trend-hotspots',
    [indicator?.id ?? null, state.age, state.sex, state.period, threshold],
    (engine, table) => {
      if (!indicator) return Promise.resolve(null);
      return trendHotspots(engine, table, {
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
