import { useQuery } from '@tanstack/react-query';
import { areaCounts, catalogueSummary } from '../queries/catalogue-summary';
import { coverageMatrix } from '../queries/coverage-matrix';
import { useSession, useSessionSnapshot } from './session-context';

/** Rows, areas and periods loaded per indicator. */
export function useCatalogueSummary() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  return useQuery({
    queryKey: ['catalogue-summary', version],
    queryFn: async () => ({ indicators: await catalogueSummary(session.engine), areas: await areaCounts(session.engine) }),
  });
}

export function useCoverageMatrix() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  return useQuery({ queryKey: ['coverage-matrix', version], queryFn: () => coverageMatrix(session.engine) });
}
