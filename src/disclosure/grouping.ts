import type { CellStatus, ProtectedCell } from './cube-types';
import type { FigureFlag, PublicFlag } from './protected-tables';

export interface ProtectedGrouping {
  /** Sum of the parts' shown values; null when any part is suppressed. */
  value: number | null;
  /** 'secondary' when suppressed because a part is; 'rounded' when built from rounded parts; else 'shown'. */
  status: CellStatus;
  parts: number;
  suppressedParts: number;
}

/** What a grouping needs of each part: its published value and status (never the cell's key). */
export type GroupPart = Pick<ProtectedCell, 'value' | 'status'>;

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
export function protectGrouping(parts: readonly GroupPart[]): ProtectedGrouping {
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

/** A figure as read from a protected table: its value and flag ('z' where it does not apply). */
export interface FlaggedFigure {
  value: number | null;
  flag: FigureFlag | 'z';
}

/**
 * protectGrouping for figures read from a protected table, which carry flags rather than cell statuses: `c` when a
 * part is hidden, 'x' when one is missing or does not apply (or there are none), else the published parts' sum.
 */
export function groupFigures(parts: readonly FlaggedFigure[]): { value: number | null; flag: FigureFlag } {
  if (parts.some((f) => f.flag === 'c')) return { value: null, flag: 'c' };
  if (parts.length === 0 || parts.some((f) => f.flag === 'x' || f.flag === 'z' || f.value === null))
    return { value: null, flag: 'x' };
  const g = protectGrouping(parts.map((f) => ({ value: f.value, status: f.flag === 'rounded' ? 'rounded' : 'shown' })));
  return { value: g.value, flag: g.status === 'rounded' ? 'rounded' : g.value === null ? 'c' : 'shown' };
}

/** A part as read from a protected table: a hidden one (`c`) has no value and counts as suppressed. */
export function partOfFlag(value: number | null, flag: PublicFlag): GroupPart {
  return flag === 'c' ? { value: null, status: 'secondary' } : { value, status: flag };
}
