import { protectedTable } from '../disclosure/protected-tables';
import { loadedRows } from '../queries/loaded-rows';
import { useSessionSnapshot } from './session-context';

/** What the catalogue and the month pickers read: the extracts, or the open bundle's cells. */
export function useLoadedRowsSource(): string {
  const { bundle } = useSessionSnapshot();
  return loadedRows(bundle ? protectedTable(bundle.audience) : null);
}
