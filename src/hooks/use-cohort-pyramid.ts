import type { Indicator } from '../contract';
import { cohortPyramid } from '../queries/readers/cohort-pyramid';
import { useViewState } from '../url-state/use-view-state';
import { useCohortCoverage } from './use-cohort-coverage';
import { useCohortKept } from './use-cohort-kept';
import { useProtectedQuery } from './use-protected-query';

/** Rates by age band and sex for one indicator and area (null = the whole VRU area). */
export function useCohortPyramid(indicator: Indicator | null, area: string | null) {
  const { state } = useViewState();
  const coverage = useCohortCoverage();
  const data = coverage.data;
  return useCohortKept(
    useProtectedQuery(
      'cohort-pyramid',
      [indicator?.id, area, state.period],
      (engine, table) => {
        if (!indicator || !data) throw new Error('the pyramid needs an indicator and the loaded coverage');
        return cohortPyramid(engine, table, { indicator, coverage: data, area, notAfter: state.period });
      },
      indicator !== null && data !== undefined,
    ),
  );
}
