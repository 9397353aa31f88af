import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine-types';
import { detectFileKind } from '../../../src/import/detect-file-kind';
import type { InputFile } from '../../../src/import/load-files';
import type { Problem } from '../../../src/import/problems';
import { readTableFile } from '../../../src/import/read-table-file';
import { readTableHeader } from '../../../src/import/table-header';
import { expectRejected, extracts, loadOne, sharedBase, snapshot, unload } from '../../fixtures/import-helpers';

// Parquet's numbers go into the engine as numbers (no text round trip) and are checked as numbers; these tests
// hold that path to the CSV one: same committed rows, same problems, same row numbers, nothing changed on refusal.

const base = sharedBase();

type Cell = string | number | null;
interface Columns {
  indicator_id: Cell[];
  period: Cell[];
  area_code: Cell[];
  age_band: Cell[];
  sex: Cell[];
  count: Cell[];
  denominator: Cell[];
}
const NAMES = ['indicator_id', 'period', 'area_code', 'age_band', 'sex', 'count', 'denominator'] as const;

/** Six rows, deliberately not in (indicator, area, period) order. */
const good: Columns = {
  indicator_id: ['vwi', 'reoff', 'vwi', 'vwi', 'reoff', 'vwi'],
  period: ['2024-03', '2024-02', '2024-04', '2024-03', '2024-03', '2024-02'],
  area_code: ['D2', 'D1', 'D1', 'D1', 'D1', 'D2'],
  age_band: ['all', 'all', 'all', 'all', 'all', 'all'],
  sex: ['all', 'all', 'all', 'all', 'all', 'all'],
  count: [4, 5, 7, 0, 3, 12],
  denominator: [null, 40, null, null, 38, null],
};

function parquet(name: string, c: Columns, types: { count?: BasicType; rowGroupSize?: number } = {}): InputFile {
  const countType = types.count ?? 'DOUBLE';
  const typeOf = (k: (typeof NAMES)[number]): BasicType =>
    k === 'count' ? countType : k === 'denominator' ? 'DOUBLE' : 'STRING';
  const data = (k: (typeof NAMES)[number]) =>
    k === 'count' && countType === 'INT64' ? c.count.map((v) => (v === null ? null : BigInt(v as number))) : c[k];
  return {
    name,
    bytes: new Uint8Array(
      parquetWriteBuffer({
        columnData: NAMES.map((k) => ({ name: k, data: data(k), type: typeOf(k) })),
        ...(types.rowGroupSize ? { rowGroupSize: types.rowGroupSize } : {}),
      }),
    ),
  };
}

const csv = (name: string, c: Columns): InputFile =>
  extracts(name, ...c.period.map((_, i) => NAMES.map((k) => c[k][i] ?? '').join(',')));

const committed = (file: string) =>
  base.engine.query(`SELECT * EXCLUDE (source_file) FROM extracts WHERE source_file = '${file}' ORDER BY ALL`);

const whereAndWhat = (problems: readonly Problem[]) =>
  problems.map(({ row, column, message, fix, severity }) => ({ row, column, message, fix, severity }));

describe('Parquet numbers are staged as numbers', () => {
  const stage = async (file: InputFile) => {
    const detected = detectFileKind(file.name, file.bytes);
    const header = readTableHeader(detected, file.bytes);
    const staged = await readTableFile(base.engine, detected, file.bytes, header, 'stg_test', new Set(['count', 'denominator']));
    const types = await base.engine.query<{ column_name: string; column_type: string }>(`DESCRIBE stg_test`);
    await base.engine.exec('DROP TABLE stg_test');
    return { staged, types: Object.fromEntries(types.map((t) => [t.column_name, t.column_type])) };
  };

  it('stages DOUBLE, INT32 and INT64 counts as DOUBLE, and text as VARCHAR', async () => {
    for (const count of ['DOUBLE', 'INT32', 'INT64'] as const) {
      const { staged, types } = await stage(parquet('typed.parquet', good, { count }));
      expect([...staged.numeric].sort()).toEqual(['count', 'denominator']);
      expect(types).toMatchObject({ count: 'DOUBLE', denominator: 'DOUBLE', indicator_id: 'VARCHAR', period: 'VARCHAR' });
    }
  });

  it('stages a count the file wrote as text as text, to be checked as CSV is', async () => {
    const { staged, types } = await stage(
      parquet('text-count.parquet', { ...good, count: good.count.map(String) }, { count: 'STRING' }),
    );
    expect([...staged.numeric]).toEqual(['denominator']);
    expect(types.count).toBe('VARCHAR');
  });

  it('commits the same rows from Parquet (any number type, several row groups) as from CSV', async () => {
    expect((await loadOne(base.engine, base.state, csv('same.csv', good))).status).toBe('loaded');
    const fromCsv = await committed('same.csv');
    await unload(base.engine, 'same.csv');
    for (const [count, rowGroupSize] of [
      ['DOUBLE', undefined],
      ['INT32', 2],
      ['INT64', 4],
      ['STRING', 3],
    ] as const) {
      const c = count === 'STRING' ? { ...good, count: good.count.map(String) } : good;
      const outcome = await loadOne(base.engine, base.state, parquet('same.parquet', c, { count, rowGroupSize }));
      expect(outcome).toMatchObject({ status: 'loaded', rows: 6, problems: [] });
      expect(await committed('same.parquet'), `count as ${count}`).toEqual(fromCsv);
      await unload(base.engine, 'same.parquet');
    }
  });
});

