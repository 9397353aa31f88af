import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine, Row } from '../../../src/engine/engine-types';
import type { InputFile, LoadedState } from '../../../src/import/load-files';
import { manifestFile } from '../../fixtures/mini-contract';
import {
  AREAS_HEADER,
  POPULATION_HEADER,
  csvFile,
  emptyState,
  expectRejected,
  extracts,
  load,
  loadBase,
  loadOne,
  manifestWith,
  problemMatching,
  resetTables,
  snapshot,
  unload,
} from '../../fixtures/import-helpers';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine.close());

/** The mini contract (VRU1 > D1, D2; indicators vwi and reoff), loaded once per describe. */
function withBase() {
  const ctx = { state: null as unknown as LoadedState, before: {} as Record<string, Row[]> };
  beforeAll(async () => {
    ctx.state = await loadBase(engine);
    ctx.before = await snapshot(engine);
  });
  const reject = async (file: InputFile) => expectRejected(engine, await loadOne(engine, ctx.state, file), ctx.before);
  return { ctx, reject };
}

describe('extracts: codes and periods', () => {
  const { ctx, reject } = withBase();

  it('rejects an indicator that is not in the manifest', async () => {
    const problems = await reject(extracts('ind.csv', 'vwi,2024-03,D1,all,all,4,', 'knife,2024-03,D1,all,all,4,'));
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /indicator "knife" is not in the manifest/);
    expect(p).toMatchObject({ file: 'ind.csv', row: 2, column: 'indicator_id' });
    expect(p.fix).toMatch(/Use an indicator id from the manifest \(vwi, reoff\)/);
  });

  it('rejects an area code that is not in the areas lookup', async () => {
    const problems = await reject(extracts('area.csv', 'vwi,2024-03,E07000999,all,all,4,'));
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /area code "E07000999" is not in the areas lookup/);
    expect(p).toMatchObject({ file: 'area.csv', row: 1, column: 'area_code' });
    expect(p.fix).toMatch(/Load an areas lookup .* that includes this area, or correct the code/);
  });

  it('rejects a period in the future, judged against the "now" passed in', async () => {
    // NOW is 2025-06-15: June 2025 can be loaded, July 2025 cannot.
    const problems = await reject(extracts('future.csv', 'vwi,2025-06,D1,all,all,4,', 'vwi,2025-07,D1,all,all,4,'));
    expect(problems.filter((p) => p.severity === 'error')).toHaveLength(1);
    const p = problemMatching(problems, /period 2025-07 is out of range: it is after 2025-06, the current month/);
    expect(p).toMatchObject({ file: 'future.csv', row: 2, column: 'period' });
    expect(p.fix).toMatch(/the month the events happened/);
  });

  it('rejects a period before 2000', async () => {
    const problems = await reject(extracts('old.csv', 'vwi,1999-12,D1,all,all,4,'));
    expect(problemMatching(problems, /period 1999-12 is out of range: it is before 2000-01/)).toMatchObject({
      row: 1,
      column: 'period',
    });
  });

  it('loads a period outside the dataset coverage, with a warning naming the coverage', async () => {
    const outcome = await loadOne(engine, ctx.state, extracts('coverage.csv', 'vwi,2025-02,D1,all,all,4,'));
    expect(outcome.status).toBe('loaded');
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({ file: 'coverage.csv', severity: 'warning', row: 1, column: 'period' });
    expect(outcome.problems[0]?.message).toMatch(
      /2025-02 is outside the coverage the manifest declares for dataset "police" \(2024-01 to 2024-12\)/,
    );
    await unload(engine, 'coverage.csv');
  });

  it('rejects a count larger than its denominator', async () => {
    const problems = await reject(extracts('den.csv', 'reoff,2024-02,D1,all,all,41,40'));
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /the count is larger than its denominator \(41 of 40\)/);
    expect(p).toMatchObject({ file: 'den.csv', row: 1, column: 'count' });
    expect(p.fix).toMatch(/not swapped/);
  });

  it('rejects a missing denominator for an indicator whose denominator comes from the extract', async () => {
    const problems = await reject(extracts('noden.csv', 'reoff,2024-02,D1,all,all,4,'));
    const p = problemMatching(problems, /manifest says indicator "reoff" takes its denominator from the extract/);
    expect(p).toMatchObject({ file: 'noden.csv', row: 1, column: 'denominator' });
  });

  it('rejects extracts when no manifest is loaded', async () => {
    const outcome = await loadOne(engine, emptyState(), extracts('orphan.csv', 'vwi,2024-03,D1,all,all,4,'));
    const problems = await expectRejected(engine, outcome, ctx.before);
    expect(problemMatching(problems, /no manifest is loaded/).fix).toMatch(/Load the manifest/);
  });
});

