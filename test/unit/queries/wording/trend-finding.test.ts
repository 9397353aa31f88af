// Pure parts of the Trends view's queries: generated titles and groupings, on hand-made series.
import { describe, expect, it } from 'vitest';
import { indexSeries } from '../../../../src/queries/figures/trend-compare';
import { findingTitle, type FindingInput } from '../../../../src/queries/wording/trend-finding';
import { summariseChange, type PeriodFigures } from '../../../../src/queries/figures/change-summary';
import { buildHotspots } from '../../../../src/queries/figures/trend-hotspots';
import { buildProjection } from '../../../../src/queries/figures/trend-projection';
import { buildTrendSeries } from '../../../../src/queries/figures/build-trend-series';
import { monthRange } from '../../../../src/queries/figures/trend-parts';
import { yearOnYearTitle } from '../../../../src/queries/wording/trend-series-words';
import { type TrendIndicator, type TrendSeriesInput } from '../../../../src/queries/figures/trend-series';
import type { ProtectedFigure } from '../../../../src/queries/readers/trend-cells';
import { indexToPeriod, periodToIndex } from '../../../../src/stats';

const VWI: TrendIndicator = {
  id: 'vwi',
  title: 'Violence with injury',
  shortTitle: 'Violence with injury',
  unit: 'offences of violence with injury',
  statistic: 'rate',
  denominatorSource: 'population',
  multiplier: 1000,
  rateLabel: 'per 1,000 residents',
  polarity: 'higher-is-worse',
};
const PRESTON = { code: 'E07000123', name: 'Preston', level: 'district' };

const figures = (
  count: number | null,
  flag: PeriodFigures['flag'] = 'shown',
  denominator: number | null = null,
): PeriodFigures => ({
  count,
  flag,
  denominator,
  denominatorFlag: denominator === null ? 'z' : 'shown',
});

function finding(current: PeriodFigures, previous: PeriodFigures, extra: Partial<FindingInput> = {}): string {
  const basis = extra.basis ?? 'count';
  return findingTitle({
    indicatorTitle: 'Violence with injury',
    unit: 'offences of violence with injury',
    areaPhrase: 'Preston',
    statistic: 'rate',
    basis,
    periodLabel: '2025',
    previousLabel: '2024',
    current,
    previous,
    change: summariseChange(current, previous, basis),
    lowCountBelow: 10,
    ...extra,
  });
}

describe('findingTitle', () => {
  it('states a significant rise plainly', () => {
    expect(finding(figures(1120), figures(1000))).toBe('Violence with injury in Preston rose 12% in 2025 compared with 2024');
  });

  it('says when a change is not statistically significant', () => {
    expect(finding(figures(112), figures(100))).toBe(
      'Violence with injury in Preston rose 12% in 2025 compared with 2024 (not a statistically significant change)',
    );
    expect(finding(figures(90), figures(100))).toBe(
      'Violence with injury in Preston fell 10% in 2025 compared with 2024 (not a statistically significant change)',
    );
  });

  it('uses the rate when the basis is a rate', () => {
    const title = finding(figures(1100, 'shown', 110_000), figures(1000, 'shown', 100_000), { basis: 'rate' });
    expect(title).toBe(
      'The rate of violence with injury in Preston was almost unchanged in 2025 compared with 2024 (not a statistically significant change)',
    );
  });

  it('quotes small numbers rather than a percentage', () => {
    expect(finding(figures(6), figures(3))).toBe(
      'Violence with injury in Preston rose from 3 in 2024 to 6 in 2025 (not a statistically significant change)',
    );
    expect(finding(figures(0), figures(0))).toBe('No offences of violence with injury were recorded in Preston in 2025 or 2024');
  });

  it('never guesses at a hidden or missing figure', () => {
    expect(finding(figures(null, 'c'), figures(100))).toBe(
      'The change in violence with injury in Preston on the year before cannot be shown: a figure is hidden to protect privacy (c)',
    );
    expect(finding(figures(100), figures(null, 'x'))).toMatch(/cannot be worked out: some months have no data$/);
  });
});

