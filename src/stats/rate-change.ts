// Change between two periods' counts (e.g. this year against the same period last year).
//
// Method: the exact conditional test for two Poisson rates (Przyborowski & Wilenski 1940;
// Breslow & Day 1987 vol. II 2.9). Given the total N = c1 + c0, the current count is
// Binomial(N, pi) with pi = d1 RR / (d1 RR + d0), RR the rate ratio and d the denominators
// (person-time or population; equal when omitted). The Clopper-Pearson interval for pi is
// mapped to RR, and the two-sided p-value is twice the smaller binomial tail at RR = 1; the two
// agree, so "significant" is exactly "the interval for the ratio excludes 1".
// It assumes Poisson counts; over-dispersed series (clusters of linked incidents) will look
// significant too often, so read borderline results with care.
import { betaQuantile, binomialCdf } from './distributions';
import { alphaHalf, isFiniteNumber } from './types';

export interface PeriodCount {
  count: number | null;
  /** Population or exposure for the period; omit for both periods to compare counts directly. */
  denominator?: number | null;
}

export interface RateChangeTested {
  kind: 'tested';
  /** Current rate / previous rate; null when the previous count is 0 (ratio unbounded). */
  ratio: number | null;
  /** (ratio - 1) x 100; null when the ratio is unbounded. */
  percentChange: number | null;
  /** Confidence interval of the ratio; upper is null when unbounded. */
  ratioLower: number;
  ratioUpper: number | null;
  confidence: number;
  pValue: number;
  significant: boolean;
  direction: 'increase' | 'decrease' | 'no-significant-change';
  method: 'exact conditional binomial' | 'Katz log ratio of proportions';
}

export interface RateChangeNotTested {
  kind: 'not-tested';
  reason: string;
}

export type RateChangeResult = RateChangeTested | RateChangeNotTested;

export function rateChange(current: PeriodCount, previous: PeriodCount, confidence: number = 0.95): RateChangeResult {
  const c1 = current.count;
  const c0 = previous.count;
  if (!isFiniteNumber(c1) || !isFiniteNumber(c0)) {
    return { kind: 'not-tested', reason: 'a count is missing' };
  }
  if (c1 < 0 || c0 < 0 || !Number.isInteger(c1) || !Number.isInteger(c0)) {
    return { kind: 'not-tested', reason: 'counts must be whole numbers of zero or more' };
  }
  const d1raw = current.denominator ?? null;
  const d0raw = previous.denominator ?? null;
  if ((d1raw === null) !== (d0raw === null)) {
    return { kind: 'not-tested', reason: 'give a denominator for both periods or for neither' };
  }
  const d1 = d1raw ?? 1;
  const d0 = d0raw ?? 1;
  if (!(d1 > 0) || !(d0 > 0)) return { kind: 'not-tested', reason: 'denominators must be positive' };
  const n = c1 + c0;
  if (n === 0) return { kind: 'not-tested', reason: 'no events in either period' };

  const a2 = alphaHalf(confidence);
  // Clopper-Pearson limits for pi, then RR = pi/(1 - pi) x d0/d1.
  const piLower = c1 === 0 ? 0 : betaQuantile(a2, c1, n - c1 + 1);
  const piUpper = c1 === n ? 1 : betaQuantile(1 - a2, c1 + 1, n - c1);
  const toRatio = (pi: number): number => (pi / (1 - pi)) * (d0 / d1);
  const ratioLower = toRatio(piLower);
  const ratioUpper = piUpper >= 1 ? null : toRatio(piUpper);

  const pi0 = d1 / (d0 + d1);
  const lowerTail = binomialCdf(c1, n, pi0); // P(Y <= c1)
  const upperTail = 1 - binomialCdf(c1 - 1, n, pi0); // P(Y >= c1)
  const pValue = Math.min(1, 2 * Math.min(lowerTail, upperTail));

  const ratio = c0 === 0 ? null : c1 / d1 / (c0 / d0);
  return testedChange({ ratio, ratioLower, ratioUpper, confidence, pValue }, 'exact conditional binomial');
}

/** A tested change from its ratio and interval: significant exactly when the interval excludes 1. */
export function testedChange(
  r: Pick<RateChangeTested, 'ratio' | 'ratioLower' | 'ratioUpper' | 'confidence' | 'pValue'>,
  method: RateChangeTested['method'],
): RateChangeTested {
  const significant = r.ratioLower > 1 || (r.ratioUpper !== null && r.ratioUpper < 1);
  return {
    kind: 'tested',
    ...r,
    percentChange: r.ratio === null ? null : (r.ratio - 1) * 100,
    significant,
    direction: !significant ? 'no-significant-change' : r.ratioLower > 1 ? 'increase' : 'decrease',
    method,
  };
}

/**
 * A percentage change as every sentence and table shows it: a whole number, halves rounded away from zero, so
 * that a headline and the table beside it never differ by one and a rise and a fall of the same size read alike.
 */
export function wholePercent(percentChange: number): number {
  return Math.sign(percentChange) * Math.round(Math.abs(percentChange));
}
