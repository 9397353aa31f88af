import type { Indicator } from '../contract';
import { cohortPyramid } from '../queries/readers/cohort-pyramid';
import { useViewState } from '../url-state/use-view-state';
import { declareFigure } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';
import { cohortCoverageFigure } from './use-cohort-coverage';
import { useCohortKept } from './use-cohort-kept';

type PyramidInputs = { indicator: Indicator; area: string | null; notAfter: string | null };

const pyramidFigure = declareFigure('cohort-pyramid', async (ctx, inputs: PyramidInputs) =>
  cohortPyramid(ctx.engine, ctx.table, { ...inputs, coverage: await ctx.figure(cohortCoverageFigure, {}) }),
);

/** Rates by age band and sex for one indicator and area (null = the whole VRU area). */
export function useCohortPyramid(indicator: Indicator | null, area: string | null) {
  const { period } = useViewState().state;
  return useCohortKept(useFigure(pyramidFigure, indicator ? { indicator, area, notAfter: period } : null));
}
