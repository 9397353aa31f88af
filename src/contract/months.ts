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
