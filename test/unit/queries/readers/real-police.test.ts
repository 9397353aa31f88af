// Real open data (../shared/real): 19 months of police.uk street-level crime for Lancashire (2019-12 to 2021-09,
// with 2020-06, 2020-08 and 2020-09 missing), ONS LSOA population 2014-2020 and IMD 2019 File 1 for the areas
// lookup, converted as docs/upstream-extracts.md tells a user (test/fixtures/real-police.ts) and loaded through
// the dashboard's own import, cube and disclosure on the real engine. Every figure is compared with sums over
// the raw files in plain JavaScript, not with the product's code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgeBand, Indicator, Manifest } from '../../../../src/contract';
import { protectInline } from '../../../../src/disclosure/protect-inline';
import type { Engine } from '../../../../src/engine/engine-types';
import { createNodeEngine } from '../../../../src/engine/node-engine';
import { mapFigures } from '../../../../src/queries/readers/map-figures';
import { briefingFigures } from '../../../../src/queries/readers/briefing-figures';
import { buildPopulationCube } from '../../../../src/disclosure/population-cube';
import { trendSeries } from '../../../../src/queries/readers/read-trends';
import { type TrendSeries } from '../../../../src/queries/figures/trend-series';
import { sqlTrendSource } from '../../../fixtures/sql-trend-source';
import { DashboardSession } from '../../../../src/session/dashboard-session';
import { cohortCoverage } from '../../../../src/queries/readers/cohort-coverage';
import { cohortPathway } from '../../../../src/queries/readers/cohort-pathway';
import { ALL_AGES_ONLY } from '../../../../src/contract';
import { pathwayGapText } from '../../../../src/views/cohorts/pathway-labels';
import {
  HAS_REAL,
  INDICATOR,
  independentCount,
  independentPopulation,
  LANCASHIRE_DISTRICTS,
  REAL_SKIP,
  realData,
  VRU_CODE,
  type RealData,
} from '../../../fixtures/real-police';

const TABLE = 'protected_analyst';
const GAP = ['2020-06', '2020-08', '2020-09'];
const suite = HAS_REAL ? describe : describe.skip;

let engine: Engine;
let data: RealData;
let indicator: Indicator;

beforeAll(async () => {
  if (!HAS_REAL) return;
  data = realData();
  engine = await createNodeEngine();
  const session = await DashboardSession.start(engine, protectInline);
  const outcomes = await session.load(data.files);
  expect(outcomes.filter((o) => o.status !== 'loaded')).toEqual([]);
  await session.ensureProtected('analyst');
  indicator = (session.getSnapshot().state.manifest as Manifest).indicators[0] as Indicator;
}, 300_000);
afterAll(() => engine?.close());

/** Every area the VRU area is made of, and the VRU area itself (null district = the whole area). */
const AREAS: (string | null)[] = [...LANCASHIRE_DISTRICTS, null];
const codeOf = (district: string | null) => district ?? VRU_CODE;

async function series(district: string | null): Promise<TrendSeries> {
  const s = await trendSeries(sqlTrendSource(engine, TABLE), {
    indicator,
    areaCode: codeOf(district),
    age: 'all',
    sex: 'all',
    lastPeriod: null,
    lowCountBelow: 10,
  });
  if (!s) throw new Error(`no series for ${codeOf(district)}`);
  return s;
}

/** The districts and the whole area on the map, for the latest (part) year, as the Map view asks. */
function districtMap() {
  return mapFigures(engine, TABLE, {
    indicatorId: INDICATOR,
    level: 'district',
    month: null,
    age: 'all',
    sex: 'all',
    statistic: 'rate',
    denominatorSource: 'population',
    multiplier: 1000,
    polarity: 'higher-is-worse',
    lowCountBelow: 10,
  });
}

