import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/component/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // One test file per core. The slow files spend their time in the engine's single-threaded wasm and the main
    // process waits, so vitest's default (a core fewer than the machine has) leaves one of CI's two cores idle.
    // On a machine shared with other work, pass --maxWorkers=1.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
