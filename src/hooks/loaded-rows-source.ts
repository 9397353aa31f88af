import { protectedTable } from '../disclosure/protected-tables';
import { loadedRows } from '../queries/readers/loaded-rows';
import { useViewState } from '../url-state/use-view-state';
import { useSessionSnapshot } from './session-context';

/**
 * What the catalogue and the month pickers read: the declared coverage, or, when the engine holds only protected tables
 * (an open bundle, the demo restored from its snapshot), the audience's protected cells.
 */
export function useLoadedRowsSource(): { sql: string } {
  const { bundle, rawData } = useSessionSnapshot();
  const { state } = useViewState();
  const table = rawData ? null : protectedTable(bundle?.audience ?? state.audience);
  return { sql: loadedRows(table) };
}
