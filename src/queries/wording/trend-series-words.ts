// The English of the Trends view's series: why figures are missing, the method notes, and the titles of the
// calendar-year table and the monthly pattern. Built from figures only (no SQL, no arithmetic on counts).
import { SEX_WORDS, type AgeBand, type Sex } from '../../contract';
import { LONG_MONTHS, monthName, monthsPhrase } from '../../contract/months';
import type { KindDenominator } from '../../indicator-kinds';
import type { SeasonalMonth, TrendYear } from '../figures/trend-series';
import { at } from '../figures/trend-parts';
import { listOf } from '../../contract/list-of';
import { noPopulationFor } from './population-words';

export function seasonalityTitle(
  subject: string,
  where: string,
  months: readonly SeasonalMonth[],
  years: readonly string[],
): string {
  const span = `${years[0]} to ${years.at(-1)}`;
  if (months.some((m) => m.flag === 'c')) {
    return `The monthly pattern of ${subject.charAt(0).toLowerCase()}${subject.slice(1)} in ${where} cannot be shown in full: some months are hidden to protect privacy (c)`;
  }
  if (months.some((m) => m.mean === null)) {
    return `The monthly pattern of ${subject.charAt(0).toLowerCase()}${subject.slice(1)} in ${where} cannot be shown in full: some months have no data`;
  }
  const sorted = [...months].sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0));
  const high = at(sorted, 0);
  const low = at(sorted, sorted.length - 1);
  if ((high.mean ?? 0) === 0)
    return `No ${subject.charAt(0).toLowerCase()}${subject.slice(1)} were recorded in ${where}, ${span}`;
  const name = (m: SeasonalMonth): string => at(LONG_MONTHS, m.month - 1);
  const pct = high.index === null ? null : Math.round(high.index - 100);
  return `${subject} in ${where} were highest in ${name(high)} and lowest in ${name(low)} on average, ${span}${
    pct !== null && pct > 0 ? ` (${name(high)} ${pct}% above an average month)` : ''
  }`;
}

/**
 * Which calendar years changed significantly on the year before, e.g. "Police recorded violence with
 * injury in Preston, year on year: significant rises in 2022 and 2024; no significant change in 2023".
 */
export function yearOnYearTitle(subject: string, where: string, years: readonly Pick<TrendYear, 'period' | 'change'>[]): string {
  const tested = years.filter((y) => y.change.kind === 'tested');
  const hidden = years.filter((y) => y.change.kind === 'not-available' && y.change.flag === 'c');
  if (tested.length === 0) {
    return hidden.length > 0
      ? `${subject} in ${where}: no change on the year before can be shown, because yearly figures are hidden to protect privacy (c)`
      : `${subject} in ${where}: no year has months with data in common with the year before, so no change can be shown`;
  }
  // A year compared on some months only says which, so it is not read as the whole year.
  const of = (dir: 'increase' | 'decrease' | 'no-significant-change') =>
    tested.flatMap((y) =>
      y.change.kind === 'tested' && y.change.direction === dir
        ? [y.change.matchedMonths ? `${y.period} (${monthsPhrase(y.change.matchedMonths)} only)` : y.period]
        : [],
    );
  const rises = of('increase');
  const falls = of('decrease');
  const flat = of('no-significant-change');
  const parts = [
    rises.length > 0 ? `significant ${rises.length === 1 ? 'rise' : 'rises'} in ${listOf(rises)}` : null,
    falls.length > 0 ? `significant ${falls.length === 1 ? 'fall' : 'falls'} in ${listOf(falls)}` : null,
    flat.length > 0 ? `no significant change in ${listOf(flat)}` : null,
    hidden.length > 0 ? `hidden (c) in ${listOf(hidden.map((y) => y.period))}` : null,
  ].filter(Boolean);
  return `${subject} in ${where}, year on year: ${parts.join('; ')}`;
}

export function describeSlice(age: AgeBand, sex: Sex): string {
  const who = SEX_WORDS[sex].prose;
  return age === 'all' ? (sex === 'all' ? 'all ages' : `${who} of all ages`) : `${who} aged ${age}`;
}

