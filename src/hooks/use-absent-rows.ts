import { useCallback, useState } from 'react';
import type { AbsentRows } from '../contract';
import { useSession, useSessionSnapshot } from './session-context';

/**
 * The import's question about extract files whose absent rows are not declared, and the answer to it: kept with the
 * workspace and followed by a rebuild of the cube. One answer at a time; one that fails says why.
 */
export function useAbsentRowsQuestion() {
  const session = useSession();
  const { absentRowsQuestions } = useSessionSnapshot();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const answer = useCallback(
    async (file: string, reading: AbsentRows) => {
      setBusy(file);
      setError(null);
      try {
        await session.answerAbsentRows(file, reading);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(null);
      }
    },
    [session],
  );
  return { files: absentRowsQuestions, answer, busy, error };
}
