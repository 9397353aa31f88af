import { Float64, makeData, makeVector, Table, tableFromIPC, Type, type Vector } from 'apache-arrow';
import { parquetMetadata, parquetSchema, type FileMetaData, type SchemaElement } from 'hyparquet';
import type { Engine } from '../engine/engine-types';
import { parquetWasm } from '../engine/parquet-reader';
import { ident } from '../engine/sql-literals';
import { float64Column, int32Column, utf8Column } from '../remote/arrow-columns';
import { readRowGroupColumns } from '../remote/remote-parquet';
import { toText } from './columns-to-arrow';
import type { OnRows } from './row-progress';

/** What reading a table file into staging found out, for the checks and the commit that follow. */
export interface StagedColumns {
  /** Columns staged as DOUBLE (numbers the file already typed); every other column is text. */
  numeric: ReadonlySet<string>;
  /** The rows are already in (indicator_id, area_code, period) order, so committing them needs no sort. */
  keyOrdered: boolean;
  /**
   * Text columns whose every value is already as the commit would write it (no blank text, nothing for trim() to
   * remove): the typed rows can then be a view of the staged ones instead of a second copy of the file.
   */
  asWritten: ReadonlySet<string>;
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
  onRows: OnRows = () => {},
): Promise<StagedColumns> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const elements = new Map(parquetSchema(metadata).children.map((c) => [c.element.name, c.element]));
  const numeric = new Set(columns.filter((c) => wantsNumber.has(c) && isPlainNumber(elements.get(c))));
  const sqlColumns = columns.map((c) => `${ident(c)} ${numeric.has(c) ? 'DOUBLE' : 'VARCHAR'}`);
  // Row numbers are whole numbers, as CSV's are, so a message lists rows 1, 7 and not 1.0, 7.0.
  await engine.exec(`CREATE OR REPLACE TABLE ${ident(staging)} (_row BIGINT, ${sqlColumns.join(', ')})`);

  const fast = columns.every((c) => numeric.has(c) || isText(elements.get(c))) ? await parquetWasm() : null;
  if (fast) {
    try {
      return await stageFromArrow(engine, fast.readParquet, bytes, metadata, columns, numeric, staging, onRows);
    } catch {
      // A file the WebAssembly reader cannot take (a type Arrow for JavaScript does not know, say) is read
      // again the slower way below, so it gets the same messages it always had.
      await engine.exec(`DELETE FROM ${ident(staging)}`);
    }
  }
  return stageFromJs(engine, file, metadata, columns, numeric, staging, onRows);
}

/**
 * The fast way: each row group decoded to Arrow by parquet-wasm and appended to staging as it is, with its
 * row numbers beside it and whole-number columns widened to DOUBLE. Blank rows and the key order are then
 * found in SQL over the staged rows, not row by row in JavaScript.
 */