suite(`real police.uk months, ONS population and IMD lookup${HAS_REAL ? '' : ` (${REAL_SKIP})`}`, () => {
  it('has the months a real download has, with the gap, and drops records with no LSOA or outside the districts', () => {
    expect(data.months).toHaveLength(19);
    for (const m of GAP) expect(data.months).not.toContain(m);
    expect(data.lsoaDistrict.size).toBe(941);
    expect(data.droppedNoLsoa).toBeGreaterThan(0);
    expect(data.droppedOutside).toBeGreaterThan(0);
  });

  it('rolls the LSOA population up to every district and the VRU area, equal to sums over the raw file', async () => {
    const rows = await engine.query<{ area_code: string; year: number; population: number }>(
      `SELECT area_code, CAST(year AS INTEGER) AS year, population FROM population_cube
       WHERE level IN ('district', 'vru') AND age_band = 'all' AND sex = 'all'`,
    );
    const got = new Map(rows.map((r) => [`${r.area_code}|${r.year}`, r.population]));
    for (const district of AREAS)
      for (let year = 2014; year <= 2020; year++)
        expect(got.get(`${codeOf(district)}|${year}`), `${codeOf(district)} ${year}`).toBe(
          independentPopulation(data, district, year),
        );
    expect(await engine.query('SELECT * FROM population_parts WHERE missing > 0')).toEqual([]);
  });

  it('gives every district and the whole area a rate for each year, equal to an independent computation', async () => {
    for (const district of AREAS) {
      const s = await series(district);
      expect(s.years.map((y) => y.period)).toEqual(['2019', '2020', '2021']);
      for (const y of s.years) {
        const months = data.months.filter((m) => m.startsWith(`${y.period}-`));
        const count = independentCount(data, district, months);
        // 2021 has no population estimate: the 2020 one is used, and the notes say so.
        const population = independentPopulation(data, district, Math.min(Number(y.period), 2020)) ?? NaN;
        const personYears = (population * months.length) / 12;
        expect(y.monthsWithData).toBe(months.length);
        expect(y.count, `${codeOf(district)} ${y.period}`).toBe(count);
        expect(y.rateFlag).toBe('shown');
        expect(y.rate).toBeCloseTo((count / personYears) * 1000, 9);
      }
      expect(s.notes.join(' ')).toContain('Rates for 2021 use the 2020 population, the nearest year loaded');
    }
  });

  it('maps every district and the whole area with a rate, using the 2020 population for 2021 and saying so', async () => {
    const figures = await districtMap();
    expect(figures.period).toMatchObject({ type: 'year', period: '2021', months: 9 });
    expect(figures.populationYear).toBe(2020);
    const months2021 = data.months.filter((m) => m.startsWith('2021-'));
    for (const district of AREAS) {
      const f = district === null ? figures.benchmark : figures.areas.find((a) => a.code === district);
      const count = independentCount(data, district, months2021);
      expect(f?.count, codeOf(district)).toBe(count);
      expect(f?.rateFlag).toBe('shown');
      expect(f?.rate?.value).toBeCloseTo((count / (independentPopulation(data, district, 2020) ?? NaN)) * 1000, 9);
    }
  });

  it('compares 2021 with 2020 only on the months both have data for, never across the gap', async () => {
    const matched = ['01', '02', '03', '04', '05', '07'];
    for (const district of AREAS) {
      const s = await series(district);
      const y2021 = s.years.find((y) => y.period === '2021');
      const change = y2021?.countChange;
      if (change?.kind !== 'tested') throw new Error(`2021 in ${codeOf(district)} was not compared`);
      expect(change.matchedMonths).toEqual(matched.map(Number));
      const now = independentCount(
        data,
        district,
        matched.map((m) => `2021-${m}`),
      );
      const before = independentCount(
        data,
        district,
        matched.map((m) => `2020-${m}`),
      );
      expect(change.percentChange).toBeCloseTo((now / before - 1) * 100, 9);
      // Against the whole of 2020 (9 months) the 9 months of 2021 would be compared with a year missing three.
      expect(y2021?.change.kind === 'tested' && y2021.change.matchedMonths).toEqual(matched.map(Number));
    }
  });

  it('never tests a change between periods with different months reporting', async () => {
    for (const district of AREAS) {
      const s = await series(district);
      const tested = [...s.years, ...s.rolling].flatMap((p) => [p.change, p.countChange]).filter((c) => c.kind === 'tested');
      for (const c of tested) {
        if (c.kind !== 'tested') continue;
        // A whole-period comparison needs every month in both periods; with the gap there is none in these data.
        expect(c.matchedMonths, codeOf(district)).not.toBeNull();
        for (const m of c.matchedMonths ?? []) expect(GAP.map((g) => Number(g.slice(5)))).not.toContain(m);
      }
      // The headline: the 12 months to September 2021 against the 12 before, on the months both have.
      const comparison = s.comparison;
      expect(comparison.periodLabel).toBe('the 12 months to September 2021');
      expect(comparison.matchedMonths).toEqual([12, 1, 2, 3, 4, 5, 7]);
      expect(comparison.countTitle).toContain(
        'leaving out October and November 2020 and June, August and September 2021 (and the same months a year earlier), ' +
          'which have no data in one of the periods',
      );
      const now = independentCount(data, district, ['2020-12', '2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-07']);
      const before = independentCount(data, district, [
        '2019-12',
        '2020-01',
        '2020-02',
        '2020-03',
        '2020-04',
        '2020-05',
        '2020-07',
      ]);
      expect(comparison.current?.count).toBe(now);
      expect(comparison.previous?.count).toBe(before);
    }
  });

  it('gives the Overview the 12 months to September 2021 against the 12 before, as Trends compares them, when no calendar year is whole', async () => {
    // A real download ends mid-year and has gaps, so no calendar year is whole: the Overview's cards used to show
    // nothing but "No full calendar year of figures".
    for (const district of AREAS) {
      const briefing = await briefingFigures(engine, TABLE, {
        indicators: [indicator],
        area: district === null ? null : codeOf(district),
        endMonth: null,
        policy: { lowCountBelow: 10 },
      });
      const [m] = briefing.measures;
      if (!m?.current || !m.previous) throw new Error(`no Overview figures for ${codeOf(district)}`);
      expect(m.current.span).toBe('12 months');
      expect(m.current.label).toBe('the 12 months to September 2021');
      expect(m.previous.label).toBe('the 12 months to September 2020');
      expect(m.current.period).toBe('2020-10 to 2021-09');
      expect(m.comparedOn).toBe(
        'leaving out October and November 2020 and June, August and September 2021 (and the same months a year earlier), ' +
          'which have no data in one of the periods',
      );
      // Counted only on the months both periods have, from the raw files.
      const kept = ['12', '01', '02', '03', '04', '05', '07'];
      const monthsOf = (first: number) => kept.map((mm) => `${mm === '12' ? first : first + 1}-${mm}`);
      expect(m.current.value).toBe(independentCount(data, district, monthsOf(2020)));
      expect(m.previous.value).toBe(independentCount(data, district, monthsOf(2019)));
      // The same comparison as Trends' headline: the same counts, rates and change, so the two views agree.
      const trend = (await series(district)).comparison;
      expect(m.current.value).toBe(trend.current?.count);
      expect(m.previous.value).toBe(trend.previous?.count);
      if (m.change?.kind !== 'tested' || trend.change.kind !== 'tested') throw new Error('not tested');
      expect(m.change.percentChange).toBeCloseTo(trend.change.percentChange!, 9);
      expect(m.change.pValue).toBeCloseTo(trend.change.pValue, 9);
      expect(m.current.statistic?.value).toBeCloseTo(trend.current!.rate!, 9);
      expect(m.sentence).toContain('in the 12 months to September 2021 was');
      expect(m.sentence).toContain(
        'The figures are for the months both periods have data for, leaving out October and November 2020',
      );
    }
  });

  // Last, as it changes the loaded population: one LSOA of Preston without a 2020 estimate.
  it('gives a district with an LSOA missing, and the whole area, no rate for that year, saying why (x, never c)', async () => {
    const preston = 'E07000123';
    const lsoa = [...data.lsoaDistrict].find(([, d]) => d === preston)?.[0] ?? '';
    const parts = [...data.lsoaDistrict.values()].filter((d) => d === preston).length;
    await engine.exec(`DELETE FROM population WHERE area_code = '${lsoa}' AND year = 2020`);
    await buildPopulationCube(engine);
    const figures = await districtMap();
    const f = figures.areas.find((a) => a.code === preston);
    expect(f?.countFlag).toBe('shown');
    expect(f?.rateFlag).toBe('x');
    expect(f?.rateReason).toBe(
      `no population figure for Preston: 1 of its ${parts} LSOAs has none for 2020, and a total without them would understate it`,
    );
    expect(figures.benchmark?.rateFlag).toBe('x');
    expect(figures.benchmark?.rateReason).toMatch(/1 of its 14 districts has none for 2020/);
    expect(figures.areas.filter((a) => a.rateFlag === 'shown')).toHaveLength(13);
    // The trend uses the nearest year Preston has in full (2019) and says so.
    const s = await series(preston);
    expect(s.years.every((y) => y.rateFlag === 'shown')).toBe(true);
    expect(s.notes.join(' ')).toContain('Rates for 2020 and 2021 use the 2019 population, the nearest year loaded');
  });
});

// police.uk records no age, and its downloads have gaps: the pathway says which stops it, rather than blaming hidden
// figures (the counts are exact: nothing is hidden).
suite('the cohort pathway on real police.uk data', () => {
  it('says why no line is drawn: recorded for all ages together only, or no complete year, never hidden figures', async () => {
    const coverage = await cohortCoverage(engine, TABLE);
    const pathway = async (ages: AgeBand[]) =>
      (
        await cohortPathway(engine, TABLE, {
          cohort: { ages, sex: 'all', area: null },
          indicators: [indicator],
          coverage,
          granularity: 'year',
        })
      ).series;
    const young = await pathway(['15-17', '18-24']);
    expect(young.map((s) => s.excludedReason)).toEqual([ALL_AGES_ONLY]);
    expect(pathwayGapText(young)).toBe(
      'No indicator can be followed for this cohort (recorded for all ages together only). Choose every age band to follow it.',
    );
    // 2020 lacks three months and 2021 ends in September: no year is complete, so none can be the base.
    const everyone = await pathway(['all']);
    expect(pathwayGapText(everyone)).toBe('No indicator can be followed for this cohort (no complete periods loaded).');
  });
});
