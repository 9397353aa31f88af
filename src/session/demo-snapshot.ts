import { Dictionary, Int32, Table, tableFromIPC, tableToIPC, Type, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import type { Audience } from '../contract';
import type { Engine } from '../engine/engine-types';
import { ident } from '../engine/sql-literals';
import type { ProtectionSummary } from '../disclosure/protect-cube';
import type { FileOutcome, LoadedState } from '../import/load-files';

/**
 * The embedded demo as the build leaves it: loaded, checked, its cube built and protected for analysts, every
 * table of the engine written out as Arrow IPC. The demo is the same at every open, so the page restores these
 * tables instead of spending seconds of the user's CPU redoing the same work before the first chart. Built by
 * the same code in the same build (scripts/build-demo-snapshot.ts), so it cannot drift from it; the other
 * audiences are still protected in the page, on first use.
 */
export interface DemoSnapshot {
  state: LoadedState;
  lastLoad: FileOutcome[];
  protection: Partial<Record<Audience, ProtectionSummary>>;
  tables: SnapshotTable[];
}

export interface SnapshotTable {
  name: string;
  /** Column names and engine types, so the restored table has the types the load gave it. */
  columns: { name: string; type: string }[];
  ipc: Uint8Array;
}

type Header = Omit<DemoSnapshot, 'tables'> & {
  format: typeof FORMAT;
  tables: (Omit<SnapshotTable, 'ipc'> & { bytes: number })[];
};

/**
 * Restored only when something reads them, not before the first chart: the cube is read only to protect it for
 * another audience or to publish a bundle, and it is a quarter of the snapshot.
 */
export const RESTORED_ON_DEMAND: ReadonlySet<string> = new Set(['cube']);

const MAGIC = 'VRNDEMO';
const FORMAT = 1;

/** Reads every table the session's engine holds, with what the session knows about them. */
export async function dumpEngineTables(engine: Engine): Promise<SnapshotTable[]> {
  const names = await engine.query<{ name: string }>(
    "SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY table_name",
  );
  const tables: SnapshotTable[] = [];
  for (const { name } of names) {
    const columns = await tableColumns(engine, name);
    // Scanned in insertion order, so a table kept sorted for block skipping is restored sorted.
    tables.push({ name, columns, ipc: dictionaryEncoded(await engine.queryIpc(`SELECT * FROM ${ident(name)}`)) });
  }
  return tables;
}

/** Text columns as dictionaries: a few distinct codes repeated 100k times, so the file is half the size. */
function dictionaryEncoded(ipc: Uint8Array): Uint8Array {
  const table = tableFromIPC(ipc);
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name) as Vector;
    columns[field.name] =
      field.type.typeId === Type.Utf8
        ? vectorFromArray(vector.toArray() as (string | null)[], new Dictionary(new Utf8(), new Int32()))
        : vector;
  }
  return tableToIPC(new Table(columns), 'stream');
}

/**
 * Replaces the engine's tables of the same names with the snapshot's. Straight into place, no copy; Arrow gives
 * each column the type it had, which the build checks (scripts/build-demo-snapshot.ts) so the page need not.
 */
export async function restoreEngineTables(engine: Engine, tables: readonly SnapshotTable[]): Promise<void> {
  // Few statements: each is a round trip to the engine's worker, on a page that is busy starting up.
  await engine.exec(tables.map((t) => `DROP TABLE IF EXISTS ${ident(t.name)}`).join(';\n'));
  for (const t of tables) await engine.insertIpc(t.ipc, t.name, 'create');
}

/** The columns of a table with their types, as the snapshot records them. */
export function tableColumns(engine: Engine, table: string): Promise<{ name: string; type: string }[]> {
  return engine.query<{ name: string; type: string }>(columnsSql(table));
}

function columnsSql(table: string): string {
  return `SELECT column_name AS name, data_type AS type FROM duckdb_columns()
          WHERE schema_name = 'main' AND table_name = '${table.replaceAll("'", "''")}' ORDER BY column_index`;
}

/** One gzipped file: a magic word and format number, a JSON header, then each table's IPC bytes in turn. */
export async function encodeSnapshot(snapshot: DemoSnapshot): Promise<Uint8Array> {
  const header: Header = {
    format: FORMAT,
    state: snapshot.state,
    lastLoad: snapshot.lastLoad,
    protection: snapshot.protection,
    tables: snapshot.tables.map(({ name, columns, ipc }) => ({ name, columns, bytes: ipc.length })),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const prefix = new TextEncoder().encode(MAGIC);
  const total = prefix.length + 5 + json.length + snapshot.tables.reduce((s, t) => s + t.ipc.length, 0);
  const out = new Uint8Array(total);
  out.set(prefix, 0);
  const view = new DataView(out.buffer);
  view.setUint8(prefix.length, FORMAT);
  view.setUint32(prefix.length + 1, json.length, true);
  let at = prefix.length + 5;
  out.set(json, at);
  at += json.length;
  for (const t of snapshot.tables) {
    out.set(t.ipc, at);
    at += t.ipc.length;
  }
  return transform(out, new CompressionStream('gzip'));
}

/**
 * Reads a snapshot, or returns null when the bytes are not one this code can read (an older format, or a
 * server's fallback page), so the caller loads the demo the ordinary way.
 */
export async function decodeSnapshot(bytes: Uint8Array): Promise<DemoSnapshot | null> {
  // A server may have undone the gzip already (Content-Encoding); both arrive here.
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? await transform(bytes, new DecompressionStream('gzip')) : bytes;
  const magic = new TextEncoder().encode(MAGIC);
  if (raw.length < magic.length + 5 || magic.some((b, i) => raw[i] !== b)) return null;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (view.getUint8(magic.length) !== FORMAT) return null;
  const jsonLength = view.getUint32(magic.length + 1, true);
  let at = magic.length + 5;
  const header = JSON.parse(new TextDecoder().decode(raw.subarray(at, at + jsonLength))) as Header;
  at += jsonLength;
  const tables = header.tables.map(({ name, columns, bytes: n }) => {
    // Each its own buffer: the browser engine transfers the buffer it is given to its worker, detaching it.
    const ipc = raw.slice(at, at + n);
    at += n;
    return { name, columns, ipc };
  });
  if (at !== raw.length) return null;
  return { state: header.state, lastLoad: header.lastLoad, protection: header.protection, tables };
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}
