import { Type, type Data, type Table } from 'apache-arrow';
import type { Row, Scalar } from './engine-types';

/** Converts any Arrow cell value into a plain scalar, so that no BigInt, Date or vector reaches a view. */
export function toScalar(value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
      return value;
    case 'bigint':
      return Number(value);
    default:
      if (value instanceof Date) return value.toISOString();
      // Arrow decimals and other wrapped numbers print as their value.
      return String(value);
  }
}

const utf8 = new TextDecoder();

/**
 * The strings of one chunk of a text column. Arrow decodes each string with its own TextDecoder call; for the
 * many short codes a slice holds (area codes, months, flags) those calls were a quarter of reading a Trends
 * slice. When the chunk's bytes are all ASCII, byte offsets are character offsets, so one call decodes them all.
 * Only the chunk's buffers are read (not its class: the engine's Arrow may be another copy of the library).
 */
function utf8Strings(data: Data): (string | null)[] {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const from = offsets[0] ?? 0;
  const to = offsets[data.length] ?? from;
  let ascii = true;
  for (let k = from; k < to && ascii; k++) ascii = (bytes[k] as number) < 0x80;
  const text = ascii ? utf8.decode(bytes.subarray(from, to)) : '';
  const out: (string | null)[] = new Array<string | null>(data.length);
  const mayBeNull = data.nullCount !== 0;
  for (let i = 0; i < data.length; i++) {
    const a = offsets[i] as number;
    const b = offsets[i + 1] as number;
    if (mayBeNull && !data.getValid(i)) out[i] = null;
    else out[i] = ascii ? text.slice(a - from, b - from) : utf8.decode(bytes.subarray(a, b));
  }
  return out;
}

export function arrowToRows<T extends Row = Row>(table: Table): T[] {
  const rows: Row[] = Array.from({ length: table.numRows }, () => ({}));
  // Column by column with the vector's iterator, which walks the record batches in turn: `get(i)` searches
  // for the batch holding row i on every call (a fifth of the time a Trends change spent reading its cells).
  for (const { name } of table.schema.fields) {
    const column = table.getChild(name);
    let i = 0;
    if (!column) for (const row of rows) row[name] = null;
    else if (column.type.typeId === Type.Utf8)
      for (const data of column.data) for (const value of utf8Strings(data)) (rows[i++] as Row)[name] = value;
    else for (const value of column) (rows[i++] as Row)[name] = toScalar(value);
  }
  return rows as T[];
}
