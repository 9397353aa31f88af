import { cachedDemoSnapshotFile } from '../scripts/demo-snapshot-cache';

/**
 * Starts making the demo snapshot (when this version of the code has none cached) as the run starts, in a process
 * of its own, while the workers run the files that do not need it (vitest.config.ts runs those first). Without
 * this, the first files to restore the demo each waited the minute it takes, with both cores but one idle.
 * Not awaited: a file that needs the snapshot waits on the cache's lock, and reports the build's failure itself.
 */
export default function startDemoSnapshot(): () => Promise<void> {
  const job = cachedDemoSnapshotFile().catch(() => undefined);
  return async () => {
    await job;
  };
}
