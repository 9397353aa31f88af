// arrowToRows reads each column with its iterator; here it must give what reading row by row with `get(i)`
// gives, across several record batches, nulls, text, whole numbers and BigInts.
import { Float64, Int32, Int64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowToRows, toScalar } from '../../../src/engine/arrow-rows';

function batch(offset: number, n: number): Table {
  return new Table({
    id: vectorFromArray(
      Array.from({ length: n }, (_, i) => offset + i),
      new Int32(),
    ),
    name: vectorFromArray(
      Array.from({ length: n }, (_, i) => ((offset + i) % 3 === 0 ? null : `area ${offset + i}`)),
      new Utf8(),
    ),
    big: vectorFromArray(
      Array.from({ length: n }, (_, i) => BigInt(offset + i) * 1000n),
      new Int64(),
    ),
    value: vectorFromArray(
      Array.from({ length: n }, (_, i) => (offset + i) / 7),
      new Float64(),
    ),
  });
}

describe('arrowToRows', () => {
  it('gives every row as get(i) reads it, over several record batches', () => {
    const table = batch(0, 5).concat(batch(5, 1), batch(6, 9));
    expect(table.batches.length).toBe(3);
    const names = table.schema.fields.map((f) => f.name);
    const expected = Array.from({ length: table.numRows }, (_, i) =>
      Object.fromEntries(names.map((n) => [n, toScalar(table.getChild(n)?.get(i))])),
    );
    const rows = arrowToRows(table);
    expect(rows).toEqual(expected);
    expect(Object.keys(rows[0] ?? {})).toEqual(names);
    expect(rows[3]).toEqual({ id: 3, name: null, big: 3000, value: 3 / 7 });
  });

  it('gives no rows for an empty table', () => {
    expect(arrowToRows(batch(0, 0))).toEqual([]);
  });
});
