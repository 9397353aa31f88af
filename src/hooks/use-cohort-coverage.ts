import { cohortCoverage } from '../queries/readers/cohort-coverage';
import { declareFigure } from './coordinator/figure-declaration';
import { useFigure, usePrefetchFigure } from './coordinator/use-figure';

/** What each indicator records by age and sex, and which years are complete where: the cohort figures read it. */
export const cohortCoverageFigure = declareFigure('cohort-coverage', (ctx) =>
  cohortCoverage(ctx.engine, ctx.table, ctx.reporting),
);

export function useCohortCoverage() {
  return useFigure(cohortCoverageFigure, {});
}

/**
 * Works out the cohort coverage in idle time once `when` holds: every Cohorts figure reads it first (and the
 * pyramid's indicator is chosen from it), so opening Cohorts then needs one round of statements.
 */
export function usePrefetchCohortCoverage(when: boolean): void {
  usePrefetchFigure(cohortCoverageFigure, {}, when);
}