/** Why a slice's months are not published although its calendar years are (see src/disclosure/build-cube.ts). */
export function monthsNotPublishedText(areaName: string, smallArea: boolean, age: AgeBand, sex: Sex): string {
  return smallArea
    ? `Monthly figures for ${areaName} are not published: small areas (LSOAs, MSOAs and wards) are published for calendar years, all ages and persons only, because most of their months would be too small to show safely. The calendar years are below; its district can be shown by month.`
    : `Monthly figures for ${describeSlice(age, sex)} in ${areaName} are not published: by age band and sex most months are too few to show safely, and publishing them would force larger figures to be hidden. Months are published for all ages and persons in every area, and by one age band or by sex for the whole VRU area. The calendar years are below; the Cohorts view shows this group by quarter too.`;
}

/** Why a series has no figures at all: no months loaded, or none for this breakdown. */
export function noFiguresReason(noMonthsLoaded: boolean, areaName: string, age: AgeBand, sex: Sex): string {
  return noMonthsLoaded
    ? 'No months of data are loaded for this indicator.'
    : `This indicator has no figures for ${describeSlice(age, sex)} in ${areaName}. It may not be recorded by this age band or sex; try "All ages" and "Persons".`;
}

/** Why the latest period cannot be compared with the year before. */
export function noChangeReason(subject: string, where: string, periodLabel: string, fewerThan13Months: boolean): string {
  return fewerThan13Months
    ? `${subject} in ${where}: fewer than 13 months of data, so no change on the year before can be shown`
    : `${subject} in ${where}: no month has data both in ${periodLabel} and a year earlier, so no change on the year before can be shown`;
}

export function tooFewYearsForSeasonality(subject: string): string {
  return `${subject}: at least two complete years (every month with data) are needed to show a monthly pattern`;
}

/** What the method and data notes under a series are said from. */
export interface SeriesNoteFacts {
  areaName: string;
  age: AgeBand;
  unit: string;
  /** The indicator counts people in each month, so longer periods count person-months. */
  countedEachMonth: boolean;
  denominator: KindDenominator;
  /** Which years used another year's population (borrowedYearsNote), or null. */
  borrowedNote: string | null;
  /** Rates divide by population and none is loaded for the area. */
  noPopulation: boolean;
  populationReason?: string;
  /** Months some parts of the area sent no data for, and months with no data at all. */
  partialMonths: readonly string[];
  gapMonths: readonly string[];
}

/** The notes the view shows under the chart and writes into the CSV, in the order they are read. */
export function seriesNotes(f: SeriesNoteFacts): string[] {
  const notes: string[] = [];
  if (f.borrowedNote) notes.push(f.borrowedNote);
  if (f.noPopulation) {
    notes.push(`No rates can be shown (x): ${f.populationReason ?? noPopulationFor(f.areaName)}.`);
  }
  if (f.partialMonths.length > 0) {
    notes.push(
      `Incomplete months: some parts of ${f.areaName} sent no data for ${f.partialMonths.map(monthName).join(', ')}, so those totals (and any 12 months including them) are too low. They are marked "partial" and left out of comparisons with other periods.`,
    );
  }
  if (f.gapMonths.length > 0) {
    notes.push(
      `No data for ${f.gapMonths.map(monthName).join(', ')} (x). A change on the year before compares only the months both periods have data for, and says so; a 12-month total that includes a month with no data is not shown.`,
    );
  }
  if (f.denominator === 'population') {
    notes.push(
      `Rates divide by the mid-year resident population${f.age === 'all' ? ' of the age bands the indicator covers' : ''}; a month's rate is per resident in that month, so twelve monthly rates add up to a yearly rate. A year's rate is per person-year over the months it has data for.`,
    );
  }
  if (f.countedEachMonth) {
    notes.push(
      `Each month counts the ${f.unit} that month, so a 12-month or yearly count counts each of them once for every month (person-months), not people: read the proportion, or a single month.`,
    );
  }
  if (f.denominator === 'population-by-age') {
    notes.push(
      'Directly standardised rates (per 100,000, European Standard Population 2013, Dobson 95% limits, as PHE) are worked out for calendar years from the counts and mid-year populations of each age band; a year with an age band hidden is hidden too. Months and 12-month totals have no counts by age band here, so they show counts only. A change in a standardised rate is not tested: compare the two years’ limits.',
    );
  }
  if (f.denominator === 'extract') {
    notes.push('Proportions use the denominator supplied in the extract, protected like the counts; Wilson 95% limits.');
  }
  notes.push(
    'Limits are 95% confidence limits: exact Poisson below 10 events, Byar’s method from 10 (PHE methods). Change on the year before uses the exact conditional test for two Poisson rates.',
  );
  return notes;
}
