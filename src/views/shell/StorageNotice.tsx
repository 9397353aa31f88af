import { useSessionSnapshot } from '../../hooks/session-context';
import { serializeViewState } from '../../url-state/view-state';
import { useViewState } from '../../url-state/use-view-state';

/**
 * Says on every view when keeping the workspace on this device went wrong (storage full, blocked or damaged), so
 * a person does not close the page believing their files are kept. Load data says more and offers what to do.
 */
export function StorageNotice() {
  const { storage, workspace } = useSessionSnapshot();
  const { state, update } = useViewState();
  // A stored workspace that could not be opened matters on the demo too; the other problems, only to own data.
  const relevant = storage.problem?.kind === 'damaged' ? workspace.kind !== 'bundle' : workspace.kind === 'own';
  if (!storage.problem || !relevant) return null;
  return (
    <div className="notice notice--warning" role="status" data-testid="storage-notice">
      <p>
        {storage.problem.message}{' '}
        <a
          href={serializeViewState({ ...state, view: 'import' }, window.location.search) || '?'}
          onClick={(e) => {
            e.preventDefault();
            update({ view: 'import' });
          }}
        >
          See Load data
        </a>
      </p>
    </div>
  );
}
