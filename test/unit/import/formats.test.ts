import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine, Row } from '../../../src/engine/engine-types';
import type { InputFile, LoadedState } from '../../../src/import/load-files';
import type { Problem } from '../../../src/import/problems';
import { enc } from '../../fixtures/mini-contract';
import { expectRejected, extracts, loadBase, loadOne, problemMatching, snapshot, unload } from '../../fixtures/import-helpers';

let engine: Engine;
let state: LoadedState;
let before: Record<string, Row[]>;
beforeAll(async () => {
  engine = await createNodeEngine();
  state = await loadBase(engine);
  before = await snapshot(engine);
});
afterAll(() => engine.close());

/** Three extract rows as columns, so each format can be written from the same values. */
const good = {
  indicator_id: ['vwi', 'vwi', 'reoff'],
  period: ['2024-03', '2024-03', '2024-03'],
  area_code: ['D1', 'D2', 'D1'],
  age_band: ['all', 'all', 'all'],
  sex: ['all', 'all', 'all'],
  count: [4, 6, 5],
  denominator: [null, null, 40],
};
/** The same with a month 13, a negative count and a fractional count. */
const bad = { ...good, period: ['2024-03', '2024-13', '2024-03'], count: [-2, 6, 2.5] };
type Columns = typeof good;

const parquet = (name: string, c: Columns): InputFile => ({
  name,
  bytes: new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'indicator_id', data: c.indicator_id, type: 'STRING' },
        { name: 'period', data: c.period, type: 'STRING' },
        { name: 'area_code', data: c.area_code, type: 'STRING' },
        { name: 'age_band', data: c.age_band, type: 'STRING' },
        { name: 'sex', data: c.sex, type: 'STRING' },
        { name: 'count', data: c.count, type: 'DOUBLE' },
        { name: 'denominator', data: c.denominator, type: 'DOUBLE' },
      ],
    }),
  ),
});

const csv = (name: string, c: Columns): InputFile =>
  extracts(name, ...c.period.map((_, i) => (Object.keys(c) as (keyof Columns)[]).map((k) => c[k][i] ?? '').join(',')));

const json = (name: string, c: Columns): InputFile => ({
  name,
  bytes: enc(JSON.stringify(c.period.map((_, i) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v[i]]))))),
});

/** Where and what, without the file name, to compare one format's problems with another's. */
const whereAndWhat = (problems: readonly Problem[]) =>
  problems.map(({ row, column, message, fix, severity }) => ({ row, column, message, fix, severity }));

describe('Parquet (read by hyparquet in JavaScript)', () => {
  it('loads a Parquet extract', async () => {
    const outcome = await loadOne(engine, state, parquet('march.parquet', good));
    expect(outcome).toMatchObject({ kind: 'extracts', status: 'loaded', rows: 3, problems: [] });
    const rows = await engine.query(
      `SELECT indicator_id, area_code, count, denominator FROM extracts WHERE source_file = 'march.parquet' ORDER BY ALL`,
    );
    expect(rows).toEqual([
      { indicator_id: 'reoff', area_code: 'D1', count: 5, denominator: 40 },
      { indicator_id: 'vwi', area_code: 'D1', count: 4, denominator: null },
      { indicator_id: 'vwi', area_code: 'D2', count: 6, denominator: null },
    ]);
    await unload(engine, 'march.parquet');
  });

  it('rejects a bad Parquet file with the same rows, columns and messages as the same data in CSV', async () => {
    const fromParquet = await expectRejected(engine, await loadOne(engine, state, parquet('bad.parquet', bad)), before);
    const fromCsv = await expectRejected(engine, await loadOne(engine, state, csv('bad.csv', bad)), before);
    expect(whereAndWhat(fromParquet)).toEqual(whereAndWhat(fromCsv));
    expect(problemMatching(fromParquet, /"2024-13" is not a month written YYYY-MM/)).toMatchObject({
      file: 'bad.parquet',
      row: 2,
      column: 'period',
    });
    expect(problemMatching(fromParquet, /^-2 is negative/)).toMatchObject({ row: 1, column: 'count' });
    expect(problemMatching(fromParquet, /^2\.5 is not a whole number/)).toMatchObject({ row: 3, column: 'count' });
  });

  it('rejects a damaged Parquet file with a message naming the format', async () => {
    const bytes = new Uint8Array([...enc('PAR1'), 1, 2, 3, 4, 5, 6, 7, 8, ...enc('PAR1')]);
    const problems = await expectRejected(engine, await loadOne(engine, state, { name: 'broken.parquet', bytes }), before);
    const p = problemMatching(problems, /^could not be read as Parquet: /);
    expect(p.file).toBe('broken.parquet');
    expect(p.fix).toMatch(/saved as Parquet/);
  });
});

