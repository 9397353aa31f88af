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
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n));
  const rows: T[] = new Array<T>(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) {
      row[names[c] as string] = toScalar(columns[c]?.get(i));
    }
    rows[i] = row as T;
  }
  return rows;
}
