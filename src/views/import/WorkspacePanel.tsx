import { useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../../hooks/use-workspace';
import './workspace.css';

/** "1.4 MB": the space stored files take, in the unit people see in their browser's settings. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return mb < 0.1 ? 'less than 0.1 MB' : `${mb.toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

const focus = (id: string) => document.getElementById(id)?.focus();

/**
 * Which workspace is shown, and what is kept on this device. The demo and the person's own files never mix: their
 * files start a workspace of their own, and they can go back to the demo at any time. Their workspace is stored
 * in this browser only, is opened again on the next visit, and "Forget this data" removes every trace of it.
 */
export function WorkspacePanel() {
  const w = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const { workspace, storage } = w;
  // The control pressed goes away with what it changed: focus moves to what replaced it, never to the page's top.
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) focus('forget-question');
    else if (asked.current) focus('forget-button');
    asked.current = confirming;
  }, [confirming]);
  const then = (task: () => Promise<unknown>) => () => void task().then(() => focus('workspace-title'));
  if (workspace.kind === 'bundle') return null;
  const stored = storage.stored;
  const busy = w.busy !== null;

  const forgetControls = confirming ? (
    <div className="workspace-panel__confirm" role="group" aria-labelledby="forget-question">
      <p id="forget-question" tabIndex={-1}>
        <strong>Forget this data?</strong> Your files and settings are removed from this device
        {workspace.kind === 'own' ? ', and the synthetic demo is shown instead' : ''}. This cannot be undone.
      </p>
      <button
        type="button"
        className="button workspace-panel__danger"
        disabled={busy}
        onClick={() =>
          void w.forget().then(() => {
            asked.current = false;
            setConfirming(false);
            focus('workspace-title');
          })
        }
      >
        Yes, forget this data
      </button>{' '}
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  ) : (
    <button type="button" className="button" id="forget-button" disabled={busy} onClick={() => setConfirming(true)}>
      Forget this data
    </button>
  );

  return (
    <section className="workspace-panel" aria-labelledby="workspace-title">
      <h2 id="workspace-title" tabIndex={-1}>
        Your workspace
      </h2>
      {storage.unfinished ? (
        <div className="notice notice--warning" data-testid="unfinished-store">
          <p role="alert">{storage.unfinished.message}</p>
          <p className="workspace-panel__actions">
            {/* The file chooser of this page (ImportView), opened as its own label would. */}
            <button
              type="button"
              className="button button--primary"
              onClick={() => document.getElementById('file-input')?.click()}
            >
              Choose the files again
            </button>{' '}
            <button type="button" className="button" disabled={busy} onClick={then(w.forgetUnfinished)}>
              Remove the partly stored files
            </button>
          </p>
        </div>
      ) : null}
      {workspace.kind === 'demo' ? (
        <>
          <p data-testid="workspace-statement">
            You are looking at the synthetic demo. Your files start a workspace of your own; the demo is put away, and nothing of
            it mixes with your data. You can go back to the demo at any time.
          </p>
          {stored ? (
            <div className="workspace-panel__stored">
              <p>
                A workspace of yours is stored on this device
                {stored.title ? (
                  <>
                    : <strong>{stored.title}</strong>
                  </>
                ) : null}{' '}
                ({stored.files} {stored.files === 1 ? 'file' : 'files'}, {formatMegabytes(stored.bytes)}). Files you load now
                start a new workspace in its place.
              </p>
              <p className="workspace-panel__actions">
                <button type="button" className="button button--primary" disabled={busy} onClick={then(w.openStored)}>
                  Open your stored workspace
                </button>{' '}
                {forgetControls}
              </p>
            </div>
          ) : storage.problem?.kind === 'damaged' ? (
            <p className="workspace-panel__actions">{forgetControls}</p>
          ) : null}
        </>
      ) : (
        <>
          <p data-testid="workspace-statement">
            This is your own workspace: the synthetic demo is put away, and nothing of it is mixed with your files.{' '}
            <button type="button" className="link-button" disabled={busy} onClick={then(w.showDemo)}>
              Back to the demo
            </button>
          </p>
          {storage.available ? (
            <div className="workspace-panel__stored" data-testid="storage-statement">
              {storage.saving ? (
                <p role="status">Storing your files on this device…</p>
              ) : stored ? (
                <p role="status">
                  <strong>Stored on this device only ({formatMegabytes(stored.bytes)}).</strong> Your files and settings are kept
                  in this browser&apos;s own storage and opened again on your next visit; nothing is sent anywhere. A private
                  window forgets them when it is closed.
                </p>
              ) : (
                <p role="status">Nothing of this workspace is stored on this device yet.</p>
              )}
              <p className="workspace-panel__actions">
                {stored ? forgetControls : null}{' '}
                {stored && w.kept === null ? (
                  <button type="button" className="button" disabled={busy} onClick={() => void w.askToKeep()}>
                    Ask the browser to keep it when space is short
                  </button>
                ) : null}
              </p>
              {w.kept !== null ? (
                <p role="status">
                  {w.kept
                    ? 'The browser will keep it until you forget it.'
                    : 'The browser did not agree: it may remove the stored data if the device runs short of space.'}
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      )}
      {w.busy === 'open' || w.busy === 'demo' ? (
        <p role="status" aria-live="polite">
          {w.busy === 'demo'
            ? 'Putting your workspace away and opening the demo…'
            : `Opening your stored workspace${w.progress ? `: ${w.progress.step}` : ''}…`}
        </p>
      ) : null}
      {storage.problem ? (
        <p role="alert" className="notice notice--warning" data-testid="storage-problem">
          {storage.problem.message}
        </p>
      ) : null}
      {w.error ? (
        <p role="alert" className="notice notice--error">
          {w.error}
        </p>
      ) : null}
    </section>
  );
}
