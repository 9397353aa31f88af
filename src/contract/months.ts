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
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
