// Benchmark values (a CSV of their own, or a Fingertips indicator download) loaded through the import, and an
// area's yearly figure compared with them by its 95% confidence interval and the indicator's polarity: checked
// against the rate and limits worked out here, on a small contract and on the real police.uk files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestInput } from '../../../../src/contract';
import type { Engine } from '../../../../src/engine/engine-types';
import { createNodeEngine } from '../../../../src/engine/node-engine';
import { protectInline } from '../../../../src/disclosure/protect-inline';
import { benchmarkComparison, benchmarkValues } from '../../../../src/queries/readers/benchmark-comparison';
import { mapFigures } from '../../../../src/queries/readers/map-figures';
import { parseViewOptions } from '../../../../src/url-state/view-options';
import { DashboardSession } from '../../../../src/session/dashboard-session';
import { crudeRate } from '../../../../src/stats';
import { splitCsvLine } from '../../../fixtures/csv-line';
import { enc, miniAreasCsv, miniManifest } from '../../../fixtures/mini-contract';
import {
  gzLines,
  INDICATOR,
  policeFiles,
  REAL_MISSING_REASON,
  REAL_PRESENT,
  realInputs,
  VIOLENCE,
} from '../../../fixtures/police-uk-real';

const manifest: ManifestInput = {
  ...miniManifest,
  indicators: [{ ...miniManifest.indicators[0]!, fingertipsId: 93015 }, miniManifest.indicators[1]!],
};
// D1: 40 offences a month in 2024 among 10,000 residents = 48 per 1,000 (limits about 45 to 51).
const extracts = ['indicator_id,period,area_code,age_band,sex,count,denominator'];
for (let m = 1; m <= 12; m++) extracts.push(`vwi,2024-${String(m).padStart(2, '0')},D1,all,all,40,`);
const population = 'area_code,year,age_band,sex,population\nD1,2024,all,all,10000\n';

const FINGERTIPS_HEADER =
  '"Indicator ID","Indicator Name","Parent Code","Parent Name","Area Code","Area Name","Area Type","Sex","Age","Category Type","Category","Time period","Value","Lower CI 95.0 limit","Upper CI 95.0 limit","Lower CI 99.8 limit","Upper CI 99.8 limit","Count","Denominator"';
const fingertipsCsv = [
  FINGERTIPS_HEADER,
  '93015,"Violence offences",,,"E92000001","England","England","Persons","All ages",,,"2024",34.8,34.7,34.9,,,,',
  '93015,"Violence offences","E92000001","England","E12000002","North West region","Region","Persons","All ages",,,"2024",48.5,48.3,48.7,,,,',
  '93015,"Violence offences","E12000002","North West region","E06000008","Blackburn with Darwen","Counties & UAs","Persons","All ages",,,"2024",52.1,50,54,,,,',
  '93015,"Violence offences",,,"E92000001","England","England","Persons","All ages","LSOA11 deprivation deciles","Most deprived decile","2024",70.1,69,71,,,,',
  '93015,"Violence offences",,,"E92000001","England","England","Persons","All ages",,,"2023/24",33.1,33,33.2,,,,',
].join('\n');

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  const session = await DashboardSession.start(engine, protectInline);
  const outcomes = await session.load([
    { name: 'manifest.json', bytes: enc(JSON.stringify(manifest)) },
    { name: 'areas.csv', bytes: enc(miniAreasCsv) },
    { name: 'population.csv', bytes: enc(population) },
    { name: 'extracts.csv', bytes: enc(extracts.join('\n')) },
    { name: 'fingertips-93015.csv', bytes: enc(fingertipsCsv) },
    { name: 'benchmarks.csv', bytes: enc('indicator_id,benchmark,period,value\nvwi,Most similar group,2024,52.5\n') },
  ]);
  expect(outcomes.filter((o) => o.status !== 'loaded')).toEqual([]);
  const fingertips = outcomes.find((o) => o.file === 'fingertips-93015.csv')!;
  expect(fingertips.kind).toBe('benchmarks');
  expect(fingertips.rows).toBe(3);
  expect(fingertips.problems[0]?.message).toMatch(
    /3 values for England and regions were kept as benchmarks; left out: 1 rows of local areas; 1 rows of categories/,
  );
  await session.ensureProtected('analyst');
}, 300_000);
afterAll(() => engine?.close());

