// Builds a trend series from the protected cells readers/read-trend-series.ts reads. Every figure is a protected
// cell or a grouping of protected cells (trend-parts.ts); the words come from wording/trend-series-words.ts.
import { denominatorOf, standardisedKind } from '../../indicator-kinds';
import { matchedPositions } from './matched-months';
import { populationNear, type PopulationUsed } from './population-years';
import { borrowedYearsNote, noPopulationFor } from '../wording/population-words';
import { standardisedYear } from './trend-standardised';
import type { ChangeSummary } from './change-summary';
import { summariseChange } from './change-summary';
import { buildComparison, emptyComparison } from './trend-comparison';
import {
  at,
  figuresOf,
  groupParts,
  matchedSide,
  MISSING,
  monthlyPart,
  monthOf,
  monthRange,
  yearEarlier,
  type Compared,
  type Part,
} from './trend-parts';
import { measureOf, toPoint } from './trend-point';
import type { TrendPeriodWithChange, TrendSeries, TrendSeriesInput } from './trend-series';
import { buildSeasonality, buildYears } from './trend-years';
import { areaPhrase } from '../wording/trend-finding';
import { monthsNotPublishedText, noFiguresReason, seriesNotes, yearOnYearTitle } from '../wording/trend-series-words';

/**
 * Builds the series. `scope: 'years'` builds the months and calendar years only, leaving the rolling totals,
 * seasonality and comparison empty: the indexed comparison reads the years of several indicators, and the
 * rolling totals' change tests are most of the work.
 */
