import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tableToIPC, type Table } from 'apache-arrow';
import { throwIfSuperseded } from './abort';
import { statementQueue } from './statement-queue';
import { arrowToRows } from './arrow-rows';
import { ENGINE_QUERY_CONFIG, ENGINE_SETUP_SQL, type Engine, type Row } from './engine-types';
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

  // Queued like the browser engine's, so tests see the same ordering and the same cancellation of queued reads.
  const serial = statementQueue();

  return {
    query<T extends Row = Row>(sql: string, signal?: AbortSignal): Promise<T[]> {
      return serial(() => {
        throwIfSuperseded(signal);
        return arrowToRows<T>(conn.query(sql) as unknown as Table);
      });
    },
    queryArrow(sql: string): Promise<Table> {
      return serial(() => conn.query(sql) as unknown as Table);
    },
    queryIpc(sql: string): Promise<Uint8Array> {
      return serial(() => conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql)).slice());
    },
    exec(sql: string): Promise<void> {
      return serial(() => void conn.query(sql));
    },
    insertArrow(table: Table, name: string, mode: 'create' | 'append'): Promise<void> {
      // Serialised here: the Node bundle require()s its own CommonJS copy of apache-arrow, which does not
      // recognise tables made by the ES-module copy (the dual-package hazard) and silently inserts nothing.
      return serial(() => conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name, create: mode === 'create' }));
    },
    insertIpc(bytes: Uint8Array, name: string, mode: 'create' | 'append'): Promise<void> {
      return serial(() => conn.insertArrowFromIPCStream(bytes, { name, create: mode === 'create' }));
    },
    registerFile(name: string, bytes: Uint8Array): Promise<void> {
      return serial(() => db.registerFileBuffer(name, bytes));
    },
    dropFile(name: string): Promise<void> {
      return serial(() => db.dropFile(name));
    },
    wasmHeapBytes(): number {
      return (db.mod as unknown as { HEAPU8: Uint8Array }).HEAPU8.length;
    },
    close(): Promise<void> {
      return serial(() => {
        conn.close();
        db.reset();
      });
    },
  };
}
