import { useCallback, useState } from 'react';
import type { BoundaryMode } from '../import/boundary-layers';
import type { FileOutcome, LoadProgress } from '../import/load-files';
import { useSession } from './session-context';

/** Reads the chosen files into memory and hands them to the session, reporting progress as it goes. */
export function useLoadFiles() {
  const session = useSession();
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [outcomes, setOutcomes] = useState<FileOutcome[] | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (files: readonly File[], options: { boundaryMode?: BoundaryMode } = {}) => {
      setBusy(true);
      setOutcomes(null);
      setProgress({ done: 0, total: files.length * 2, step: 'Reading files' });
      try {
        const inputs = await Promise.all(
          files.map(async (f) => ({
            name: f.name,
            bytes: new Uint8Array(await f.arrayBuffer()),
            blob: f,
            ...(options.boundaryMode ? { boundaryMode: options.boundaryMode } : {}),
          })),
        );
        setOutcomes(await session.load(inputs, setProgress));
      } finally {
        setBusy(false);
        setProgress(null);
      }
    },
    [session],
  );
  return { load, progress, outcomes, busy };
}
