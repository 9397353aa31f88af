// Shared result shapes for the indicator statistics.

/** The two confidence levels used on Fingertips-style profiles. */
export type ConfidenceLevel = 0.95 | 0.998;

/** A confidence interval; a null limit means it could not be computed. */
export interface Interval {
  lower: number | null;
  upper: number | null;
}

/** Method that produced the confidence limits (for display and audit). */
export type LimitsMethod = 'exact' | 'byars' | 'wilson' | 'dobson';

/**
 * A statistic with its 95% and 99.8% confidence limits. When the statistic cannot be produced
 * (missing input, too few events) value and limits are null and `reason` says why in plain words.
 */
export interface StatisticWithLimits {
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  method: LimitsMethod | null;
  reason: string | null;
}

/** Tail probability on each side for a two-sided interval at this confidence. */
export function alphaHalf(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  }
  return (1 - confidence) / 2;
}

/** An all-null result carrying the reason. */
export function noStatistic(reason: string, method: LimitsMethod | null = null): StatisticWithLimits {
  return { value: null, lower95: null, upper95: null, lower998: null, upper998: null, method, reason };
}

/** True for a finite number (rejects null, undefined, NaN and infinities). */
export function isFiniteNumber(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
