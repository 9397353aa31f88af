import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Everything the page needs is served from its own origin: the engine's wasm and worker files come in
// through `?url` imports and the demo data through the bundle, so nothing is fetched from elsewhere.
export default defineConfig({
  plugins: [react()],
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
});
