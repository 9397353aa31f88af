// An indicator declared `statistic: 'dsr'` (a directly standardised rate, src/indicator-kinds/dsr.ts) on the real
// engine, through the dashboard's own load and protection: the Overview's figures and the Trends series give the
// DSR of each calendar year from the protected cells of each age band; views holding one count (months, the map)
// say plainly that they cannot show it. Also: the trend and the map agree on whether an indicator has a rate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, type Indicator, type ManifestInput } from '../../../src/contract';
import type { Engine } from '../../../src/engine/engine-types';
import { briefingFigures } from '../../../src/queries/readers/briefing-figures';
import type { MapFiguresParams } from '../../../src/queries/figures/map-area-figures';
import { mapFigures } from '../../../src/queries/readers/map-figures';
import { trendSeries, type TrendSeriesRequest } from '../../../src/queries/readers/read-trends';
import { readTrendLookups, readTrendSlices, sliceTrendSource } from '../../../src/queries/readers/trend-slice';
import { sqlTrendSource } from '../../fixtures/sql-trend-source';
import { directlyStandardisedRate } from '../../../src/stats';
import { loadMiniSession, miniManifest } from '../../fixtures/mini-contract';

const TABLE = 'protected_analyst';
const BANDS = ['10-14', '15-17', '18-24'] as const;
// ESP2013 over ages 10-24 in these bands: 10-14 is one five-year band (5,500); 15-19 (5,500) is split 3/5 to
// 15-17 and 2/5 to 18-24, which also takes all of 20-24 (6,000).
const WEIGHTS = [5500, 3300, 2200 + 6000];

const base = miniManifest.indicators[0]!;
const manifest: ManifestInput = {
  ...miniManifest,
  indicators: [
    {
      ...base,
      id: 'asr',
      title: 'Assault admissions aged 10-24',
      unit: 'admissions',
      multiplier: 100000,
      rateLabel: 'per 100,000 (age-standardised, ESP2013)',
      statistic: 'dsr',
      method: 'Directly standardised rate',
    },
    { ...base, id: 'nodenom', title: 'Reports with no denominator', statistic: 'rate', denominatorSource: 'none' },
  ],
  datasets: miniManifest.datasets.map((d) => ({ ...d, coverage: { ...d.coverage, from: '2023-01' } })),
};

const DISTRICTS = ['D1', 'D2'];
const YEARS = [2023, 2024];
/** Monthly count for one district, band and sex: every cell well above any suppression threshold. */
const monthly = (d: string, band: string, year: number) =>
  (d === 'D1' ? 10 : 20) + BANDS.indexOf(band as (typeof BANDS)[number]) * 7 + (year === 2024 ? 3 : 0);
const pop = (d: string, band: string, year: number) =>
  (d === 'D1' ? 4000 : 9000) + AGE_BANDS.indexOf(band as (typeof AGE_BANDS)[number]) * 500 + (year - 2023) * 100;

const extracts = ['indicator_id,period,area_code,age_band,sex,count,denominator'];
for (const year of YEARS)
  for (let m = 1; m <= 12; m++) {
    const period = `${year}-${String(m).padStart(2, '0')}`;
    for (const d of DISTRICTS) {
      for (const band of BANDS)
        for (const sex of ['female', 'male']) extracts.push(`asr,${period},${d},${band},${sex},${monthly(d, band, year)},`);
      extracts.push(`nodenom,${period},${d},all,all,${d === 'D1' ? 30 : 40},`);
    }
  }
const population = ['area_code,year,age_band,sex,population'];
for (const year of YEARS)
  for (const d of DISTRICTS)
    for (const band of AGE_BANDS)
      for (const sex of ['female', 'male']) population.push(`${d},${year},${band},${sex},${pop(d, band, year)}`);

/** The DSR worked out here from the raw inputs, by the formula (PHE's, with the weights above). */
function expectedDsr(districts: readonly string[], year: number): number {
  let weighted = 0;
  BANDS.forEach((band, i) => {
    const count = districts.reduce((s, d) => s + 2 * 12 * monthly(d, band, year), 0);
    const people = districts.reduce((s, d) => s + 2 * pop(d, band, year), 0);
    weighted += (WEIGHTS[i]! * count) / people;
  });
  return (weighted / WEIGHTS.reduce((a, b) => a + b, 0)) * 100000;
}

let engine: Engine;
let indicators: Indicator[];
beforeAll(async () => {
  const loaded = await loadMiniSession(manifest, [
    { name: 'population.csv', text: population.join('\n') },
    { name: 'extracts.csv', text: extracts.join('\n') },
  ]);
  engine = loaded.engine;
  const session = loaded.session;
  await session.ensureProtected('analyst');
  indicators = session.getSnapshot().state.manifest!.indicators;
}, 120_000);
afterAll(() => engine.close());