describe('Parquet numbers are checked as numbers, with the messages CSV gets', () => {
  it('reports negative, fractional, too large, infinite, NaN and missing counts as CSV does', async () => {
    const bad: Columns = {
      ...good,
      count: [-2, 2.5, 3_000_000_000, Number.POSITIVE_INFINITY, Number.NaN, null],
      denominator: [null, 40, null, -1, null, null],
    };
    const fromParquet = await expectRejected(
      base.engine,
      await loadOne(base.engine, base.state, parquet('bad.parquet', bad)),
      base.before,
    );
    const fromCsv = await expectRejected(base.engine, await loadOne(base.engine, base.state, csv('bad.csv', bad)), base.before);
    expect(whereAndWhat(fromParquet)).toEqual(whereAndWhat(fromCsv));
    expect(fromParquet.map((p) => `${p.row}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        '6: is empty.',
        '4: "Infinity" is not a number.',
        '5: "NaN" is not a number.',
        '1: -2 is negative.',
        '2: 2.5 is not a whole number.',
        '3: 3000000000 is too large to be a count (the largest is 2147483647).',
        '4: "-1" is not a number of 0 or more.',
      ]),
    );
  });

  it('skips a row blank in every column and keeps the numbers of the rows after it', async () => {
    const withBlank: Columns = {
      indicator_id: ['vwi', null, 'vwi'],
      period: ['2024-03', null, '2024-13'],
      area_code: ['D1', null, 'D2'],
      age_band: ['all', null, 'all'],
      sex: ['all', null, 'all'],
      count: [4, null, 6],
      denominator: [null, null, null],
    };
    const fromParquet = await expectRejected(
      base.engine,
      await loadOne(base.engine, base.state, parquet('blank.parquet', withBlank)),
      base.before,
    );
    const fromCsv = await expectRejected(
      base.engine,
      await loadOne(base.engine, base.state, csv('blank.csv', withBlank)),
      base.before,
    );
    expect(whereAndWhat(fromParquet)).toEqual(whereAndWhat(fromCsv));
    expect(fromParquet).toEqual([
      expect.objectContaining({ row: 3, column: 'period', message: '"2024-13" is not a month written YYYY-MM.' }),
    ]);
  });

  it('keeps the rows of an earlier version of a Parquet file when the new one is refused', async () => {
    expect((await loadOne(base.engine, base.state, parquet('kept.parquet', good))).status).toBe('loaded');
    const loaded = await snapshot(base.engine);
    const outcome = await loadOne(base.engine, base.state, parquet('kept.parquet', { ...good, count: [1, 2, -3, 4, 5, 6] }));
    await expectRejected(base.engine, outcome, loaded);
    expect(await base.engine.query(`SELECT sum(count)::INTEGER AS n FROM extracts WHERE source_file = 'kept.parquet'`)).toEqual([
      { n: 31 },
    ]);
    await unload(base.engine, 'kept.parquet');
  });
});

describe('committed extracts are in (indicator, area, period) order within each file', () => {
  /** Rows of one file in the order the engine stores them, checked against the order the engine sorts them in. */
  const storedInKeyOrder = async (file: string) => {
    const [r] = await base.engine.query<{ out_of_order: number; n: number }>(
      `SELECT count(*) FILTER (WHERE k < previous)::INTEGER AS out_of_order, count(*)::INTEGER AS n FROM (
         SELECT k, lag(k) OVER (ORDER BY rowid) AS previous
         FROM (SELECT rowid, [indicator_id, area_code, period] AS k FROM extracts WHERE source_file = '${file}'))`,
    );
    return r;
  };

  /** The engine, recording the statement that commits the file's rows. */
  const recordingCommit = () => {
    const inserts: string[] = [];
    const recording: Engine = {
      ...base.engine,
      exec: (sql) => {
        if (/INSERT INTO "extracts"/.test(sql)) inserts.push(sql);
        return base.engine.exec(sql);
      },
    };
    return { recording, inserts };
  };

  it('sorts a file that is not in order, from CSV or Parquet', async () => {
    for (const file of [csv('unsorted.csv', good), parquet('unsorted.parquet', good, { rowGroupSize: 2 })]) {
      expect((await loadOne(base.engine, base.state, file)).status).toBe('loaded');
      expect(await storedInKeyOrder(file.name)).toEqual({ out_of_order: 0, n: 6 });
      await unload(base.engine, file.name);
    }
  });

  it('commits a Parquet file already in order as it is, without sorting it again', async () => {
    const order = [1, 4, 3, 2, 5, 0]; // good's rows by (indicator, area, period)
    const sorted = Object.fromEntries(NAMES.map((k) => [k, order.map((i) => good[k][i] ?? null)])) as unknown as Columns;
    const { recording, inserts } = recordingCommit();
    expect((await loadOne(recording, base.state, parquet('sorted.parquet', sorted, { rowGroupSize: 2 }))).status).toBe('loaded');
    expect(inserts).toHaveLength(1);
    expect(inserts[0]).not.toMatch(/ORDER BY/);
    expect(await storedInKeyOrder('sorted.parquet')).toEqual({ out_of_order: 0, n: 6 });
    await unload(base.engine, 'sorted.parquet');
  });
});