export function buildTrendSeries(input: TrendSeriesInput, scope: 'everything' | 'years' = 'everything'): TrendSeries {
  const { indicator } = input;
  const measure = measureOf(indicator);
  const base = {
    indicatorId: indicator.id,
    area: input.area,
    age: input.age,
    sex: input.sex,
    measure,
  };
  const periods = input.range ? monthRange(input.range.first, input.range.last) : [];
  const smallArea = !['district', 'vru'].includes(input.area.level);
  const monthsNotPublished =
    input.months.size === 0 && input.years.size > 0
      ? monthsNotPublishedText(input.area.name, smallArea, input.age, input.sex)
      : null;
  if (periods.length === 0 || (input.months.size === 0 && input.years.size === 0)) {
    const reason = noFiguresReason(periods.length === 0, input.area.name, input.age, input.sex);
    return {
      ...base,
      available: false,
      unavailableReason: reason,
      monthsNotPublished: null,
      months: [],
      rolling: [],
      years: [],
      seasonality: { years: [], months: [], title: reason },
      comparison: emptyComparison(reason),
      yearsTitle: reason,
      notes: [],
    };
  }

  // Population: a year without a figure uses the nearest year the area has, and the notes say so.
  const populationUses = new Map<number, PopulationUsed>();
  const denominator = denominatorOf(indicator);
  // A standardised rate's parts carry the all-ages population too; its own figure is worked out by age band.
  const byPopulation = denominator === 'population' || denominator === 'population-by-age';
  const populationFor = (year: number): number | null => {
    if (!byPopulation) return null;
    const used = populationNear(input.population, year);
    if (used) populationUses.set(year, used);
    return used?.population ?? null;
  };

  // Which months have data: the slice's own month cells, or (when its months are not published) the months the
  // area has at all ages and persons.
  const reported = monthsNotPublished !== null ? (input.reportedMonths ?? new Set<string>()) : null;
  const partOfCache = new Map<string, Part>();
  const partOf = (period: string): Part => {
    const cached = partOfCache.get(period);
    if (cached) return cached;
    const own = input.months.get(period);
    const cell = own ?? (reported?.has(period) ? { value: null, flag: 'shown' as const } : MISSING);
    const partial = input.partialMonths.has(period);
    let part: Part;
    if (!measure.hasRate) part = { count: cell.value, flag: cell.flag, denominator: null, denominatorFlag: 'z', partial };
    else if (denominator === 'extract') {
      const d = input.denominatorMonths.get(period) ?? MISSING;
      part = { count: cell.value, flag: cell.flag, denominator: d.value, denominatorFlag: d.flag, partial };
    } else {
      // Person-years: a month is a twelfth of the mid-year population.
      const pop = populationFor(Number(period.slice(0, 4)));
      part = {
        count: cell.value,
        flag: cell.flag,
        denominator: pop === null ? null : pop / 12,
        denominatorFlag: pop === null ? 'x' : 'shown',
        partial,
        ...(pop === null ? { denominatorReason: input.populationReason ?? noPopulationFor(input.area.name) } : {}),
      };
    }
    partOfCache.set(period, part);
    return part;
  };

  /**
   * Two periods a year apart, like with like. When every month of both has data and all parts reporting, the
   * whole periods are compared (`whole`, e.g. the protected year cells, else the sums of their months). When
   * only some months do, those months alone are compared, if `allowMatched`; otherwise no change is tested.
   */
  const compare = (
    currentPeriods: readonly string[],
    whole: { current: Part; previous: Part } | null,
    allowMatched: boolean,
  ): Compared => {
    const previousPeriods = yearEarlier(currentPeriods);
    const cur = currentPeriods.map(partOf);
    const prev = previousPeriods.map(partOf);
    const matched = matchedPositions(cur, prev);
    const basis = measure.hasRate ? 'rate' : 'count';
    const changes = (current: Part, previous: Part, months: number[] | null) => ({
      change: summariseChange(figuresOf(current), figuresOf(previous), basis, measure.statistic, months),
      countChange: summariseChange(figuresOf(current), figuresOf(previous), 'count', 'count', months),
    });
    if (matched.length === currentPeriods.length) {
      const current = whole?.current ?? groupParts(cur);
      const previous = whole?.previous ?? groupParts(prev);
      return { current, previous, matched: null, ...changes(current, previous, null) };
    }
    const none = (reason: string): Compared => {
      const change: ChangeSummary = { kind: 'not-available', flag: 'x', reason };
      return { current: groupParts(cur), previous: groupParts(prev), matched: null, change, countChange: change };
    };
    if (matched.length === 0) return none('no month has data in both periods');
    if (!allowMatched || (reported !== null && input.months.size === 0))
      return none('some months have no data (or not every part of the area reported) in one of the two periods');
    const current = matchedSide(whole?.current ?? null, cur, matched);
    const previous = matchedSide(whole?.previous ?? null, prev, matched);
    const months = matched.map((k) => monthOf(at(currentPeriods, k)));
    return { current, previous, matched: months, ...changes(current, previous, months) };
  };

  const parts = periods.map(partOf);
  // A month's rate is per resident in the month (count / population), so it is a twelfth of a yearly rate.
  const months = periods.map((period, i) =>
    toPoint(period, monthlyPart(at(parts, i), byPopulation), indicator, measure, input.lowCountBelow),
  );

  const yearsOnly = scope === 'years';
  const rolling: TrendPeriodWithChange[] = [];
  for (let i = 11; !yearsOnly && i < periods.length; i++) {
    const windowPeriods = periods.slice(i - 11, i + 1);
    const point = toPoint(at(periods, i), groupParts(parts.slice(i - 11, i + 1)), indicator, measure, input.lowCountBelow);
    // A row of the rolling table compares two whole 12-month totals, or nothing.
    const noEarlier: ChangeSummary = { kind: 'not-available', flag: null, reason: 'no 12 months a year earlier' };
    const compared = i >= 23 ? compare(windowPeriods, null, false) : null;
    rolling.push({ ...point, change: compared?.change ?? noEarlier, countChange: compared?.countChange ?? noEarlier });
  }

  const built = buildYears(input, periods, partOf, compare, measure);
  const { yearPart } = built;
  // A standardised rate is worked out by age band, for calendar years only (trend-standardised.ts).
  const standardised = standardisedKind(indicator);
  const byAge = input.ageBandYears;
  const years =
    standardised && byAge
      ? built.years.map((y) => ({ ...y, ...standardisedYear(standardised, y.period, byAge, input.standardBands ?? []) }))
      : built.years;
  const seasonality = yearsOnly ? { years: [], months: [], title: '' } : buildSeasonality(input, periods, partOf);
  const comparison = yearsOnly ? emptyComparison('') : buildComparison(input, measure, periods, yearPart, compare);

  const notes = seriesNotes({
    areaName: input.area.name,
    age: input.age,
    unit: indicator.unit,
    countedEachMonth: indicator.counted === 'people-each-month',
    denominator,
    borrowedNote: borrowedYearsNote(populationUses.values()),
    noPopulation: byPopulation && input.population.size === 0,
    ...(input.populationReason ? { populationReason: input.populationReason } : {}),
    // When the months are not published only the year cells exist: no month is incomplete or missing.
    partialMonths: monthsNotPublished === null ? months.filter((m) => m.partial).map((m) => m.period) : [],
    gapMonths: monthsNotPublished === null ? periods.filter((p) => partOf(p).flag === 'x') : [],
  });
  const yearsTitle = yearOnYearTitle(indicator.title, areaPhrase(input.area), years);
  if (monthsNotPublished !== null) {
    // Only the protected calendar-year cells exist for this slice; the months would all be `x`.
    return {
      ...base,
      available: true,
      unavailableReason: null,
      monthsNotPublished,
      months: [],
      rolling: [],
      years,
      seasonality: { years: [], months: [], title: monthsNotPublished },
      comparison: emptyComparison(monthsNotPublished),
      yearsTitle,
      notes,
    };
  }
  return {
    ...base,
    available: true,
    unavailableReason: null,
    monthsNotPublished: null,
    months,
    rolling,
    years,
    seasonality,
    comparison,
    yearsTitle,
    notes,
  };
}
