import type { DisclosurePolicy } from '../contract';
import type { CellStatus } from './cube-types';

/** The parts of an audience's policy that decide what one count shows. */
export type SuppressionPolicy = Pick<DisclosurePolicy, 'suppressBelowOrEqual' | 'roundTo' | 'showZeros'>;

/** What one count shows before any secondary suppression. */
export interface PrimaryDecision {
  value: number | null;
  status: Exclude<CellStatus, 'secondary'>;
}

function assertCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`a count must be a non-negative integer, got ${count}`);
  }
}

/**
 * True when the count itself is too small to show (ONS/NHS "small number" rule): 1..threshold, and zero
 * too when the audience's policy hides zeros.
 */
export function isPrimarySuppressed(count: number, policy: SuppressionPolicy): boolean {
  assertCount(count);
  if (count === 0) return !policy.showZeros;
  return count <= policy.suppressBelowOrEqual;
}

/**
 * Rounds to the nearest multiple of `roundTo`, halves upwards (15 -> 20 for tens), in integer arithmetic so
 * the attacker model in the audit ({@link roundedInterval}) is exact.
 */
export function roundCount(count: number, roundTo: number): number {
  if (roundTo <= 1) return count;
  return Math.floor((count + Math.floor(roundTo / 2)) / roundTo) * roundTo;
}

/**
 * The true counts that could have produced the shown rounded figure `value`: [v - floor(r/2), v + ceil(r/2) - 1]
 * (for r = 5: v +/- 2). This is at least as tight as the textbook v +/- floor(r/2), so the audit errs on the
 * attacker's side.
 */
export function roundedInterval(value: number, roundTo: number): [number, number] {
  if (roundTo <= 1) return [value, value];
  return [Math.max(0, value - Math.floor(roundTo / 2)), value + Math.ceil(roundTo / 2) - 1];
}

/**
 * Primary disclosure control of one count:
 * - zero: shown as 0 (a true zero is not a small number of people), or suppressed when `showZeros` is false;
 * - 1..suppressBelowOrEqual: suppressed ('primary');
 * - otherwise shown, rounded to the nearest `roundTo` when the audience rounds.
 *
 * Status: when the policy rounds, every non-zero shown figure is 'rounded', even one that happens to be a
 * multiple already (e.g. 10), because the reader must read all of them as approximate and a figure must not
 * reveal that it was exact. Zeros stay 'shown': they are exact (every count from 1 up is suppressed or rounded
 * away from zero under sensible policies).
 */
export function applyPrimaryPolicy(count: number, policy: SuppressionPolicy): PrimaryDecision {
  if (isPrimarySuppressed(count, policy)) return { value: null, status: 'primary' };
  if (count === 0) return { value: 0, status: 'shown' };
  if (policy.roundTo > 1) return { value: roundCount(count, policy.roundTo), status: 'rounded' };
  return { value: count, status: 'shown' };
}
