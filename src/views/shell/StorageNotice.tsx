import { useSessionSnapshot } from '../../hooks/session-context';
import { serializeViewState } from '../../url-state/view-state';
import { useViewState } from '../../url-state/use-view-state';

/**
 * Says on every view when keeping the workspace on this device went wrong (storage full, blocked or damaged, or a
 * store cut off on the last visit), so a person neither closes the page believing their files are kept nor takes
 * what is shown for the files they loaded last. Load data says more and offers what to do.
 */
export function StorageNotice() {
  const { storage, workspace } = useSessionSnapshot();
  const { state, update } = useViewState();
  // What was stored and not opened matters on the demo too (a bundle is never stored); other problems, to own data.
  const storable = workspace.kind !== 'bundle';
  const messages = [
    storable ? storage.unfinished?.message : null,
    (storage.problem?.kind === 'damaged' ? storable : workspace.kind === 'own') ? storage.problem?.message : null,
  ].filter((m): m is string => Boolean(m));
  if (messages.length === 0) return null;
  return (
    <div className="notice notice--warning" role="status" data-testid="storage-notice">
      {messages.map((message, i) => (
        <p key={message}>
          {message}
          {i === messages.length - 1 ? (
            <>
              {' '}
              <a
                href={serializeViewState({ ...state, view: 'import' }, window.location.search) || '?'}
                onClick={(e) => {
                  e.preventDefault();
                  update({ view: 'import' });
                }}
              >
                See Load data
              </a>
            </>
          ) : null}
        </p>
      ))}
    </div>
  );
}
