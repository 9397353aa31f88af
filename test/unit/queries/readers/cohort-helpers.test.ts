import { describe, expect, it } from 'vitest';
import {
  CellIndex,
  cohortFigure,
  groupCells,
  isAllAges,
  PopulationIndex,
  quantileSorted,
  selectForCohort,
} from '../../../../src/queries/figures/cohort-figures';
import { type CohortCell } from '../../../../src/queries/readers/cohort-cells';
import { completePeriods, latestFullYear, yearLimit } from '../../../../src/queries/readers/cohort-coverage';
import { aggregateTier, indexSeries, type PathwaySeries } from '../../../../src/queries/readers/cohort-pathway';
import { spineRange } from '../../../../src/queries/readers/cohort-profile';

const cell = (
  ageBand: string,
  value: number | null,
  flag: CohortCell['flag'] = value === null ? 'c' : 'shown',
  extra: Partial<CohortCell> = {},
): CohortCell => ({
  indicatorId: 'ind',
  areaCode: 'A',
  level: 'district',
  period: '2025',
  ageBand,
  sex: 'male',
  value,
  flag,
  ...extra,
});

describe('which cells make up a cohort', () => {
  const youthJustice = { ageBands: ['10-14', '15-17'] as const, bySex: true };
  it('takes the bands the indicator records, and says which of the cohort’s bands it does not', () => {
    const s = selectForCohort(
      { ...youthJustice, ageBands: [...youthJustice.ageBands] },
      { ages: ['15-17', '18-24'], sex: 'male' },
    );
    expect(s.flag).toBe('available');
    expect(s.cellBands).toEqual(['15-17']);
    expect(s.populationBands).toEqual(['15-17']);
    expect(s.missingBands).toEqual(['18-24']);
  });
  it('is not applicable when the indicator records none of the cohort’s ages', () => {
    const s = selectForCohort({ ageBands: ['10-14', '15-17'], bySex: true }, { ages: ['25-34'], sex: 'all' });
    expect(s.flag).toBe('z');
    expect(s.reason).toMatch(/covers ages 10-14, 15-17 only/);
  });
  it('is not available for an age or sex the indicator does not break down by', () => {
    expect(selectForCohort({ ageBands: [], bySex: false }, { ages: ['15-17'], sex: 'all' }).flag).toBe('x');
    expect(selectForCohort({ ageBands: ['15-17'], bySex: false }, { ages: ['15-17'], sex: 'female' }).reason).toMatch(
      /both sexes together/,
    );
  });
  it('uses the all-ages cell for an all-ages cohort, over the population of the ages the indicator records', () => {
    expect(isAllAges(['all'])).toBe(true);
    expect(isAllAges(['0-9', '10-14', '15-17', '18-24', '25-34', '35-49', '50-64', '65+'])).toBe(true);
    const s = selectForCohort({ ageBands: ['10-14', '15-17'], bySex: true }, { ages: ['all'], sex: 'all' });
    expect(s.cellBands).toEqual(['all']);
    expect(s.populationBands).toEqual(['10-14', '15-17']);
    expect(selectForCohort({ ageBands: [], bySex: false }, { ages: ['all'], sex: 'all' }).populationBands).toEqual(['all']);
  });
});

