import { Float64, Int32, makeData, makeVector, Table, Utf8, type Vector } from 'apache-arrow';

// Arrow vectors built straight from buffers. apache-arrow's generic builders (vectorFromArray, makeBuilder)
// compile code with `new Function`, which the page's Content Security Policy forbids (see
// src/engine/arrow-vectors.ts); building the buffers ourselves is also several times faster.

function validity(length: number, isNull: (i: number) => boolean): { nullBitmap: Uint8Array | null; nullCount: number } {
  const bitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (isNull(i)) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { nullBitmap: nullCount > 0 ? bitmap : null, nullCount };
}

/** Text, with each distinct string encoded once: extract columns repeat a few hundred values millions of times. */
export function utf8Column(values: ArrayLike<unknown>): Vector<Utf8> {
  const length = values.length;
  const encoder = new TextEncoder();
  const seen = new Map<string, Uint8Array>();
  const encoded: (Uint8Array | null)[] = new Array<Uint8Array | null>(length);
  let total = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      encoded[i] = null;
      continue;
    }
    const text = typeof v === 'string' ? v : String(v);
    let bytes = seen.get(text);
    if (!bytes) {
      bytes = encoder.encode(text);
      if (seen.size < 100_000) seen.set(text, bytes);
    }
    encoded[i] = bytes;
    total += bytes.length;
  }
  const valueOffsets = new Int32Array(length + 1);
  const data = new Uint8Array(total);
  let end = 0;
  for (let i = 0; i < length; i++) {
    const bytes = encoded[i];
    if (bytes) {
      data.set(bytes, end);
      end += bytes.length;
    }
    valueOffsets[i + 1] = end;
  }
  const { nullBitmap, nullCount } = validity(length, (i) => encoded[i] === null);
  return makeVector(makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data }));
}

export function int32Column(values: ArrayLike<unknown>): Vector<Int32> {
  const length = values.length;
  const data = values instanceof Int32Array ? values : Int32Array.from({ length }, (_, i) => Number(values[i] ?? 0));
  const { nullBitmap, nullCount } =
    values instanceof Int32Array
      ? { nullBitmap: null, nullCount: 0 }
      : validity(length, (i) => values[i] === null || values[i] === undefined);
  return makeVector(makeData({ type: new Int32(), length, nullCount, nullBitmap, data }));
}

export function float64Column(values: ArrayLike<unknown>): Vector<Float64> {
  const length = values.length;
  const data = values instanceof Float64Array ? values : Float64Array.from({ length }, (_, i) => Number(values[i] ?? 0));
  const { nullBitmap, nullCount } =
    values instanceof Float64Array
      ? { nullBitmap: null, nullCount: 0 }
      : validity(length, (i) => values[i] === null || values[i] === undefined);
  return makeVector(makeData({ type: new Float64(), length, nullCount, nullBitmap, data }));
}

/** The Arrow type a Parquet column's values need: INT32 stays Int32, other numbers Float64, the rest text. */
export type ColumnKind = 'utf8' | 'int32' | 'float64';

export function columnsToTable(columns: readonly { name: string; kind: ColumnKind; values: ArrayLike<unknown> }[]): Table {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) {
    vectors[c.name] =
      c.kind === 'int32' ? int32Column(c.values) : c.kind === 'float64' ? float64Column(c.values) : utf8Column(c.values);
  }
  return new Table(vectors);
}
