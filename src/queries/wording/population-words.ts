// Why a rate has no population, or uses another year's: said in the notes and in place of a rate that is `x`.
import { nearestYear, type PopulationUsed } from '../figures/population-years';
import type { PopulationGap } from '../readers/population-gaps';
import { listOf } from '../../contract/list-of';

/** "Rates for 2021 use the 2020 population, the nearest year loaded." (null when every year used its own). */
export function borrowedYearsNote(uses: Iterable<PopulationUsed>, subject = 'Rates'): string | null {
  const borrowed = new Map<number, number>();
  for (const u of uses) if (u.year !== u.wanted) borrowed.set(u.wanted, u.year);
  if (borrowed.size === 0) return null;
  const byUsed = new Map<number, number[]>();
  for (const [wanted, used] of [...borrowed].sort(([a], [b]) => a - b)) byUsed.set(used, [...(byUsed.get(used) ?? []), wanted]);
  const parts = [...byUsed].map(
    ([used, wanted]) => `${subject.toLowerCase()} for ${listOf(wanted.map(String))} use the ${used} population`,
  );
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}, the nearest year loaded (no population figure for ${listOf([...borrowed.keys()].map(String))}).`;
}

const PART_NOUNS: Record<string, [string, string]> = {
  lsoa: ['LSOA', 'LSOAs'],
  msoa: ['MSOA', 'MSOAs'],
  ward: ['ward', 'wards'],
  district: ['district', 'districts'],
};

/** Why there is no rate: no population was loaded for `what` (an area's name, "this area", "ages 15-17"). */
export function noPopulationFor(what: string): string {
  return `no population figure is loaded for ${what}`;
}

/**
 * Why an area has no population for a rate: the gap nearest the year among those for the ages and sex wanted,
 * e.g. "no population figure for Preston: 3 of its 85 LSOAs have none for 2020", else that none was loaded.
 */
export function noPopulationReason(
  areaName: string,
  year: number,
  gaps: readonly PopulationGap[],
  wanted: { ageBands: readonly string[]; sex: string },
): string {
  const relevant = gaps.filter((g) => g.sex === wanted.sex && wanted.ageBands.includes(g.ageBand));
  const years = relevant.map((g) => g.year);
  const nearest = nearestYear(years, year);
  const gap = relevant.filter((g) => g.year === nearest).sort((a, b) => b.missing - a.missing)[0];
  if (!gap) return noPopulationFor(areaName);
  const [one, many] = PART_NOUNS[gap.partLevel] ?? ['part', 'parts'];
  return `no population figure for ${areaName}: ${gap.missing} of its ${gap.parts} ${gap.parts === 1 ? one : many} ${gap.missing === 1 ? 'has' : 'have'} none for ${gap.year}, and a total without them would understate it`;
}

/** Why a rate is `x` when no population figure explains itself further. */
export const NO_POPULATION_REASON = noPopulationFor('this area');

/** Why a figure is `x`: the loaded data has no cell for it. */
export const NO_FIGURE_REASON = 'no figure in the loaded data';
