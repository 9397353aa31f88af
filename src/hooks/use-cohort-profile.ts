import type { CohortDefinition } from '../queries/readers/cohort-cells';
import { cohortProfile } from '../queries/readers/cohort-profile';
import { useViewState } from '../url-state/use-view-state';
import { useSessionSnapshot } from './session-context';
import { useCohortCoverage } from './use-cohort-coverage';
import { useCohortKept } from './use-cohort-kept';
import { useDisclosurePolicy, useProtectedQuery } from './use-protected-query';

/** The tier profile of one cohort (every indicator, its limits, the VRU benchmark and the districts' range). */
export function useCohortProfile(cohort: CohortDefinition | null) {
  const { state: loaded } = useSessionSnapshot();
  const { state } = useViewState();
  const policy = useDisclosurePolicy();
  const coverage = useCohortCoverage();
  const indicators = loaded.manifest?.indicators ?? [];
  const lowCountBelow = policy?.lowCountBelow ?? 10;
  const data = coverage.data;
  return useCohortKept(
    useProtectedQuery(
      'cohort-profile',
      [cohort?.ages.join('+'), cohort?.sex, cohort?.area, state.period, lowCountBelow],
      (engine, table) => {
        if (!cohort || !data) throw new Error('the cohort profile needs a cohort and the loaded coverage');
        return cohortProfile(engine, table, { cohort, indicators, coverage: data, notAfter: state.period, lowCountBelow });
      },
      cohort !== null && data !== undefined && indicators.length > 0,
    ),
  );
}
