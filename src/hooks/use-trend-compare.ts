import type { Indicator } from '../contract';
import { trendIndexComparison } from '../queries/readers/read-trends';
import { useViewState } from '../url-state/use-view-state';
import { useDisclosurePolicy, useProtectedQuery } from './use-protected-query';
import { useTrendSource } from './use-trend-source';

/** Several indicators for the chosen area and breakdown, indexed to their first shared complete year. */
export function useTrendComparison(indicators: readonly Indicator[]) {
  const { state } = useViewState();
  const policy = useDisclosurePolicy();
  const lowCountBelow = policy?.lowCountBelow ?? 10;
  const trendSource = useTrendSource();
  return useProtectedQuery(
    'trend-compare',
    [indicators.map((i) => i.id).join(','), state.area, state.age, state.sex, state.period, lowCountBelow],
    async (engine, table) =>
      trendIndexComparison(
        await trendSource(
          engine,
          table,
          indicators.map((i) => i.id),
        ),
        {
          indicators,
          areaCode: state.area,
          age: state.age,
          sex: state.sex,
          lastPeriod: state.period,
          lowCountBelow,
        },
      ),
    indicators.length > 0,
  );
}
