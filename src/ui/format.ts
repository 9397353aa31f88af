export const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
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

/** "2024-03" -> "March 2024" (ONS style: month names in full in text). */
export function formatMonth(period: string): string {
  const [y, m] = period.split('-');
  return `${LONG_MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** "2024-03" -> "Mar" for dense axes and column headers. */
export function shortMonth(period: string): string {
  return SHORT_MONTHS[Number(period.split('-')[1]) - 1] ?? period;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${LONG_MONTHS[Number(m) - 1] ?? m} ${y}`;
}
