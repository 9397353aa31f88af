// Crude rates with confidence limits, following PHEindicatormethods phe_rate: value =
// count / denominator x multiplier; exact Poisson limits when count < 10, Byar's otherwise.
import { byarsLimits } from './byars';
import { exactPoissonLimits } from './poisson-limits';
import { isFiniteNumber, noStatistic, type Interval, type LimitsMethod, type StatisticWithLimits } from './types';

/** PHEindicatormethods switches from exact to Byar's limits at this count. */
export const EXACT_LIMITS_BELOW = 10;

export interface CrudeRateOptions {
  /** Rate per this many of the denominator; default 100,000. */
  multiplier?: number;
}

/** Limits method phe_rate uses for this count. */
export function rateLimitsMethod(count: number): LimitsMethod {
  return count < EXACT_LIMITS_BELOW ? 'exact' : 'byars';
}

/** Limits of a count scaled to a rate (exact below 10 events, Byar's from 10). */
export function rateLimits(
  count: number,
  denominator: number,
  confidence: number = 0.95,
  multiplier: number = 100_000,
): Interval {
  const lim = rateLimitsMethod(count) === 'exact' ? exactPoissonLimits(count, confidence) : byarsLimits(count, confidence);
  const scale = (v: number | null): number | null => (v === null ? null : (v / denominator) * multiplier);
  return { lower: scale(lim.lower), upper: scale(lim.upper) };
}

function invalidCount(count: number | null | undefined): string | null {
  if (!isFiniteNumber(count)) return 'count is missing';
  if (count < 0) return 'count is negative';
  return null;
}

/** Crude rate with 95% and 99.8% limits; null value (with reason) for missing or invalid input. */
export function crudeRate(
  count: number | null | undefined,
  denominator: number | null | undefined,
  options: CrudeRateOptions = {},
): StatisticWithLimits {
  const multiplier = options.multiplier ?? 100_000;
  const bad = invalidCount(count);
  if (bad !== null || !isFiniteNumber(count)) return noStatistic(bad ?? 'count is missing');
  if (!isFiniteNumber(denominator)) return noStatistic('denominator is missing');
  if (denominator <= 0) return noStatistic('denominator is not positive');
  const ci95 = rateLimits(count, denominator, 0.95, multiplier);
  const ci998 = rateLimits(count, denominator, 0.998, multiplier);
  return {
    value: (count / denominator) * multiplier,
    lower95: ci95.lower,
    upper95: ci95.upper,
    lower998: ci998.lower,
    upper998: ci998.upper,
    method: rateLimitsMethod(count),
    reason: null,
  };
}
