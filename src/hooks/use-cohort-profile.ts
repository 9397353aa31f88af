import type { CohortDefinition } from '../queries/readers/cohort-cells';
import { cohortProfile } from '../queries/readers/cohort-profile';
import { useViewState } from '../url-state/use-view-state';
import { declareFigure } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';
import { useSessionSnapshot } from './session-context';
import { cohortCoverageFigure } from './use-cohort-coverage';
import { useCohortKept } from './use-cohort-kept';

type ProfileInputs = { cohort: CohortDefinition; notAfter: string | null };

const profileFigure = declareFigure('cohort-profile', async (ctx, inputs: ProfileInputs) =>
  cohortProfile(ctx.engine, ctx.table, {
    ...inputs,
    indicators: ctx.manifest?.indicators ?? [],
    coverage: await ctx.figure(cohortCoverageFigure, {}),
    lowCountBelow: ctx.policy.lowCountBelow,
  }),
);

/** The tier profile of one cohort (every indicator, its limits, the VRU benchmark and the districts' range). */
export function useCohortProfile(cohort: CohortDefinition | null) {
  const { state: loaded } = useSessionSnapshot();
  const { period } = useViewState().state;
  const hasIndicators = (loaded.manifest?.indicators.length ?? 0) > 0;
  return useCohortKept(useFigure(profileFigure, cohort && hasIndicators ? { cohort, notAfter: period } : null));
}