async function stageFromArrow(
  engine: Engine,
  readParquet: ParquetReader,
  bytes: Uint8Array,
  metadata: FileMetaData,
  columns: readonly string[],
  numeric: ReadonlySet<string>,
  staging: string,
  onRows: OnRows,
): Promise<StagedColumns> {
  const order = SORT_KEY.every((k) => columns.includes(k)) ? new ArrowKeyOrder() : null;
  const asWritten = new Set(columns.filter((c) => !numeric.has(c)));
  let inserting: Promise<void> = Promise.resolve();
  let rowStart = 0;
  for (const [g, group] of metadata.row_groups.entries()) {
    const rows = Number(group.num_rows);
    if (rows === 0) continue;
    // One batch per row group, so every column is one chunk, like the row numbers beside them.
    const read = tableFromIPC(readParquet(bytes, { rowGroups: [g], columns: [...columns], batchSize: rows }).intoIPCStream());
    const vectors: Record<string, Vector> = { _row: int32Column(Int32Array.from({ length: rows }, (_, i) => rowStart + i + 1)) };
    for (const c of columns) {
      const v = read.getChild(c);
      if (!v || v.length !== rows || v.data.length !== 1) throw new Error(`column ${c} did not decode as one batch`);
      vectors[c] = numeric.has(c) ? asFloat64(v) : v;
      if (asWritten.has(c) && !writtenAsIs(v)) asWritten.delete(c);
    }
    order?.add(SORT_KEY.map((k) => vectors[k]!));
    await inserting;
    if (rowStart > 0) onRows(rowStart, Number(metadata.num_rows));
    // Not awaited here: the engine (in its worker, in the page) inserts this group while the next is decoded.
    inserting = engine.insertArrow(new Table(vectors), staging, 'append');
    // Awaited at the next group or after the last; marked handled so a failure is not reported before then.
    inserting.catch(() => {});
    // The engine's queue starts the insert (and posts it to the worker) in a later task: without this yield the
    // next group's decoding, which never yields, would run first and nothing would overlap.
    await new Promise((resolve) => setTimeout(resolve, 0));
    rowStart += rows;
  }
  await inserting;
  onRows(rowStart, Number(metadata.num_rows));
  const blank = columns.map((c) => (numeric.has(c) ? `${ident(c)} IS NULL` : `coalesce(trim(${ident(c)}), '') = ''`));
  if (blank.length > 0) await engine.exec(`DELETE FROM ${ident(staging)} WHERE ${blank.join(' AND ')}`);
  return { numeric, keyOrdered: order?.ordered ?? false, asWritten };
}

type ParquetReader = NonNullable<Awaited<ReturnType<typeof parquetWasm>>>['readParquet'];

/** Text columns: strings as Parquet writers mark them (UTF8 / STRING), not nested. Others go the JavaScript way. */
function isText(e: SchemaElement | undefined): boolean {
  if (!e || e.type !== 'BYTE_ARRAY' || e.num_children || e.repetition_type === 'REPEATED') return false;
  return e.converted_type === 'UTF8' || e.logical_type?.type === 'STRING';
}

/** A numeric Arrow column as Float64, keeping its nulls (the staging column is DOUBLE). */
function asFloat64(v: Vector): Vector {
  if (v.type.typeId === Type.Float) {
    const data = v.data[0]!;
    if (data.values instanceof Float64Array) return v;
  }
  const data = v.data[0]!;
  const values = data.values as ArrayLike<number | bigint>;
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Number(values[data.offset + i] ?? 0);
  const nullBitmap = data.nullCount > 0 ? copyBits(data.nullBitmap!, data.offset, v.length) : null;
  return makeVector(makeData({ type: new Float64(), length: v.length, nullCount: data.nullCount, nullBitmap, data: out }));
}

