// Number and label formatting shared by the Trends view's tables, charts and CSV files.
import { type AgeBand, type Sex, breakdownWords } from '../../contract';
import type { ChangeSummary } from '../../queries/figures/trend-series';
import { monthsPhrase } from '../../contract/months';
import { wholePercent } from '../../stats';
import { enGB, formatMonth, LONG_MONTHS } from '../../ui/format';
import { SYMBOL_MEANING } from '../../ui/symbols';

/** Rates span 0.004 to 700: three significant figures below 100, whole numbers above. */
export function formatRate(v: number): string {
  return Math.abs(v) >= 100 ? enGB(Math.round(v)) : enGB(v, { maximumSignificantDigits: 3 });
}

/**
 * One number format for a whole series of rates, so a column lines up: enough decimal places to give
 * the typical (median) rate three significant figures, e.g. 0.447, 5.97, 44.4, 712.
 */
export function rateFormatter(values: readonly (number | null)[]): (v: number) => string {
  const shown = values
    .filter((v): v is number => v !== null && Number.isFinite(v) && v !== 0)
    .map(Math.abs)
    .sort((a, b) => a - b);
  const median = shown[Math.floor(shown.length / 2)];
  if (median === undefined) return formatRate;
  const decimals = Math.min(4, Math.max(0, 2 - Math.floor(Math.log10(median))));
  return (v: number) => enGB(v, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A count's confidence limit: one decimal place (limits of a whole count are not whole). */
export function formatLimit(v: number): string {
  return enGB(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatCount(v: number): string {
  return enGB(v, { maximumFractionDigits: 1 });
}

/** A number for a CSV cell: plain digits (no separators), six significant figures at most. */
export function csvNumber(v: number | null): number | null {
  return v === null ? null : Number(v.toPrecision(6));
}

export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/**
 * "+12%", "-3%", or a plain-words reason when there is no change to show. On screen (`months`) a change on some
 * months only names them in the cell itself ("−44% (December only)"): beside a whole year's count, a bare "−44%" read
 * as the year's change. A CSV keeps the signed percentage alone, a number, and names the months in its significance
 * column.
 */
export function formatChange(change: ChangeSummary, months = false): string {
  if (change.kind === 'not-available') return change.flag === 'c' ? 'c' : change.flag === 'x' ? 'x' : 'not tested';
  const only = months && change.matchedMonths ? ` (${monthsPhrase(change.matchedMonths)} only)` : '';
  if (change.percentChange === null) return `up from 0${only}`;
  const pct = wholePercent(change.percentChange);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct)}%${only}`;
}

/** "Significant rise (p = 0.012)", "Not significant (p = 0.41)", or why no test was done. */
export function formatSignificance(change: ChangeSummary): string {
  if (change.kind === 'not-available') {
    return change.flag === 'c' ? SYMBOL_MEANING.c : change.flag === 'x' ? 'some months have no data' : change.reason;
  }
  const p = formatP(change.pValue);
  const verdict = change.significant
    ? `significant ${change.direction === 'increase' ? 'rise' : 'fall'} (${p})`
    : `not significant (${p})`;
  // Like with like: a change on some months only names them.
  return change.matchedMonths
    ? `${verdict}; ${monthsPhrase(change.matchedMonths)} only, the months both periods have data for`
    : verdict;
}

export function sliceLabel(age: AgeBand, sex: Sex): string {
  const words = breakdownWords(age, sex);
  return words[0]!.toUpperCase() + words.slice(1);
}

/** "2024-03" -> "March 2024". */
export function longPeriod(period: string): string {
  return period.includes('-') ? formatMonth(period) : period;
}

export function monthOfYearName(month: number): string {
  return LONG_MONTHS[month - 1] ?? String(month);
}