const indicator = (id: string) => indicators.find((i) => i.id === id)!;
const request = (id: string, areaCode: string | null): TrendSeriesRequest => ({
  indicator: indicator(id),
  areaCode,
  age: 'all',
  sex: 'all',
  lastPeriod: null,
  lowCountBelow: 10,
});

describe('a directly standardised rate (statistic: dsr)', () => {
  it('the Overview gives the latest full year’s DSR by age band, with Dobson limits, and says the change is not tested', async () => {
    const b = await briefingFigures(engine, TABLE, {
      indicators: [indicator('asr')],
      area: null,
      endMonth: null,
      policy: { lowCountBelow: 10 },
    });
    const m = b.measures[0]!;
    expect(m.current?.period).toBe('2024');
    expect(m.current?.statistic?.value).toBeCloseTo(expectedDsr(DISTRICTS, 2024), 6);
    const counts = BANDS.map((band) => DISTRICTS.reduce((s, d) => s + 24 * monthly(d, band, 2024), 0));
    const people = BANDS.map((band) => DISTRICTS.reduce((s, d) => s + 2 * pop(d, band, 2024), 0));
    const dobson = directlyStandardisedRate(counts, people, { standardPopulation: WEIGHTS });
    expect(m.current?.statistic?.lower95).toBeCloseTo(dobson.lower95!, 6);
    expect(m.current?.statistic?.upper95).toBeCloseTo(dobson.upper95!, 6);
    expect(m.previous?.statistic?.value).toBeCloseTo(expectedDsr(DISTRICTS, 2023), 6);
    expect(m.change).toEqual({ kind: 'not-tested', reason: expect.stringMatching(/standardised rate is not tested/) });
    expect(m.sentence).toMatch(/a directly standardised rate of [\d.,]+ per 100,000 \(age-standardised/);
    expect(m.sentence).toMatch(/No test of the change/);
  });

  it('the Trends years give the same DSR from either trend source, for the VRU area and a district', async () => {
    const slices = await readTrendSlices(engine, TABLE, ['asr'], 'all', 'all');
    const sources = [sqlTrendSource(engine, TABLE), sliceTrendSource(slices, await readTrendLookups(engine, 'all'))];
    for (const source of sources) {
      for (const [areaCode, districts] of [
        [null, DISTRICTS],
        ['D1', ['D1']],
      ] as const) {
        const s = (await trendSeries(source, request('asr', areaCode)))!;
        expect(s.measure).toMatchObject({ statistic: 'dsr', hasRate: true });
        for (const year of YEARS) {
          const y = s.years.find((p) => p.period === String(year))!;
          expect(y.rateFlag).toBe('shown');
          expect(y.rate).toBeCloseTo(expectedDsr(districts, year), 6);
          expect(y.rateLower95!).toBeLessThan(y.rate!);
        }
        // A change in a DSR is not tested: said, not a Poisson test of a crude rate.
        expect(s.years.at(-1)!.change).toMatchObject({ kind: 'not-available', reason: expect.stringMatching(/limits/) });
        // A month has one count, not one per age band: no figure, and the reason, never a crude rate.
        expect(s.months[0]).toMatchObject({ rate: null, rateFlag: 'x', rateReason: expect.stringMatching(/age band/) });
        expect(s.notes.join(' ')).toMatch(/Directly standardised rates \(per 100,000, European Standard Population 2013/);
      }
    }
  });

  it('the map, which holds one count per area, shows no DSR and says why', async () => {
    const p: MapFiguresParams = {
      indicatorId: 'asr',
      level: 'district',
      month: null,
      age: 'all',
      sex: 'all',
      statistic: 'dsr',
      denominatorSource: 'population',
      multiplier: 100000,
      polarity: 'higher-is-worse',
      lowCountBelow: 10,
    };
    const f = await mapFigures(engine, TABLE, p);
    expect(f.areas).toHaveLength(2);
    for (const a of f.areas) {
      expect(a.countFlag).toBe('shown');
      expect(a.rate?.value).toBeNull();
      expect(a.rateFlag).toBe('x');
      expect(a.rate?.reason).toMatch(/standardised rate needs a count for every age band/);
    }
  });
});

describe('whether an indicator has a rate', () => {
  it('the trend and the map agree for a rate declared with no denominator: neither shows one', async () => {
    const s = (await trendSeries(sqlTrendSource(engine, TABLE), request('nodenom', null)))!;
    const ind = indicator('nodenom');
    const f = await mapFigures(engine, TABLE, {
      indicatorId: ind.id,
      level: 'district',
      month: null,
      age: 'all',
      sex: 'all',
      statistic: ind.statistic,
      denominatorSource: ind.denominatorSource,
      multiplier: ind.multiplier,
      polarity: ind.polarity,
      lowCountBelow: 10,
    });
    const mapHasRate = f.areas.some((a) => a.rate !== null);
    expect(f.areas.every((a) => a.countFlag === 'shown')).toBe(true);
    expect(mapHasRate).toBe(s.measure.hasRate);
    expect(s.measure.hasRate).toBe(false);
  });
});
