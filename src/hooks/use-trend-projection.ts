import { AUDIENCE_PERMISSIONS, type Audience, type Indicator } from '../contract';
import { trendProjection } from '../queries/readers/read-trends';
import { useViewState } from '../url-state/use-view-state';
import { useDisclosurePolicy, useProtectedQuery } from './use-protected-query';
import { useTrendSource } from './use-trend-source';

/** Projections and hotspot tests: see AUDIENCE_PERMISSIONS for why only some audiences get them. */
export function predictionsAllowed(audience: Audience): boolean {
  return AUDIENCE_PERMISSIONS[audience].predictions;
}

export function useTrendProjection(indicator: Indicator | null) {
  const { state } = useViewState();
  const policy = useDisclosurePolicy();
  const threshold = policy?.suppressBelowOrEqual ?? 0;
  const trendSource = useTrendSource();
  return useProtectedQuery(
    'trend-projection',
    [indicator?.id ?? null, state.area, state.age, state.sex, state.period, threshold],
    async (engine, table) => {
      if (!indicator) return null;
      return trendProjection(await trendSource(engine, table, [indicator.id]), {
        indicator,
        areaCode: state.area,
        age: state.age,
        sex: state.sex,
        lastPeriod: state.period,
        suppressBelowOrEqual: threshold,
      });
    },
    indicator !== null && predictionsAllowed(state.audience),
  );
}
