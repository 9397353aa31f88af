import { tableToIPC, type Table } from 'apache-arrow';
import { throwIfSuperseded } from './abort';
import { statementQueue } from './statement-queue';
import { arrowToRows } from './arrow-rows';
import type { Engine, Row } from './engine-types';

/**
 * What one DuckDB-WASM connection must offer for an Engine, whichever bundle it comes from: the browser's is
 * asynchronous (a Web Worker), the Node bundle's synchronous, so each step may return a value or a promise.
 */
export interface EngineConnection {
  run(sql: string): Table | Promise<Table>;
  runIpc(sql: string): Uint8Array | Promise<Uint8Array>;
  insertIpc(bytes: Uint8Array, name: string, create: boolean): unknown;
  registerFile(name: string, bytes: Uint8Array): unknown;
  dropFile(name: string): unknown;
  close(): unknown;
}

/**
 * The Engine over a connection, every statement queued one after another (statement-queue.ts) so both bundles
 * give the same ordering and the same cancellation of queued reads.
 */
export function queuedEngine(conn: EngineConnection): Engine {
  const serial = statementQueue();
  const done = async (step: unknown): Promise<void> => {
    await step;
  };
  return {
    query<T extends Row = Row>(sql: string, signal?: AbortSignal): Promise<T[]> {
      // Checked when the statement reaches the head of the queue: a superseded request's later statements are
      // dropped there, so the engine goes straight on to the request that replaced it.
      return serial(async () => {
        throwIfSuperseded(signal);
        return arrowToRows<T>(await conn.run(sql));
      });
    },
    queryArrow: (sql) => serial(() => conn.run(sql)),
    queryIpc: (sql) => serial(() => conn.runIpc(sql)),
    exec: (sql) => serial(() => done(conn.run(sql))),
    // Serialised on our side with our copy of apache-arrow: the Node bundle require()s its own CommonJS copy,
    // which does not recognise tables made by the ES-module copy (the dual-package hazard) and inserts nothing.
    insertArrow: (table, name, mode) => serial(() => done(conn.insertIpc(tableToIPC(table, 'stream'), name, mode === 'create'))),
    insertIpc: (bytes, name, mode) => serial(() => done(conn.insertIpc(bytes, name, mode === 'create'))),
    registerFile: (name, bytes) => serial(() => done(conn.registerFile(name, bytes))),
    dropFile: (name) => serial(() => done(conn.dropFile(name))),
    close: () => serial(() => done(conn.close())),
  };
}
