import type { CellStatus } from './cube-types';

/* Cell statuses as small integers, for the typed arrays of the suppression and audit loops. */
export const SHOWN = 0;
export const ROUNDED = 1;
export const PRIMARY = 2;
export const SECONDARY = 3;

export const STATUS_NAMES: readonly CellStatus[] = ['shown', 'rounded', 'primary', 'secondary'];

export function statusCode(s: CellStatus): number {
  switch (s) {
    case 'shown':
      return SHOWN;
    case 'rounded':
      return ROUNDED;
    case 'primary':
      return PRIMARY;
    case 'secondary':
      return SECONDARY;
  }
}
