import { useQuery } from '@tanstack/react-query';
import { areaCounts, catalogueSummary } from '../queries/readers/catalogue-summary';
import { coverageMatrix } from '../queries/readers/coverage-matrix';
import { useLoadedRowsSource } from './loaded-rows-source';
import { useSession, useSessionSnapshot } from './session-context';

/** Area-months, areas and periods covered per indicator. */
export function useCatalogueSummary() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  const { sql } = useLoadedRowsSource();
  return useQuery({
    queryKey: ['catalogue-summary', version, sql],
    queryFn: async () => ({
      indicators: await catalogueSummary(session.engine, sql),
      areas: await areaCounts(session.engine),
    }),
  });
}

export function useCoverageMatrix() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  const { sql } = useLoadedRowsSource();
  return useQuery({ queryKey: ['coverage-matrix', version, sql], queryFn: () => coverageMatrix(session.engine, sql) });
}
