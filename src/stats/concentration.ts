// How concentrated events are among small areas: the share in the most affected 1%, 5% and 10% of areas,
// the concentration (Lorenz) curve with its Gini coefficient, whether that changed between two years, and
// the areas that stay among the most affected year after year. Areas count equally and are ranked by their
// number of events, as in the crime-concentration literature (Weisburd 2015).
import { poissonDraw, seededUniform } from './seeded-random';

/** A point of the concentration curve: the share of areas (least affected first) and their share of events. */
export interface LorenzPoint {
  areaShare: number;
  eventShare: number;
}

/** The concentration curve from (0, 0) to (1, 1); empty when there are no areas or no events. */
export function lorenzCurve(counts: readonly number[]): LorenzPoint[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (counts.length === 0 || !(total > 0)) return [];
  const sorted = [...counts].sort((x, y) => x - y);
  const points: LorenzPoint[] = [{ areaShare: 0, eventShare: 0 }];
  let cumulative = 0;
  sorted.forEach((c, i) => {
    cumulative += c;
    points.push({ areaShare: (i + 1) / sorted.length, eventShare: cumulative / total });
  });
  return points;
}

export const GINI_FORMULA =
  'Gini = 1 - Σ (x_i - x_(i-1)) (y_i + y_(i-1)), the trapezium rule over the concentration curve (x: share of areas, ' +
  'least affected first; y: their share of events): 0 when every area has as many events, near 1 when one area has them all.';

/** The Gini coefficient by the trapezium rule over the concentration curve; null when there are no events. */
export function giniCoefficient(counts: readonly number[]): number | null {
  const points = lorenzCurve(counts);
  if (points.length === 0) return null;
  let area = 0;
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    const q = points[i - 1]!;
    area += (p.areaShare - q.areaShare) * (p.eventShare + q.eventShare);
  }
  return 1 - area;
}

export interface TopShare {
  /** 0.01, 0.05 or 0.1. */
  fraction: number;
  /** How many areas that fraction is (rounded, at least one). */
  areas: number;
  events: number;
  /** Their share of all events (0-1). */
  share: number;
}

export const TOP_FRACTIONS = [0.01, 0.05, 0.1] as const;

/** The most affected areas' share of the events, for each fraction of areas; empty when there are no events. */
export function topShares(counts: readonly number[], fractions: readonly number[] = TOP_FRACTIONS): TopShare[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (counts.length === 0 || !(total > 0)) return [];
  const sorted = [...counts].sort((x, y) => y - x);
  return fractions.map((fraction) => {
    const areas = Math.max(1, Math.round(fraction * sorted.length));
    const events = sorted.slice(0, areas).reduce((s, c) => s + c, 0);
    return { fraction, areas, events, share: events / total };
  });
}

export interface GiniChange {
  difference: number;
  lower: number;
  upper: number;
  /** The interval lies wholly above or below zero. */
  changed: boolean;
}

export const GINI_CHANGE_METHOD =
  "Change in the Gini coefficient with a 95% interval from 500 simulations of every area's count in both years " +
  '(Poisson, with the observed count as its mean; fixed seed): concentration has changed when the interval excludes 0.';

/**
 * The later year's Gini minus the earlier year's, with a 95% interval from simulating each area's count as a
 * Poisson draw around what was recorded (the chance variation a count of events carries), both years redrawn
 * each time. Null when either year has no events.
 */
export function giniChange(
  earlier: readonly number[],
  later: readonly number[],
  { repetitions = 500, seed = 29 }: { repetitions?: number; seed?: number } = {},
): GiniChange | null {
  const g0 = giniCoefficient(earlier);
  const g1 = giniCoefficient(later);
  if (g0 === null || g1 === null) return null;
  const uniform = seededUniform(seed);
  const draws: number[] = [];
  const x = new Float64Array(earlier.length);
  const y = new Float64Array(later.length);
  for (let r = 0; r < repetitions; r++) {
    for (let i = 0; i < x.length; i++) x[i] = poissonDraw(uniform, earlier[i]!);
    for (let i = 0; i < y.length; i++) y[i] = poissonDraw(uniform, later[i]!);
    const a = giniOfSorted(x.sort());
    const b = giniOfSorted(y.sort());
    if (a !== null && b !== null) draws.push(b - a);
  }
  draws.sort((x, y) => x - y);
  const at = (p: number) => draws[Math.min(draws.length - 1, Math.max(0, Math.round(p * draws.length) - 1))] ?? NaN;
  const lower = at(0.025);
  const upper = at(0.975);
  return { difference: g1 - g0, lower, upper, changed: lower > 0 || upper < 0 };
}

/**
 * The same trapezium-rule Gini for counts already sorted ascending, without building the curve:
 * 1 - (1/n) Σ (y_i + y_(i-1)) = 2 Σ i x_(i) / (n Σ x) - (n + 1) / n.
 */
function giniOfSorted(sorted: Float64Array): number | null {
  const n = sorted.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i]!;
    weighted += (i + 1) * sorted[i]!;
  }
  return total > 0 ? (2 * weighted) / (n * total) - (n + 1) / n : null;
}

export interface AreaYearCounts {
  year: string;
  counts: ReadonlyMap<string, number>;
}

export interface PersistentArea {
  code: string;
  /** The years in which the area was among the most affected tenth. */
  yearsInTop: string[];
  totalEvents: number;
}

/**
 * Areas among the most affected tenth (by events, ties at the cut included, never an area with none) in more
 * than half of the years given (so in every year when there are two), most persistent first.
 */
export function persistentlyHighAreas(years: readonly AreaYearCounts[], fraction = 0.1): PersistentArea[] {
  if (years.length < 2) return [];
  const inTop = new Map<string, string[]>();
  const totals = new Map<string, number>();
  for (const { year, counts } of years) {
    const sorted = [...counts.values()].sort((x, y) => y - x);
    if (sorted.length === 0) continue;
    const k = Math.max(1, Math.round(fraction * sorted.length));
    const cut = sorted[k - 1]!;
    for (const [code, c] of counts) {
      totals.set(code, (totals.get(code) ?? 0) + c);
      if (c >= cut && c > 0) inTop.set(code, [...(inTop.get(code) ?? []), year]);
    }
  }
  return [...inTop]
    .filter(([, ys]) => ys.length > years.length / 2)
    .map(([code, ys]) => ({ code, yearsInTop: ys, totalEvents: totals.get(code) ?? 0 }))
    .sort((x, y) => y.yearsInTop.length - x.yearsInTop.length || y.totalEvents - x.totalEvents || x.code.localeCompare(y.code));
}
