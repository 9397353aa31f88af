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

/** `v` to exactly `digits` decimal places. */
export function fixedDecimals(v: number, digits: number): string {
  return enGB(v, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * The fewest decimal places, from `min` to `max`, at which different values read differently (a legend's class
 * edges, an interval's ends): "over 0.2" beside "over 0.2 to 0.3", or "1.8 to 1.8", read as classes or an interval
 * with no width. `max` when none does.
 */
export function decimalsApart(values: readonly number[], min: number, max: number): number {
  const distinct = [...new Set(values)];
  for (let d = min; d < max; d++) if (new Set(distinct.map((v) => fixedDecimals(v, d))).size === distinct.length) return d;
  return max;
}

export function formatCount(n: number): string {
  return enGB(n);
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${LONG_MONTHS[Number(m) - 1] ?? m} ${y}`;
}