describe('extracts: duplicate cells and reloading', () => {
  const { ctx, reject } = withBase();

  it('rejects a cell given twice within a file, naming both rows', async () => {
    const problems = await reject(
      extracts('dup.csv', 'vwi,2024-03,D1,15-17,male,4,', 'vwi,2024-03,D2,15-17,male,4,', 'vwi,2024-03,D1,15-17,male,5,'),
    );
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /the cell vwi \/ 2024-03 \/ D1 \/ 15-17 \/ male .* appears more than once \(rows 1, 3\)/);
    expect(p).toMatchObject({ file: 'dup.csv', row: 3 });
    expect(p.column).toBeUndefined();
    expect(p.fix).toMatch(/add the rows together or remove the repeat/);
  });

  it('rejects a cell already loaded from another file, naming that file', async () => {
    const problems = await reject(extracts('again.csv', 'vwi,2024-05,D1,all,all,1,', 'vwi,2024-01,D2,15-17,male,25,'));
    expect(problems).toHaveLength(1);
    const p = problemMatching(
      problems,
      /the cell vwi \/ 2024-01 \/ D2 \/ 15-17 \/ male .* was already loaded from extracts\.csv/,
    );
    expect(p).toMatchObject({ file: 'again.csv', row: 2 });
    expect(p.fix).toMatch(/reload extracts\.csv without them/);
  });

  it('replaces the rows of a file loaded again under the same name', async () => {
    const outcome = await loadOne(
      engine,
      ctx.state,
      extracts('extracts.csv', 'vwi,2024-01,D1,15-17,female,30,', 'vwi,2024-03,D2,all,all,7,'),
    );
    expect(outcome).toMatchObject({ status: 'loaded', rows: 2, problems: [] });
    const rows = await engine.query(
      `SELECT period, area_code, count FROM extracts WHERE source_file = 'extracts.csv' ORDER BY ALL`,
    );
    expect(rows).toEqual([
      { period: '2024-01', area_code: 'D1', count: 30 },
      { period: '2024-03', area_code: 'D2', count: 7 },
    ]);
    expect(await engine.query('SELECT count(*)::INTEGER AS n FROM extracts')).toEqual([{ n: 2 }]);
  });
});

