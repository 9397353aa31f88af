import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Whether a test file restores the demo snapshot (test/fixtures/protected-demo.ts or demo-snapshot-cache.ts). */
const readsDemoSnapshot = (file: string): boolean =>
  /fixtures\/(protected-demo|demo-snapshot-cache)'/.test(readFileSync(file, 'utf8'));

/**
 * The usual order (slowest first when earlier runs are known), except that files restoring the demo snapshot come
 * after the others: on a fresh checkout the snapshot is being made (test/global-setup.ts) while those run.
 */
class SnapshotLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const later = sorted.filter((f) => readsDemoSnapshot(f.moduleId));
    return [...sorted.filter((f) => !later.includes(f)), ...later];
  }
}

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/component/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
    sequence: { sequencer: SnapshotLastSequencer },
    // One test file per core. The slow files spend their time in the engine's single-threaded wasm and the main
    // process waits, so vitest's default (a core fewer than the machine has) leaves one of CI's two cores idle.
    // On a machine shared with other work, pass --maxWorkers=1.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
