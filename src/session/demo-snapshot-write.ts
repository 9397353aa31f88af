import { Dictionary, Int32, Table, tableFromIPC, tableToIPC, Type, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import type { Engine } from '../engine/engine-types';
import { ident } from '../engine/sql-literals';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_MAGIC,
  SNAPSHOT_TABLES,
  transform,
  type DemoSnapshot,
  type SnapshotHeader,
  type SnapshotTable,
} from './demo-snapshot';

/*
 * Writing the demo snapshot: used by the build (scripts/build-demo-snapshot.ts) and tests, never by the page,
 * so the Arrow builders it needs stay out of the page's first load.
 */

/** Reads the tables a snapshot may hold (SNAPSHOT_TABLES) from the session's engine; each must be there. */
export async function dumpSnapshotTables(engine: Engine): Promise<SnapshotTable[]> {
  const tables: SnapshotTable[] = [];
  for (const name of SNAPSHOT_TABLES) {
    const columns = await tableColumns(engine, name);
    if (columns.length === 0) throw new Error(`The demo snapshot needs the table ${name}, which the engine does not hold.`);
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

/** The columns of a table with their types, as the snapshot records them. */
export function tableColumns(engine: Engine, table: string): Promise<{ name: string; type: string }[]> {
  return engine.query<{ name: string; type: string }>(columnsSql(table));
}

function columnsSql(table: string): string {
  return `SELECT column_name AS name, data_type AS type FROM duckdb_columns()
          WHERE database_name = current_database() AND schema_name = current_schema() AND table_name = '${table.replaceAll("'", "''")}' ORDER BY column_index`;
}

/** One gzipped file: a magic word and format number, a JSON header, then each table's IPC bytes in turn. */
export async function encodeSnapshot(snapshot: DemoSnapshot): Promise<Uint8Array> {
  // The file is served to anyone who opens the page: no raw extract or cube may ever be written into it.
  const unexpected = snapshot.tables.filter((t) => !SNAPSHOT_TABLES.includes(t.name)).map((t) => t.name);
  if (unexpected.length)
    throw new Error(`A demo snapshot holds protected tables and lookups only, not ${unexpected.join(', ')}.`);
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    state: snapshot.state,
    lastLoad: snapshot.lastLoad,
    protection: snapshot.protection,
    tables: snapshot.tables.map(({ name, columns, ipc }) => ({ name, columns, bytes: ipc.length })),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const prefix = new TextEncoder().encode(SNAPSHOT_MAGIC);
  const total = prefix.length + 5 + json.length + snapshot.tables.reduce((s, t) => s + t.ipc.length, 0);
  const out = new Uint8Array(total);
  out.set(prefix, 0);
  const view = new DataView(out.buffer);
  view.setUint8(prefix.length, SNAPSHOT_FORMAT);
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
