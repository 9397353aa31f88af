import { Table, type Vector } from 'apache-arrow';
import { parquetMetadata, parquetSchema, type SchemaElement } from 'hyparquet';
import type { Engine } from '../engine/engine-types';
import { ident } from '../engine/sql-literals';
import { float64Column, utf8Column } from '../remote/arrow-columns';
import { readRowGroupColumns } from '../remote/remote-parquet';
import { toText } from './columns-to-arrow';

/** What reading a table file into staging found out, for the checks and the commit that follow. */
export interface StagedColumns {
  /** Columns staged as DOUBLE (numbers the file already typed); every other column is text. */
  numeric: ReadonlySet<string>;
  /** The rows are already in (indicator_id, area_code, period) order, so committing them needs no sort. */
  keyOrdered: boolean;
}

const SORT_KEY = ['indicator_id', 'area_code', 'period'] as const;

/**
 * Parquet into the staging table one row group at a time, so neither the page nor the engine ever holds the
 * whole file decoded at once. Columns the contract wants as numbers and the file stores as plain numbers are
 * staged as DOUBLE: no text round trip, and the checks compare numbers. Anything else is staged as text, as
 * every other format is, so its checks and messages are the same as for CSV.
 */
export async function readParquetIntoStaging(
  engine: Engine,
  bytes: Uint8Array,
  columns: readonly string[],
  wantsNumber: ReadonlySet<string>,
  staging: string,
): Promise<StagedColumns> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const elements = new Map(parquetSchema(metadata).children.map((c) => [c.element.name, c.element]));
  const numeric = new Set(columns.filter((c) => wantsNumber.has(c) && isPlainNumber(elements.get(c))));
  const sqlColumns = columns.map((c) => `${ident(c)} ${numeric.has(c) ? 'DOUBLE' : 'VARCHAR'}`);
  await engine.exec(`CREATE OR REPLACE TABLE ${ident(staging)} (_row DOUBLE, ${sqlColumns.join(', ')})`);

  const order = SORT_KEY.every((k) => columns.includes(k)) ? new KeyOrder() : null;
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const data = await readRowGroupColumns({ file, metadata }, rowStart, rowEnd, columns);
    const text = Object.fromEntries(
      columns.filter((c) => !numeric.has(c)).map((c) => [c, asText(data[c] ?? [], rowEnd - rowStart)]),
    );
    const keep = nonBlankRows(
      columns.map((c) => text[c] ?? data[c] ?? []),
      rowEnd - rowStart,
    );
    const vectors: Record<string, Vector> = { _row: float64Column(Float64Array.from(keep, (i) => rowStart + i + 1)) };
    for (const c of columns) {
      const values = pick(text[c] ?? data[c] ?? [], keep);
      vectors[c] = numeric.has(c) ? float64Column(values) : utf8Column(values);
    }
    if (order) order.add(pick(text.indicator_id!, keep), pick(text.area_code!, keep), pick(text.period!, keep));
    if (keep.length > 0) await engine.insertArrow(new Table(vectors), staging, 'append');
    rowStart = rowEnd;
  }
  return { numeric, keyOrdered: order?.ordered ?? false };
}

/** Plain integers and floating-point numbers; dates, times and bytes are not numbers to a person, so they are text. */
function isPlainNumber(e: SchemaElement | undefined): boolean {
  if (!e || !['INT32', 'INT64', 'FLOAT', 'DOUBLE'].includes(String(e.type))) return false;
  const converted = e.converted_type === undefined || /^(U?INT_\d+|DECIMAL)$/.test(e.converted_type);
  const logical = e.logical_type === undefined || ['INTEGER', 'DECIMAL'].includes(e.logical_type.type);
  return converted && logical;
}

/** A column as text the way the other formats turn values into text, keeping strings as they are. */
function asText(values: ArrayLike<unknown>, length: number): (string | null)[] {
  const out = new Array<string | null>(length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    out[i] = typeof v === 'string' ? v : toText(v);
  }
  return out;
}

/** Rows with a value in some column: a row blank in every column is left out, as for CSV. */
function nonBlankRows(columns: readonly ArrayLike<unknown>[], length: number): number[] {
  const keep: number[] = [];
  for (let i = 0; i < length; i++) {
    if (columns.some((c) => (typeof c[i] === 'string' ? (c[i] as string).trim() !== '' : c[i] !== null && c[i] !== undefined))) {
      keep.push(i);
    }
  }
  return keep;
}

function pick<T>(values: ArrayLike<T>, rows: readonly number[]): T[] {
  return rows.map((i) => values[i] as T);
}

/**
 * Whether rows arrive in (indicator_id, area_code, period) order, compared as the engine compares the trimmed
 * text (byte order, which for these codes is JavaScript's order too). Only decides whether the commit sorts.
 */
class KeyOrder {
  ordered = true;
  private last: string[] | null = null;

  add(indicator: readonly (string | null)[], area: readonly (string | null)[], period: readonly (string | null)[]): void {
    for (let i = 0; i < indicator.length && this.ordered; i++) {
      const key = [indicator[i], area[i], period[i]].map((v) => (v ?? '').trim());
      if (this.last && compareKeys(this.last, key) > 0) this.ordered = false;
      this.last = key;
    }
  }
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let k = 0; k < a.length; k++) {
    if (a[k]! < b[k]!) return -1;
    if (a[k]! > b[k]!) return 1;
  }
  return 0;
}
