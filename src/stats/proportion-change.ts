// Change between two periods' proportions (e.g. the share of pupils persistently absent this year
// against last year).
//
// Method: the ratio of two independent proportions with Katz's log interval (Katz et al. 1978;
// the "Wald" interval of epitools::riskratio): ln(RR) +/- z sqrt(1/x1 - 1/n1 + 1/x0 - 1/n0), with
// the two-sided p-value from the same z, so "significant" is exactly "the interval excludes 1".
// A zero count takes the usual 0.5 correction on all four cells. The exact Poisson test used for
// rates (rate-change.ts) would treat a proportion as a rate and understate its precision when the
// proportion is large.
import { normalQuantile, normalUpperTail } from './distributions';
import { testedChange, type RateChangeResult } from './rate-change';
import { alphaHalf, isFiniteNumber } from './types';

export interface PeriodProportion {
  count: number | null;
  denominator: number | null;
}

export function proportionChange(
  current: PeriodProportion,
  previous: PeriodProportion,
  confidence: number = 0.95,
): RateChangeResult {
  const { count: x1, denominator: n1 } = current;
  const { count: x0, denominator: n0 } = previous;
  if (!isFiniteNumber(x1) || !isFiniteNumber(x0) || !isFiniteNumber(n1) || !isFiniteNumber(n0)) {
    return { kind: 'not-tested', reason: 'a count or denominator is missing' };
  }
  if (x1 < 0 || x0 < 0 || x1 > n1 || x0 > n0 || !(n1 > 0) || !(n0 > 0)) {
    return { kind: 'not-tested', reason: 'each count must be between 0 and its denominator' };
  }
  if (x1 === 0 && x0 === 0) return { kind: 'not-tested', reason: 'no events in either period' };
  const zero = x1 === 0 || x0 === 0;
  const [a, b, c, d] = zero ? [x1 + 0.5, n1 + 1, x0 + 0.5, n0 + 1] : [x1, n1, x0, n0];
  const logRatio = Math.log(a / b / (c / d));
  const se = Math.sqrt(1 / a - 1 / b + 1 / c - 1 / d);
  const z = normalQuantile(1 - alphaHalf(confidence));
  const ratioLower = Math.exp(logRatio - z * se);
  const ratioUpper = Math.exp(logRatio + z * se);
  const pValue = se > 0 ? Math.min(1, 2 * normalUpperTail(Math.abs(logRatio) / se)) : 1;
  const ratio = x0 === 0 ? null : x1 / n1 / (x0 / n0);
  return testedChange({ ratio, ratioLower, ratioUpper, confidence, pValue }, 'Katz log ratio of proportions');
}
