import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine, Row } from '../../../src/engine/engine-types';
import type { InputFile, LoadedState } from '../../../src/import/load-files';
import {
  AREAS_HEADER,
  csvFile,
  expectRejected,
  extracts,
  loadBase,
  loadOne,
  problemMatching,
  snapshot,
  unload,
} from '../../fixtures/import-helpers';

/**
 * The real engine, with a record of what was handed to it: a person-level file must be refused from its
 * header alone, so none of its bytes or rows may ever reach registerFile or insertArrow.
 */
let real: Engine;
const handedOver: string[] = [];
let engine: Engine;
let state: LoadedState;
let before: Record<string, Row[]>;
beforeAll(async () => {
  real = await createNodeEngine();
  engine = {
    ...real,
    registerFile: async (name, bytes) => (handedOver.push(`file ${name}`), real.registerFile(name, bytes)),
    insertArrow: async (table, name, mode) => (handedOver.push(`arrow ${name}`), real.insertArrow(table, name, mode)),
  };
  state = await loadBase(engine);
  before = await snapshot(engine);
});
afterAll(() => real.close());

async function refusedBeforeReading(file: InputFile) {
  handedOver.length = 0;
  const problems = await expectRejected(engine, await loadOne(engine, state, file), before);
  expect(handedOver).toEqual([]);
  return problems;
}

describe('person-level columns are refused from the header, before the engine sees the file', () => {
  it.each([
    ['name', 'a name'],
    ['dob', 'a date of birth'],
    ['nhs_number', 'an NHS number'],
    ['address', 'an address'],
    ['postcode', 'a postcode'],
    ['crime_id', 'a crime or case reference'],
  ])('refuses a column "%s" (%s)', async (column, what) => {
    const file = csvFile(
      `people-${column}.csv`,
      `${column},indicator_id,period,area_code,age_band,sex,count\nX,vwi,2024-03,D1,all,all,1\n`,
    );
    const problems = await refusedBeforeReading(file);
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, new RegExp(`looks like person-level data: column "${column}" holds ${what}`));
    expect(p).toMatchObject({ file: `people-${column}.csv`, column });
    expect(p.row).toBeUndefined();
    expect(p.fix).toMatch(/The dashboard takes aggregated extracts only/);
    expect(p.fix).toMatch(/Aggregate the records before sharing them/);
  });

  it('recognises the same columns written as a person would write them', async () => {
    const file = csvFile('people.csv', 'Date of Birth,NHS Number,Post-code,count\n2001-02-03,9434765919,PR1 2AB,1\n');
    const problems = await refusedBeforeReading(file);
    expect(problems.map((p) => p.column)).toEqual(['Date of Birth', 'NHS Number', 'Post-code']);
  });

  it('refuses a person-level Parquet file from its metadata alone', async () => {
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'surname', data: ['Smith'], type: 'STRING' },
          { name: 'count', data: [1], type: 'INT32' },
        ],
      }),
    );
    const problems = await refusedBeforeReading({ name: 'people.parquet', bytes });
    expect(problemMatching(problems, /column "surname" holds a name/)).toMatchObject({
      file: 'people.parquet',
      column: 'surname',
    });
  });

  it('refuses a person-level JSON table from its keys', async () => {
    const json = JSON.stringify([
      { indicator_id: 'vwi', period: '2024-03', area_code: 'D1', age_band: 'all', sex: 'all', count: 1, pupil_id: 'A1' },
    ]);
    const problems = await refusedBeforeReading(csvFile('people.json', json));
    expect(problemMatching(problems, /column "pupil_id" holds a personal identifier/)).toMatchObject({ column: 'pupil_id' });
  });

  it('lets an areas lookup have a "name" column (the name of the area)', async () => {
    const outcome = await loadOne(engine, state, csvFile('more-areas.csv', `${AREAS_HEADER}\nD3,East district,district,VRU1\n`));
    expect(outcome).toMatchObject({ status: 'loaded', kind: 'areas', rows: 1, problems: [] });
    await unload(engine, 'more-areas.csv');
    expect(await snapshot(engine)).toEqual(before);
  });
});

describe('one row per person', () => {
  it('refuses 60 rows that all have a count of 1', async () => {
    const lines = Array.from(
      { length: 60 },
      (_, i) =>
        `vwi,2024-${String((i % 12) + 1).padStart(2, '0')},D${(Math.floor(i / 12) % 2) + 1},${['0-9', '10-14', '15-17', '18-24', '25-34'][Math.floor(i / 12)]},all,1,`,
    );
    const outcome = await loadOne(engine, state, extracts('records.csv', ...lines));
    const problems = await expectRejected(engine, outcome, before);
    expect(problems).toHaveLength(1);
    const p = problemMatching(
      problems,
      /looks like person-level data: 100% of its 60 rows have a count of exactly 1, as if each row were one person/,
    );
    expect(p).toMatchObject({ file: 'records.csv', column: 'count' });
    expect(p.fix).toMatch(/The dashboard takes aggregated extracts only/);
    // It needed the rows, so it was read into staging; the staging table is gone with the refusal.
    expect(await real.query(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'stg%'`)).toEqual([]);
  });

  // Each age band's twelve months in one district: no month is missing between two with rows, which under the
  // manifest's "not reported" would be taken for zeros left out (src/import/zero-rows-given.ts).
  it('accepts a sparse aggregate of 60 small cells with 0s, 2s and 3s among the 1s', async () => {
    const lines = Array.from(
      { length: 60 },
      (_, i) =>
        `vwi,2024-${String((i % 12) + 1).padStart(2, '0')},D${(Math.floor(i / 12) % 2) + 1},${['0-9', '10-14', '15-17', '18-24', '25-34'][Math.floor(i / 12)]},all,${i % 5 === 0 ? i % 4 : 1},`,
    );
    const outcome = await loadOne(engine, state, extracts('sparse.csv', ...lines));
    expect(outcome).toMatchObject({ status: 'loaded', rows: 60, problems: [] });
    await unload(engine, 'sparse.csv');
  });
});
