import { useCallback, useState } from 'react';
import type { LoadProgress } from '../import/load-files';
import { askToKeepStorage } from '../workspace/workspace-store';
import { useSession, useSessionSnapshot } from './session-context';

type Action = 'demo' | 'open' | 'forget' | 'keep';

/**
 * The workspace shown and what is kept on this device, with the person's actions on them: back to the demo, open
 * the stored workspace, forget it (or what a store cut off left), ask the browser to keep it. One action at a
 * time; an action that fails says why.
 */
export function useWorkspace() {
  const session = useSession();
  const { workspace, storage } = useSessionSnapshot();
  const [busy, setBusy] = useState<Action | null>(null);
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kept, setKept] = useState<boolean | null>(null);

  const run = useCallback(async (action: Action, task: () => Promise<unknown>) => {
    setBusy(action);
    setError(null);
    try {
      await task();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }, []);

  return {
    workspace,
    storage,
    busy,
    progress,
    error,
    /** Whether the browser agreed to keep the data when short of space (null until asked). */
    kept,
    showDemo: () => run('demo', () => session.showDemo()),
    openStored: () => run('open', () => session.openStored(setProgress)),
    forget: () => run('forget', () => session.forgetStored()),
    forgetUnfinished: () => run('forget', () => session.forgetUnfinished()),
    // Asked only when the person presses the button: some browsers ask them to confirm.
    askToKeep: () => run('keep', async () => setKept(await askToKeepStorage())),
  };
}
