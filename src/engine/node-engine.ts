import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import { ENGINE_QUERY_CONFIG, ENGINE_SETUP_SQL, type Engine } from './engine-types';
import { queuedEngine } from './queued-engine';
import { setParquetWasmSource } from './parquet-reader';

type Blocking = typeof import('@duckdb/duckdb-wasm/blocking');

/** The Node engine, plus the size of its WebAssembly memory (which only grows: the peak of a load). */
export interface NodeEngine extends Engine {
  wasmHeapBytes(): number;
}

/**
 * The same DuckDB-WASM package, through its Node bundle: used by tests, scripts and the benchmark's
 * bare-engine timings. Synchronous underneath; wrapped in promises to share the Engine interface.
 */
export async function createNodeEngine(): Promise<NodeEngine> {
  const require = createRequire(import.meta.url);
  setParquetWasmSource(() => readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')));
  const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const duckdb = require(entry) as Blocking;
  const dir = path.dirname(entry);
  const bundles = {
    mvp: { mainModule: path.join(dir, 'duckdb-mvp.wasm'), mainWorker: path.join(dir, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dir, 'duckdb-eh.wasm'), mainWorker: path.join(dir, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: ENGINE_QUERY_CONFIG });
  const conn = db.connect();
  for (const sql of ENGINE_SETUP_SQL) conn.query(sql);

  return {
    ...queuedEngine({
      run: (sql) => conn.query(sql) as unknown as Table,
      // A copy: the result is a view of WebAssembly memory, which the next statement may reuse.
      runIpc: (sql) => conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql)).slice(),
      insertIpc: (bytes, name, create) => conn.insertArrowFromIPCStream(bytes, { name, create }),
      registerFile: (name, bytes) => db.registerFileBuffer(name, bytes),
      dropFile: (name) => db.dropFile(name),
      close: () => {
        conn.close();
        db.reset();
      },
    }),
    wasmHeapBytes(): number {
      return (db.mod as unknown as { HEAPU8: Uint8Array }).HEAPU8.length;
    },
  };
}