describe('benchmark values and the comparison with them', () => {
  it('a Fingertips download gives England and regional values (no local areas, no categories) for the indicator naming its id', async () => {
    const values = await benchmarkValues(engine, 'vwi');
    expect(values.map((v) => [v.benchmark, v.period, v.value, v.lower95, v.upper95])).toEqual([
      ['England', '2023/24', 33.1, 33, 33.2],
      ['England', '2024', 34.8, 34.7, 34.9],
      ['Most similar group', '2024', 52.5, null, null],
      ['North West region', '2024', 48.5, 48.3, 48.7],
    ]);
  });

  it('compares the area with each benchmark by its 95% interval, with the polarity, and leaves financial years out', async () => {
    const r = await benchmarkComparison(engine, 'protected_analyst', {
      indicatorId: 'vwi',
      areaCode: 'D1',
      statistic: 'rate',
      denominatorSource: 'population',
      multiplier: 1000,
      polarity: 'higher-is-worse',
      lowCountBelow: 10,
    });
    const expected = crudeRate(480, 10_000, { multiplier: 1000 });
    expect(r.areaName).toBe('North district');
    expect(r.rows.map((x) => [x.year, x.benchmark, x.comparison, x.outcome])).toEqual([
      ['2024', 'England', 'higher', 'worse'],
      ['2024', 'Most similar group', 'lower', 'better'],
      ['2024', 'North West region', 'similar', 'similar'],
    ]);
    expect(r.rows[0]!.rate!.value).toBeCloseTo(48, 10);
    expect(r.rows[0]!.rate!.lower95).toBeCloseTo(expected.lower95!, 10);
    expect(expected.lower95!).toBeGreaterThan(34.8);
    expect(expected.upper95!).toBeLessThan(52.5);
    expect(r.unmatchedPeriods).toEqual(['2023/24']);
    expect(r.method).toMatch(/95% confidence interval, as Fingertips does/);
  });

  it('the map compares areas with a chosen benchmark value for the period shown, and not at all without one', async () => {
    const base = {
      indicatorId: 'vwi',
      level: 'district' as const,
      month: null,
      age: 'all' as const,
      sex: 'all' as const,
      statistic: 'rate' as const,
      denominatorSource: 'population' as const,
      multiplier: 1000,
      polarity: 'higher-is-worse' as const,
      lowCountBelow: 10,
    };
    const england = await mapFigures(engine, 'protected_analyst', {
      ...base,
      benchmarkValues: [{ period: '2024', value: 34.8 }],
    });
    expect(england.areas.find((a) => a.code === 'D1')).toMatchObject({ comparison: 'higher', outcome: 'worse' });
    const msg = await mapFigures(engine, 'protected_analyst', { ...base, benchmarkValues: [{ period: '2024', value: 52.5 }] });
    expect(msg.areas.find((a) => a.code === 'D1')).toMatchObject({ comparison: 'lower', outcome: 'better' });
    const none = await mapFigures(engine, 'protected_analyst', { ...base, benchmarkValues: [{ period: '2023', value: 34.8 }] });
    expect(none.areas.find((a) => a.code === 'D1')?.comparison).toBe('not-compared');
  });

  it('the chosen benchmark travels in the link, and a name with markup is refused', () => {
    const notices: string[] = [];
    expect(parseViewOptions(new URLSearchParams('bench=North+West+region'), notices).bench).toBe('North West region');
    expect(parseViewOptions(new URLSearchParams('bench=%3Cscript%3E'), notices).bench).toBeUndefined();
    expect(notices).toHaveLength(1);
  });

  it('a Fingertips download for an indicator the manifest does not name is refused with the fix', async () => {
    const other = fingertipsCsv.replaceAll('93015,', '11111,');
    const session = await DashboardSession.start(engine, protectInline);
    const outcomes = await session.load([{ name: 'fingertips-other.csv', bytes: enc(other) }]);
    expect(outcomes[0]).toMatchObject({ status: 'rejected', kind: 'benchmarks' });
    expect(outcomes[0]!.problems[0]!.fix).toMatch(/fingertipsId/);
  });
});

describe.skipIf(!REAL_PRESENT)(`benchmarks on the real police.uk files (skipped when ${REAL_MISSING_REASON})`, () => {
  let real: Engine;
  let code: string;
  let count: number;
  let pop: number;
  beforeAll(async () => {
    // The LSOA with the most violence recorded in 2020, counted here from the raw files.
    const counts = new Map<string, number>();
    for (const file of policeFiles().filter((f) => f.includes('/2020-'))) {
      const lines = gzLines(file);
      const head = splitCsvLine(lines[0]!);
      for (const line of lines.slice(1)) {
        if (!line.includes(VIOLENCE)) continue; // cheaper than splitting the other crime types' rows
        const f = splitCsvLine(line);
        if (f[head.indexOf('Crime type')] === VIOLENCE) {
          const l = f[head.indexOf('LSOA code')]!;
          counts.set(l, (counts.get(l) ?? 0) + 1);
        }
      }
    }
    const inputs = realInputs('published');
    const lsoas = new Set(inputs.lsoas);
    [code, count] = [...counts].filter(([l]) => lsoas.has(l)).sort((a, b) => b[1] - a[1])[0]!;
    pop = Number(
      gzLines('../shared/real/reference/lancashire_lsoa_population_2014_2020.csv.gz')
        .map((l) => l.split(','))
        .find((f) => f[0] === '2020' && f[1] === code)![2],
    );
    real = await createNodeEngine();
    const session = await DashboardSession.start(real, protectInline);
    const outcomes = await session.load([
      ...inputs.files,
      { name: 'benchmarks.csv', bytes: enc(`indicator_id,benchmark,period,value\n${INDICATOR},England,2020,25.7\n`) },
    ]);
    expect(outcomes.filter((o) => o.status !== 'loaded')).toEqual([]);
    await session.ensureProtected('analyst');
  }, 300_000);
  afterAll(() => real?.close());

  it("the most affected LSOA's 2020 rate equals the raw files, and its part year is not compared with England's year", async () => {
    const r = await benchmarkComparison(real, 'protected_analyst', {
      indicatorId: INDICATOR,
      areaCode: code,
      statistic: 'rate',
      denominatorSource: 'population',
      multiplier: 1000,
      polarity: 'higher-is-worse',
      lowCountBelow: 10,
    });
    const row = r.rows.find((x) => x.year === '2020' && x.benchmark === 'England')!;
    const expected = crudeRate(count, pop, { multiplier: 1000 });
    expect(row.rate!.value).toBeCloseTo(expected.value!, 10);
    expect(row.rate!.lower95).toBeCloseTo(expected.lower95!, 10);
    // police.uk has no file for June, August and September 2020: nine months are not a year, so the year is not
    // set against England's whole year (which it would have been, as "higher" or "lower", before).
    expect(row.incompleteMonths).toBe(3);
    expect(row.comparison).toBe('not-compared');
    expect(row.outcome).toBe('not-compared');
    expect(r.rows.find((x) => x.year === '2021')?.comparison).toBe('not-compared');
  });
});
