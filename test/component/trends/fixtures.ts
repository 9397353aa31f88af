import { buildTrendSeries } from '../../../src/queries/figures/build-trend-series';
import { monthRange } from '../../../src/queries/figures/trend-parts';
import { type TrendIndicator } from '../../../src/queries/figures/trend-series';
import type { ProtectedFigure } from '../../../src/queries/readers/trend-cells';

export const EXPLANATIONS = {
  suppressed: 'Hidden to protect privacy: the number is fewer than 5, or would let a small number be worked out by subtraction.',
  rounded: 'Rounded to the nearest 5 to protect privacy.',
};

export const VWI: TrendIndicator = {
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

/** Two years of a small district's months: March 2021 hidden (c), June 2021 with no data (x), May 2022 rounded. */
export function handMadeSeries() {
  const periods = monthRange('2021-01', '2022-12');
  const counts = [10, 12, null, 15, 11, undefined, 14, 13, 10, 12, 11, 16, 20, 18, 17, 19, 15, 15, 21, 20, 18, 17, 19, 22];
  const months = new Map<string, ProtectedFigure>();
  periods.forEach((p, i) => {
    const c = counts[i];
    if (c === undefined) return;
    months.set(p, c === null ? { value: null, flag: 'c' } : { value: c, flag: p === '2022-05' ? 'rounded' : 'shown' });
  });
  return buildTrendSeries({
    indicator: VWI,
    area: { code: 'E07000123', name: 'Preston', level: 'district' },
    age: '15-17',
    sex: 'female',
    range: { first: '2021-01', last: '2022-12' },
    months,
    years: new Map([
      ['2021', { value: 140, flag: 'shown' }],
      ['2022', { value: 220, flag: 'shown' }],
    ]),
    denominatorMonths: new Map(),
    denominatorYears: new Map(),
    population: new Map([
      [2021, 3000],
      [2022, 3100],
    ]),
    partialMonths: new Map(),
    lowCountBelow: 10,
  });
}
