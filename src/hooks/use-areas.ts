import { useQuery } from '@tanstack/react-query';
import { areaList, loadedPeriods } from '../queries/readers/area-list';
import { useLoadedRowsSource } from './loaded-rows-source';
import { useSession, useSessionSnapshot } from './session-context';

export function useAreas() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  return useQuery({ queryKey: ['areas', version], queryFn: () => areaList(session.engine) });
}

export function usePeriods() {
  const session = useSession();
  const { version } = useSessionSnapshot();
  const { sql } = useLoadedRowsSource();
  return useQuery({ queryKey: ['periods', version, sql], queryFn: () => loadedPeriods(session.engine, sql) });
}
