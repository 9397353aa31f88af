// Calendar-month periods ('YYYY-MM') as consecutive integers, so gaps are easy to see.

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0: 'YYYY-MM' -> 12 x YYYY + (MM - 1). Throws on a malformed period. */
export function periodToIndex(period: string): number {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`period must be 'YYYY-MM', got "${period}"`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function indexToPeriod(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Calendar month 0 (January) ... 11 (December) of a period index. */
export function monthOfYear(index: number): number {
  return ((index % 12) + 12) % 12;
}