function monthlyInput(counts: (number | null | 'c')[], overrides: Partial<TrendSeriesInput> = {}): TrendSeriesInput {
  const periods = monthRange('2021-01', indexToPeriod(periodToIndex('2021-01') + counts.length - 1));
  const months = new Map<string, ProtectedFigure>();
  counts.forEach((c, i) => {
    const p = periods[i] as string;
    if (c === null) return;
    months.set(p, c === 'c' ? { value: null, flag: 'c' } : { value: c, flag: 'shown' });
  });
  return {
    indicator: VWI,
    area: PRESTON,
    age: 'all',
    sex: 'all',
    range: { first: periods[0] as string, last: periods.at(-1) as string },
    months,
    years: new Map(),
    denominatorMonths: new Map(),
    denominatorYears: new Map(),
    population: new Map([
      [2021, 120_000],
      [2022, 121_000],
    ]),
    partialMonths: new Map(),
    lowCountBelow: 10,
    ...overrides,
  };
}

describe('buildTrendSeries on a hand-made series', () => {
  const counts: (number | null | 'c')[] = [
    10,
    12,
    'c',
    15,
    11,
    9,
    14,
    13,
    10,
    12,
    11,
    16,
    20,
    18,
    17,
    19,
    16,
    15,
    21,
    20,
    18,
    17,
    19,
    22,
  ];

  it('keeps a suppressed month null with flag c (never 0), with no rate', () => {
    const s = buildTrendSeries(monthlyInput(counts));
    const march = s.months[2];
    expect(march).toMatchObject({ period: '2021-03', count: null, flag: 'c', rate: null, rateFlag: 'c' });
    expect(s.months.filter((m) => m.count === 0)).toEqual([]);
  });

  it('makes a rolling total c while any of its months is c, and a sum once none is', () => {
    const s = buildTrendSeries(monthlyInput(counts));
    const byEnd = new Map(s.rolling.map((r) => [r.period, r]));
    expect(byEnd.get('2021-12')).toMatchObject({ count: null, flag: 'c' });
    expect(byEnd.get('2022-02')).toMatchObject({ count: null, flag: 'c' });
    const sum = counts.slice(3, 15).reduce<number>((t, c) => t + (c as number), 0);
    expect(byEnd.get('2022-03')).toMatchObject({ count: sum, flag: 'shown' });
    // Person-years: 9 months of 2021's population and 3 of 2022's.
    expect(byEnd.get('2022-03')?.denominator).toBeCloseTo((9 * 120_000 + 3 * 121_000) / 12, 6);
  });

  it('makes a month with no data x, and the rolling totals that include it x', () => {
    const withGap = [...counts];
    withGap[5] = null;
    const s = buildTrendSeries(monthlyInput(withGap));
    expect(s.months[5]).toMatchObject({ period: '2021-06', count: null, flag: 'x' });
    expect(s.rolling.find((r) => r.period === '2022-05')).toMatchObject({ flag: 'x' });
  });

  it('shows the month-of-year profile only where every year is shown', () => {
    const s = buildTrendSeries(monthlyInput(counts));
    expect(s.seasonality.years).toEqual(['2021', '2022']);
    expect(s.seasonality.months[2]).toMatchObject({ month: 3, mean: null, flag: 'c' });
    expect(s.seasonality.months[0]).toMatchObject({ month: 1, mean: 15, flag: 'shown' });
    expect(s.seasonality.title).toMatch(/cannot be shown in full: some months are hidden to protect privacy \(c\)/);
  });

  it('says which years changed significantly', () => {
    const title = yearOnYearTitle('Violence with injury', 'Preston', [
      { period: '2021', change: { kind: 'not-available', flag: null, reason: 'first year shown' } },
      {
        period: '2022',
        change: {
          kind: 'tested',
          basis: 'count',
          percentChange: 20,
          ratioLower: 1.1,
          ratioUpper: 1.3,
          pValue: 0.001,
          significant: true,
          direction: 'increase',
          matchedMonths: null,
        },
      },
      {
        period: '2023',
        change: {
          kind: 'tested',
          basis: 'count',
          percentChange: -2,
          ratioLower: 0.9,
          ratioUpper: 1.05,
          pValue: 0.5,
          significant: false,
          direction: 'no-significant-change',
          matchedMonths: null,
        },
      },
      { period: '2024', change: { kind: 'not-available', flag: 'c', reason: 'hidden' } },
    ]);
    expect(title).toBe(
      'Violence with injury in Preston, year on year: significant rise in 2022; no significant change in 2023; hidden (c) in 2024',
    );
  });
});

