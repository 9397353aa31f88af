import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The file whose load of the demo makes the shared snapshot on a fresh checkout (see its beforeAll). */
const makesDemoSnapshot = (file: string): boolean => file.endsWith('test/unit/session/demo-snapshot.test.ts');

/** Whether a test file restores the demo snapshot (test/fixtures/protected-demo.ts or demo-snapshot-cache.ts). */
const readsDemoSnapshot = (file: string): boolean =>
  /fixtures\/(protected-demo|demo-snapshot-cache)'/.test(readFileSync(file, 'utf8'));

/**
 * The usual order (slowest first when earlier runs are known), except that the file making the demo snapshot comes
 * first and files restoring it after the others: on a fresh checkout it is being made while those run, and a
 * file that asks for it before it is written waits for it (scripts/demo-snapshot-cache.ts) rather than making it
 * again.
 */
class SnapshotLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = sorted.filter((f) => makesDemoSnapshot(f.moduleId));
    const later = sorted.filter((f) => !first.includes(f) && readsDemoSnapshot(f.moduleId));
    return [...first, ...sorted.filter((f) => !first.includes(f) && !later.includes(f)), ...later];
  }
}

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/component/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    sequence: { sequencer: SnapshotLastSequencer },
    // One test file per core. The slow files spend their time in the engine's single-threaded wasm and the main
    // process waits, so vitest's default (a core fewer than the machine has) leaves one of CI's two cores idle.
    // On a machine shared with other work, pass --maxWorkers=1.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
