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
