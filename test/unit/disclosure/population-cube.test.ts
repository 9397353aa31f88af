// Population denominators at every level, from population given at any level, on the real engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { buildAreaAncestors, buildPopulationCube } from '../../../src/disclosure/population-cube';
import { borrowedYearsNote, noPopulationReason } from '../../../src/queries/wording/population-words';
import { nearestYear, populationNear } from '../../../src/queries/figures/population-years';
import { readPopulationGaps } from '../../../src/queries/readers/population-gaps';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine?.close());

// VRU -> districts D1, D2, D3 -> MSOAs -> LSOAs. D1's LSOAs have population for 2020 and 2021 (L3 lacks 2021),
// D2 has district rows by age band and sex (and LSOA rows that must not be added to them), D3 has none at all.
const AREAS = [
  ['VRU', 'vru', null],
  ['D1', 'district', 'VRU'],
  ['D2', 'district', 'VRU'],
  ['D3', 'district', 'VRU'],
  ['M1', 'msoa', 'D1'],
  ['M2', 'msoa', 'D1'],
  ['L1', 'lsoa', 'M1'],
  ['L2', 'lsoa', 'M1'],
  ['L3', 'lsoa', 'M2'],
  ['M3', 'msoa', 'D2'],
  ['L4', 'lsoa', 'M3'],
  ['M4', 'msoa', 'D3'],
  ['L5', 'lsoa', 'M4'],
] as const;
const BANDS = ['0-9', '10-14', '15-17', '18-24', '25-34', '35-49', '50-64', '65+'];

async function build(population: [string, number, string, string, number][]): Promise<void> {
  const values = (rows: readonly (readonly (string | number | null)[])[]) =>
    rows.map((r) => `(${r.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? v : `'${v}'`)).join(', ')})`).join(', ');
  await engine.exec(`
    CREATE OR REPLACE TABLE areas AS SELECT * FROM (VALUES ${values(AREAS.map(([c, l, p]) => [c, c, l, p]))}) t(code, name, level, parent_code);
    CREATE OR REPLACE TABLE population AS SELECT * FROM (VALUES ${values(population)}) t(area_code, year, age_band, sex, population);`);
  await buildAreaAncestors(engine);
  await buildPopulationCube(engine);
}

async function cube(): Promise<Map<string, number>> {
  const rows = await engine.query<{ k: string; population: number }>(
    `SELECT area_code || '|' || year || '|' || age_band || '|' || sex AS k, population FROM population_cube`,
  );
  return new Map(rows.map((r) => [r.k, r.population]));
}

describe('buildPopulationCube', () => {
  beforeAll(async () => {
    const rows: [string, number, string, string, number][] = [
      ['L1', 2020, 'all', 'all', 1000],
      ['L2', 2020, 'all', 'all', 1200],
      ['L3', 2020, 'all', 'all', 900],
      ['L1', 2021, 'all', 'all', 1010],
      ['L2', 2021, 'all', 'all', 1190],
      ['L4', 2020, 'all', 'all', 1],
      ['L5', 2019, 'all', 'all', 7],
    ];
    for (const [i, band] of BANDS.entries())
      for (const sex of ['female', 'male']) rows.push(['D2', 2020, band, sex, 100 * (i + 1) + (sex === 'male' ? 1 : 0)]);
    await build(rows);
  });

  it('adds LSOAs up to MSOAs and districts when every part has a figure for the year', async () => {
    const c = await cube();
    expect(c.get('M1|2020|all|all')).toBe(2200);
    expect(c.get('M2|2020|all|all')).toBe(900);
    expect(c.get('D1|2020|all|all')).toBe(3100);
  });

  it('gives a parent with a part missing no figure, and records why', async () => {
    const c = await cube();
    expect(c.get('M2|2021|all|all')).toBeUndefined();
    expect(c.get('D1|2021|all|all')).toBeUndefined();
    expect(c.get('M1|2021|all|all')).toBe(2200);
    const gaps = await readPopulationGaps(engine, { areaCodes: ['D1', 'M2', 'VRU'] });
    expect(gaps).toContainEqual({
      areaCode: 'D1',
      year: 2021,
      ageBand: 'all',
      sex: 'all',
      parts: 2,
      missing: 1,
      partLevel: 'msoa',
    });
    expect(gaps).toContainEqual({
      areaCode: 'VRU',
      year: 2020,
      ageBand: 'all',
      sex: 'all',
      parts: 3,
      missing: 1,
      partLevel: 'district',
    });
    expect(
      noPopulationReason(
        'District one',
        2021,
        gaps.filter((g) => g.areaCode === 'D1'),
        { ageBands: ['all'], sex: 'all' },
      ),
    ).toBe(
      'no population figure for District one: 1 of its 2 MSOAs has none for 2021, and a total without them would understate it',
    );
  });

  it('uses an area’s own rows before its parts’, and adds its bands and sexes up to its totals', async () => {
    const c = await cube();
    // D2's own 16 cells, not its one LSOA's figure of 1.
    const total = BANDS.reduce((s, _, i) => s + 2 * 100 * (i + 1) + 1, 0);
    expect(c.get('D2|2020|all|all')).toBe(total);
    expect(c.get('D2|2020|0-9|all')).toBe(201);
    expect(c.get('D2|2020|all|male')).toBe(BANDS.reduce((s, _, i) => s + 100 * (i + 1) + 1, 0));
    // The VRU area has no figure for 2020: D3 has none for that year.
    expect(c.get('VRU|2020|all|all')).toBeUndefined();
    expect(c.get('D3|2019|all|all')).toBe(7);
  });

  it('leaves out a total that would need a band that is missing', async () => {
    await build([
      ['D2', 2020, '10-14', 'all', 50],
      ['D2', 2020, '15-17', 'all', 30],
    ]);
    const c = await cube();
    expect(c.get('D2|2020|10-14|all')).toBe(50);
    expect(c.get('D2|2020|all|all')).toBeUndefined();
  });
});

describe('population years', () => {
  it('takes the nearest year (the earlier of two as near), and says which year stood in', () => {
    expect(nearestYear([2014, 2018, 2020], 2021)).toBe(2020);
    expect(nearestYear([2014, 2018, 2020], 2019)).toBe(2018);
    expect(nearestYear([2014, 2018], 2011)).toBe(2014);
    expect(nearestYear([], 2011)).toBeNull();
    const byYear = new Map([
      [2019, 100],
      [2020, 110],
    ]);
    const uses = [2020, 2021, 2022].map((y) => populationNear(byYear, y)).filter((u) => u !== null);
    expect(uses.map((u) => [u.wanted, u.year, u.population])).toEqual([
      [2020, 2020, 110],
      [2021, 2020, 110],
      [2022, 2020, 110],
    ]);
    expect(borrowedYearsNote(uses)).toBe(
      'Rates for 2021 and 2022 use the 2020 population, the nearest year loaded (no population figure for 2021 and 2022).',
    );
    expect(borrowedYearsNote(uses.slice(0, 1))).toBeNull();
  });
});
