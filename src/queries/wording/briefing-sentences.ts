import { kindNamed, type Statistic } from '../../indicator-kinds';
import { wholePercent, type RateChangeResult } from '../../stats';

/**
 * Plain-English summaries for the briefing, generated from the protected figures only. They describe what the
 * figures show and how sure we can be of a change; they never suggest why something changed, and they say
 * "not a statistically significant change" whenever the test does not find one, so a reader is not led to
 * read a trend into noise.
 */
export interface BriefingSentenceInput {
  /** What is counted, in plain words and lower case: "hospital admissions for assault by a sharp object". */
  measure: string;
  /** Added after the measure when the briefing selects an age range the unit does not already name. */
  scope: string | null;
  areaName: string;
  year: string;
  previousYear: string;
  /** The kind the measure is shown as (kindOf(indicator).statistic). */
  statistic: Statistic;
  current: { value: number | null; suppressed: boolean };
  /** The measure counts people each month: the values are the average month's people, and the words say so. */
  averageMonth?: boolean;
  previous: { value: number | null; suppressed: boolean; missing: boolean };
  /** The rate or proportion for the year, already formatted with its label ("12.3 per 100,000 ..."). */
  rateText: string | null;
  change: RateChangeResult | null;
  /** Fewer events than the policy's low-count threshold: the rate is uncertain. */
  lowCountBelow: number | null;
  /** Which months both periods were compared on, when some were left out (matchedMonthsNote's words). */
  comparedOn?: string | null;
}

const fmt = (n: number): string => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });

/** The scope named after a measure read for the under-25 bands when its unit does not already say so. */
export const UNDER_25_SCOPE = 'among people aged under 25';

/** Why a standardised rate is not shown when one of its age bands is hidden. */
export const BAND_HIDDEN_REASON = 'an age band is hidden to protect privacy';

const fmtStat = (v: number): string =>
  v.toLocaleString('en-GB', { maximumFractionDigits: v >= 100 ? 0 : 1, minimumFractionDigits: v >= 100 ? 0 : 1 });

/** "12.3 per 100,000 residents" or "4.2% of residents". */
export function statisticText(value: number, rateLabel: string): string {
  return rateLabel.startsWith('%') ? `${fmtStat(value)}${rateLabel}` : `${fmtStat(value)} ${rateLabel}`;
}

/** A unit as it reads inside a sentence ("Hospital admissions" -> "hospital admissions"; "NHS ..." kept). */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** The summary when the area has no full calendar year of figures up to the chosen month. */
export function noFullYearSentence(unit: string, areaName: string): string {
  return `There is no full calendar year of figures for ${lowerFirst(unit)} in ${areaName} up to the chosen month.`;
}

function measureWithScope(input: BriefingSentenceInput): string {
  return input.scope ? `${input.measure} ${input.scope}` : input.measure;
}

/** The change sentence alone (exported for tests). */
export function changeSentence(input: BriefingSentenceInput): string {
  const { previousYear, change, statistic } = input;
  if (input.previous.missing) return `There are no figures for ${previousYear} to compare with.`;
  if (input.previous.suppressed) {
    return `The figure for ${previousYear} is hidden to protect privacy, so no comparison with ${previousYear} is made.`;
  }
  if (change === null) {
    const prev = input.previous.value;
    return prev === null
      ? `There are no figures for ${previousYear} to compare with.`
      : `The figure for ${previousYear} was ${fmt(prev)}; the change is not tested for significance here.`;
  }
  if (change.kind === 'not-tested') {
    if (input.current.value === 0 && input.previous.value === 0) return `None were recorded in ${previousYear} either.`;
    return `No test of the change on ${previousYear} was possible (${change.reason}).`;
  }
  const kind = kindNamed(statistic);
  const noun = kind.subject;
  const significant = `a statistically significant ${change.direction === 'increase' ? 'increase' : 'decrease'}`;
  const notSignificant = 'not a statistically significant change';
  const verdict = change.significant ? significant : `which is ${notSignificant}`;
  if (change.percentChange === null) {
    // The previous year had none: the ratio is unbounded.
    return `None were recorded in ${previousYear}; the change is ${change.significant ? significant : notSignificant}.`;
  }
  const pct = Math.abs(wholePercent(change.percentChange));
  if (pct === 0) return `${noun} was about the same as in ${previousYear}, ${verdict}.`;
  const more = change.percentChange > 0;
  const word = more ? kind.rise : kind.fall;
  // A change in a count is read against the count it changed from; a rate's against the rate shown before it.
  const previousCount = !kind.hasRate && input.previous.value !== null ? ` (${fmt(input.previous.value)})` : '';
  const relative = kind.changeNote;
  return `${noun} was ${pct}% ${word} than in ${previousYear}${previousCount}${relative}, ${verdict}.`;
}

/** The whole summary for one measure: the latest figure, the change on the year before, and any caution. */
export function briefingSentence(input: BriefingSentenceInput): string {
  const what = measureWithScope(input);
  if (input.current.suppressed || input.current.value === null) {
    return input.current.suppressed
      ? `The number of ${what} in ${input.areaName} in ${input.year} is hidden to protect privacy, because it is small or could be worked out from other figures. No comparison with ${input.previousYear} is made.`
      : `There are no figures for ${what} in ${input.areaName} for ${input.year}.`;
  }
  const parts: string[] = [];
  const rate = input.rateText ? `, ${kindNamed(input.statistic).rateJoin} ${input.rateText}` : '';
  parts.push(
    input.averageMonth
      ? `In an average month of ${input.year}, the number of ${what} in ${input.areaName} was ${fmt(input.current.value)}${rate}.`
      : `The number of ${what} in ${input.areaName} in ${input.year} was ${fmt(input.current.value)}${rate}.`,
  );
  parts.push(changeSentence(input));
  if (input.comparedOn) parts.push(`The figures are for the months both periods have data for, ${input.comparedOn}.`);
  if (input.lowCountBelow !== null && input.current.value < input.lowCountBelow && input.current.value > 0) {
    parts.push(`This is based on fewer than ${input.lowCountBelow} events, so read it with care.`);
  }
  return parts.join(' ');
}