describe('JSON tables (an array of objects)', () => {
  it('loads a JSON extract', async () => {
    const outcome = await loadOne(engine, state, json('march.json', good));
    expect(outcome).toMatchObject({ kind: 'extracts', status: 'loaded', rows: 3, problems: [] });
    await unload(engine, 'march.json');
  });

  it('rejects bad JSON rows with the same messages as CSV', async () => {
    const fromJson = await expectRejected(engine, await loadOne(engine, state, json('bad.json', bad)), before);
    const fromCsv = await expectRejected(engine, await loadOne(engine, state, csv('bad.csv', bad)), before);
    expect(whereAndWhat(fromJson)).toEqual(whereAndWhat(fromCsv));
  });

  it('rejects an empty JSON array and an array of non-objects', async () => {
    const empty = await expectRejected(engine, await loadOne(engine, state, { name: 'empty.json', bytes: enc('[]') }), before);
    expect(problemMatching(empty, /could not be read as JSON: the JSON table is an empty array/).file).toBe('empty.json');
    const scalars = await expectRejected(
      engine,
      await loadOne(engine, state, { name: 'numbers.json', bytes: enc('[1, 2, 3]') }),
      before,
    );
    expect(problemMatching(scalars, /each element of a JSON table must be an object/).file).toBe('numbers.json');
  });
});

describe('Arrow IPC', () => {
  const arrowTable = () =>
    tableFromArrays({
      indicator_id: good.indicator_id,
      period: good.period,
      area_code: good.area_code,
      age_band: good.age_band,
      sex: good.sex,
      count: Int32Array.from(good.count),
      denominator: good.denominator,
    });

  it('loads an Arrow IPC stream', async () => {
    const outcome = await loadOne(engine, state, { name: 'march.arrows', bytes: tableToIPC(arrowTable(), 'stream') });
    expect(outcome).toMatchObject({ kind: 'extracts', status: 'loaded', rows: 3, problems: [] });
    expect(await engine.query(`SELECT sum(count)::INTEGER AS n FROM extracts WHERE source_file = 'march.arrows'`)).toEqual([
      { n: 15 },
    ]);
    await unload(engine, 'march.arrows');
  });

  it('loads an Arrow IPC file', async () => {
    const outcome = await loadOne(engine, state, { name: 'march.arrow', bytes: tableToIPC(arrowTable(), 'file') });
    expect(outcome).toMatchObject({ kind: 'extracts', status: 'loaded', rows: 3, problems: [] });
    await unload(engine, 'march.arrow');
  });

  it('rejects a damaged Arrow file with a message naming the format', async () => {
    const bytes = new Uint8Array([0xff, 0xff, 0xff, 0xff, 9, 9, 9, 9, 1, 2, 3]);
    const problems = await expectRejected(engine, await loadOne(engine, state, { name: 'broken.arrow', bytes }), before);
    expect(problemMatching(problems, /^could not be read as Arrow IPC: /).file).toBe('broken.arrow');
  });
});

describe('files that are not tables at all', () => {
  it('rejects a random binary file', async () => {
    let seed = 7;
    const bytes = Uint8Array.from({ length: 512 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
    bytes[100] = 0;
    const outcome = await loadOne(engine, state, { name: 'export.dat', bytes });
    const problems = await expectRejected(engine, outcome, before);
    expect(outcome.kind).toBe('unknown');
    const p = problemMatching(problems, /is a binary file of a kind the dashboard does not read/);
    expect(p.file).toBe('export.dat');
    expect(p.fix).toMatch(/Supply CSV, Parquet, Arrow or JSON tables/);
  });

  it('rejects an Excel workbook with a message that says to save it as CSV', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0, 8, 0, 0, 0]);
    const problems = await expectRejected(engine, await loadOne(engine, state, { name: 'extract.xlsx', bytes }), before);
    expect(problemMatching(problems, /is an Excel workbook/).message).toMatch(
      /Save As, "CSV UTF-8 \(Comma delimited\) \(\*\.csv\)" for each sheet/,
    );
  });

  it('rejects JSON that is neither a manifest, a table nor a boundary file', async () => {
    const outcome = await loadOne(engine, state, { name: 'settings.json', bytes: enc('{"theme": "dark"}') });
    const problems = await expectRejected(engine, outcome, before);
    expect(outcome.kind).toBe('unknown');
    const p = problemMatching(
      problems,
      /is JSON but neither a manifest \(with "datasets" and "indicators"\), a table \(an array of rows\), nor a GeoJSON\/TopoJSON boundary file/,
    );
    expect(p.fix).toMatch(/Supply CSV, Parquet, Arrow or JSON tables, a manifest\.json/);
  });

  it("rejects a file that is not valid JSON, with the parser's reason", async () => {
    const outcome = await loadOne(engine, state, { name: 'manifest.json', bytes: enc('{"schemaVersion": 1,') });
    const problems = await expectRejected(engine, outcome, before);
    expect(problemMatching(problems, /^is not valid JSON \(.+\)\. Check the file was saved completely as JSON\.$/).file).toBe(
      'manifest.json',
    );
  });

  it('rejects an empty file', async () => {
    const problems = await expectRejected(
      engine,
      await loadOne(engine, state, { name: 'extracts.csv', bytes: new Uint8Array() }),
      before,
    );
    expect(problemMatching(problems, /is empty \(0 bytes\)/).file).toBe('extracts.csv');
  });
});
