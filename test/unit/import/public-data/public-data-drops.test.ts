import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../../src/engine/node-engine';
import type { Engine } from '../../../../src/engine/engine-types';
import type { FileOutcome, InputFile, LoadedState } from '../../../../src/import/load-files';
import { GENERATED } from '../../../../src/import/public-data/generate-public-inputs';
import { settingsFile } from '../../../../src/import/public-data/public-data-state';
import { emptyState, load, resetTables } from '../../../fixtures/import-helpers';
import {
  HAS_REAL,
  imdFile,
  iodPopulationFile,
  LANCASHIRE_DISTRICTS,
  NO_REAL,
  onsPopulationFile,
  rawLsoaDistricts,
  rawRows,
  REAL,
  streetFiles,
} from '../../../fixtures/real-public-data';

const GEO = path.resolve(REAL, '../geo');
const HAS_GEO = existsSync(path.join(GEO, 'lancashire-lsoa-2011.geojson'));
const geoFile = (name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(path.join(GEO, name))) });

const violenceTotal = (engine: Engine, level: string) =>
  engine.query<{ area_code: string; n: number }>(
    `SELECT a.ancestor AS area_code, sum(e.count)::DOUBLE AS n FROM extracts e
     JOIN (WITH RECURSIVE anc(code, ancestor) AS (SELECT code, code FROM areas UNION ALL
           SELECT anc.code, p.parent_code FROM anc JOIN areas p ON p.code = anc.ancestor WHERE p.parent_code IS NOT NULL)
           SELECT * FROM anc) a ON a.code = e.area_code
     JOIN areas l ON l.code = a.ancestor AND l.level = '${level}'
     WHERE e.indicator_id = 'policeuk-violence-sexual' GROUP BY 1 ORDER BY 1`,
  );

/**
 * The real files dropped as a user would over several loads: police months first (no lookup yet), then IMD
 * File 1, then the rest of the months, then population, then the user's choices. Each step is checked against
 * an independent reading of the raw files.
 */
