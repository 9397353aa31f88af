// Comparisons only on like with like: matched months, and months with some parts not reporting kept out of
// projections, hotspot tests and year comparisons (pure functions; the real 2020 gap is in real-police.test.ts).
import { describe, expect, it } from 'vitest';
import { monthsPhrase } from '../../../../src/contract/months';
import { isReported, matchedPositions } from '../../../../src/queries/figures/matched-months';
import type { ProtectedFigure } from '../../../../src/queries/readers/trend-cells';
import { matchedMonthsNote } from '../../../../src/queries/wording/trend-finding';
import { buildHotspots } from '../../../../src/queries/figures/trend-hotspots';
import { buildProjection, modelSeries } from '../../../../src/queries/figures/trend-projection';
import { buildTrendSeries } from '../../../../src/queries/figures/build-trend-series';
import { monthRange } from '../../../../src/queries/figures/trend-parts';
import { type TrendIndicator } from '../../../../src/queries/figures/trend-series';

const COUNT: TrendIndicator = {
  id: 'vwi',
  title: 'Violence with injury',
  shortTitle: 'Violence with injury',
  unit: 'offences',
  statistic: 'count',
  denominatorSource: 'none',
  multiplier: 1,
  rateLabel: 'offences',
  polarity: 'higher-is-worse',
};
const AREA = { code: 'E07000123', name: 'Preston', level: 'district' };

/** Months with a seasonal count, as protected cells (all shown). */
function cells(periods: readonly string[], level = 100): Map<string, ProtectedFigure> {
  return new Map(periods.map((p, i) => [p, { value: level + ((i * 7) % 13), flag: 'shown' as const }]));
}

describe('matched months', () => {
  it('pairs the months both periods have data for from every part', () => {
    const shown = { flag: 'shown', partial: false };
    expect(isReported({ flag: 'c', partial: false })).toBe(true);
    expect(isReported({ flag: 'x', partial: false })).toBe(false);
    expect(isReported({ flag: 'shown', partial: true })).toBe(false);
    expect(
      matchedPositions(
        [shown, shown, { flag: 'x', partial: false }, shown],
        [shown, undefined, shown, { flag: 'rounded', partial: true }],
      ),
    ).toEqual([0]);
  });

  it('names the months compared, or those left out, whichever are fewer', () => {
    expect(monthsPhrase([12, 1, 2, 3, 4, 5, 7])).toBe('December to May and July');
    expect(monthsPhrase([1, 2, 5])).toBe('January, February and May');
    const year = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2021-${m}`);
    expect(matchedMonthsNote([1, 2, 3, 4, 5, 7, 10, 11, 12], year, true)).toBe(
      'leaving out June, August and September, which have no data in one of the years',
    );
    expect(matchedMonthsNote([1, 2], year, true)).toBe('comparing only January and February, the months with data in both years');
    // A rolling 12 months crosses a year: its months are named with their years (the real police.uk gap).
    const rolling = monthRange('2020-10', '2021-09');
    expect(matchedMonthsNote([12, 1, 2, 3, 4, 5, 7], rolling, false)).toBe(
      'leaving out October and November 2020 and June, August and September 2021 (and the same months a year earlier), ' +
        'which have no data in one of the periods',
    );
    expect(matchedMonthsNote([12, 1, 2], rolling, false)).toBe(
      'comparing only December 2020 to February 2021 with the same months a year earlier, the months with data in both periods',
    );
    expect(matchedMonthsNote([10, 11, 12, 1, 2, 3, 4, 5, 7, 8, 9], rolling, false)).toBe(
      'leaving out June 2021 (and the same month a year earlier), which has no data in one of the periods',
    );
  });
});

describe('a series whose area had a part not reporting', () => {
  const periods = monthRange('2021-01', '2023-12');
  const months = cells(periods);
  // In May 2023 one of Preston's parts sent nothing: the total is too low, not a fall.
  const partialMonths = new Map([['2023-05', 1]]);

  it('compares 2023 with 2022 without May, and leaves 2023 out of the monthly pattern', () => {
    const s = buildTrendSeries({
      indicator: COUNT,
      area: AREA,
      age: 'all',
      sex: 'all',
      range: { first: periods[0] ?? '', last: periods.at(-1) ?? '' },
      months,
      years: new Map(['2021', '2022', '2023'].map((y) => [y, { value: 1000, flag: 'shown' as const }])),
      denominatorMonths: new Map(),
      denominatorYears: new Map(),
      population: new Map(),
      partialMonths,
      lowCountBelow: 10,
    });
    const y2023 = s.years.find((y) => y.period === '2023');
    expect(y2023?.complete).toBe(false);
    expect(y2023?.partial).toBe(true);
    expect(y2023?.change.kind === 'tested' && y2023.change.matchedMonths).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]);
    const sum = (year: string) =>
      monthRange(`${year}-01`, `${year}-12`)
        .filter((p) => !p.endsWith('-05'))
        .reduce((t, p) => t + (months.get(p)?.value ?? 0), 0);
    expect(s.comparison.current?.count).toBe(sum('2023'));
    expect(s.comparison.previous?.count).toBe(sum('2022'));
    expect(s.comparison.countTitle).toContain('leaving out May, which has no data in one of the years');
    expect(s.seasonality.years).toEqual(['2021', '2022']);
    // 2022 against 2021: every month of both, so the protected year cells.
    const y2022 = s.years.find((y) => y.period === '2022');
    expect(y2022?.change.kind === 'tested' && y2022.change.matchedMonths).toBeNull();
  });

  it('gives the projection model the partial month as missing, and sets no year with one against 12 projected months', () => {
    const series = modelSeries(periods, months, new Set(partialMonths.keys()));
    expect(series.find((m) => m.period === '2023-05')).toMatchObject({ count: null, partial: true });
    const partialDecember = new Set(['2023-12']);
    const p = buildProjection(
      COUNT,
      AREA,
      periods,
      months,
      4,
      new Map([['2023', { value: 1000, flag: 'shown' }]]),
      partialDecember,
    );
    if (p.kind !== 'projection') throw new Error(p.reason);
    // The last 12 months hold a partial month: neither their sum nor the 2023 cell is quoted against the projection.
    expect(p.title).not.toMatch(/against/);
    const whole = buildProjection(COUNT, AREA, periods, months, 4);
    if (whole.kind !== 'projection') throw new Error(whole.reason);
    expect(whole.title).toMatch(/against [\d,]+ in the last 12 months$/);
  });

  it('leaves a district’s partial months out of its hotspot test', () => {
    const recent = monthRange('2023-10', '2023-12');
    const rising = new Map(months);
    for (const p of recent) rising.set(p, { value: 400, flag: 'shown' });
    const test = (partial: Set<string>) =>
      buildHotspots(COUNT, periods, [{ code: AREA.code, name: AREA.name, months: rising, partial }], 4).rows[0]?.outcome;
    const all = test(new Set());
    const withPartial = test(new Set(['2023-12']));
    expect(all?.kind === 'tested' && all.periods).toEqual(recent);
    expect(withPartial?.kind === 'tested' && withPartial.periods).toEqual(['2023-10', '2023-11']);
  });
});
