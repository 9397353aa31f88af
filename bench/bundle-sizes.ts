import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}

export interface BundleReport {
  /** Every JavaScript file of the app, gzipped, without DuckDB's worker files. */
  appJsGzip: number;
  /** What the first page load fetches: the entry chunk and its static imports. */
  firstLoadJsGzip: number;
  firstLoadFiles: string[];
  lazyChunks: { file: string; gzip: number; from: string }[];
  /** DuckDB's wasm and worker files, uncompressed and gzipped. */
  engineBytes: number;
  engineGzip: number;
  /** Whether the map (Leaflet) and chart (Recharts) code is in the first load. */
  leafletInFirstLoad: boolean;
  rechartsInFirstLoad: boolean;
  cssGzip: number;
  /** Worker scripts of the app (protection), gzipped. */
  workerJsGzip: number;
}

const isEngine = (f: string) => /duckdb/i.test(f);

/**
 * Sizes of a Vite build made with `--manifest`. The first load is read from the manifest: the entry and the
 * chunks it imports statically; dynamically imported chunks (the map, the cohorts and overview views) come later.
 */
export function bundleSizes(dist: string): BundleReport {
  const assets = path.join(dist, 'assets');
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length;
  let appJsGzip = 0;
  let engineBytes = 0;
  let engineGzip = 0;
  let cssGzip = 0;
  for (const f of readdirSync(assets)) {
    const rel = path.join('assets', f);
    if (isEngine(f)) {
      engineBytes += statSync(path.join(assets, f)).size;
      engineGzip += gz(rel);
    } else if (f.endsWith('.js')) appJsGzip += gz(rel);
    else if (f.endsWith('.css')) cssGzip += gz(rel);
  }
  const manifestPath = path.join(dist, '.vite', 'manifest.json');
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>)
    : {};
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  const first = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || first.has(c.file)) return;
    first.add(c.file);
    for (const i of c.imports ?? []) visit(i);
  };
  if (entry) visit(entry[0]);
  const firstLoadFiles = [...first].filter((f) => f.endsWith('.js'));
  const lazyChunks = Object.values(manifest)
    .filter((c) => c.file.endsWith('.js') && !first.has(c.file) && !isEngine(c.file))
    .map((c) => ({ file: c.file, gzip: gz(c.file), from: c.src ?? '' }))
    .sort((a, b) => b.gzip - a.gzip);
  const firstText = firstLoadFiles.map((f) => readFileSync(path.join(dist, f), 'utf8')).join('\n');
  // Workers are emitted as separate files that the manifest does not list as chunks.
  const listed = new Set(Object.values(manifest).map((c) => c.file));
  const workerJsGzip = readdirSync(assets)
    .filter((f) => f.endsWith('.js') && !isEngine(f) && !listed.has(path.join('assets', f)) && /worker/i.test(f))
    .reduce((sum, f) => sum + gz(path.join('assets', f)), 0);
  return {
    appJsGzip,
    firstLoadJsGzip: firstLoadFiles.reduce((sum, f) => sum + gz(f), 0),
    firstLoadFiles,
    lazyChunks,
    engineBytes,
    engineGzip,
    // Marker strings that only these libraries' code contains.
    leafletInFirstLoad: /leaflet-container|L\.Map\b|_leaflet_id/.test(firstText),
    rechartsInFirstLoad: /recharts-surface|recharts-wrapper/.test(firstText),
    cssGzip,
    workerJsGzip,
  };
}
