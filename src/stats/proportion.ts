// Proportions with Wilson score limits (Wilson 1927), as PHEindicatormethods phe_proportion /
// wilson_lower / wilson_upper: (2x + z^2 -/+ z sqrt(z^2 + 4x(1 - x/n))) / (2(n + z^2)).
import { zForConfidence } from './byars';
import { isFiniteNumber, noStatistic, type Interval, type StatisticWithLimits } from './types';

/** Wilson score limits for x of n, on the 0-1 scale. x need not be an integer. */
export function wilsonLimits(x: number, n: number, confidence: number = 0.95): Interval {
  if (!(n > 0) || !(x >= 0) || x > n) return { lower: null, upper: null };
  const z = zForConfidence(confidence);
  const z2 = z * z;
  const root = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const denom = 2 * (n + z2);
  return { lower: (2 * x + z2 - root) / denom, upper: (2 * x + z2 + root) / denom };
}

export interface ProportionOptions {
  /** 1 for a proportion, 100 for a percentage. Default 1. */
  multiplier?: number;
}

/** Proportion x / n x multiplier with Wilson limits at 95% and 99.8%. */
export function proportion(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  options: ProportionOptions = {},
): StatisticWithLimits {
  const multiplier = options.multiplier ?? 1;
  if (!isFiniteNumber(numerator)) return noStatistic('numerator is missing');
  if (!isFiniteNumber(denominator)) return noStatistic('denominator is missing');
  if (denominator <= 0) return noStatistic('denominator is not positive');
  if (numerator < 0) return noStatistic('numerator is negative');
  if (numerator > denominator) return noStatistic('numerator is larger than the denominator');
  const ci95 = wilsonLimits(numerator, denominator, 0.95);
  const ci998 = wilsonLimits(numerator, denominator, 0.998);
  const scale = (v: number | null): number | null => (v === null ? null : v * multiplier);
  return {
    value: (numerator / denominator) * multiplier,
    lower95: scale(ci95.lower),
    upper95: scale(ci95.upper),
    lower998: scale(ci998.lower),
    upper998: scale(ci998.upper),
    method: 'wilson',
    reason: null,
  };
}
