import { cohortCoverage } from '../queries/readers/cohort-coverage';
import { useProtectedQuery } from './use-protected-query';

/** What each indicator records by age and sex, and which years are complete where: shared by the cohort hooks. */
export function useCohortCoverage() {
  return useProtectedQuery('cohort-coverage', [], (engine, table) => cohortCoverage(engine, table));
}
