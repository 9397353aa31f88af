import { LONG_MONTHS, monthName } from '../contract/months';

export const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export { LONG_MONTHS };

/** "2024-03" -> "March 2024" (ONS style: month names in full in text). */
export const formatMonth = monthName;

/** "2024-03" -> "Mar" for dense axes and column headers. */
export function shortMonth(period: string): string {
  return SHORT_MONTHS[Number(period.split('-')[1]) - 1] ?? period;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * `v.toLocaleString('en-GB', options)`, with the formatter made once: toLocaleString builds a new one on every
 * call, which was a tenth of the time a Trends change took to draw its tables.
 */
export function enGB(v: number, options: Intl.NumberFormatOptions = {}): string {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat('en-GB', options)));
  return format.format(v);
}

export function formatCount(n: number): string {
  return enGB(n);
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${LONG_MONTHS[Number(m) - 1] ?? m} ${y}`;
}
