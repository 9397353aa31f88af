import { useQuery } from '@tanstack/react-query';
import { areaCounts, catalogueSummary } from '../queries/catalogue-summary';
import { coverageMatrix } from '../queries/coverage-matrix';
import { useLoadedRowsSource } from './loaded-rows-source';
import { useSession, useSessionSnapshot } from './session-context';

/** Rows, areas and periods loaded per indicator. */
export function useCatalogueSummary() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  const source = useLoadedRowsSource();
  return useQuery({
    queryKey: ['catalogue-summary', version, source],
    queryFn: async () => ({
      indicators: await catalogueSummary(session.engine, source),
      areas: await areaCounts(session.engine),
    }),
  });
}

export function useCoverageMatrix() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  const source = useLoadedRowsSource();
  return useQuery({ queryKey: ['coverage-matrix', version, source], queryFn: () => coverageMatrix(session.engine, source) });
}
