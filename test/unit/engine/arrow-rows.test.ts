// arrowToRows reads each column with its iterator (text in one decode per chunk when it is ASCII); here it must
// give what reading row by row with `get(i)` gives, across several record batches, slices, nulls, text in and
// out of ASCII, whole numbers and BigInts, and on what the real engine returns.
import { Float64, Int32, Int64, Table, Type, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowToRows, toScalar } from '../../../src/engine/arrow-rows';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';

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

/** Each row as Arrow's own `get(i)` reads it. */
function rowByRow(table: Table) {
  const names = table.schema.fields.map((f) => f.name);
  return Array.from({ length: table.numRows }, (_, i) =>
    Object.fromEntries(names.map((n) => [n, toScalar(table.getChild(n)?.get(i))])),
  );
}

function texts(values: (string | null)[]): Table {
  return new Table({ text: vectorFromArray(values, new Utf8()) });
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

  it('reads text outside ASCII, empty strings and nulls, chunk by chunk, as Arrow does', () => {
    const ascii = texts(['E07000117', '', null, '2024-03', 'c']);
    const welsh = texts(['Ynys Môn', null, 'Caerffili', '']);
    const table = ascii.concat(welsh, texts(['Burnley', 'Pendle — Colne', '']));
    const rows = arrowToRows(table);
    expect(rows).toEqual(rowByRow(table));
    expect(rows.map((r) => r['text'])).toEqual([
      'E07000117',
      '',
      null,
      '2024-03',
      'c',
      'Ynys Môn',
      null,
      'Caerffili',
      '',
      'Burnley',
      'Pendle — Colne',
      '',
    ]);
  });

  it('reads a slice of a table (its chunks start part-way into their buffers)', () => {
    const table = batch(0, 7).concat(batch(7, 8)).slice(3, 12);
    expect(table.numRows).toBe(9);
    expect(arrowToRows(table)).toEqual(rowByRow(table));
  });
});

describe('arrowToRows on what the engine returns', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });
  afterAll(() => engine.close());

  it('gives the rows Arrow reads, for text in and out of ASCII, nulls and numbers, over several batches', async () => {
    // Enough rows for DuckDB to send several record batches (2,048 rows each).
    const table = await engine.queryArrow(`
      SELECT i, CASE WHEN i % 5 = 0 THEN NULL WHEN i % 7 = 0 THEN 'Ynys Môn ' || i ELSE 'E0' || (7000000 + i) END AS code,
        strftime(DATE '2020-01-01' + INTERVAL (i % 60) MONTH, '%Y-%m') AS period, CAST(i AS DOUBLE) / 3 AS value
      FROM range(5000) t(i) ORDER BY i`);
    expect(table.batches.length).toBeGreaterThan(1);
    // DuckDB's text is Arrow Utf8, the type read in one decode per chunk.
    expect(table.getChild('code')?.type.typeId).toBe(Type.Utf8);
    const rows = arrowToRows<{ i: number; code: string | null; period: string; value: number }>(table);
    expect(rows).toEqual(rowByRow(table));
    expect(rows[7]?.code).toBe('Ynys Môn 7');
    expect(rows[10]?.code).toBeNull();
    expect(rows[11]).toEqual({ i: 11, code: 'E07000011', period: '2020-12', value: 11 / 3 });
  });
});
