import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine, Row } from '../../../src/engine/engine-types';
import type { LoadedState } from '../../../src/import/load-files';
import {
  EXTRACT_HEADER,
  csvFile,
  expectRejected,
  extracts,
  loadBase,
  loadOne,
  problemMatching,
  snapshot,
  unload,
} from '../../fixtures/import-helpers';

// One engine and one loaded base for the file: every test here loads a bad file, checks the rejection,
// and checks the base is exactly as it was.
let engine: Engine;
let state: LoadedState;
let before: Record<string, Row[]>;
beforeAll(async () => {
  engine = await createNodeEngine();
  state = await loadBase(engine);
  before = await snapshot(engine);
});
afterAll(() => engine.close());

const reject = async (file: Parameters<typeof loadOne>[2]) => expectRejected(engine, await loadOne(engine, state, file), before);

describe('header: missing, unknown, repeated and unnamed columns', () => {
  it('names a missing required column and says how to add it', async () => {
    const problems = await reject(csvFile('no-sex.csv', 'indicator_id,period,area_code,age_band,count\nvwi,2024-03,D1,all,4\n'));
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /is missing the required column "sex"/);
    expect(p).toMatchObject({ file: 'no-sex.csv', column: 'sex' });
    expect(p.row).toBeUndefined();
    expect(p.message).toMatch(/female, male, or "all"/);
    expect(p.fix).toMatch(/Add a "sex" column/);
  });

  it('suggests renaming a near-miss column name', async () => {
    const problems = await reject(
      csvFile('caps.csv', 'indicator_id,period,area_code,age_band,Sex,count\nvwi,2024-03,D1,all,all,4\n'),
    );
    const p = problemMatching(problems, /missing the required column "sex"/);
    expect(p).toMatchObject({ file: 'caps.csv', column: 'sex' });
    expect(p.fix).toBe('Rename the column "Sex" to "sex".');
  });

  it('names an unknown column and lists the columns the table has', async () => {
    const problems = await reject(csvFile('notes.csv', `${EXTRACT_HEADER},notes\nvwi,2024-03,D1,all,all,4,,checked\n`));
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /has a column "notes" that the data contract does not know/);
    expect(p).toMatchObject({ file: 'notes.csv', column: 'notes' });
    expect(p.fix).toMatch(
      /Remove it or rename it.*indicator_id, period, area_code, age_band, sex, count, denominator \(optional\)/,
    );
  });

  it('names a column given twice', async () => {
    const problems = await reject(csvFile('twice.csv', `${EXTRACT_HEADER},count\nvwi,2024-03,D1,all,all,4,,4\n`));
    const p = problemMatching(problems, /has the column "count" twice \(columns 6 and 8\)/);
    expect(p).toMatchObject({ file: 'twice.csv', column: 'count' });
    expect(p.fix).toMatch(/Keep one of the two columns/);
  });

  it('names a column with no name (a spreadsheet trailing comma)', async () => {
    const problems = await reject(csvFile('trailing.csv', `${EXTRACT_HEADER},\nvwi,2024-03,D1,all,all,4,,\n`));
    const p = problemMatching(problems, /has a column with no name \(column 8 of 8\)/);
    expect(p.file).toBe('trailing.csv');
    expect(p.fix).toMatch(/delete the empty column/);
  });

  it('rejects a header with no data rows', async () => {
    const problems = await reject(csvFile('header-only.csv', `${EXTRACT_HEADER}\n`));
    expect(problemMatching(problems, /has a header but no rows of data/).fix).toMatch(/export included the data/);
  });
});

describe('malformed CSV', () => {
  it('points at a ragged row with too many fields, by row number', async () => {
    const problems = await reject(
      extracts('ragged.csv', 'vwi,2024-03,D1,all,all,4,', 'vwi,2024-03,D2,all,all,5,,oops', 'vwi,2024-04,D2,all,all,6,'),
    );
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /this row has 8 fields, but the header has 7 columns/);
    expect(p).toMatchObject({ file: 'ragged.csv', row: 2 });
    expect(p.fix).toMatch(/one field per column.*double quotes/);
  });

  it('points at a ragged row with too few fields', async () => {
    const problems = await reject(
      extracts('short.csv', 'vwi,2024-03,D1,all,all,4,', 'vwi,2024-03,D1,all,all,5,', 'vwi,2024-04,D2,all'),
    );
    expect(problemMatching(problems, /this row has 4 fields, but the header has 7 columns/)).toMatchObject({
      file: 'short.csv',
      row: 3,
    });
  });

  it('points at an unterminated quote', async () => {
    const problems = await reject(extracts('quote.csv', 'vwi,2024-03,D1,all,all,4,', '"vwi,2024-04,D1,all,all,4,'));
    const p = problemMatching(problems, /opens a double quote that is never closed/);
    expect(p).toMatchObject({ file: 'quote.csv', row: 2 });
    expect(p.fix).toMatch(/two double quotes/);
  });

  it('says a file that is not UTF-8 must be saved as CSV UTF-8', async () => {
    const head = new TextEncoder().encode(`${EXTRACT_HEADER}\nvwi,2024-03,D1,all,all,4,\nvwi,2024-03,`);
    const latin1 = new Uint8Array([...head, 0xa3, ...new TextEncoder().encode('D2,all,all,4,\n')]);
    const problems = await reject({ name: 'latin1.csv', bytes: latin1 });
    const p = problemMatching(problems, /not UTF-8 text/);
    expect(p).toMatchObject({ file: 'latin1.csv', row: 2 });
    expect(p.fix).toMatch(/CSV UTF-8/);
  });

  it('reads semicolon-delimited files and blank trailing rows without complaint', async () => {
    const text = `${EXTRACT_HEADER.replaceAll(',', ';')}\nvwi;2024-05;D1;all;all;4;\n;;;;;;\n;;;;;;\n`;
    const outcome = await loadOne(engine, state, csvFile('semicolons.csv', text));
    expect(outcome).toMatchObject({ status: 'loaded', kind: 'extracts', rows: 1, problems: [] });
    await unload(engine, 'semicolons.csv');
    expect(await snapshot(engine)).toEqual(before);
  });
});

