// Inequality between deprivation groups (deciles or quintiles): each group's rate with its limits, the
// slope and relative indices of inequality as OHID computes them (PHEindicatormethods phe_sii, after Low &
// Low 2004), and the gap between the most and least deprived groups as a ratio and a difference.
import { zForConfidence } from './byars';
import { crudeRate } from './crude-rate';
import { seededNormal } from './seeded-random';
import { isFiniteNumber, type StatisticWithLimits } from './types';

/** One deprivation group's events and population; groups are given most deprived first. */
export interface GroupCount {
  count: number | null;
  population: number | null;
}

/** Crude rate of each group with its 95% and 99.8% limits (exact below 10 events, Byar's above). */
export function groupRates(groups: readonly GroupCount[], multiplier: number): StatisticWithLimits[] {
  return groups.map((g) => crudeRate(g.count, g.population, { multiplier }));
}

/** A group's rate and 95% limits as the SII takes them, with its population. */
export interface SiiGroup {
  rate: number;
  lower95: number;
  upper95: number;
  population: number;
}

export interface SiiOptions {
  /** Simulated samples for the limits; phe_sii's default is 100,000. */
  repetitions?: number;
  /** Fixed so that the same figures always give the same limits. */
  seed?: number;
  confidence?: number;
}

export interface SiiResult {
  /**
   * The modelled rate at the most deprived end of the population minus that at the least deprived end (per
   * the indicator's multiplier): positive when the more deprived have the higher rate.
   */
  sii: number;
  siiLower: number;
  siiUpper: number;
  /**
   * The SII divided by the mean rate (the population-weighted mean of the groups' rates): the modelled gap as a
   * multiple of the average, which stays meaningful where a steep gradient takes the fitted line below zero at the
   * least deprived end (where a ratio of the line's ends, phe_sii's own RII, turns negative).
   */
  rii: number;
  riiLower: number;
  riiUpper: number;
  /** The fitted line's values at the most (x = 0) and least (x = 1) deprived ends, and the mean rate. */
  mostDeprivedFitted: number;
  leastDeprivedFitted: number;
  meanRate: number;
  /** Each group's relative rank: the midpoint of its share of the cumulative population. */
  relativeRanks: number[];
  confidence: number;
  repetitions: number;
  seed: number;
}

export type SiiOutcome = { ok: true; value: SiiResult } | { ok: false; reason: string };

export const SII_REPETITIONS = 100_000;
export const SII_SEED = 19;
export const SII_METHOD =
  "Slope index of inequality as OHID computes it (PHEindicatormethods phe_sii, rates): a regression of the groups' " +
  "rates on the midpoint of each group's share of the cumulative population, weighted by population; the SII is the " +
  'fitted difference between the most and least deprived ends. Relative index of inequality = SII / mean rate. 95% ' +
  'limits of both from 100,000 simulations of the rates (log-normal, from their limits) with a fixed seed.';

/**
 * The slope index of inequality (SII) and relative index of inequality (RII), following phe_sii with
 * value_type = 1 (rates) and multiplier = -1: the groups, ordered from most to least deprived, get relative
 * ranks b (the midpoint of their cumulative population share) and weights a (their population share); the
 * regression y sqrt(a) = c0 sqrt(a) + c1 b sqrt(a) (no intercept) gives the fitted line c0 + c1 x. The SII is
 * -c1 (most deprived end minus least deprived end) and the RII the SII over the mean rate Σ a y (OHID's definition;
 * phe_sii's own RII, c0 / (c0 + c1), is undefined once the line crosses zero). The limits come from simulating
 * each group's rate as exp(Normal(log rate, se)), se = (log upper - log lower) / (2 x 1.96), refitting, and
 * taking the 2.5th and 97.5th percentiles (phe_sii's positions round(n x 0.025) and round(n x 0.975)).
 */