describe.skipIf(!HAS_REAL)('public data dropped over several loads', { timeout: 300_000 }, () => {
  let engine: Engine;
  let state: LoadedState = emptyState();
  const step = async (files: InputFile[]): Promise<FileOutcome[]> => {
    const r = await load(engine, files, state);
    state = r.state;
    return r.outcomes;
  };
  const rawViolence = () => {
    const districtOf = rawLsoaDistricts();
    const lancs = new Set(LANCASHIRE_DISTRICTS);
    let placed = 0;
    let all = 0;
    for (const f of streetFiles()) {
      for (const r of rawRows(f)) {
        if (r['Crime type'] !== 'Violence and sexual offences') continue;
        all++;
        if (lancs.has(districtOf.get(r['LSOA code'] as string) ?? '')) placed++;
      }
    }
    return { placed, all };
  };

  beforeAll(async () => {
    engine = await createNodeEngine();
    await resetTables(engine);
  });
  afterAll(() => engine?.close());

  it('counts police months dropped before any lookup, says why they are not shown yet, and commits nothing', async () => {
    const outcomes = await step(streetFiles().slice(0, 10));
    expect(outcomes.map((o) => o.status)).toEqual(Array(10).fill('loaded'));
    expect(outcomes[0]?.problems[0]?.message).toBe(
      'was read and counted, but is not shown yet: its LSOAs cannot be placed in districts.',
    );
    expect(outcomes[0]?.problems[0]?.fix).toMatch(/Load IMD 2019 File 1/);
    const [{ n } = { n: -1 }] = await engine.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM extracts');
    expect(n).toBe(0);
    expect(state.publicData?.police).toHaveLength(10);
  });

  it('places them once IMD File 1 is dropped, and adds the later months to the same run', async () => {
    await step([imdFile()]);
    const outcomes = await step(streetFiles().slice(10));
    expect(outcomes.find((o) => o.file === GENERATED.street)?.problems.map((p) => p.message)).toContain(
      'months are missing from the run: June 2020, August 2020 and September 2020 (Lancashire Constabulary).',
    );
    const byVru = await violenceTotal(engine, 'vru');
    expect(byVru).toEqual([{ area_code: 'VRU', n: rawViolence().placed }]);
  });

  it('takes ONS population for the LSOAs and turns the counts into rates per 1,000 residents', async () => {
    const outcomes = await step([onsPopulationFile()]);
    expect(outcomes.find((o) => o.file === GENERATED.population)?.rows).toBe(941 * 7);
    const raw = rawRows(onsPopulationFile());
    const rows = await engine.query<{ area_code: string; year: number; population: number }>(
      'SELECT area_code, year, population FROM population WHERE year = 2019 ORDER BY 1',
    );
    const expected = raw
      .filter((r) => r.Year === '2019')
      .map((r) => ({ area_code: r['LSOA Code'], year: 2019, population: Number(r.Population) }))
      .sort((a, b) => (a.area_code as string).localeCompare(b.area_code as string));
    expect(rows).toEqual(expected);
    const violence = state.manifest?.indicators.find((i) => i.id === 'policeuk-violence-sexual');
    expect(violence).toMatchObject({
      statistic: 'rate',
      multiplier: 1000,
      rateLabel: 'per 1,000 residents',
      denominatorSource: 'population',
    });
  });

  it('gives violence rates by IMD decile equal to an independent computation on the raw files', async () => {
    // 2020: the LSOAs' violence (from police.uk) over their 2020 population (ONS), by IMD 2019 national decile.
    const rates = await engine.query<{ decile: number; rate: number }>(
      `WITH v AS (SELECT area_code, sum(count) AS n FROM extracts WHERE indicator_id = 'policeuk-violence-sexual' AND period LIKE '2020-%' GROUP BY 1)
       SELECT d.imd_decile AS decile, 1000 * sum(coalesce(v.n, 0)) / sum(p.population) AS rate
       FROM area_deprivation d JOIN areas a ON a.code = d.area_code AND a.level = 'lsoa'
       JOIN population p ON p.area_code = d.area_code AND p.year = 2020 LEFT JOIN v ON v.area_code = d.area_code
       GROUP BY 1 ORDER BY 1`,
    );
    const decileOf = new Map(
      rawRows(imdFile()).map((r) => [r['LSOA code (2011)'], Number(r['Index of Multiple Deprivation (IMD) Decile'])]),
    );
    const pop = new Map(
      rawRows(onsPopulationFile())
        .filter((r) => r.Year === '2020')
        .map((r) => [r['LSOA Code'], Number(r.Population)]),
    );
    const events = new Map<number, number>();
    const people = new Map<number, number>();
    for (const [lsoa, n] of pop) {
      const d = decileOf.get(lsoa) as number;
      people.set(d, (people.get(d) ?? 0) + n);
    }
    for (const f of streetFiles()) {
      for (const r of rawRows(f)) {
        if (
          r['Crime type'] !== 'Violence and sexual offences' ||
          !r.Month?.startsWith('2020') ||
          !pop.has(r['LSOA code'] as string)
        )
          continue;
        const d = decileOf.get(r['LSOA code'] as string) as number;
        events.set(d, (events.get(d) ?? 0) + 1);
      }
    }
    expect(rates.map((r) => r.decile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const r of rates) expect(r.rate).toBeCloseTo((1000 * (events.get(r.decile) ?? 0)) / (people.get(r.decile) as number), 9);
    // The most deprived tenth has several times the violence of the least.
    expect((rates[0]?.rate ?? 0) / (rates[9]?.rate ?? 1)).toBeGreaterThan(4);
  });

  it("takes the user's choices: the VRU area's name and code, and an 'area not known' part holding every unplaced record", async () => {
    const outcomes = await step([
      settingsFile({ vruName: 'Lancashire Violence Reduction Network', vruCode: 'LVRN', unknownArea: true }),
    ]);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(state.manifest?.area).toEqual({ code: 'LVRN', name: 'Lancashire Violence Reduction Network' });
    const vru = await engine.query<{ code: string; name: string }>("SELECT code, name FROM areas WHERE level = 'vru'");
    expect(vru).toEqual([{ code: 'LVRN', name: 'Lancashire Violence Reduction Network' }]);
    const byVru = await violenceTotal(engine, 'vru');
    expect(byVru).toEqual([{ area_code: 'LVRN', n: rawViolence().all }]);
    const unknown = await engine.query<{ n: number }>(
      "SELECT sum(count)::DOUBLE AS n FROM extracts WHERE area_code = 'LVRN-UNKNOWN' AND indicator_id = 'policeuk-violence-sexual'",
    );
    expect(unknown[0]?.n).toBe(rawViolence().all - rawViolence().placed);
  });

  it('keeps only the districts the user picks; the rest count as outside', async () => {
    await step([settingsFile({ districts: ['E07000123'], unknownArea: false })]);
    const districts = await engine.query<{ code: string }>("SELECT code FROM areas WHERE level = 'district'");
    expect(districts).toEqual([{ code: 'E07000123' }]);
    const districtOf = rawLsoaDistricts();
    const preston = streetFiles()
      .flatMap((f) => rawRows(f))
      .filter(
        (r) => r['Crime type'] === 'Violence and sexual offences' && districtOf.get(r['LSOA code'] as string) === 'E07000123',
      ).length;
    expect(await violenceTotal(engine, 'district')).toEqual([{ area_code: 'E07000123', n: preston }]);
  });
});

describe.skipIf(!HAS_REAL || !HAS_GEO)('an areas lookup from boundary files, and IoD File 6 population', () => {
  let engine: Engine;
  let state: LoadedState;
  let outcomes: FileOutcome[];
  beforeAll(async () => {
    engine = await createNodeEngine();
    await resetTables(engine);
    ({ state, outcomes } = await load(engine, [
      ...streetFiles().slice(0, 3),
      geoFile('lancashire-lsoa-2011.geojson'),
      geoFile('lancashire-msoa-2011.geojson'),
      iodPopulationFile(),
    ]));
  }, 300_000);
  afterAll(() => engine?.close());

  it('builds LSOA -> MSOA -> district from the LSOA and MSOA boundaries (MSOAs by the LSOA names), and draws them', async () => {
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const levels = await engine.query<{ level: string; n: number }>(
      'SELECT level, count(*)::INTEGER AS n FROM areas GROUP BY 1 ORDER BY 1',
    );
    expect(levels).toEqual([
      { level: 'district', n: 14 },
      { level: 'lsoa', n: 941 },
      { level: 'msoa', n: 191 },
      { level: 'vru', n: 1 },
    ]);
    const [preston] = await engine.query<{ parent: string }>(
      "SELECT p.name AS parent FROM areas a JOIN areas p ON p.code = a.parent_code WHERE a.name = 'Preston 013A'",
    );
    expect(preston?.parent).toBe('Preston 013');
    expect(state.manifest?.geographies.map((g) => `${g.level}<${g.parentLevel}`)).toEqual([
      'vru<null',
      'district<vru',
      'msoa<district',
      'lsoa<msoa',
    ]);
    expect(Object.keys(state.boundaries).sort()).toEqual(['lsoa', 'msoa']);
  });

  it('takes the mid-2015 population of IoD File 6 for the 941 LSOAs, as the file gives it', async () => {
    const raw = new Map(
      rawRows(iodPopulationFile()).map((r) => [
        r['LSOA code (2011)'],
        Number((r['Total population: mid 2015 (excluding prisoners)'] ?? '').replaceAll(',', '')),
      ]),
    );
    const rows = await engine.query<{ area_code: string; population: number }>(
      'SELECT area_code, population FROM population WHERE year = 2015',
    );
    expect(rows).toHaveLength(941);
    for (const r of rows) expect(r.population).toBe(raw.get(r.area_code));
  });
});

describe.skipIf(HAS_REAL)('public data dropped over several loads', () => {
  it.skip(NO_REAL, () => {});
});
