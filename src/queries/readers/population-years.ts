// Which population a rate divides by, and why there is none. A rate uses the population of its own year; when
// the area has none for that year, the nearest year it has is used and the view says so; when it has none at
// all, the rate is `x` (not available) with the reason, never `c` (which only disclosure control gives).
import type { Engine } from '../../engine/engine-types';
import { str, strList } from '../../engine/sql-literals';

/** The year nearest to `year` among `years` (the earlier of two equally near), or null when there are none. */
export function nearestYear(years: Iterable<number>, year: number): number | null {
  let best: number | null = null;
  for (const y of years) {
    if (best === null) best = y;
    const d = Math.abs(y - year);
    const bestD = Math.abs(best - year);
    if (d < bestD || (d === bestD && y < best)) best = y;
  }
  return best;
}

/** A population for a figure's year: its own, or the nearest year's (`year` then differs from `wanted`). */
export interface PopulationUsed {
  wanted: number;
  year: number;
  population: number;
}

/** The population for `year` from a year -> population map, or the nearest year's; null when the map is empty. */
export function populationNear(byYear: ReadonlyMap<number, number>, year: number): PopulationUsed | null {
  const used = nearestYear(byYear.keys(), year);
  const population = used === null ? undefined : byYear.get(used);
  return used === null || population === undefined ? null : { wanted: year, year: used, population };
}

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

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A parent area without a population because some of its parts have none (population_parts, missing > 0). */
export interface PopulationGap {
  areaCode: string;
  year: number;
  ageBand: string;
  sex: string;
  /** Parts in the areas lookup, and how many of them have no population figure. */
  parts: number;
  missing: number;
  partLevel: string;
}

/** The gaps recorded for these areas (and, when given, this sex). */
export async function readPopulationGaps(
  engine: Engine,
  filter: { areaCodes?: readonly string[]; levels?: readonly string[]; sex?: string },
): Promise<PopulationGap[]> {
  const where = [
    filter.areaCodes ? `area_code IN ${strList(filter.areaCodes.length > 0 ? filter.areaCodes : [''])}` : null,
    filter.levels ? `level IN ${strList(filter.levels.length > 0 ? filter.levels : [''])}` : null,
    filter.sex ? `sex = ${str(filter.sex)}` : null,
  ].filter((w): w is string => w !== null);
  return engine.query<PopulationGap & Record<string, string | number>>(`
    SELECT area_code AS "areaCode", CAST(year AS INTEGER) AS year, age_band AS "ageBand", sex,
           CAST(parts AS INTEGER) AS parts, CAST(missing AS INTEGER) AS missing, part_level AS "partLevel"
    FROM population_parts WHERE missing > 0 ${where.length > 0 ? `AND ${where.join(' AND ')}` : ''}
    ORDER BY area_code, year, age_band, sex`);
}

const PART_NOUNS: Record<string, [string, string]> = {
  lsoa: ['LSOA', 'LSOAs'],
  msoa: ['MSOA', 'MSOAs'],
  ward: ['ward', 'wards'],
  district: ['district', 'districts'],
};

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
  if (!gap) return `no population figure is loaded for ${areaName}`;
  const [one, many] = PART_NOUNS[gap.partLevel] ?? ['part', 'parts'];
  return `no population figure for ${areaName}: ${gap.missing} of its ${gap.parts} ${gap.parts === 1 ? one : many} ${gap.missing === 1 ? 'has' : 'have'} none for ${gap.year}, and a total without them would understate it`;
}
