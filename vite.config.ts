import { readFile } from 'node:fs/promises';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { parseAllowedOrigins, widenContentSecurityPolicy } from './src/deployment/allowed-origins.ts';
import { cachedDemoSnapshotFile } from './scripts/demo-snapshot-cache.ts';

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
 * Ships the demo snapshot (scripts/build-demo-snapshot.ts: the demo loaded and protected by this same code on the
 * engine's Node bundle) next to index.html; see src/session/demo-snapshot.ts. Taken from the cache the unit tests
 * share (scripts/demo-snapshot-cache.ts), named by a hash of every input, so a build after the tests, or a second
 * build that changes only the page's settings, does not load and protect the demo again.
 */
function demoSnapshot(): Plugin {
  let job: Promise<Buffer> | null = null;
  const build = async () => {
    const file = await cachedDemoSnapshotFile((line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`demo snapshot: ${file}\n`);
    return readFile(file);
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
