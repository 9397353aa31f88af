import { listOf } from './list-of';

/** Month names in full, as text uses them (ONS style); shared by the queries' summaries and the views. */
export const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-03" -> "March 2024". */
export function monthName(period: string): string {
  const [y, m] = period.split('-');
  return `${LONG_MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** Every month from `first` to `last` inclusive, YYYY-MM. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * Calendar months (1 = January) in the order given, as words with runs joined: [12, 1, 2, 3, 7] ->
 * "December to March and July".
 */
export function monthsPhrase(months: readonly number[]): string {
  const runs: number[][] = [];
  for (const m of months) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last !== undefined && (last % 12) + 1 === m) run.push(m);
    else runs.push([m]);
  }
  const name = (m: number) => LONG_MONTHS[m - 1] ?? String(m);
  // Three or more months in a row read as a span; shorter runs are listed.
  const parts = runs.flatMap((r) => (r.length >= 3 ? [`${name(r[0] ?? 0)} to ${name(r.at(-1) ?? 0)}`] : r.map(name)));
  return listOf(parts);
}

/**
 * Months with their years, in the order given, runs of three or more as spans and the rest grouped by year:
 * ["2020-10", "2020-11", "2021-06", "2021-08", "2021-09"] -> "October and November 2020 and June, August and
 * September 2021"; ["2020-12", "2021-01", "2021-02", "2021-07"] -> "December 2020 to February 2021 and July 2021".
 * For months that are not all of one calendar year, where a month's name alone does not say which it is.
 */
export function datedMonthsPhrase(periods: readonly string[]): string {
  const index = (p: string): number => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
  const runs: string[][] = [];
  for (const p of periods) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last !== undefined && index(last) + 1 === index(p)) run.push(p);
    else runs.push([p]);
  }
  const name = (p: string): string => LONG_MONTHS[Number(p.slice(5, 7)) - 1] ?? p;
  const items: string[] = [];
  // Single months waiting to be named with their year, all of one year.
  let singles: string[] = [];
  const flush = (): void => {
    if (singles.length === 0) return;
    items.push(`${listOf(singles.map(name))} ${singles[0]!.slice(0, 4)}`);
    singles = [];
  };
  for (const run of runs) {
    if (run.length >= 3) {
      flush();
      const first = run[0]!;
      const last = run.at(-1)!;
      items.push(
        first.slice(0, 4) === last.slice(0, 4)
          ? `${name(first)} to ${monthName(last)}`
          : `${monthName(first)} to ${monthName(last)}`,
      );
      continue;
    }
    for (const p of run) {
      if (singles.length > 0 && singles[0]!.slice(0, 4) !== p.slice(0, 4)) flush();
      singles.push(p);
    }
  }
  flush();
  return listOf(items);
}
