import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parquetMetadata } from 'hyparquet';

/** Where the bare load's files are served from, inside the preview server's folder (same origin, so the CSP allows them). */
const FOLDER = 'bench-bare-load';

export interface BareLoad {
  rows: number;
  rowGroups: number;
  /** Decoding every row group to Arrow IPC with parquet-wasm, in the page's main thread. */
  readMs: number;
  /** Inserting each row group's IPC into a new table of the app's DuckDB worker (post to reply). */
  insertMs: number;
  /** Fetching the file, reading and inserting: first byte to last reply. */
  totalMs: number;
}

/** Copies parquet-wasm's browser build and the Parquet file beside the built app, for bareLoadInPage. */
export function serveBareLoadFiles(dist: string, parquet: string, name: string): void {
  const require = createRequire(import.meta.url);
  const dir = path.join(dist, FOLDER);
  mkdirSync(dir, { recursive: true });
  for (const f of ['parquet_wasm.js', 'parquet_wasm_bg.wasm'])
    copyFileSync(require.resolve(`parquet-wasm/esm/${f}`), path.join(dir, f));
  copyFileSync(parquet, path.join(dir, `${name}.parquet`));
}

/**
 * The bare engine's load of the same file, in the same page, after the app's: the Parquet file read to Arrow by
 * parquet-wasm a row group at a time and inserted into the app's own DuckDB worker with nothing else (no checks,
 * no staging, no row numbers, no commit, no cube), then dropped. What the app's load is measured against.
 */
export async function bareLoadInPage(page: Page, parquet: string, name: string): Promise<BareLoad> {
  const bytes = readFileSync(parquet);
  const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const rowGroups = metadata.row_groups.length;
  const rows = Number(metadata.num_rows);
  const times = await page.evaluate(
    async ([root, file, groups]) => {
      type Pw = {
        default: (o: { module_or_path: string }) => Promise<unknown>;
        readParquet: (b: Uint8Array, o: { rowGroups: number[] }) => { intoIPCStream: () => Uint8Array };
      };
      const pw = (await import(/* @vite-ignore */ `${root}/parquet_wasm.js`)) as Pw;
      await pw.default({ module_or_path: `${root}/parquet_wasm_bg.wasm` });
      const t0 = performance.now();
      const bytes = new Uint8Array(await (await fetch(`${root}/${file}.parquet`)).arrayBuffer());
      let readMs = 0;
      let insertMs = 0;
      for (let g = 0; g < groups; g++) {
        const t = performance.now();
        const ipc = pw.readParquet(bytes, { rowGroups: [g] }).intoIPCStream();
        readMs += performance.now() - t;
        insertMs += await window.__benchControl.insertIpc(ipc, 'bench_bare_load', g === 0);
      }
      const totalMs = performance.now() - t0;
      await window.__benchControl.run('DROP TABLE bench_bare_load');
      return { readMs, insertMs, totalMs };
    },
    [`/${FOLDER}`, name, rowGroups] as const,
  );
  return { rows, rowGroups, ...times };
}
