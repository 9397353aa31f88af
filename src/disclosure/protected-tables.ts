import type { Audience } from '../contract';

/**
 * What a user may learn about how a figure was treated. Primary and secondary suppression look the same
 * ("c"): telling them apart would point at the small number.
 */
export type PublicFlag = 'shown' | 'rounded' | 'c';

/**
 * A figure's flag wherever one is shown or exported, in the Government Statistical Service's symbols: a published
 * cell's own flag, or `x` (not available: no data, or a rate with no denominator). The one type for every view.
 */
export type FigureFlag = PublicFlag | 'x';

/** A cohort figure may also be `z` (not applicable: the indicator does not cover the cohort's ages). */
export type CohortFlag = FigureFlag | 'z';

/**
 * The tables views read figures from: one per audience, holding every cube cell as that audience may see
 * it. Query modules read these (and public lookups such as areas and population) and never the raw
 * extracts or cube; test/unit/queries/one-door.test.ts holds them to that.
 */
export function protectedTable(audience: Audience): string {
  return `protected_${audience}`;
}

/** Suffix of the pseudo-indicator that carries a proportion's denominator through protection. */
export const DENOMINATOR_SUFFIX = '::denominator';
