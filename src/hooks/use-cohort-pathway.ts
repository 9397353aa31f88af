import type { CohortDefinition } from '../queries/readers/cohort-cells';
import { cohortPathway, type PathwayGranularity } from '../queries/readers/cohort-pathway';
import { declareFigure } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';
import { useSessionSnapshot } from './session-context';
import { cohortCoverageFigure } from './use-cohort-coverage';

type PathwayInputs = { cohort: CohortDefinition; granularity: PathwayGranularity };

const pathwayFigure = declareFigure('cohort-pathway', async (ctx, inputs: PathwayInputs) =>
  cohortPathway(ctx.engine, ctx.table, {
    ...inputs,
    indicators: ctx.manifest?.indicators ?? [],
    coverage: await ctx.figure(cohortCoverageFigure, {}),
  }),
);

/** A cohort's indexed rates per tier over the complete years or quarters loaded. */
export function useCohortPathway(cohort: CohortDefinition | null, granularity: PathwayGranularity) {
  const { state: loaded } = useSessionSnapshot();
  const hasIndicators = (loaded.manifest?.indicators.length ?? 0) > 0;
  return useFigure(pathwayFigure, cohort && hasIndicators ? { cohort, granularity } : null);
}
