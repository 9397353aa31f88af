// Plain-words findings for the Trends view's titles, generated from the figures. A title says only
// what the figures support: a change that is not statistically significant is called so, and a figure
// that is hidden or missing is said to be so rather than guessed at.
import { kindNamed, type Statistic } from '../../indicator-kinds';
import { datedMonthsPhrase, monthsPhrase } from '../../contract/months';
import { wholePercent } from '../../stats';
import type { ChangeSummary, PeriodFigures } from '../figures/change-summary';
import { monthOf } from '../figures/trend-parts';

export interface FindingInput {
  /** The indicator's title, e.g. "Police recorded violence with injury". */
  indicatorTitle: string;
  /** What one counted unit is, e.g. "offences of violence with injury". */
  unit: string;
  /** As it reads after "in", e.g. "Preston" or "the Lancashire Violence Reduction Network area". */
  areaPhrase: string;
  statistic: Statistic;
  basis: 'rate' | 'count';
  /** e.g. "the 12 months to December 2025" or "2025". */
  periodLabel: string;
  previousLabel: string;
  current: PeriodFigures;
  previous: PeriodFigures;
  change: ChangeSummary;
  /** Below this many events a percentage change is not quoted (the disclosure policy's low count). */
  lowCountBelow: number;
  /** Said after the comparison when only some months were compared, e.g. "leaving out June, which ...". */
  matchedNote?: string | null;
}

function lowerFirst(text: string): string {
  // Keep acronyms ("NEET ...") as they are.
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function subjectOf(f: Pick<FindingInput, 'indicatorTitle' | 'statistic' | 'basis'>): string {
  if (f.basis === 'count') return f.indicatorTitle;
  return `${kindNamed(f.statistic).subject} of ${lowerFirst(f.indicatorTitle)}`;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/**
 * The title of the main trend chart: the change on the year before in plain words, with its
 * statistical significance, or why it cannot be shown.
 */
export function findingTitle(f: FindingInput): string {
  const subject = subjectOf(f);
  const where = `${subject} in ${f.areaPhrase}`;
  const change = f.change;
  if (change.kind === 'not-available') {
    if (change.flag === 'c') {
      return `The change in ${lowerFirst(subject)} in ${f.areaPhrase} on the year before cannot be shown: a figure is hidden to protect privacy (c)`;
    }
    if (change.flag === 'x') {
      return `The change in ${lowerFirst(subject)} in ${f.areaPhrase} on the year before cannot be worked out: some months have no data`;
    }
    if (f.current.count === 0 && f.previous.count === 0) {
      return `No ${f.unit} were recorded in ${f.areaPhrase} in ${f.periodLabel} or ${f.previousLabel}`;
    }
    return `The change in ${lowerFirst(subject)} in ${f.areaPhrase} on the year before could not be tested: ${change.reason}`;
  }
  const caveat = `${f.matchedNote ? `, ${f.matchedNote}` : ''}${change.significant ? '' : ' (not a statistically significant change)'}`;
  const c1 = f.current.count ?? 0;
  const c0 = f.previous.count ?? 0;
  // Few events: quote the numbers, not a percentage that would swing wildly.
  if (c1 < f.lowCountBelow || c0 < f.lowCountBelow || change.percentChange === null) {
    const subjectCount = f.indicatorTitle;
    if (c1 === c0) {
      return `${subjectCount} in ${f.areaPhrase}: ${count(c1)} in ${f.periodLabel}, the same as in ${f.previousLabel}${f.matchedNote ? `, ${f.matchedNote}` : ''}`;
    }
    const verb = c1 > c0 ? 'rose' : 'fell';
    return `${subjectCount} in ${f.areaPhrase} ${verb} from ${count(c0)} in ${f.previousLabel} to ${count(c1)} in ${f.periodLabel}${caveat}`;
  }
  const pct = Math.abs(wholePercent(change.percentChange));
  if (pct === 0) {
    return `${upperFirst(where)} was almost unchanged in ${f.periodLabel} compared with ${f.previousLabel}${caveat}`;
  }
  const verb = change.percentChange > 0 ? 'rose' : 'fell';
  return `${upperFirst(where)} ${verb} ${pct}% in ${f.periodLabel} compared with ${f.previousLabel}${caveat}`;
}

/**
 * What a like-with-like comparison left out, naming the fewer months. `window` is the later period's months
 * (YYYY-MM) in order, `matched` the calendar months kept. Calendar years name the months alone: "leaving out June,
 * which has no data in one of the years". A rolling 12 months crosses a new year, so its months are named with their
 * years, and the earlier period's as the same months a year earlier: "leaving out October and November 2020 and
 * June, August and September 2021 (and the same months a year earlier), which have no data in one of the periods".
 */
export function matchedMonthsNote(matched: readonly number[], window: readonly string[], calendar: boolean): string {
  const left = window.filter((p) => !matched.includes(monthOf(p)));
  const kept = window.filter((p) => matched.includes(monthOf(p)));
  if (calendar) {
    return left.length < kept.length
      ? `leaving out ${monthsPhrase(left.map(monthOf))}, which ${left.length === 1 ? 'has' : 'have'} no data in one of the years`
      : `comparing only ${monthsPhrase(kept.map(monthOf))}, the months with data in both years`;
  }
  return left.length < kept.length
    ? `leaving out ${datedMonthsPhrase(left)} (and the same ${left.length === 1 ? 'month' : 'months'} a year earlier), which ${left.length === 1 ? 'has' : 'have'} no data in one of the periods`
    : `comparing only ${datedMonthsPhrase(kept)} with the same ${kept.length === 1 ? 'month' : 'months'} a year earlier, the months with data in both periods`;
}

/** "Preston", or "the Lancashire Violence Reduction Network area" for a name that needs an article. */
export function areaPhrase(area: { name: string; level: string }): string {
  return area.level === 'vru' && !/^the /i.test(area.name) ? `the ${area.name}` : area.name;
}