describe('indexSeries', () => {
  it('sets the first shared complete year to 100 and leaves an indicator with a hidden base year without a line', () => {
    const years = (values: (number | 'c')[]) =>
      new Map(
        values.map((v, i) => [
          String(2021 + i),
          v === 'c' ? { value: null, flag: 'c' as const } : { value: v, flag: 'shown' as const },
        ]),
      );
    const months = (n: number) => new Map(monthRange('2021-01', '2023-12').map((p) => [p, { value: n, flag: 'shown' as const }]));
    const count: TrendIndicator = {
      ...VWI,
      id: 'count',
      statistic: 'count',
      denominatorSource: 'none',
      title: 'Count one',
      shortTitle: 'Count one',
    };
    const other: TrendIndicator = { ...count, id: 'other', title: 'Count two', shortTitle: 'Count two' };
    const base = {
      area: PRESTON,
      age: 'all' as const,
      sex: 'all' as const,
      range: { first: '2021-01', last: '2023-12' },
      denominatorMonths: new Map(),
      denominatorYears: new Map(),
      population: new Map(),
      partialMonths: new Map(),
      lowCountBelow: 10,
    };
    const built = [
      buildTrendSeries({ ...base, indicator: count, months: months(10), years: years([120, 150, 90]) }),
      buildTrendSeries({ ...base, indicator: other, months: months(10), years: years(['c', 100, 100]) }),
    ];
    const c = indexSeries(PRESTON, [count, other], built);
    expect(c.baseYear).toBe('2021');
    expect(c.series[0]?.points.map((p) => Math.round(p.index ?? -1))).toEqual([100, 125, 75]);
    expect(c.series[1]?.unavailableReason).toMatch(/hidden to protect privacy \(c\)/);
    expect(c.title).toBe('In Preston, Count one, index 75 in 2023 (2021 = 100)');
  });
});

describe('projection and hotspots on hand-made series', () => {
  // A steady seasonal series of about 100 a month.
  const periods = monthRange('2021-01', '2025-12');
  const level = (p: string) => Math.round(100 * (1 + 0.2 * Math.sin((2 * Math.PI * Number(p.slice(5))) / 12)));

  it('skips hidden months (never 0) and says so', () => {
    const months = new Map<string, ProtectedFigure>(
      periods.map((p, i) => [p, i % 10 === 3 ? { value: null, flag: 'c' } : { value: level(p), flag: 'shown' }]),
    );
    const p = buildProjection(VWI, PRESTON, periods, months, 4);
    expect(p.kind).toBe('projection');
    if (p.kind !== 'projection') return;
    expect(p.model.observedMonths).toBe(54);
    expect(p.hiddenNote).toMatch(/hidden to protect other figures/);
    expect(p.forecast).toHaveLength(12);
  });

  it('refuses when many hidden months may have been small ones', () => {
    const small = new Map<string, ProtectedFigure>(
      periods.map((p, i) => [p, i % 3 === 0 ? { value: null, flag: 'c' } : { value: 6 + (i % 4), flag: 'shown' }]),
    );
    const p = buildProjection(VWI, PRESTON, periods, small, 4);
    expect(p.kind).toBe('not-shown');
    if (p.kind === 'not-shown') expect(p.reason).toMatch(/20 of 60 months are hidden/);
  });

  it('flags a district whose last three months are far above what its model expected, and says "not enough data" where it cannot run', () => {
    const steady = new Map<string, ProtectedFigure>(periods.map((p) => [p, { value: level(p), flag: 'shown' }]));
    const surge = new Map<string, ProtectedFigure>(
      periods.map((p, i) => [p, { value: i >= 57 ? level(p) * 2 : level(p), flag: 'shown' }]),
    );
    const short = new Map<string, ProtectedFigure>(periods.slice(-10).map((p) => [p, { value: 50, flag: 'shown' }]));
    const h = buildHotspots(
      VWI,
      periods,
      [
        { code: 'A', name: 'Steadytown', months: steady },
        { code: 'B', name: 'Surgeford', months: surge },
        { code: 'C', name: 'Newham', months: short },
      ],
      4,
    );
    expect(h.rows.map((r) => r.areaName)).toEqual(['Surgeford', 'Newham', 'Steadytown']);
    expect(h.rows[0]?.outcome).toMatchObject({ kind: 'tested', emerging: true });
    expect(h.rows.find((r) => r.areaName === 'Newham')?.outcome.kind).toBe('not-tested');
    expect(h.title).toBe(
      '1 of 2 districts had significantly more offences of violence with injury than expected in the 3 months to December 2025: Surgeford',
    );
  });
});
