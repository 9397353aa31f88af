import type { Indicator } from '../contract';
import { cohortNeedHarm } from '../queries/readers/cohort-need-harm';
import { useViewState } from '../url-state/use-view-state';
import { useCohortCoverage } from './use-cohort-coverage';
import { useCohortKept } from './use-cohort-kept';
import { useProtectedQuery } from './use-protected-query';

/** Districts by a primary-tier risk indicator against a tertiary-tier harm rate (all ages, persons). */
export function useCohortNeedHarm(need: Indicator | null, harm: Indicator | null) {
  const { state } = useViewState();
  const coverage = useCohortCoverage();
  const data = coverage.data;
  return useCohortKept(
    useProtectedQuery(
      'cohort-need-harm',
      [need?.id, harm?.id, state.period],
      (engine, table) => {
        if (!need || !harm || !data) throw new Error('need and harm needs two indicators and the loaded coverage');
        return cohortNeedHarm(engine, table, { need, harm, coverage: data, notAfter: state.period });
      },
      need !== null && harm !== null && data !== undefined,
    ),
  );
}
