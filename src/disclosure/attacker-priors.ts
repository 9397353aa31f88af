import { roundedInterval, type SuppressionPolicy } from './primary-policy';
import { PRIMARY, ROUNDED, SECONDARY } from './status-codes';

/**
 * The attacker's prior interval for each cell, from what is published and the policy (which is public).
 * `baselineOnly` keeps only what the suppression marks say (every non-primary cell unknown): the reference an
 * audit compares against to tell "revealed by the figures" from "implied by the rule itself".
 */
export function attackerPriors(
  status: Uint8Array,
  shown: Float64Array,
  policy: SuppressionPolicy,
  baselineOnly = false,
): { lo: Float64Array; hi: Float64Array } {
  const n = status.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const t = policy.suppressBelowOrEqual;
  const primaryLo = policy.showZeros ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const s = status[i]!;
    if (s === PRIMARY) {
      // The rule is public: a primary mark means 1..t (0..t when zeros are hidden too).
      lo[i] = primaryLo;
      hi[i] = t;
    } else if (baselineOnly || s === SECONDARY) {
      lo[i] = 0;
      hi[i] = Infinity;
    } else if (s === ROUNDED) {
      // A rounded figure is known to within the rounding, and (being shown) to be above the threshold.
      const [a, b] = roundedInterval(shown[i]!, policy.roundTo);
      lo[i] = Math.max(a, t + 1, 1);
      hi[i] = b;
    } else {
      lo[i] = shown[i]!;
      hi[i] = shown[i]!;
    }
  }
  return { lo, hi };
}