describe('wrong types and values', () => {
  it('rejects text in a count', async () => {
    const problems = await reject(extracts('text.csv', 'vwi,2024-03,D1,all,all,4,', 'vwi,2024-03,D2,all,all,twelve,'));
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /"twelve" is not a number/);
    expect(p).toMatchObject({ file: 'text.csv', row: 2, column: 'count' });
    expect(p.fix).toMatch(/whole numbers such as 0, 7 or 120, with no text, commas or symbols/);
  });

  it('rejects a count written with a thousands separator', async () => {
    const problems = await reject(extracts('commas.csv', 'vwi,2024-03,D1,all,all,"1,200",'));
    expect(problemMatching(problems, /"1,200" is not a number/)).toMatchObject({ row: 1, column: 'count' });
  });

  it('rejects a fractional count', async () => {
    const problems = await reject(extracts('fraction.csv', 'vwi,2024-03,D1,all,all,4,', 'vwi,2024-03,D2,all,all,2.5,'));
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /2\.5 is not a whole number/);
    expect(p).toMatchObject({ file: 'fraction.csv', row: 2, column: 'count' });
    expect(p.fix).toMatch(/supply the count, not a rate or an average/);
  });

  it('rejects a negative count', async () => {
    const problems = await reject(extracts('negative.csv', 'vwi,2024-03,D1,all,all,-2,'));
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /-2 is negative/);
    expect(p).toMatchObject({ file: 'negative.csv', row: 1, column: 'count' });
    expect(p.fix).toMatch(/cannot be below zero/);
  });

  it('rejects "inf" and counts too large to store, rather than failing at commit', async () => {
    const problems = await reject(extracts('huge.csv', 'vwi,2024-03,D1,all,all,inf,', 'vwi,2024-03,D2,all,all,3000000000,'));
    expect(problemMatching(problems, /"inf" is not a number/)).toMatchObject({ row: 1, column: 'count' });
    expect(problemMatching(problems, /3000000000 is too large to be a count/)).toMatchObject({ row: 2, column: 'count' });
  });

  it('rejects an empty required value', async () => {
    const problems = await reject(extracts('blank.csv', 'vwi,2024-03,,all,all,4,'));
    const p = problemMatching(problems, /^is empty\.$/);
    expect(p).toMatchObject({ file: 'blank.csv', row: 1, column: 'area_code' });
    expect(p.fix).toMatch(/Fill in an area code from the areas lookup/);
  });

  it('rejects a value outside a vocabulary and lists the allowed values', async () => {
    const problems = await reject(extracts('band.csv', 'vwi,2024-03,D1,15 to 17,all,4,'));
    const p = problemMatching(problems, /"15 to 17" is not one of the allowed values/);
    expect(p).toMatchObject({ file: 'band.csv', row: 1, column: 'age_band' });
    expect(p.fix).toMatch(/Use one of: 0-9, 10-14, 15-17/);
  });

  it('rejects period 2024-13', async () => {
    const problems = await reject(extracts('month13.csv', 'vwi,2024-12,D1,all,all,4,', 'vwi,2024-13,D1,all,all,4,'));
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /"2024-13" is not a month written YYYY-MM/);
    expect(p).toMatchObject({ file: 'month13.csv', row: 2, column: 'period' });
    expect(p.fix).toMatch(/for example 2024-03/);
  });

  it('rejects a negative denominator', async () => {
    const problems = await reject(extracts('den.csv', 'reoff,2024-03,D1,all,all,4,-40'));
    expect(problemMatching(problems, /"-40" is not a number of 0 or more/)).toMatchObject({ row: 1, column: 'denominator' });
  });

  it('lists the first five offending rows and counts the rest', async () => {
    const lines = Array.from({ length: 8 }, (_, i) => `vwi,2024-0${i + 1},D1,all,all,x${i},`);
    const problems = await reject(extracts('many.csv', ...lines));
    expect(problems.filter((p) => /is not a number/.test(p.message)).map((p) => p.row)).toEqual([1, 2, 3, 4, 5]);
    expect(problemMatching(problems, /and 3 more rows with the same problem/)).toMatchObject({ column: 'count' });
  });
});
