import { useQuery } from '@tanstack/react-query';
import { areaList, loadedPeriods } from '../queries/area-list';
import { useSession, useSessionSnapshot } from './session-context';

export function useAreas() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  return useQuery({ queryKey: ['areas', version], queryFn: () => areaList(session.engine) });
}

export function usePeriods() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  return useQuery({ queryKey: ['periods', version], queryFn: () => loadedPeriods(session.engine) });
}
