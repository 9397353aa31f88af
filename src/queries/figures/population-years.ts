// Which population a rate divides by. A rate uses the population of its own year; when the area has none for that
// year, the nearest year it has is used and the view says so (wording/population-words.ts); when it has none at
// all, the rate is `x` (not available) with the reason, never `c` (which only disclosure control gives).

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
