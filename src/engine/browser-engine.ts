import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { Table } from 'apache-arrow';
import { ENGINE_QUERY_CONFIG, ENGINE_SETUP_SQL, type Engine } from './engine-types';
import { queuedEngine } from './queued-engine';
import { setParquetWasmSource } from './parquet-reader';

/**
 * DuckDB-WASM in its Web Worker. The wasm and worker files are served from our own origin (Vite `?url`
 * imports), never from a CDN, so starting the engine makes no third-party request.
 */
export async function createBrowserEngine(): Promise<Engine> {
  // Parquet is read to Arrow by parquet-wasm, served from our own origin like the engine's files.
  setParquetWasmSource(() => parquetWasmUrl);
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const worker = new Worker(bundle.mainWorker as string);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: ENGINE_QUERY_CONFIG });
  const conn = await db.connect();
  for (const sql of ENGINE_SETUP_SQL) await conn.query(sql);

  return queuedEngine({
    run: async (sql) => (await conn.query(sql)) as unknown as Table,
    runIpc: (sql) => conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql)),
    insertIpc: (bytes, name, create) => conn.insertArrowFromIPCStream(bytes, { name, create }),
    registerFile: (name, bytes) => db.registerFileBuffer(name, bytes),
    dropFile: (name) => db.dropFile(name),
    close: async () => {
      await conn.close();
      await db.terminate();
    },
  });
}
