import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { parseAllowedOrigins, widenContentSecurityPolicy } from './src/deployment/allowed-origins.ts';

/**
 * Writes the deployment's allowed origins (VITE_ALLOWED_ORIGINS) into the page's content security policy, so
 * boundary files and base-map tiles from those sites, and only those, can be fetched.
 */
function contentSecurityPolicy(origins: readonly string[]): Plugin {
  return {
    name: 'content-security-policy',
    transformIndexHtml: (html) =>
      html.replace(/(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/, (_, head: string, policy: string) => {
        return `${head}${widenContentSecurityPolicy(policy, origins)}"`;
      }),
  };
}

/**
 * Builds the demo snapshot (scripts/build-demo-snapshot.ts: the demo loaded and protected by this same code on
 * the engine's Node bundle) alongside the bundle, and ships it next to index.html; see src/session/demo-snapshot.ts.
 * A separate process, so the engine's Node bundle stays out of Vite's own.
 */
function demoSnapshot(): Plugin {
  let job: Promise<Buffer> | null = null;
  // DEMO_SNAPSHOT_FROM=<file>: the snapshot of a build of this same checkout, for a second build that changes only
  // the page's settings (test/e2e/allowed-origins.spec.ts), so the demo is not loaded and protected twice.
  const prebuilt = process.env.DEMO_SNAPSHOT_FROM;
  const build = async () => {
    if (prebuilt) {
      process.stdout.write(`demo snapshot: taken from ${prebuilt}\n`);
      return readFile(prebuilt);
    }
    const dir = await mkdtemp(join(tmpdir(), 'demo-snapshot-'));
    try {
      const out = join(dir, 'snapshot.bin');
      const root = fileURLToPath(new URL('.', import.meta.url));
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build-demo-snapshot.ts', out], {
        cwd: root,
      }).catch((e: unknown) => {
        // The script prints only its reason (for example: data/ holds data that are not synthetic); the build fails with it.
        const stderr = (e as { stderr?: string }).stderr?.trim();
        throw new Error(stderr || (e instanceof Error ? e.message : String(e)));
      });
      process.stdout.write(`${stdout.trim().split('\n').at(-1)}\n`);
      return await readFile(out);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  return {
    name: 'demo-snapshot',
    apply: 'build',
    buildStart() {
      job = build();
      job.catch(() => undefined);
    },
    async generateBundle() {
      if (!job) throw new Error('The demo snapshot was not started.');
      this.emitFile({ type: 'asset', fileName: 'demo-snapshot.bin', source: await job });
    },
  };
}

// Everything the page needs is served from its own origin: the engine's wasm and worker files come in
// through `?url` imports and the demo data through the bundle, so nothing is fetched from elsewhere
// unless the deployment allows a site (see src/deployment/allowed-origins.ts).
export default defineConfig(({ mode }) => {
  const origins = parseAllowedOrigins(loadEnv(mode, process.cwd(), 'VITE_').VITE_ALLOWED_ORIGINS);
  return {
    plugins: [react(), contentSecurityPolicy(origins), demoSnapshot()],
    base: './',
    build: {
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
    },
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    server: { port: 5173 },
    preview: { port: 4173 },
  };
});