export function slopeIndexOfInequality(groups: readonly SiiGroup[], options: SiiOptions = {}): SiiOutcome {
  const repetitions = options.repetitions ?? SII_REPETITIONS;
  const seed = options.seed ?? SII_SEED;
  const confidence = options.confidence ?? 0.95;
  if (groups.length < 5) return { ok: false, reason: 'fewer than five groups have a figure' };
  for (const g of groups) {
    if (![g.rate, g.lower95, g.upper95, g.population].every(isFiniteNumber)) return { ok: false, reason: 'a group has no rate' };
    if (!(g.population > 0)) return { ok: false, reason: 'a group has no population' };
    // The rates are simulated on the log scale, which needs every rate and limit above zero.
    if (!(g.rate > 0 && g.lower95 > 0 && g.upper95 > g.lower95))
      return { ok: false, reason: 'a group has no events, and the rates are modelled on the log scale' };
  }
  const total = groups.reduce((s, g) => s + g.population, 0);
  const a = groups.map((g) => g.population / total);
  const b: number[] = [];
  let cumulative = 0;
  for (const share of a) {
    b.push(cumulative + share / 2);
    cumulative += share;
  }
  const sqrtA = a.map(Math.sqrt);
  const bSqrtA = b.map((bi, i) => bi * sqrtA[i]!);
  // Least squares for the two columns [sqrt a, b sqrt a]: (X'X)^-1 X', a 2 x n matrix used for every refit.
  const s11 = sum(sqrtA.map((v) => v * v));
  const s12 = sum(sqrtA.map((v, i) => v * bSqrtA[i]!));
  const s22 = sum(bSqrtA.map((v) => v * v));
  const det = s11 * s22 - s12 * s12;
  if (!(Math.abs(det) > 1e-15)) return { ok: false, reason: 'the groups do not spread the population enough to fit a line' };
  const w0 = sqrtA.map((v, i) => ((s22 * v - s12 * bSqrtA[i]!) / det) * v);
  const w1 = sqrtA.map((v, i) => ((-s12 * v + s11 * bSqrtA[i]!) / det) * v);
  const fit = (y: (i: number) => number): [number, number] => {
    let c0 = 0;
    let c1 = 0;
    for (let i = 0; i < groups.length; i++) {
      const yi = y(i);
      c0 += w0[i]! * yi;
      c1 += w1[i]! * yi;
    }
    return [c0, c1];
  };

  const [c0, c1] = fit((i) => groups[i]!.rate);
  const meanRate = groups.reduce((s, g, i) => s + a[i]! * g.rate, 0);
  const z95 = zForConfidence(0.95);
  const logRate = groups.map((g) => Math.log(g.rate));
  const logSe = groups.map((g) => (Math.log(g.upper95) - Math.log(g.lower95)) / z95 / 2);
  const normal = seededNormal(seed);
  const sii = new Float64Array(repetitions);
  const rii = new Float64Array(repetitions);
  const y = new Float64Array(groups.length);
  for (let r = 0; r < repetitions; r++) {
    let mean = 0;
    for (let i = 0; i < y.length; i++) {
      y[i] = Math.exp(logRate[i]! + logSe[i]! * normal());
      mean += a[i]! * y[i]!;
    }
    const [, s1] = fit((i) => y[i]!);
    sii[r] = -s1;
    rii[r] = -s1 / mean;
  }
  sii.sort();
  rii.sort();
  const upperP = confidence + (1 - confidence) / 2;
  // phe_sii reads the sorted samples at these 1-based positions.
  const lowerAt = Math.max(1, roundHalfEven(repetitions * (1 - upperP))) - 1;
  const upperAt = Math.min(repetitions, roundHalfEven(repetitions * upperP)) - 1;
  return {
    ok: true,
    value: {
      sii: -c1,
      siiLower: sii[lowerAt]!,
      siiUpper: sii[upperAt]!,
      rii: -c1 / meanRate,
      riiLower: rii[lowerAt]!,
      riiUpper: rii[upperAt]!,
      mostDeprivedFitted: c0,
      leastDeprivedFitted: c0 + c1,
      meanRate,
      relativeRanks: b,
      confidence,
      repetitions,
      seed,
    },
  };
}

export interface GapResult {
  /** Most deprived group's rate divided by the least deprived group's, with limits. */
  ratio: number | null;
  ratioLower: number | null;
  ratioUpper: number | null;
  /** Most deprived group's rate minus the least deprived group's (per the multiplier), with limits. */
  difference: number | null;
  differenceLower: number | null;
  differenceUpper: number | null;
}

export const GAP_METHOD =
  'Gap between the most and least deprived groups: the ratio of their rates with limits from the normal ' +
  'approximation on the log scale (standard error sqrt(1/a + 1/b) for counts a and b), and the difference with ' +
  'standard error sqrt(a/n1² + b/n2²) x multiplier (n1, n2 the populations); 95% limits.';

/**
 * The gap between two groups' rates (Poisson counts over populations), as a rate ratio and a rate difference
 * with 95% limits. The ratio needs events in both groups; the difference needs only populations.
 */
export function rateGap(most: GroupCount, least: GroupCount, multiplier: number, confidence = 0.95): GapResult {
  const none: GapResult = {
    ratio: null,
    ratioLower: null,
    ratioUpper: null,
    difference: null,
    differenceLower: null,
    differenceUpper: null,
  };
  const { count: a, population: n1 } = most;
  const { count: b, population: n2 } = least;
  if (!isFiniteNumber(a) || !isFiniteNumber(b) || !isFiniteNumber(n1) || !isFiniteNumber(n2) || !(n1 > 0) || !(n2 > 0))
    return none;
  const z = zForConfidence(confidence);
  const r1 = (a / n1) * multiplier;
  const r2 = (b / n2) * multiplier;
  const diffSe = Math.sqrt(a / (n1 * n1) + b / (n2 * n2)) * multiplier;
  const out: GapResult = {
    ...none,
    difference: r1 - r2,
    differenceLower: r1 - r2 - z * diffSe,
    differenceUpper: r1 - r2 + z * diffSe,
  };
  if (a > 0 && b > 0) {
    const ratio = r1 / r2;
    const logSe = Math.sqrt(1 / a + 1 / b);
    out.ratio = ratio;
    out.ratioLower = ratio * Math.exp(-z * logSe);
    out.ratioUpper = ratio * Math.exp(z * logSe);
  }
  return out;
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** R's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
