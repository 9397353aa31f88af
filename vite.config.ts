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

// Everything the page needs is served from its own origin: the engine's wasm and worker files come in
// through `?url` imports and the demo data through the bundle, so nothing is fetched from elsewhere
// unless the deployment allows a site (see src/deployment/allowed-origins.ts).
export default defineConfig(({ mode }) => {
  const origins = parseAllowedOrigins(loadEnv(mode, process.cwd(), 'VITE_').VITE_ALLOWED_ORIGINS);
  return {
    plugins: [react(), contentSecurityPolicy(origins)],
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
