import { monthName, monthsBetween } from '../../contract/months';
import { listOf } from '../../contract/list-of';

/** The months present, in order, and those missing from the run between the first and the last. */
export function monthRun(periods: Iterable<string>): { present: string[]; missing: string[] } {
  const present = [...new Set(periods)].sort();
  const first = present[0];
  const last = present[present.length - 1];
  if (!first || !last) return { present, missing: [] };
  const have = new Set(present);
  return { present, missing: monthsBetween(first, last).filter((p) => !have.has(p)) };
}

/** "June 2020, August 2020 and September 2020". */
export function monthList(periods: readonly string[]): string {
  return listOf(periods.map(monthName));
}
