// Exact Poisson limits for a count from chi-square quantiles (Garwood 1936), as used by
// PHEindicatormethods phe_rate for counts under 10: lower = qchisq(a/2, 2x)/2,
// upper = qchisq(1 - a/2, 2x + 2)/2.
import { chiSquareQuantile } from './distributions';
import { alphaHalf, type Interval } from './types';

export function exactPoissonLimits(count: number, confidence: number = 0.95): Interval {
  if (!(count >= 0) || !Number.isFinite(count)) return { lower: null, upper: null };
  const a2 = alphaHalf(confidence);
  const lower = count === 0 ? 0 : chiSquareQuantile(a2, 2 * count) / 2;
  const upper = chiSquareQuantile(1 - a2, 2 * count + 2) / 2;
  return { lower, upper };
}