describe('a cohort is a protected grouping of its bands', () => {
  it('is c as soon as one band is suppressed, and the sum of the published values otherwise', () => {
    expect(groupCells([cell('15-17', 12), cell('18-24', null)])).toMatchObject({ value: null, suppressedParts: 1 });
    expect(groupCells([cell('15-17', 12), cell('18-24', 30)])).toMatchObject({ value: 42, status: 'shown' });
    expect(groupCells([cell('15-17', 10, 'rounded'), cell('18-24', 30, 'rounded')])).toMatchObject({
      value: 40,
      status: 'rounded',
    });
  });
  it('is missing (not zero) when a band has no cell at all', () => {
    expect(groupCells([cell('15-17', 12), undefined])).toBeNull();
  });
  it('gives the rate over the summed populations of the bands, with limits', () => {
    const cells = new CellIndex([cell('15-17', 12), cell('18-24', 30)]);
    const pops = new PopulationIndex([
      { areaCode: 'A', year: '2025', ageBand: '15-17', sex: 'male', population: 3000 },
      { areaCode: 'A', year: '2025', ageBand: '18-24', sex: 'male', population: 9000 },
    ]);
    const ind = { id: 'ind', statistic: 'rate' as const, denominatorSource: 'population' as const, multiplier: 1000 };
    const sel = selectForCohort({ ageBands: ['15-17', '18-24'], bySex: true }, { ages: ['15-17', '18-24'], sex: 'male' });
    const f = cohortFigure(ind, sel, cells, pops, 'A', '2025', '2025');
    expect(f.count).toBe(42);
    expect(f.denominator).toBe(12000);
    expect(f.stat.value).toBeCloseTo(3.5, 10);
    expect(f.stat.lower95).toBeLessThan(3.5);
    const hidden = cohortFigure(ind, sel, new CellIndex([cell('15-17', 12), cell('18-24', null)]), pops, 'A', '2025', '2025');
    expect(hidden.flag).toBe('c');
    expect(hidden.stat.value).toBeNull();
    expect(hidden.count).toBeNull();
  });
  it('takes a proportion’s denominator from its protected ::denominator cells, and hides the figure when they are hidden', () => {
    const ind = { id: 'ind', statistic: 'proportion' as const, denominatorSource: 'extract' as const, multiplier: 100 };
    const sel = selectForCohort({ ageBands: ['15-17'], bySex: true }, { ages: ['15-17'], sex: 'male' });
    const pops = new PopulationIndex([]);
    const shown = cohortFigure(
      ind,
      sel,
      new CellIndex([cell('15-17', 20), cell('15-17', 200, 'shown', { indicatorId: 'ind::denominator' })]),
      pops,
      'A',
      '2025',
      '2025',
    );
    expect(shown.stat.value).toBeCloseTo(10, 10);
    const hidden = cohortFigure(
      ind,
      sel,
      new CellIndex([cell('15-17', 20), cell('15-17', null, 'c', { indicatorId: 'ind::denominator' })]),
      pops,
      'A',
      '2025',
      '2025',
    );
    expect(hidden.flag).toBe('c');
  });
});

describe('people counted each month', () => {
  it('are a cohort’s people in an average month of the year or quarter, with the proportion and its limits of people', () => {
    const ind = {
      id: 'ind',
      statistic: 'proportion' as const,
      denominatorSource: 'extract' as const,
      multiplier: 100,
      counted: 'people-each-month' as const,
    };
    const sel = selectForCohort({ ageBands: ['15-17'], bySex: true }, { ages: ['15-17'], sex: 'male' });
    // 20 of 200 young men each month: the year's cells count each of them 12 times.
    const cells = (period: string) =>
      new CellIndex([
        cell('15-17', 240, 'shown', { period }),
        cell('15-17', 2400, 'shown', { indicatorId: 'ind::denominator', period }),
      ]);
    const year = cohortFigure(ind, sel, cells('2025'), new PopulationIndex([]), 'A', '2025', '2025');
    expect(year).toMatchObject({ count: 20, denominator: 200, averageMonth: true });
    expect(year.stat.value).toBeCloseTo(10, 10);
    // The limits are those of 20 people in 200, not of 240 in 2,400.
    const people = cohortFigure({ ...ind, counted: 'events' }, sel, cells('2025'), new PopulationIndex([]), 'A', '2025', '2025');
    expect(people.stat.value).toBeCloseTo(10, 10);
    expect(people.count).toBe(240);
    expect(people.averageMonth).toBeUndefined();
    expect(year.stat.upper95! - year.stat.lower95!).toBeGreaterThan(2 * (people.stat.upper95! - people.stat.lower95!));
    const quarter = cohortFigure(
      ind,
      sel,
      new CellIndex([
        cell('15-17', 60, 'shown', { period: '2025-Q1' }),
        cell('15-17', 600, 'shown', { indicatorId: 'ind::denominator', period: '2025-Q1' }),
      ]),
      new PopulationIndex([]),
      'A',
      '2025-Q1',
      '2025',
    );
    expect(quarter).toMatchObject({ count: 20, denominator: 200, averageMonth: true });
  });
});

