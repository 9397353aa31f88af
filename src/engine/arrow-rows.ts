import type { Table } from 'apache-arrow';
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

export function arrowToRows<T extends Row = Row>(table: Table): T[] {
  const rows: Row[] = Array.from({ length: table.numRows }, () => ({}));
  // Column by column with the vector's iterator, which walks the record batches in turn: `get(i)` searches
  // for the batch holding row i on every call (a fifth of the time a Trends change spent reading its cells).
  for (const { name } of table.schema.fields) {
    const column = table.getChild(name);
    let i = 0;
    if (column) for (const value of column) (rows[i++] as Row)[name] = toScalar(value);
    else for (const row of rows) row[name] = null;
  }
  return rows as T[];
}
