import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
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

/** Every test file, as a path from the root (what `include` matches). */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : /\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/**
 * Files that replace a module or a global for their own tests (vi.mock, vi.stubGlobal): in a shared module graph
 * the replacement could miss a module another file loaded first, or reach the next file.
 */
const replacesModules = (file: string): boolean => /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/.test(readFileSync(file, 'utf8'));
const ISOLATED = [...testFiles('test/unit'), ...testFiles('test/component')].filter(replacesModules);

export default defineConfig({
  test: {
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    sequence: { sequencer: SnapshotLastSequencer },
    // One test file per core. The slow files spend their time in the engine's single-threaded wasm and the main
    // process waits, so vitest's default (a core fewer than the machine has) leaves one of CI's two cores idle.
    // On a machine shared with other work, pass --maxWorkers=1.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files share a worker's module graph (isolate: false): each file's own import of the engine, React and
    // the source tree cost CI about 100 s of CPU in all. The files that replace a module or a global keep a graph
    // of their own. Module state in src that a file could leave behind is a defect the shared run shows.
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/unit/**/*.test.ts', 'test/component/**/*.test.tsx'],
          exclude: ISOLATED,
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
