import type { Indicator } from './manifest-schema';
import { AGE_BAND_VALUES, type AgeBand } from './vocabularies';

/** The Home Office VRU success measures count people aged under 25: these bands together. */
export const UNDER_25_BANDS = ['0-9', '10-14', '15-17', '18-24'] as const satisfies readonly AgeBand[];

/**
 * The age group the cube publishes as a cell of its own for an indicator about under-25s (build-cube.ts), so the
 * Home Office figure is protected with its relations (under-25 = its bands; all ages = every band) instead of
 * being hidden whenever one of its bands is.
 */
export const UNDER_25 = 'under-25';

/** Every age value a published cell can carry: an extract's bands, 'all', and the derived under-25 group. */
export const PUBLISHED_AGE_VALUES = [...AGE_BAND_VALUES, UNDER_25] as const;
export type PublishedAge = (typeof PUBLISHED_AGE_VALUES)[number];

const UNDER_25_TEXT = /under[- ]?25/i;

/** An indicator whose definition is about people aged under 25 (its title, method, numerator or unit says so). */
export function isAboutUnder25(ind: Pick<Indicator, 'title' | 'method' | 'numerator' | 'unit'>): boolean {
  return UNDER_25_TEXT.test([ind.title, ind.method, ind.numerator, ind.unit].join(' '));
}

/** The unit itself names under-25s ("people aged under 25 harmed ..."), so a label saying so again is not needed. */
export const unitNamesUnder25 = (unit: string): boolean => UNDER_25_TEXT.test(unit);
