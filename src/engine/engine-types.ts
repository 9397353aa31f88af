import type { Table } from 'apache-arrow';

/** A query result row as views and hooks may see it: plain numbers, strings, booleans and nulls only. */
export type Scalar = number | string | boolean | null;
export type Row = Record<string, Scalar>;

/**
 * The one interface to the SQL engine. The browser implementation talks to DuckDB-WASM in its Web
 * Worker; the Node implementation (tests, scripts, benchmarks) runs the same package's Node bundle, so
 * every query is exercised against the real engine.
 */
export interface Engine {
  /**
   * Runs SQL and returns plain rows (BigInt and DECIMAL already converted to numbers). If the signal has aborted
   * by the time the statement's turn comes, it is not run and the promise rejects with an AbortError.
   */
  query<T extends Row = Row>(sql: string, signal?: AbortSignal): Promise<T[]>;
  /** The signal every read carries when the engine came from withSignal (a view's request), else none. */
  readonly signal?: AbortSignal;
  /** Runs SQL and returns the Arrow table unchanged (for bulk transfer to the disclosure layer). */
  queryArrow(sql: string): Promise<Table>;
  /** Runs SQL and returns the result as Arrow IPC bytes, undecoded (to hand on to a worker as they are). */
  queryIpc(sql: string): Promise<Uint8Array>;
  /** Runs statements for their effect. */
  exec(sql: string): Promise<void>;
  /** Creates (or appends to) a table from an Arrow table. */
  insertArrow(table: Table, name: string, mode: 'create' | 'append'): Promise<void>;
  /**
   * The same from Arrow IPC stream bytes as they are, without decoding them first. The browser engine transfers
   * the bytes' whole buffer to its worker: the caller must not use it (or any view of it) again.
   */
  insertIpc(bytes: Uint8Array, name: string, mode: 'create' | 'append'): Promise<void>;
  /** Makes bytes readable by SQL under a virtual file name (CSV reading is built into the engine). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Statements run once at start-up. Extension auto-install/auto-load are switched off: the engine's own
 * Parquet/JSON/HTTP extensions would be downloaded from the internet, and no request may leave the page.
 * Tables live in a compressed in-memory database: the default one stores every value uncompressed (about
 * 120 bytes an extract row), and WebAssembly memory never shrinks, so 10M rows would keep over a gigabyte of
 * the page's memory; compressed, the repeated codes and small counts of an extract take a few bytes a row.
 */
export const ENGINE_SETUP_SQL = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET preserve_insertion_order = true',
  "ATTACH ':memory:' AS store (COMPRESS)",
  'USE store',
];

/** Query options that keep BigInt and DECIMAL out of results. */
export const ENGINE_QUERY_CONFIG = { castBigIntToDouble: true, castDecimalToDouble: true } as const;
