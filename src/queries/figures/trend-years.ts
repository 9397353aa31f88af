import { denominatorOf } from '../../indicator-kinds';
import { isReported } from './matched-months';
import type { ChangeSummary } from './change-summary';
import { MISSING, groupParts, monthRange, type Compare, type Part } from './trend-parts';
import { toPoint } from './trend-point';
import type { SeasonalMonth, SeasonalityProfile, TrendMeasure, TrendSeriesInput, TrendYear } from './trend-series';
import { areaPhrase } from '../wording/trend-finding';
import { seasonalityTitle, tooFewYearsForSeasonality } from '../wording/trend-series-words';

/** The calendar years from their protected year cells, each compared with the year before. */
export function buildYears(
  input: TrendSeriesInput,
  periods: readonly string[],
  partOf: (period: string) => Part,
  compare: Compare,
  measure: TrendMeasure,
): { years: TrendYear[]; yearPart: (year: string) => Part } {
  const { indicator } = input;
  const yearsInRange = [...new Set(periods.map((p) => p.slice(0, 4)))];
  const yearPart = (year: string): Part => {
    const monthParts = monthRange(`${year}-01`, `${year}-12`).map(partOf);
    const cell = input.years.get(year) ?? MISSING;
    // The protected year cell, not a sum of months: it may be shown when a month is hidden.
    let part: Part;
    if (!measure.hasRate) {
      part = { count: cell.value, flag: cell.flag, denominator: null, denominatorFlag: 'z', partial: false };
    } else if (denominatorOf(indicator) === 'extract') {
      const d = input.denominatorYears.get(year) ?? MISSING;
      part = { count: cell.value, flag: cell.flag, denominator: d.value, denominatorFlag: d.flag, partial: false };
    } else {
      // Person-years over the months the year has data for: the year cell counts those months only.
      const withData = monthParts.filter((p) => p.flag !== 'x');
      const exposure = withData.reduce<number | null>(
        (s, p) => (s === null || p.denominator === null ? null : s + p.denominator),
        0,
      );
      part = {
        count: cell.value,
        flag: cell.flag,
        denominator: withData.length === 0 ? null : exposure,
        denominatorFlag: withData.length === 0 || exposure === null ? 'x' : 'shown',
        partial: false,
      };
    }
    // Months with no data show in `monthsWithData` and `complete`; `partial` is for parts of the area not reporting.
    part.partial = monthParts.some((p) => p.partial);
    return part;
  };
  const out: TrendYear[] = [];
  for (const year of yearsInRange) {
    const yearMonths = monthRange(`${year}-01`, `${year}-12`);
    const monthParts = yearMonths.map(partOf);
    const inRange = yearMonths.filter((p) => periods.includes(p)).length;
    const complete = inRange === 12 && monthParts.every((p) => isReported(p));
    const part = yearPart(year);
    const point = toPoint(year, part, indicator, measure, input.lowCountBelow);
    const previousYear = String(Number(year) - 1);
    const first: ChangeSummary = { kind: 'not-available', flag: null, reason: 'first year shown' };
    const compared = periods.some((p) => p.startsWith(`${previousYear}-`))
      ? compare(yearMonths, { current: part, previous: yearPart(previousYear) }, true)
      : null;
    out.push({
      ...point,
      change: compared?.change ?? first,
      countChange: compared?.countChange ?? first,
      monthsWithData: monthParts.filter((p) => p.flag !== 'x').length,
      complete,
    });
  }
  return { years: out, yearPart };
}

/** The average of each calendar month over the complete years, and its index on an average month. */
export function buildSeasonality(
  input: TrendSeriesInput,
  periods: readonly string[],
  partOf: (period: string) => Part,
): SeasonalityProfile {
  // Only years with every month reported by every part: a missing month would bias its month-of-year average.
  const full = [...new Set(periods.map((p) => p.slice(0, 4)))].filter((y) => {
    const yearMonths = monthRange(`${y}-01`, `${y}-12`);
    return yearMonths.every((p) => periods.includes(p) && isReported(partOf(p)));
  });
  const subject = input.indicator.title;
  if (full.length < 2) {
    return {
      years: full,
      months: [],
      title: tooFewYearsForSeasonality(subject),
    };
  }
  const months: SeasonalMonth[] = Array.from({ length: 12 }, (_, m) => {
    const parts = full.map((y) => {
      const cell = input.months.get(`${y}-${String(m + 1).padStart(2, '0')}`) ?? MISSING;
      const part: Part = { count: cell.value, flag: cell.flag, denominator: null, denominatorFlag: 'z', partial: false };
      return part;
    });
    const g = groupParts(parts);
    return { month: m + 1, mean: g.count === null ? null : g.count / full.length, flag: g.flag, index: null };
  });
  const shown = months.every((m) => m.mean !== null);
  const overall = shown ? months.reduce((s, m) => s + (m.mean ?? 0), 0) / 12 : null;
  if (overall !== null && overall > 0) for (const m of months) m.index = ((m.mean ?? 0) / overall) * 100;
  return { years: full, months, title: seasonalityTitle(subject, areaPhrase(input.area), months, full) };
}
