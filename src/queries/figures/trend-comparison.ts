import { indexToPeriod, periodToIndex } from '../../stats';
import { at, figuresOf, windowEnding, type Compare, type Part } from './trend-parts';
import { toPoint } from './trend-point';
import type { TrendComparison, TrendMeasure, TrendSeriesInput } from './trend-series';
import { areaPhrase, findingTitle, matchedMonthsNote } from '../wording/trend-finding';
import { monthName } from '../../contract/months';
import { noChangeReason } from '../wording/trend-series-words';

/** A comparison that cannot be made, titled with why. */
export function emptyComparison(reason: string): TrendComparison {
  return {
    source: 'rolling-12-months',
    periodLabel: '',
    previousLabel: '',
    current: null,
    previous: null,
    change: { kind: 'not-available', flag: null, reason },
    matchedMonths: null,
    matchedNote: null,
    countTitle: reason,
    rateTitle: null,
  };
}

/**
 * The latest 12 months against the 12 before: the calendar years when the series ends in December (the
 * protected year cells: a year may be shown when one of its months is hidden), otherwise the rolling totals.
 * Like with like: where either period has months with no data, only the months both have are compared, and
 * the labels name them.
 */
export function buildComparison(
  input: TrendSeriesInput,
  measure: TrendMeasure,
  periods: readonly string[],
  yearPart: (year: string) => Part,
  compare: Compare,
): TrendComparison {
  const last = at(periods, periods.length - 1);
  const where = areaPhrase(input.area);
  const calendar = last.endsWith('-12');
  const source: TrendComparison['source'] = calendar ? 'calendar-years' : 'rolling-12-months';
  const windowPeriods = windowEnding(last);
  const year = last.slice(0, 4);
  const previousYear = String(Number(year) - 1);
  // Calendar years compare their protected year cells (as the years table does); rolling windows their months.
  const compared = compare(windowPeriods, calendar ? { current: yearPart(year), previous: yearPart(previousYear) } : null, true);
  const { matched } = compared;
  const periodLabel = calendar ? year : `the 12 months to ${monthName(last)}`;
  const previousLabel = calendar ? previousYear : 'the 12 months before';
  const matchedNote = matched ? matchedMonthsNote(matched, windowPeriods, calendar) : null;
  if (compared.change.kind === 'not-available' && compared.change.flag === 'x') {
    const noEarlier = periodToIndex(last) - periodToIndex(at(periods, 0)) < 12;
    const reason = noChangeReason(input.indicator.title, where, periodLabel, noEarlier);
    return { ...emptyComparison(reason), periodLabel, previousLabel, source };
  }
  const current = toPoint(calendar ? year : last, compared.current, input.indicator, measure, input.lowCountBelow);
  const previous = toPoint(
    calendar ? previousYear : indexToPeriod(periodToIndex(last) - 12),
    compared.previous,
    input.indicator,
    measure,
    input.lowCountBelow,
  );
  const title = (basis: 'rate' | 'count'): string =>
    findingTitle({
      indicatorTitle: input.indicator.title,
      unit: input.indicator.unit,
      areaPhrase: where,
      statistic: measure.statistic,
      basis,
      periodLabel,
      previousLabel,
      current: figuresOf(compared.current),
      previous: figuresOf(compared.previous),
      change: basis === 'rate' ? compared.change : compared.countChange,
      lowCountBelow: input.lowCountBelow,
      matchedNote,
    });
  return {
    source,
    periodLabel,
    previousLabel,
    current,
    previous,
    change: compared.change,
    matchedMonths: matched,
    matchedNote,
    countTitle: title('count'),
    rateTitle: measure.hasRate ? title('rate') : null,
  };
}
