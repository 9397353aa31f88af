import type { CellStatus, ProtectedCell } from './cube-types';

export interface ProtectedGrouping {
  /** Sum of the parts' shown values; null when any part is suppressed. */
  value: number | null;
  /** 'secondary' when suppressed because a part is; 'rounded' when built from rounded parts; else 'shown'. */
  status: CellStatus;
  parts: number;
  suppressedParts: number;
}

/**
 * A user-defined grouping (several areas, ages or months selected together) shown only as the sum of its parts'
 * *published* values, and suppressed as soon as one part is.
 *
 * Why: a grouping is a total the protection never saw. Summed from true counts, "district total minus my
 * grouping of all but one LSOA" would give the hidden LSOA exactly (disclosure by differencing, the reason ONS
 * and NHS guidance forbid publishing arbitrary user-defined aggregates of suppressed data). Summing only visible
 * figures and hiding the grouping whenever a part is hidden means the grouping carries no information beyond the
 * protected cells themselves. Under rounding, the sum of rounded parts may differ from a rounded cube total for
 * the same areas; that is the price of revealing nothing new.
 */
export function protectGrouping(parts: readonly ProtectedCell[]): ProtectedGrouping {
  let sum = 0;
  let suppressed = 0;
  let rounded = false;
  for (const p of parts) {
    if (p.value === null || p.status === 'primary' || p.status === 'secondary') suppressed++;
    else {
      sum += p.value;
      if (p.status === 'rounded') rounded = true;
    }
  }
  if (suppressed > 0) return { value: null, status: 'secondary', parts: parts.length, suppressedParts: suppressed };
  return { value: sum, status: rounded ? 'rounded' : 'shown', parts: parts.length, suppressedParts: 0 };
}
