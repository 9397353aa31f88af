// Byar's approximation to exact Poisson limits for a count, as in PHEindicatormethods
// byars_lower / byars_upper (Breslow & Day 1987, vol. II p. 69).
import { normalQuantile } from './distributions';
import { alphaHalf, type Interval } from './types';

/** Two-sided normal deviate for the confidence level, e.g. 1.959964 for 0.95. */
export function zForConfidence(confidence: number): number {
  return normalQuantile(1 - alphaHalf(confidence));
}

/**
 * Byar's lower limit x(1 - 1/(9x) - z/(3 sqrt x))^3. It is 0 for x = 0; when the cube goes
 * negative (tiny counts at high confidence, e.g. x = 1 at 99.8%) the approximation has broken
 * down and null is returned, as PHEindicatormethods reports NA there.
 */
export function byarsLower(count: number, confidence: number = 0.95): number | null {
  if (!(count >= 0) || !Number.isFinite(count)) return null;
  if (count === 0) return 0;
  return byarsLowerAt(count, zForConfidence(confidence));
}

/** Byar's upper limit (x+1)(1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))^3. */
export function byarsUpper(count: number, confidence: number = 0.95): number | null {
  if (!(count >= 0) || !Number.isFinite(count)) return null;
  return byarsUpperAt(count, zForConfidence(confidence));
}

/** Byar's limits for a count alone (same scale as the count). */
export function byarsLimits(count: number, confidence: number = 0.95): Interval {
  if (!(count >= 0) || !Number.isFinite(count)) return { lower: null, upper: null };
  // One normal quantile serves both limits.
  const z = zForConfidence(confidence);
  return { lower: count === 0 ? 0 : byarsLowerAt(count, z), upper: byarsUpperAt(count, z) };
}

/** Byar's lower limit of a count > 0 given the normal deviate z. */
function byarsLowerAt(count: number, z: number): number | null {
  const base = 1 - 1 / (9 * count) - z / (3 * Math.sqrt(count));
  if (base < 0) return null;
  return count * base * base * base;
}

/** Byar's upper limit given the normal deviate z. */
function byarsUpperAt(count: number, z: number): number {
  const x1 = count + 1;
  const base = 1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1));
  return x1 * base * base * base;
}
