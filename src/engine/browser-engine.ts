import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { tableToIPC, type Table } from 'apache-arrow';
import { throwIfSuperseded } from './abort';
import { statementQueue } from './statement-queue';
import { arrowToRows } from './arrow-rows';
import { ENGINE_QUERY_CONFIG, ENGINE_SETUP_SQL, type Engine, type Row } from './engine-types';
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

  const serial = statementQueue();

  return {
    query<T extends Row = Row>(sql: string, signal?: AbortSignal): Promise<T[]> {
      // Checked when the statement reaches the head of the queue: a superseded request's later statements are
      // dropped there, so the worker goes straight on to the request that replaced it.
      return serial(async () => {
        throwIfSuperseded(signal);
        return arrowToRows<T>((await conn.query(sql)) as unknown as Table);
      });
    },
    queryArrow(sql: string): Promise<Table> {
      return serial(async () => (await conn.query(sql)) as unknown as Table);
    },
    queryIpc(sql: string): Promise<Uint8Array> {
      return serial(() => conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql)));
    },
    exec(sql: string): Promise<void> {
      return serial(async () => {
        await conn.query(sql);
      });
    },
    insertArrow(table: Table, name: string, mode: 'create' | 'append'): Promise<void> {
      // Serialised on our side with our copy of apache-arrow, as in the Node engine, so the two agree.
      return serial(() => conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name, create: mode === 'create' }));
    },
    insertIpc(bytes: Uint8Array, name: string, mode: 'create' | 'append'): Promise<void> {
      return serial(() => conn.insertArrowFromIPCStream(bytes, { name, create: mode === 'create' }));
    },
    registerFile(name: string, bytes: Uint8Array): Promise<void> {
      return serial(() => db.registerFileBuffer(name, bytes));
    },
    dropFile(name: string): Promise<void> {
      return serial(async () => {
        await db.dropFile(name);
      });
    },
    close(): Promise<void> {
      return serial(async () => {
        await conn.close();
        await db.terminate();
      });
    },
  };
}
