import type { CohortDefinition } from '../queries/readers/cohort-cells';
import { cohortPathway, type PathwayGranularity } from '../queries/readers/cohort-pathway';
import { useSessionSnapshot } from './session-context';
import { useCohortCoverage } from './use-cohort-coverage';
import { useProtectedQuery } from './use-protected-query';

/** A cohort's indexed rates per tier over the complete years or quarters loaded. */
export function useCohortPathway(cohort: CohortDefinition | null, granularity: PathwayGranularity) {
  const { state: loaded } = useSessionSnapshot();
  const coverage = useCohortCoverage();
  const indicators = loaded.manifest?.indicators ?? [];
  const data = coverage.data;
  return useProtectedQuery(
    'cohort-pathway',
    [cohort?.ages.join('+'), cohort?.sex, cohort?.area, granularity],
    (engine, table) => {
      if (!cohort || !data) throw new Error('the pathway needs a cohort and the loaded coverage');
      return cohortPathway(engine, table, { cohort, indicators, coverage: data, granularity });
    },
    cohort !== null && data !== undefined && indicators.length > 0,
  );
}
