// Several partners' indicators side by side on one scale: each indicator's yearly rate (or count, for
// indicators shown as counts) as an index, the first complete calendar year they share = 100. Built
// from the protected year cells, as the main trend's calendar-year table is: a year may be shown when
// one of its months is hidden, and a hidden year stays hidden.
import type { TrendArea } from '../readers/trend-cells';
import { areaPhrase } from '../wording/trend-finding';
import { type TrendIndicator, type TrendSeries } from './trend-series';
import type { FigureFlag } from '../../disclosure/protected-tables';
import { listOf } from '../../contract/list-of';

export interface IndexPoint {
  period: string;
  /** The year's rate (or count) the index is built from. */
  value: number | null;
  flag: FigureFlag;
  /** value / base value x 100. */
  index: number | null;
}

export interface IndexedSeries {
  indicatorId: string;
  title: string;
  shortTitle: string;
  /** What is indexed, e.g. "per 1,000 residents a year" or "count in the year". */
  basis: string;
  baseValue: number | null;
  baseFlag: FigureFlag;
  points: IndexPoint[];
  /** Why the indicator has no line, or null. */
  unavailableReason: string | null;
}

export interface TrendIndexComparison {
  area: TrendArea;
  /** Year = 100; null when no complete year is shared. */
  baseYear: string | null;
  periods: string[];
  series: IndexedSeries[];
  title: string;
}

/** Pure: indexes each indicator's calendar years to the first complete year they all share (= 100). */
export function indexSeries(
  area: TrendArea,
  indicators: readonly TrendIndicator[],
  built: readonly TrendSeries[],
): TrendIndexComparison {
  const available = built.filter((s) => s.available);
  const completeYears = (s: TrendSeries): string[] => s.years.filter((y) => y.complete).map((y) => y.period);
  const first = available[0];
  const shared = first ? completeYears(first).filter((y) => available.every((s) => completeYears(s).includes(y))) : [];
  const baseYear = shared[0] ?? null;
  const periodSet = new Set<string>();
  const series: IndexedSeries[] = built.map((s, k) => {
    const indicator = indicators[k] as TrendIndicator;
    const useRate = s.measure.hasRate;
    const common = {
      indicatorId: indicator.id,
      title: indicator.title,
      shortTitle: indicator.shortTitle ?? indicator.title,
      basis: useRate ? s.measure.rollingRateLabel : 'count in the year',
    };
    if (!s.available) return { ...common, baseValue: null, baseFlag: 'x', points: [], unavailableReason: s.unavailableReason };
    if (baseYear === null) {
      return {
        ...common,
        baseValue: null,
        baseFlag: 'x',
        points: [],
        unavailableReason: 'No complete calendar year is shared by every indicator chosen.',
      };
    }
    // The protected year cells (a year may be shown when one of its months is hidden).
    const value = (y: TrendSeries['years'][number]): { value: number | null; flag: FigureFlag } =>
      useRate ? { value: y.rate, flag: y.rateFlag } : { value: y.count, flag: y.flag };
    const baseRow = s.years.find((y) => y.period === baseYear);
    const base = baseRow ? value(baseRow) : { value: null, flag: 'x' as FigureFlag };
    const points = s.years
      .filter((y) => y.complete && y.period >= baseYear)
      .map((y) => {
        const v = value(y);
        periodSet.add(y.period);
        return {
          period: y.period,
          value: v.value,
          flag: v.flag,
          index: v.value !== null && base.value !== null && base.value > 0 ? (v.value / base.value) * 100 : null,
        };
      });
    const unavailableReason =
      base.flag === 'c'
        ? `The figure for ${baseYear} is hidden to protect privacy (c), so there is nothing to index to.`
        : base.value === null
          ? `${baseYear} has no data, so there is nothing to index to.`
          : base.value === 0
            ? `There were none in ${baseYear}, so an index cannot be formed.`
            : null;
    return { ...common, baseValue: base.value, baseFlag: base.flag, points, unavailableReason };
  });
  const periods = [...periodSet].sort();
  return { area, baseYear, periods, series, title: comparisonTitle(area, baseYear, series) };
}

function comparisonTitle(area: TrendArea, baseYear: string | null, series: readonly IndexedSeries[]): string {
  const where = areaPhrase(area);
  if (baseYear === null)
    return `These indicators cannot be compared in ${where}: no complete calendar year is shared by all of them`;
  const latest = series.flatMap((s) => {
    const last = s.points.at(-1);
    return s.unavailableReason === null && last && last.index !== null
      ? [{ name: s.shortTitle, index: last.index, period: last.period }]
      : [];
  });
  if (latest.length === 0) return `None of these indicators can be indexed in ${where}: figures are hidden or missing`;
  const when =
    latest
      .map((l) => l.period)
      .sort()
      .at(-1) ?? '';
  const up = latest.filter((l) => Math.round(l.index) > 100);
  const down = latest.filter((l) => Math.round(l.index) < 100);
  const same = latest.length - up.length - down.length;
  const byIndex = [...latest].sort((a, b) => b.index - a.index);
  const top = byIndex[0];
  const bottom = byIndex.at(-1);
  const idx = (l: { name: string; index: number }): string => `${l.name}, index ${Math.round(l.index)}`;
  if (latest.length === 1 && top) return `In ${where}, ${idx(top)} in ${when} (${baseYear} = 100)`;
  if (up.length === latest.length && top) {
    return `In ${where} all ${latest.length} indicators were higher in ${when} than in ${baseYear}; the largest rise was ${idx(top)} (${baseYear} = 100)`;
  }
  if (down.length === latest.length && bottom) {
    return `In ${where} all ${latest.length} indicators were lower in ${when} than in ${baseYear}; the largest fall was ${idx(bottom)} (${baseYear} = 100)`;
  }
  const parts = [
    up.length > 0 ? [up.length, 'higher'] : null,
    down.length > 0 ? [down.length, 'lower'] : null,
    same > 0 ? [same, 'about the same'] : null,
  ]
    .filter((p): p is [number, string] => p !== null)
    .map(([n, word], i) => (i === 0 ? `${n} indicator${n === 1 ? '' : 's'} ${word}` : `${n} ${word}`));
  return `In ${where}, ${when} against ${baseYear}: ${listOf(parts)} (${baseYear} = 100)`;
}
