// The arithmetic of a trend's periods: a month's count and denominator (a "part"), their protected sums, and
// the months two periods a year apart are compared on. Every sum is a grouping of protected figures
// (src/disclosure/grouping.ts), so it is `c` as soon as one part is, and 'x' (never 0) when one has no data.
import { groupFigures } from '../../disclosure/grouping';
import type { FigureFlag } from '../../disclosure/protected-tables';
import { indexToPeriod, periodToIndex } from '../../stats';
import type { ChangeSummary, PeriodFigures } from './change-summary';

/** Every month from first to last inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let i = periodToIndex(first); i <= periodToIndex(last); i++) out.push(indexToPeriod(i));
  return out;
}

export const MISSING: { value: number | null; flag: FigureFlag } = { value: null, flag: 'x' };

export interface Part {
  count: number | null;
  flag: FigureFlag;
  denominator: number | null;
  /** 'z' (not applicable) for indicators shown as counts only. */
  denominatorFlag: FigureFlag | 'z';
  partial: boolean;
  /** Why the denominator is missing, when it is. */
  denominatorReason?: string;
}

/** Sums parts as a protected grouping (groupFigures): `c` if any part is `c`, 'x' if any part is missing. */
export function groupParts(parts: readonly Part[]): Part {
  const counts = groupFigures(parts.map((p) => ({ value: p.count, flag: p.flag })));
  const denominators = parts.every((p) => p.denominatorFlag === 'z')
    ? { value: null, flag: 'x' as FigureFlag }
    : groupFigures(parts.map((p) => ({ value: p.denominator, flag: p.denominatorFlag })));
  const denominatorReason = parts.find((p) => p.denominatorReason)?.denominatorReason;
  return {
    count: counts.value,
    flag: counts.flag,
    denominator: denominators.value,
    denominatorFlag: denominators.flag,
    partial: parts.some((p) => p.partial),
    ...(denominatorReason ? { denominatorReason } : {}),
  };
}

/** The 12 months ending with `last` (some may lie before the data start: they have no data). */
export function windowEnding(last: string): string[] {
  const end = periodToIndex(last);
  return Array.from({ length: 12 }, (_, k) => indexToPeriod(end - 11 + k));
}

/** The same months a year earlier. */
export function yearEarlier(periods: readonly string[]): string[] {
  return periods.map((p) => indexToPeriod(periodToIndex(p) - 12));
}

export function monthOf(period: string): number {
  return Number(period.slice(5, 7));
}

/**
 * The months at `positions` of a period, added up. When the sum is hidden (a month in it is `c`) but the period's
 * own protected cell is shown, the period's cell less its other months with data gives the same total, from
 * figures that are all published (so nothing is revealed that a reader could not work out).
 */
export function matchedSide(whole: Part | null, parts: readonly Part[], positions: readonly number[]): Part {
  const keep = new Set(positions);
  const summed = groupParts(parts.filter((_, k) => keep.has(k)));
  if (summed.flag !== 'c' || whole === null || whole.count === null || whole.flag === 'c' || whole.flag === 'x') return summed;
  const dropped = parts.filter((p, k) => !keep.has(k) && p.flag !== 'x');
  const less = groupParts(dropped);
  if (dropped.length > 0 && (less.count === null || less.flag === 'c')) return summed;
  const count = whole.count - (less.count ?? 0);
  if (count < 0) return summed;
  let denominator = summed.denominator;
  let denominatorFlag = summed.denominatorFlag;
  if (summed.denominatorFlag === 'c') {
    // A proportion's denominator is protected too: the same subtraction, or nothing.
    if (whole.denominator === null || (dropped.length > 0 && less.denominator === null)) return summed;
    denominator = whole.denominator - (less.denominator ?? 0);
    denominatorFlag = whole.denominatorFlag === 'rounded' || less.denominatorFlag === 'rounded' ? 'rounded' : 'shown';
  }
  const rounded = whole.flag === 'rounded' || (dropped.length > 0 && less.flag === 'rounded');
  return { count, flag: rounded ? 'rounded' : 'shown', denominator, denominatorFlag, partial: summed.partial };
}

/** Two periods a year apart as compared: both whole, or the months both have data for (`matched`). */
export interface Compared {
  current: Part;
  previous: Part;
  change: ChangeSummary;
  countChange: ChangeSummary;
  /** Calendar months compared, in period order; null when the whole periods were compared. */
  matched: number[] | null;
}

export type Compare = (
  currentPeriods: readonly string[],
  whole: { current: Part; previous: Part } | null,
  allowMatched: boolean,
) => Compared;

export function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new RangeError(`index ${i} out of range`);
  return x;
}

/** A month's denominator for its own rate: the mid-year population (not person-years). */
export function monthlyPart(part: Part, byPopulation: boolean): Part {
  if (!byPopulation || part.denominator === null) return part;
  return { ...part, denominator: part.denominator * 12 };
}

export function figuresOf(p: Part): PeriodFigures {
  return { count: p.count, flag: p.flag, denominator: p.denominator, denominatorFlag: p.denominatorFlag };
}
