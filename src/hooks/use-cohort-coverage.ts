import { cohortCoverage } from '../queries/readers/cohort-coverage';
import { declareFigure } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';

/** What each indicator records by age and sex, and which years are complete where: the cohort figures read it. */
export const cohortCoverageFigure = declareFigure('cohort-coverage', (ctx) => cohortCoverage(ctx.engine, ctx.table));

export function useCohortCoverage() {
  return useFigure(cohortCoverageFigure, {});
}
