import { useQuery } from '@tanstack/react-query';
import { areaCounts, catalogueSummary } from '../queries/catalogue-summary';
import { coverageMatrix } from '../queries/coverage-matrix';
import { useLoadedRowsSource } from './loaded-rows-source';
import { useSession, useSessionSnapshot } from './session-context';

/** Rows (or, without extracts, monthly cells), areas and periods loaded per indicator. */
export function useCatalogueSummary() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  const { sql, unit } = useLoadedRowsSource();
  return useQuery({
    queryKey: ['catalogue-summary', version, sql],
    queryFn: async () => ({
      indicators: await catalogueSummary(session.engine, sql),
      areas: await areaCounts(session.engine),
      /** What each indicator's `rows` counts, for its label. */
      unit,
    }),
  });
}

export function useCoverageMatrix() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  const { sql } = useLoadedRowsSource();
  return useQuery({ queryKey: ['coverage-matrix', version, sql], queryFn: () => coverageMatrix(session.engine, sql) });
}
