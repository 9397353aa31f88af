import { Table, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

type ColumnValues = ArrayLike<unknown> | Iterable<unknown>;

/**
 * Builds an all-text Arrow table from plain JavaScript columns (from a Parquet, Arrow or JSON reader), the
 * same shape the engine's CSV reader gives with all_varchar. The validator casts explicitly, so every format
 * goes through the same checks and its messages quote values the same way: a count of 2.5 reads "2.5" and a
 * count of 3 reads "3", whether it came from CSV, Parquet, Arrow or JSON.
 */
export function columnsToArrow(columns: Record<string, ColumnValues>): Table {
  const vectors: Record<string, Vector<Utf8>> = {};
  for (const [name, values] of Object.entries(columns)) vectors[name] = textVector(values);
  return new Table<Record<string, Utf8>>(vectors);
}

/**
 * Writes the UTF-8 buffers directly: apache-arrow's generic vectorFromArray builder takes over a second for
 * a million short strings, several times longer than the engine then takes to check them.
 */
function textVector(values: ColumnValues): Vector<Utf8> {
  const source = Symbol.iterator in Object(values) ? (values as Iterable<unknown>) : Array.from(values as ArrayLike<unknown>);
  const encoder = new TextEncoder();
  const offsets: number[] = [0];
  const valid: boolean[] = [];
  let bytes = new Uint8Array(1024);
  let end = 0;
  for (const value of source) {
    const text = toText(value);
    valid.push(text !== null);
    if (text !== null) {
      // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
      if (end + text.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(end + text.length * 3, bytes.length * 2));
        grown.set(bytes.subarray(0, end));
        bytes = grown;
      }
      let ascii = true;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c > 0x7f) {
          ascii = false;
          break;
        }
        bytes[end + i] = c;
      }
      end += ascii ? text.length : encoder.encodeInto(text, bytes.subarray(end)).written;
    }
    offsets.push(end);
  }
  const length = valid.length;
  const nullCount = valid.filter((v) => !v).length;
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  valid.forEach((v, i) => {
    if (v) nullBitmap[i >> 3] = (nullBitmap[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return makeVector(
    makeData({
      type: new Utf8(),
      length,
      nullCount,
      nullBitmap,
      valueOffsets: Int32Array.from(offsets),
      data: bytes.slice(0, end),
    }),
  );
}

/** One cell as text: numbers as JavaScript prints them, dates as ISO, anything nested as JSON. */
export function toText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
  } catch {
    return String(v);
  }
}

/** Rows of objects (a JSON table) to columns, keeping every key any row has. */
export function rowsToColumns(rows: readonly unknown[]): Record<string, unknown[]> {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new Error('each element of a JSON table must be an object with one property per column');
    }
    for (const k of Object.keys(row)) {
      if (!seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
    }
  }
  const columns: Record<string, unknown[]> = {};
  for (const n of names) columns[n] = rows.map((r) => (r as Record<string, unknown>)[n] ?? null);
  return columns;
}
