import init, { readParquet } from 'parquet-wasm/esm/parquet_wasm.js';

/** Where parquet-wasm's module comes from: a URL the page serves (Vite `?url`), or its bytes (Node). */
type WasmSource = () => string | URL | BufferSource | Promise<string | URL | BufferSource>;

let source: WasmSource | null = null;
let ready: Promise<boolean> | null = null;

/**
 * Set by whichever engine is started (browser-engine.ts, node-engine.ts), so the loader itself never imports a
 * `?url` asset (which Node cannot) nor `node:fs` (which the page cannot).
 */
export function setParquetWasmSource(from: WasmSource): void {
  if (source) return;
  source = from;
}

/**
 * parquet-wasm, initialised once; null when no engine has said where its module is or it would not start, so
 * that the caller reads the file the slower way (hyparquet in JavaScript) rather than not at all.
 */
export async function parquetWasm(): Promise<{ readParquet: typeof readParquet } | null> {
  if (!source) return null;
  const from = source;
  ready ??= (async () => {
    try {
      await init({ module_or_path: await from() });
      return true;
    } catch {
      return false;
    }
  })();
  return (await ready) ? { readParquet } : null;
}
