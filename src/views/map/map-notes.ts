// The sentences under the map that say which period is shown and how the areas are drawn. Each is a function of
// the figures' period and the boundary state, so every case is written once and reads top to bottom.
import type { CartogramLayout } from '../../geo/tile-grid';
import type { MapBoundary } from '../../hooks/use-map-boundary';
import type { MapPeriod } from '../../queries/figures/map-area-figures';
import { levelNoun } from './map-model';

/** Which period the figures are for, and why that one (small areas by year, a chosen month, its quarter, ...). */
export function periodNote(p: {
  small: boolean;
  level: string;
  when: string;
  period: MapPeriod | null;
  /** A month is chosen under "Latest month". */
  monthChosen: boolean;
}): string {
  const one = levelNoun(p.level, false);
  if (p.small) {
    const which = p.monthChosen ? ', which holds the month chosen under “Latest month”' : ', the latest year loaded';
    return `Figures for the calendar year ${p.when}${which}: ${levelNoun(p.level)} are published for calendar years only, because most of their months would be too small to show safely. Districts can be mapped by month.`;
  }
  if (p.period?.type === 'month') {
    return `Figures for ${p.when}, the month chosen under “Latest month”. Clear that filter to see the latest full calendar year.`;
  }
  if (p.period?.type === 'quarter') {
    return `Figures for the quarter ${p.when}, which holds the month chosen under “Latest month”: months are published by age band or sex for the whole VRU area only, because for one ${one} most would be too small to show safely.`;
  }
  if (p.period && p.period.months < 12) {
    return `Figures for ${p.when}: no calendar year has all twelve months loaded, so the latest part year is shown. Choose a month under “Latest month” to map one month.`;
  }
  return `Figures for the calendar year ${p.when}, the latest full year loaded. Choose a month under “Latest month” to map one month.`;
}

/** Why the cartogram is drawn instead of boundaries (fetching, failed, declared but not loaded, none). */
export function missingBoundaryNote(boundary: MapBoundary, level: string): string {
  switch (boundary.status) {
    case 'loading':
      return `Fetching boundaries from ${new URL(boundary.url).host}… `;
    case 'error':
      return `${boundary.message} `;
    default:
      return boundary.status === 'none' && boundary.declared
        ? `The manifest names ${boundary.declared} for the ${levelNoun(level, false)} boundaries, but it is not loaded. `
        : `No boundary file is loaded for ${levelNoun(level)}. `;
  }
}

/** How the cartogram placed its squares. */
export function arrangementNote(arrangement: CartogramLayout['arrangement'] | undefined, level: string): string {
  if (arrangement === 'districts-in-place')
    return 'Each district is drawn as an equal square, roughly where it lies (a tile-grid cartogram). ';
  if (arrangement === 'grouped-by-district')
    return `Each ${levelNoun(level, false)} is a small square, grouped inside its district, with districts roughly where they lie. `;
  return `Each ${levelNoun(level, false)} is an equal square, in alphabetical order. `;
}
