import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, type ManifestInput } from '../../../../src/contract';
import type { Engine } from '../../../../src/engine/engine-types';
import { createNodeEngine } from '../../../../src/engine/node-engine';
import { protectInline } from '../../../../src/disclosure/protect-inline';
import { choosePeriod, type MapFiguresParams } from '../../../../src/queries/figures/map-area-figures';
import { mapFigures, mapIndicatorLevels } from '../../../../src/queries/readers/map-figures';
import { fastCrudeRate } from '../../../../src/indicator-kinds/crude-rate';
import { DashboardSession } from '../../../../src/session/dashboard-session';
import { compareWithBenchmark, crudeRate, proportion } from '../../../../src/stats';
import { enc, miniManifest } from '../../../fixtures/mini-contract';

/**
 * A small partnership: three districts (D3 has no figures), six LSOAs in two MSOAs, a full year 2024 and a
 * part year 2025. L2's yearly count is below the threshold, so it is suppressed (and, by secondary
 * suppression, one of its neighbours); South district's LSOAs are all large.
 */
const manifest: ManifestInput = {
  ...miniManifest,
  indicators: [
    { ...miniManifest.indicators[0]!, id: 'vwi' },
    { ...miniManifest.indicators[1]!, id: 'reoff' },
    {
      ...miniManifest.indicators[0]!,
      id: 'ksv',
      title: 'Knife violence, under 18',
      multiplier: 100000,
      rateLabel: 'per 100,000 aged 10-17',
    },
    {
      ...miniManifest.indicators[0]!,
      id: 'hom',
      title: 'Homicide',
      statistic: 'count',
      denominatorSource: 'none',
      multiplier: 1,
    },
  ],
  geographies: [
    { level: 'vru', title: 'VRU area', parentLevel: null },
    { level: 'district', title: 'Districts', parentLevel: 'vru' },
    { level: 'msoa', title: 'MSOAs', parentLevel: 'district' },
    { level: 'lsoa', title: 'LSOAs', parentLevel: 'msoa' },
  ],
};

const areasCsv = `code,name,level,parent_code
VRU1,Test VRU area,vru,
D1,North district,district,VRU1
D2,South district,district,VRU1
D3,East district,district,VRU1
M1,North 001,msoa,D1
M2,South 001,msoa,D2
L1,North 001A,lsoa,M1
L2,North 001B,lsoa,M1
L3,North 001C,lsoa,M1
L4,South 001A,lsoa,M2
L5,South 001B,lsoa,M2
L6,South 001C,lsoa,M2
`;