function copyBits(bits: Uint8Array, offset: number, length: number): Uint8Array {
  if (offset === 0) return bits.subarray(0, (length + 7) >> 3);
  const out = new Uint8Array((length + 7) >> 3);
  for (let i = 0; i < length; i++) if ((bits[(offset + i) >> 3]! >> ((offset + i) & 7)) & 1) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

/**
 * KeyOrder on Arrow columns, comparing each row's UTF-8 bytes with the row before's in place, without making
 * strings (a million rows in a few tens of milliseconds): byte order is the engine's order. Blank rows are still
 * in; a blank key sorts first, which can only make the commit sort a file it need not have.
 */
class ArrowKeyOrder {
  ordered = true;
  /** The previous row's trimmed key, carried from one row group to the next. */
  private last: Uint8Array[] | null = null;

  add(key: readonly Vector[]): void {
    if (!this.ordered) return;
    const columns = key.map(textColumn);
    if (columns.some((c) => c === null)) {
      this.ordered = false;
      return;
    }
    const cols = columns as TextColumn[];
    const length = key[0]?.length ?? 0;
    if (length === 0) return;
    if (this.last && compareAcross(this.last, cols) > 0) {
      this.ordered = false;
      return;
    }
    for (let i = 1; i < length && this.ordered; i++) {
      for (const c of cols) {
        const d = c.compare(i - 1, i);
        if (d < 0) break;
        if (d > 0) this.ordered = false;
        if (d !== 0) break;
      }
    }
    this.last = cols.map((c) => c.cell(length - 1));
  }
}

interface TextColumn {
  /** Byte comparison of two rows' trimmed cells (a null is empty). */
  compare(a: number, b: number): number;
  cell(i: number): Uint8Array;
}

/** A Utf8 column's cells as trimmed byte ranges, or null for any other type. */
function textColumn(v: Vector): TextColumn | null {
  const data = v.data[0];
  if (!data || v.type.typeId !== Type.Utf8) return null;
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const base = data.offset;
  const nulls = data.nullCount > 0;
  const start = (i: number) => {
    if (nulls && !v.isValid(i)) return 0;
    let s = offsets[base + i]!;
    const e = offsets[base + i + 1]!;
    while (s < e && isSpace(bytes[s]!)) s++;
    return s;
  };
  const end = (i: number, s: number) => {
    if (nulls && !v.isValid(i)) return s;
    let e = offsets[base + i + 1]!;
    while (e > s && isSpace(bytes[e - 1]!)) e--;
    return e;
  };
  return {
    compare(a, b) {
      const sa = start(a);
      const ea = end(a, sa);
      const sb = start(b);
      const eb = end(b, sb);
      return compareRanges(bytes, sa, ea, bytes, sb, eb);
    },
    cell(i) {
      const s = start(i);
      return bytes.slice(s, end(i, s));
    },
  };
}

/** The previous row group's last key against this one's first row. */
function compareAcross(last: readonly Uint8Array[], cols: readonly TextColumn[]): number {
  for (let k = 0; k < cols.length; k++) {
    const first = cols[k]!.cell(0);
    const d = compareRanges(last[k]!, 0, last[k]!.length, first, 0, first.length);
    if (d !== 0) return d;
  }
  return 0;
}

function compareRanges(x: Uint8Array, xs: number, xe: number, y: Uint8Array, ys: number, ye: number): number {
  const n = Math.min(xe - xs, ye - ys);
  for (let i = 0; i < n; i++) if (x[xs + i] !== y[ys + i]) return x[xs + i]! - y[ys + i]!;
  return xe - xs - (ye - ys);
}

/**
 * Whether a text column's values are what `NULLIF(trim(x), '')` makes of them: no empty text, and every value
 * starting and ending with a printable ASCII character other than a space. The engine's trim() also removes
 * Unicode spaces (U+00A0, U+3000), so any other byte at either end counts as "might change", which only costs the
 * copy it would have made anyway. Looks at two bytes a cell, so a million rows take a few milliseconds.
 */
function writtenAsIs(v: Vector): boolean {
  const data = v.data[0];
  if (!data || v.type.typeId !== Type.Utf8) return false;
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const printable = (b: number) => b > 0x20 && b < 0x7f;
  for (let i = 0; i < v.length; i++) {
    if (data.nullCount > 0 && !v.isValid(i)) continue;
    const s = offsets[data.offset + i]!;
    const e = offsets[data.offset + i + 1]!;
    if (s === e || !printable(bytes[s]!) || !printable(bytes[e - 1]!)) return false;
  }
  return true;
}

const isSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/** The JavaScript way (hyparquet), for files with columns the fast way does not take as they are. */
async function stageFromJs(
  engine: Engine,
  file: ArrayBuffer,
  metadata: FileMetaData,
  columns: readonly string[],
  numeric: ReadonlySet<string>,
  staging: string,
  onRows: OnRows,
): Promise<StagedColumns> {
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
    const vectors: Record<string, Vector> = { _row: int32Column(Int32Array.from(keep, (i) => rowStart + i + 1)) };
    for (const c of columns) {
      const values = pick(text[c] ?? data[c] ?? [], keep);
      vectors[c] = numeric.has(c) ? float64Column(values) : utf8Column(values);
    }
    if (order) order.add(pick(text.indicator_id!, keep), pick(text.area_code!, keep), pick(text.period!, keep));
    if (keep.length > 0) await engine.insertArrow(new Table(vectors), staging, 'append');
    rowStart = rowEnd;
    onRows(rowStart, Number(metadata.num_rows));
  }
  return { numeric, keyOrdered: order?.ordered ?? false, asWritten: new Set() };
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
