import type { Indicator } from '../contract';
import { cohortNeedHarm } from '../queries/readers/cohort-need-harm';
import { useViewState } from '../url-state/use-view-state';
import { declareFigure } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';
import { cohortCoverageFigure } from './use-cohort-coverage';
import { useCohortKept } from './use-cohort-kept';

type NeedHarmInputs = { need: Indicator; harm: Indicator; notAfter: string | null };

const needHarmFigure = declareFigure('cohort-need-harm', async (ctx, inputs: NeedHarmInputs) =>
  cohortNeedHarm(ctx.engine, ctx.table, { ...inputs, coverage: await ctx.figure(cohortCoverageFigure, {}) }),
);

/** Districts by a primary-tier risk indicator against a tertiary-tier harm rate (all ages, persons). */
export function useCohortNeedHarm(need: Indicator | null, harm: Indicator | null) {
  const { period } = useViewState().state;
  return useCohortKept(useFigure(needHarmFigure, need && harm ? { need, harm, notAfter: period } : null));
}
