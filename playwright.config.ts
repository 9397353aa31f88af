import { defineConfig } from '@playwright/test';

// Debian's chromium, launched with the flags that keep it from calling home: the tests also assert that
// the page itself makes no request beyond its own origin.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// E2E_PORT and E2E_DIST let several builds be tested side by side (for example in git worktrees).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  // Stored chart pictures (chart-pictures.spec.ts) sit beside the specs, one per chart, whatever the platform: CI
  // runs the same Debian chromium. 0.1% of pixels absorbs anti-aliasing; a moved bar or line changes far more.
  snapshotPathTemplate: '{testDir}/__pictures__/{arg}{ext}',
  expect: { timeout: 30_000, toHaveScreenshot: { maxDiffPixelRatio: 0.001, animations: 'disabled' } },
  // Spec files run one after another by default (tests within a file always share their order). Each spec keeps
  // its servers, ports and output to itself, so E2E_WORKERS=2 runs two files at once on an otherwise idle machine.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 900 },
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