describe('periods and ranges', () => {
  it('finds complete years and quarters, and the latest full year up to a chosen month', () => {
    const months = [
      ...Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
    ];
    expect(completePeriods(months)).toEqual({
      years: ['2024'],
      quarters: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1'],
    });
    expect(yearLimit('2025-06')).toBe('2024');
    expect(yearLimit('2025-12')).toBe('2025');
    expect(yearLimit(null)).toBeNull();
    const b = {
      indicatorId: 'i',
      ageBands: [],
      bySex: false,
      fullYears: { V: ['2022', '2023', '2024', '2025'] },
      fullQuarters: {},
    };
    expect(latestFullYear(b, 'V', null)).toBe('2025');
    expect(latestFullYear(b, 'V', '2025-11')).toBe('2024');
    expect(latestFullYear(b, 'X', null)).toBeNull();
  });
  it('gives quartiles by linear interpolation and leaves suppressed districts out of the range', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 10);
    expect(quantileSorted([], 0.5)).toBeNull();
    const fig = (value: number | null, flag: 'shown' | 'c' = value === null ? 'c' : 'shown') => ({
      count: null,
      denominator: null,
      flag,
      reason: null,
      stat: { value, lower95: null, upper95: null, lower998: null, upper998: null, method: null, reason: null },
    });
    expect(spineRange([fig(4), fig(1), fig(null), fig(3), fig(2)])).toEqual({
      shown: 4,
      hidden: 1,
      min: 1,
      q25: 1.75,
      q75: 3.25,
      max: 4,
    });
    expect(spineRange([fig(null)])).toBeNull();
  });
});

describe('indexing and tier lines', () => {
  const pt = (period: string, rate: number | null, flag: 'shown' | 'c' | 'x' = rate === null ? 'c' : 'shown') => ({
    period,
    rate,
    flag,
  });
  it('indexes a yearly series on its first year', () => {
    const r = indexSeries([pt('2021', 20), pt('2022', 25), pt('2023', null), pt('2024', 15)], 'year');
    expect(r.base).toBe(20);
    expect(r.points.map((p) => p.index)).toEqual([100, 125, null, 75]);
  });
  it('indexes a quarterly series on the same quarter of the first year, so the season does not move it', () => {
    const r = indexSeries(
      [pt('2021-Q1', 10), pt('2021-Q2', 20), pt('2021-Q3', 5), pt('2021-Q4', 15), pt('2022-Q1', 11), pt('2022-Q3', 6)],
      'quarter',
    );
    expect(r.base).toBe(12.5);
    expect(r.points.map((p) => p.index?.toFixed(0))).toEqual(['100', '100', '100', '100', '110', '120']);
  });
  it('cannot index a series whose first year is suppressed or zero, and says why', () => {
    expect(indexSeries([pt('2021', null), pt('2022', 4)], 'year').reason).toMatch(/suppressed/);
    expect(indexSeries([pt('2021', 0), pt('2022', 4)], 'year').reason).toMatch(/zero/);
    expect(indexSeries([pt('2021-Q2', 1), pt('2021-Q3', 1), pt('2021-Q4', 1)], 'quarter').reason).toMatch(/fewer than four/);
  });
  it('averages a tier’s indexed indicators, with a gap where any of them is suppressed or missing', () => {
    const series = (
      id: string,
      tier: 'primary' | 'tertiary',
      indices: (number | null)[],
      flags?: ('shown' | 'c' | 'x')[],
    ): PathwaySeries => ({
      indicatorId: id,
      tier,
      base: 1,
      excludedReason: null,
      points: indices.map((index, i) => ({
        period: String(2021 + i),
        rate: index,
        index,
        flag: flags?.[i] ?? (index === null ? 'c' : 'shown'),
      })),
    });
    const all = [
      series('a', 'tertiary', [100, 80, 90, 70]),
      series('b', 'tertiary', [100, 120, null, 90], ['shown', 'shown', 'c', 'shown']),
      series('c', 'tertiary', [100, 100], ['shown', 'shown']),
      {
        ...series('d', 'tertiary', []),
        base: null,
        excludedReason: 'its 2021 figure is suppressed (c), so there is no base to index on',
      },
      series('e', 'primary', [100, 200, 300, 400]),
    ];
    const line = aggregateTier('tertiary', all, ['2021', '2022', '2023', '2024']);
    expect(line.points.map((p) => [p.index === null ? p.flag : Number(p.index.toFixed(2)), p.members])).toEqual([
      [100, 3],
      [100, 3],
      ['c', 2],
      [80, 2],
    ]);
    expect(line.included).toEqual(['a', 'b', 'c']);
    expect(line.excluded).toEqual([{ indicatorId: 'd', reason: expect.stringMatching(/suppressed/) }]);
    expect(aggregateTier('secondary', all, ['2021']).points[0]).toMatchObject({ index: null, flag: 'x', members: 0 });
  });
});