describe('mixed geography levels', () => {
  const wards = `${AREAS_HEADER}\nVRU1,Test VRU area,vru,\nD1,North district,district,VRU1\nD2,South district,district,VRU1\nW1,North ward one,ward,D1\nW2,North ward two,ward,D1\nW3,South ward,ward,D2\n`;
  const noChain = manifestWith((m) => m.geographies.push({ level: 'ward', title: 'Ward', parentLevel: null }));
  const chain = manifestWith((m) => m.geographies.push({ level: 'ward', title: 'Ward', parentLevel: 'district' }));

  async function setUp(manifest: typeof chain): Promise<{ state: LoadedState; before: Record<string, Row[]> }> {
    await resetTables(engine);
    const { state, outcomes } = await load(engine, [manifestFile(manifest), csvFile('areas.csv', wards)]);
    expect(outcomes.map((o) => o.status)).toEqual(['loaded', 'loaded']);
    return { state, before: await snapshot(engine) };
  }

  it('rejects an indicator at two levels the manifest does not declare as nesting', async () => {
    const { state, before } = await setUp(noChain);
    const outcome = await loadOne(engine, state, extracts('mixed.csv', 'vwi,2024-03,D1,all,all,5,', 'vwi,2024-03,W3,all,all,2,'));
    const problems = await expectRejected(engine, outcome, before);
    expect(problems).toHaveLength(1);
    const p = problemMatching(
      problems,
      /indicator "vwi" mixes geography levels \(district from row 1; ward from row 2\) that the manifest does not declare as nesting/,
    );
    expect(p).toMatchObject({ file: 'mixed.csv', row: 2, column: 'area_code' });
    expect(p.fix).toMatch(/"parentLevel": "district" for the ward level/);
  });

  it('rejects the mix when the other level came from a file loaded earlier', async () => {
    const { state } = await setUp(noChain);
    expect((await loadOne(engine, state, extracts('districts.csv', 'vwi,2024-03,D1,all,all,5,'))).status).toBe('loaded');
    const before = await snapshot(engine);
    const problems = await expectRejected(
      engine,
      await loadOne(engine, state, extracts('wards.csv', 'vwi,2024-03,W3,all,all,2,')),
      before,
    );
    expect(problemMatching(problems, /mixes geography levels \(district in districts\.csv; ward from row 1\)/)).toMatchObject({
      row: 1,
      column: 'area_code',
    });
  });

  it('accepts the same mix when the manifest declares that wards lie in districts', async () => {
    const { state } = await setUp(chain);
    const outcome = await loadOne(engine, state, extracts('mixed.csv', 'vwi,2024-03,D1,all,all,5,', 'vwi,2024-03,W3,all,all,2,'));
    expect(outcome).toMatchObject({ status: 'loaded', rows: 2, problems: [] });
  });

  it('rejects an area given together with one of its own parts for the same cell (double counting)', async () => {
    const { state, before } = await setUp(chain);
    const outcome = await loadOne(
      engine,
      state,
      extracts('double.csv', 'vwi,2024-03,D1,all,all,5,', 'vwi,2024-04,W1,all,all,1,', 'vwi,2024-03,W2,all,all,2,'),
    );
    const problems = await expectRejected(engine, outcome, before);
    expect(problems).toHaveLength(1);
    const p = problemMatching(
      problems,
      /double counting: ward W2 \(row 3\) lies within district D1 \(row 1\), and both are given for vwi, 2024-03, all, all/,
    );
    expect(p).toMatchObject({ file: 'double.csv', row: 3, column: 'area_code' });
    expect(p.fix).toMatch(/remove either the larger area's row or the rows of the areas within it/);
  });

  it('finds double counting across files, and through more than one level', async () => {
    const { state } = await setUp(chain);
    expect((await loadOne(engine, state, extracts('vru.csv', 'vwi,2024-03,VRU1,15-17,male,9,'))).status).toBe('loaded');
    const before = await snapshot(engine);
    const outcome = await loadOne(engine, state, extracts('ward.csv', 'vwi,2024-03,W3,15-17,male,1,'));
    const problems = await expectRejected(engine, outcome, before);
    const p = problemMatching(problems, /double counting: ward W3 \(row 1\) lies within vru VRU1 \(loaded from vru\.csv\)/);
    expect(p).toMatchObject({ file: 'ward.csv', row: 1, column: 'area_code' });
  });

  it('finds double counting when the parts were loaded first and a new file brings the larger area', async () => {
    const { state } = await setUp(chain);
    expect((await loadOne(engine, state, extracts('wards.csv', 'vwi,2024-03,W1,all,all,1,'))).status).toBe('loaded');
    const before = await snapshot(engine);
    const problems = await expectRejected(
      engine,
      await loadOne(engine, state, extracts('district.csv', 'vwi,2024-03,D1,all,all,5,')),
      before,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'district.csv',
      row: 1,
      column: 'area_code',
      message:
        'double counting: ward W1 (loaded from wards.csv) lies within district D1 (row 1), and both are given for vwi, 2024-03, all, all.',
    });
  });
});

