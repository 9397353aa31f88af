import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine-types';
import { castStaged, commitTable } from '../../../src/import/commit-table';
import { repeatedCells } from '../../../src/import/table-checks';
import { sharedBase, snapshot } from '../../fixtures/import-helpers';

// The copy to typed and the commit run in slices of rows (at 10M rows one statement would need gigabytes);
// here slices of 2 rows, so a six-row file takes three statements and can fail in the middle.

const base = sharedBase();
const SLICE = 2;

/** A staged extract of six rows (text, as CSV is staged), with `_row` 1-6, in (indicator, area, period) order. */
async function stage(name: string, counts: readonly number[]): Promise<void> {
  const rows = counts.map((c, i) => `(${i + 1}, 'vwi', '2024-0${i + 3}', 'D1', 'all', 'all', '${c}', NULL)`);
  await base.engine.exec(
    `CREATE OR REPLACE TABLE ${name} AS SELECT * FROM (VALUES ${rows.join(', ')})
       AS t(_row, indicator_id, period, area_code, age_band, sex, count, denominator)`,
  );
}

const columns = new Set(['indicator_id', 'period', 'area_code', 'age_band', 'sex', 'count', 'denominator']);

/** The engine, failing on the nth INSERT into extracts (after running it). */
function failingOnInsert(n: number): Engine {
  let seen = 0;
  return {
    ...base.engine,
    exec: async (sql) => {
      await base.engine.exec(sql);
      if (/^INSERT INTO "extracts"/.test(sql) && ++seen === n) throw new Error(`simulated failure in slice ${n}`);
    },
  };
}

const counts = (file: string) =>
  base.engine.query(`SELECT period, count FROM extracts WHERE source_file = '${file}' ORDER BY rowid`);

describe('castStaged and commitTable, in slices', () => {
  it('casts and commits every slice, in order, and drops the staged table', async () => {
    await stage('stg_a', [1, 2, 3, 4, 5, 6]);
    await castStaged(base.engine, 'extracts', 'stg_a', 'stg_a_typed', columns, new Set(), SLICE);
    expect(await base.engine.query(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'stg_a%'`)).toEqual([
      { table_name: 'stg_a_typed' },
    ]);
    await commitTable(base.engine, 'extracts', 'stg_a_typed', 'sliced.csv', true, SLICE);
    expect((await counts('sliced.csv')).map((r) => r.count)).toEqual([1, 2, 3, 4, 5, 6]);
    await base.engine.exec(`DROP TABLE stg_a_typed; DELETE FROM extracts WHERE source_file = 'sliced.csv'`);
  });

  it('replaces the rows of an earlier version, and puts them back when a later slice fails', async () => {
    await stage('stg_b', [1, 2, 3, 4, 5, 6]);
    await castStaged(base.engine, 'extracts', 'stg_b', 'stg_b_typed', columns, new Set(), SLICE);
    await commitTable(base.engine, 'extracts', 'stg_b_typed', 'versions.csv', true, SLICE);
    const first = await snapshot(base.engine);

    await stage('stg_c', [10, 20, 30, 40, 50, 60]);
    await castStaged(base.engine, 'extracts', 'stg_c', 'stg_c_typed', columns, new Set(), SLICE);
    await expect(commitTable(failingOnInsert(2), 'extracts', 'stg_c_typed', 'versions.csv', true, SLICE)).rejects.toThrow(
      /simulated failure in slice 2/,
    );
    expect(await snapshot(base.engine)).toEqual(first);

    await commitTable(base.engine, 'extracts', 'stg_c_typed', 'versions.csv', true, SLICE);
    expect((await counts('versions.csv')).map((r) => r.count)).toEqual([10, 20, 30, 40, 50, 60]);
    await base.engine.exec(
      `DROP TABLE stg_b_typed; DROP TABLE stg_c_typed; DELETE FROM extracts WHERE source_file = 'versions.csv'`,
    );
    expect(await snapshot(base.engine)).toEqual(base.before);
  });
});

describe('repeatedCells, in passes over ranges of the key hash', () => {
  it('finds the same repeated cells, first rows and total in one pass or in many', async () => {
    // 40 rows over 12 keys: keys 0-9 once or more, in an order that puts repeats far apart.
    const rows = Array.from({ length: 40 }, (_, i) => `(${i + 1}, 'k${(i * 7) % 12}', ${i % 3 === 0 ? "'x'" : "'y'"})`);
    await base.engine.exec(`CREATE OR REPLACE TABLE stg_d AS SELECT * FROM (VALUES ${rows.join(', ')}) AS t(_row, a, b)`);
    const once = await repeatedCells(base.engine, 'stg_d', ['a', 'b']);
    const inPasses = await repeatedCells(base.engine, 'stg_d', ['a', 'b'], 4);
    expect(once.total).toBeGreaterThan(5);
    expect(inPasses.total).toBe(once.total);
    expect([...inPasses]).toEqual([...once]);
    await base.engine.exec('DROP TABLE stg_d');
  });
});