const months = [...Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`), '2025-01', '2025-02'];
const lsoaMonthly: Record<string, (m: number) => number> = {
  L1: () => 20,
  L2: (m) => (m === 3 ? 2 : 0),
  L3: () => 10,
  L4: () => 12,
  L5: () => 15,
  L6: () => 30,
};
const extracts = ['indicator_id,period,area_code,age_band,sex,count,denominator'];
months.forEach((period, m) => {
  for (const [code, f] of Object.entries(lsoaMonthly)) extracts.push(`vwi,${period},${code},all,all,${f(m)},`);
  for (const d of ['D1', 'D2']) {
    for (const age of ['10-14', '15-17'])
      for (const sex of ['female', 'male']) extracts.push(`ksv,${period},${d},${age},${sex},${d === 'D1' ? 3 : 6},`);
    extracts.push(`reoff,${period},${d},all,all,${d === 'D1' ? 5 : 11},${d === 'D1' ? 40 : 52}`);
    extracts.push(`hom,${period},${d},all,all,${m === 0 ? 1 : 0},`);
  }
});

const population = ['area_code,year,age_band,sex,population'];
for (const d of ['D1', 'D2', 'D3'])
  for (const age of AGE_BANDS)
    for (const sex of ['female', 'male']) population.push(`${d},2024,${age},${sex},${age === '10-14' ? 3000 : 5000}`);
for (const l of Object.keys(lsoaMonthly)) population.push(`${l},2024,all,all,1500`);

let engine: Engine;
let session: DashboardSession;
const sqlSeen: string[] = [];
beforeAll(async () => {
  engine = await createNodeEngine();
  session = await DashboardSession.start(engine, protectInline);
  const outcomes = await session.load([
    { name: 'manifest.json', bytes: enc(JSON.stringify(manifest)) },
    { name: 'areas.csv', bytes: enc(areasCsv) },
    { name: 'population.csv', bytes: enc(population.join('\n')) },
    { name: 'extracts.csv', bytes: enc(extracts.join('\n')) },
  ]);
  expect(outcomes.filter((o) => o.status !== 'loaded')).toEqual([]);
  await session.ensureProtected('analyst');
  await session.ensureProtected('partner');
});
afterAll(() => engine.close());

/** The engine, recording every statement the map's queries send. */
const recording: () => Engine = () =>
  ({
    ...engine,
    query: (sql: string) => {
      sqlSeen.push(sql);
      return engine.query(sql);
    },
  }) as Engine;

const base: MapFiguresParams = {
  indicatorId: 'vwi',
  level: 'lsoa',
  month: null,
  age: 'all',
  sex: 'all',
  statistic: 'rate',
  denominatorSource: 'population',
  multiplier: 1000,
  polarity: 'higher-is-worse',
  lowCountBelow: 10,
};

/** A proportion by district, its denominator from the extract. */
const REOFFENDING: MapFiguresParams = {
  ...base,
  indicatorId: 'reoff',
  level: 'district',
  statistic: 'proportion',
  denominatorSource: 'extract',
  multiplier: 100,
};

describe('mapFigures (real engine, protected table)', () => {
  it('shows the latest full calendar year by default, not the later part year', async () => {
    const f = await mapFigures(recording(), 'protected_analyst', base);
    expect(f.period).toMatchObject({ type: 'year', period: '2024', months: 12, firstMonth: '2024-01', lastMonth: '2024-12' });
    expect(f.populationYear).toBeNull();
  });

  it('gives every LSOA in the lookup with its district, and rates from protected counts and population', async () => {
    const f = await mapFigures(engine, 'protected_analyst', base);
    expect(f.areas.map((a) => [a.code, a.districtCode])).toEqual([
      ['L1', 'D1'],
      ['L2', 'D1'],
      ['L3', 'D1'],
      ['L4', 'D2'],
      ['L5', 'D2'],
      ['L6', 'D2'],
    ]);
    const l6 = f.areas.find((a) => a.code === 'L6')!;
    expect(l6.count).toBe(360);
    expect(l6.countFlag).toBe('shown');
    expect(l6.rate?.value).toBeCloseTo(crudeRate(360, 1500, { multiplier: 1000 }).value!, 9);
    expect(f.benchmark?.code).toBe('VRU1');
    expect(f.benchmark?.countFlag).toBe('shown');
    const vru = f.benchmark!.rate!.value!;
    expect(vru).toBeCloseTo((f.benchmark!.count! / 228000) * 1000, 9); // 3 districts of 76,000
    expect(l6.comparison).toBe('higher');
    expect(l6.outcome).toBe('worse');
    for (const a of f.areas.filter((x) => x.rateFlag === 'shown')) {
      expect(a.comparison).toBe(compareWithBenchmark({ lower: a.rate!.lower95, upper: a.rate!.upper95 }, vru));
    }
  });

  it('keeps a suppressed count as c, with its rate c and no comparison', async () => {
    const f = await mapFigures(engine, 'protected_analyst', base);
    const l2 = f.areas.find((a) => a.code === 'L2')!;
    expect(l2.countFlag).toBe('c');
    expect(l2.count).toBeNull();
    expect(l2.rateFlag).toBe('c');
    expect(l2.comparison).toBe('not-compared');
    for (const a of f.areas) if (a.countFlag === 'c') expect(a.count).toBeNull();
  });

  it('marks an area with no figure as x, not as zero', async () => {
    const f = await mapFigures(engine, 'protected_analyst', { ...base, level: 'district' });
    const d3 = f.areas.find((a) => a.code === 'D3')!;
    expect(d3.countFlag).toBe('x');
    expect(d3.count).toBeNull();
    expect(d3.rateFlag).toBe('x');
  });

  it('shows a chosen month, using the nearest earlier population when its own year has none', async () => {
    const f = await mapFigures(engine, 'protected_analyst', { ...base, level: 'district', month: '2025-02' });
    expect(f.period).toMatchObject({ type: 'month', period: '2025-02', months: 1 });
    expect(f.populationYear).toBe(2024);
    const d2 = f.areas.find((a) => a.code === 'D2')!;
    expect(d2.count).toBe(57);
    expect(d2.rate?.value).toBeCloseTo((57 / 76000) * 1000, 9);
  });

  it('takes an all-ages rate per head of the ages the indicator covers, and a band rate per head of that band', async () => {
    const ksv = { ...base, indicatorId: 'ksv', level: 'district' as const, multiplier: 100000 };
    const all = await mapFigures(engine, 'protected_analyst', ksv);
    expect(all.ageBands).toEqual(['10-14', '15-17']);
    const d1 = all.areas.find((a) => a.code === 'D1')!;
    expect(d1.count).toBe(12 * 12);
    expect(d1.denominator).toBe(2 * 3000 + 2 * 5000);
    const band = await mapFigures(engine, 'protected_analyst', { ...ksv, age: '10-14', sex: 'female' });
    expect(band.ageBands).toBeNull();
    expect(band.areas.find((a) => a.code === 'D1')!.denominator).toBe(3000);
    // A chosen month by age band and sex maps its quarter, from the protected quarterly cells.
    const quarter = await mapFigures(engine, 'protected_analyst', { ...ksv, age: '10-14', sex: 'female', month: '2024-05' });
    expect(quarter.period).toMatchObject({ type: 'quarter', period: '2024-Q2' });
    const [cell] = await engine.query<{ value: number | null; flag: string }>(
      `SELECT value::DOUBLE AS value, flag FROM protected_analyst WHERE indicator_id = 'ksv' AND area_code = 'D1'
       AND period = '2024-Q2' AND age_band = '10-14' AND sex = 'female'`,
    );
    const d1q = quarter.areas.find((a) => a.code === 'D1')!;
    expect(d1q.countFlag).toBe(cell?.flag);
    expect(d1q.count).toBe(cell?.flag === 'c' ? null : cell?.value);
  });

  it('makes proportions from the protected denominator pseudo-indicator', async () => {
    const f = await mapFigures(engine, 'protected_analyst', REOFFENDING);
    const d2 = f.areas.find((a) => a.code === 'D2')!;
    expect(d2.count).toBe(132);
    expect(d2.denominator).toBe(624);
    expect(d2.rate?.value).toBeCloseTo(proportion(132, 624, { multiplier: 100 }).value!, 9);
  });

  it('maps people counted each month over a year as the average month, in people, with the year’s proportion', async () => {
    const params: MapFiguresParams = { ...REOFFENDING, counted: 'people-each-month' };
    const year = await mapFigures(engine, 'protected_analyst', params);
    expect(year.period?.months).toBe(12);
    expect(year.countAveragedOver).toBe(12);
    const d2 = year.areas.find((a) => a.code === 'D2')!;
    // 11 people of 52 each month: the year's cell (132 of 624) counts each of them 12 times.
    expect(d2.count).toBe(11);
    expect(d2.denominator).toBe(52);
    expect(d2.rate?.value).toBeCloseTo(proportion(132, 624, { multiplier: 100 }).value!, 9);
    // A single month is people already.
    const month = await mapFigures(engine, 'protected_analyst', { ...params, month: '2024-03' });
    expect(month.countAveragedOver).toBeNull();
    expect(month.areas.find((a) => a.code === 'D2')?.count).toBe(11);
    // Events are never averaged.
    const events = await mapFigures(engine, 'protected_analyst', { ...params, counted: 'events' });
    expect(events.countAveragedOver).toBeNull();
    expect(events.areas.find((a) => a.code === 'D2')?.count).toBe(132);
  });

  it('flags low counts and gives no rate for count-only indicators', async () => {
    const f = await mapFigures(engine, 'protected_analyst', {
      ...base,
      indicatorId: 'hom',
      level: 'district',
      statistic: 'count',
      denominatorSource: 'none',
      multiplier: 1,
    });
    const d1 = f.areas.find((a) => a.code === 'D1')!;
    expect(d1.rate).toBeNull();
    expect(d1.comparison).toBe('not-compared');
    if (d1.countFlag !== 'c') expect(d1.lowCount).toBe(true);
  });

  it('carries rounding through to the rate under partner rules', async () => {
    const f = await mapFigures(engine, 'protected_partner', base);
    const rounded = f.areas.filter((a) => a.countFlag === 'rounded');
    expect(rounded.length).toBeGreaterThan(0);
    for (const a of rounded) {
      expect(a.count! % 5).toBe(0);
      expect(a.rateFlag).toBe('rounded');
      expect(a.rate?.value).toBeCloseTo((a.count! / 1500) * 1000, 9);
    }
  });

  it('lists which indicators have figures at which levels', async () => {
    const rows = await mapIndicatorLevels(engine, 'protected_analyst');
    const levelsOf = (id: string) => rows.filter((r) => r.indicatorId === id).map((r) => r.level);
    expect(levelsOf('vwi').sort()).toEqual(['district', 'lsoa', 'msoa', 'vru']);
    expect(levelsOf('ksv').sort()).toEqual(['district', 'vru']);
    expect(rows.some((r) => r.indicatorId.includes('::'))).toBe(false);
    // Yearly all-ages cells at LSOA level: six LSOAs in 2024 and 2025, L2 (at least) suppressed.
    const lsoa = rows.find((r) => r.indicatorId === 'vwi' && r.level === 'lsoa')!;
    expect(lsoa.yearCells).toBe(12);
    expect(lsoa.shownYearCells).toBeLessThan(12);
    expect(lsoa.shownYearCells).toBeGreaterThan(0);
  });

  it('reads only the protected table and the public lookups, never the extracts or the cube', () => {
    expect(sqlSeen.length).toBeGreaterThan(0);
    for (const sql of sqlSeen) {
      expect(sql).not.toMatch(/\bextracts\b/);
      expect(sql).not.toMatch(/\bcube\b/);
    }
  });
});

describe('helpers of the map query', () => {
  it('gives the same rates and limits as crudeRate, from limits worked out once per count', () => {
    for (const [count, den, mult] of [
      [0, 1500, 1000],
      [3, 1500, 1000],
      [9, 820, 100000],
      [10, 1500, 1000],
      [250, 76000, 1000],
    ] as const) {
      const fast = fastCrudeRate(count, den, mult);
      const slow = crudeRate(count, den, { multiplier: mult });
      for (const k of ['value', 'lower95', 'upper95', 'lower998', 'upper998'] as const) {
        if (slow[k] === null) expect(fast[k]).toBeNull();
        else expect(fast[k]).toBeCloseTo(slow[k]!, 9);
      }
      expect(fast.method).toBe(slow.method);
    }
    expect(fastCrudeRate(null, 1500, 1000).value).toBeNull();
    expect(fastCrudeRate(5, 0, 1000).reason).toBe(crudeRate(5, 0, { multiplier: 1000 }).reason);
  });

  it('chooses the latest full year, else the latest part year, else the month asked for', () => {
    const months = [
      '2023-01',
      '2023-02',
      ...Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
      '2025-01',
    ];
    expect(choosePeriod(months, null)).toEqual({
      type: 'year',
      period: '2024',
      months: 12,
      firstMonth: '2024-01',
      lastMonth: '2024-12',
    });
    expect(choosePeriod(['2025-01', '2025-02'], null)).toEqual({
      type: 'year',
      period: '2025',
      months: 2,
      firstMonth: '2025-01',
      lastMonth: '2025-02',
    });
    expect(choosePeriod(months, '2023-02')).toMatchObject({ type: 'month', period: '2023-02', months: 1 });
    expect(choosePeriod(months, '2022-06')).toMatchObject({ type: 'month', months: 0 });
    expect(choosePeriod([], null)).toBeNull();
  });

  it('maps the quarter holding the chosen month when the map is by age band or sex (months are not published so)', () => {
    const months = ['2024-04', '2024-05', '2024-06', '2024-07'];
    expect(choosePeriod(months, '2024-05', true)).toEqual({
      type: 'quarter',
      period: '2024-Q2',
      months: 3,
      firstMonth: '2024-04',
      lastMonth: '2024-06',
    });
    expect(choosePeriod(months, '2024-07', true)).toMatchObject({ type: 'quarter', period: '2024-Q3', months: 1 });
    expect(choosePeriod(months, null, true)).toMatchObject({ type: 'year', period: '2024' });
  });
});