describe('areas lookup', () => {
  const { reject } = withBase();

  it('rejects a parent code that is not in the file or already loaded', async () => {
    const problems = await reject(csvFile('more-areas.csv', `${AREAS_HEADER}\nD3,East district,district,VRU9\n`));
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /parent area "VRU9" is not in this file or in the areas already loaded/);
    expect(p).toMatchObject({ file: 'more-areas.csv', row: 1, column: 'parent_code' });
    expect(p.fix).toMatch(/Include the parent area as a row of its own/);
  });

  it('rejects a parent at the wrong level', async () => {
    const problems = await reject(
      csvFile('more-areas.csv', `${AREAS_HEADER}\nD3,East district,district,VRU1\nD4,West district,district,D1\n`),
    );
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /the parent "D1" is a district, but the manifest says a district lies within a vru/);
    expect(p).toMatchObject({ file: 'more-areas.csv', row: 2, column: 'parent_code' });
    expect(p.fix).toMatch(/Give the code of the vru this district lies in/);
  });

  it('rejects a level the manifest does not declare', async () => {
    const problems = await reject(csvFile('wards.csv', `${AREAS_HEADER}\nW1,Ward one,ward,D1\n`));
    const p = problemMatching(problems, /geography level "ward" is not declared in the manifest/);
    expect(p).toMatchObject({ file: 'wards.csv', row: 1, column: 'level' });
    expect(p.fix).toMatch(/Declare it under "geographies"/);
  });

  it('rejects an area already loaded from another lookup', async () => {
    const problems = await reject(
      csvFile('more-areas.csv', `${AREAS_HEADER}\nD3,East district,district,VRU1\nD1,North again,district,VRU1\n`),
    );
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /the cell D1 \(code\) was already loaded from areas\.csv/);
    expect(p).toMatchObject({ file: 'more-areas.csv', row: 2 });
  });

  it('rejects an area given as its own parent', async () => {
    const problems = await reject(csvFile('loop.csv', `${AREAS_HEADER}\nD3,East district,district,D3\n`));
    expect(problemMatching(problems, /area "D3" is given as its own parent/)).toMatchObject({ row: 1, column: 'parent_code' });
  });
});

describe('population', () => {
  const { ctx, reject } = withBase();
  const pop = (name: string, ...lines: string[]) => csvFile(name, [POPULATION_HEADER, ...lines, ''].join('\n'));
  beforeEach(async () => unload(engine, 'population.csv'));

  it('loads valid population rows', async () => {
    const outcome = await loadOne(engine, ctx.state, pop('population.csv', 'D1,2024,all,all,81000', 'D2,2024,all,all,67000'));
    expect(outcome).toMatchObject({ kind: 'population', status: 'loaded', rows: 2, problems: [] });
  });

  it('rejects an unknown area, a year that is not a year, a negative and a fractional population', async () => {
    const problems = await reject(
      pop('pop-bad.csv', 'X1,2024,all,all,100', 'D1,24,all,all,100', 'D2,2024,all,all,-5', 'D2,2023,all,all,2.5'),
    );
    expect(problemMatching(problems, /"24" is not a year/)).toMatchObject({ file: 'pop-bad.csv', row: 2, column: 'year' });
    expect(problemMatching(problems, /-5 is negative/)).toMatchObject({ row: 3, column: 'population' });
    expect(problemMatching(problems, /2\.5 is not a whole number/)).toMatchObject({ row: 4, column: 'population' });
    // Codes are checked once the values themselves are sound.
    const codes = await reject(pop('pop-code.csv', 'X1,2024,all,all,100'));
    expect(problemMatching(codes, /area code "X1" is not in the areas lookup/)).toMatchObject({
      file: 'pop-code.csv',
      row: 1,
      column: 'area_code',
    });
  });

  it('rejects a population cell given twice, within a file and across files', async () => {
    const within = await reject(pop('pop-dup.csv', 'D1,2024,all,all,100', 'D1,2024,all,all,100'));
    expect(problemMatching(within, /the cell D1 \/ 2024 \/ all \/ all .* appears more than once \(rows 1, 2\)/)).toMatchObject({
      row: 2,
    });
    expect((await loadOne(engine, ctx.state, pop('population.csv', 'D1,2024,all,all,81000'))).status).toBe('loaded');
    const before = await snapshot(engine);
    // 2024.0 is the same year as 2024: keys compare as the types they are stored as.
    const outcome = await loadOne(engine, ctx.state, pop('pop-2.csv', 'D1,2024.0,all,all,81000'));
    const across = await expectRejected(engine, outcome, before);
    expect(problemMatching(across, /the cell D1 \/ 2024 \/ all \/ all .* was already loaded from population\.csv/)).toMatchObject(
      { row: 1 },
    );
  });
});
