import { DEFAULT_POLICIES } from '../contract';
import { briefingFigures } from '../queries/readers/briefing-figures';
import { useViewState } from '../url-state/use-view-state';
import { useDisclosurePolicy, useProtectedQuery } from './use-protected-query';
import { useSessionSnapshot } from './session-context';

/** The Overview's figures for the area and month in the URL, under the audience's disclosure rules. */
export function useBriefingFigures() {
  const { state: loaded } = useSessionSnapshot();
  const { state } = useViewState();
  const policy = useDisclosurePolicy() ?? DEFAULT_POLICIES[state.audience];
  const indicators = loaded.manifest?.indicators ?? [];
  return useProtectedQuery(
    'briefing-figures',
    [state.area, state.period, indicators.map((i) => i.id).join(','), policy.lowCountBelow],
    (engine, table) => briefingFigures(engine, table, { indicators, area: state.area, endMonth: state.period, policy }),
    indicators.length > 0,
  );
}
