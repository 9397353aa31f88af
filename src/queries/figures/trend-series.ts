// The monthly series behind the Trends view: counts and rates with 95% limits for each month, rolling
// 12-month totals with their change on the same 12 months a year earlier, calendar years from the
// protected year cells, a month-of-year profile, and the finding the chart's title states.
//
// Disclosure: every figure is a protected cell or a grouping of protected cells. A grouping (a rolling
// total, a month-of-year average) goes through protectGrouping, so it is `c` as soon as one month is.
// A month with no cell at all (the partner sent no data) is 'x' (not available), never 0.
import { denominatorOf, kindOf, standardisedKind } from '../../indicator-kinds';
import { SEX_WORDS, type AgeBand, type Indicator, type Sex } from '../../contract';
import { LONG_MONTHS, monthName, monthsPhrase } from '../../contract/months';
import { protectGrouping } from '../../disclosure/grouping';
import { exactPoissonLimits, indexToPeriod, periodToIndex, rateLimits } from '../../stats';
import { DENOMINATOR_SUFFIX, type FigureFlag } from '../../disclosure/protected-tables';
import { isReported, matchedPositions } from './matched-months';
import { borrowedYearsNote, noPopulationReason, populationNear, type PopulationUsed } from '../readers/population-years';
import { populationForIndicator, type ProtectedFigure, type TrendArea, type TrendSlice } from '../readers/trend-cells';
import { standardisedYear, type AgeBandYears } from './trend-standardised';
import type { TrendSource } from '../readers/trend-source';
import {
  areaPhrase,
  findingTitle,
  matchedMonthsNote,
  summariseChange,
  type ChangeSummary,
  type PeriodFigures,
} from '../wording/trend-finding';

export type { ChangeSummary } from '../wording/trend-finding';
export type { TrendArea } from '../readers/trend-cells';

/** What a trend needs to know about its indicator (from the manifest). */
export type TrendIndicator = Pick<
  Indicator,
  'id' | 'title' | 'shortTitle' | 'unit' | 'statistic' | 'denominatorSource' | 'multiplier' | 'rateLabel' | 'polarity'
> &
  Partial<Pick<Indicator, 'counted'>>;

export interface TrendPoint {
  /** The month, the last month of a rolling 12 months, or the year 'YYYY'. */
  period: string;
  count: number | null;
  flag: FigureFlag;
  /** Exact Poisson limits (below 10) or Byar's: the uncertainty of the count as a measure of risk. */
  countLower95: number | null;
  countUpper95: number | null;
  /** Population (a month: mid-year; 12 months or a year: person-years) or the proportion's denominator. */
  denominator: number | null;
  rate: number | null;
  rateLower95: number | null;
  rateUpper95: number | null;
  /** 'c' when the count or its denominator is hidden; 'x' when either is missing; 'z' does not arise. */
  rateFlag: FigureFlag;
  /** Why the rate is `x` although the count is not (no population, or no denominator), else null. */
  rateReason: string | null;
  /** Fewer events than the policy's low count: the rate is unreliable. */
  lowCount: boolean;
  /** Some of the area's parts sent no data in the period: the total is incomplete. */
  partial: boolean;
}

export interface TrendPeriodWithChange extends TrendPoint {
  /** Change on the same period a year earlier: in the rate when the indicator has rates, else in the count. */
  change: ChangeSummary;
  /** The same change in the count (equal to `change` for indicators shown as counts). */
  countChange: ChangeSummary;
}

export interface TrendYear extends TrendPeriodWithChange {
  monthsWithData: number;
  /** Every one of the 12 months has data, from every part of the area: the year can stand for a whole year. */
  complete: boolean;
}

export interface SeasonalMonth {
  /** 1 = January. */
  month: number;
  /** Average count for this calendar month over the complete years. */
  mean: number | null;
  flag: FigureFlag;
  /** mean / average of the 12 means x 100; null unless all 12 months can be shown. */
  index: number | null;
}

export interface SeasonalityProfile {
  years: string[];
  months: SeasonalMonth[];
  title: string;
}

export interface TrendMeasure {
  /** The kind the indicator is shown as (kindOf: 'count' when it has no denominator). */
  statistic: Indicator['statistic'];
  /** False for indicators shown as counts only. */
  hasRate: boolean;
  multiplier: number;
  /** e.g. "per 1,000 residents, in the month". */
  monthlyRateLabel: string;
  /** e.g. "per 1,000 residents, over 12 months". */
  rollingRateLabel: string;
  rateLabel: string;
}

export interface TrendComparison {
  source: 'calendar-years' | 'rolling-12-months';
  periodLabel: string;
  previousLabel: string;
  current: TrendPoint | null;
  previous: TrendPoint | null;
  change: ChangeSummary;
  /** Calendar months compared when only the months both periods have data for were; null for whole periods. */
  matchedMonths: number[] | null;
  /** Says which months were left out, for the title and the notes; null for whole periods. */
  matchedNote: string | null;
  /** Title built on counts and on rates (when the indicator has rates). */
  countTitle: string;
  rateTitle: string | null;
}

export interface TrendSeries {
  indicatorId: string;
  area: TrendArea;
  age: AgeBand;
  sex: Sex;
  measure: TrendMeasure;
  /** False when the indicator has no figures for this area and breakdown. */
  available: boolean;
  unavailableReason: string | null;
  /**
   * Set when the slice's months are not published (a district by age band or sex: see build-cube.ts) but its
   * calendar years are: then only `years` holds figures, and this says why.
   */
  monthsNotPublished: string | null;
  months: TrendPoint[];
  rolling: TrendPeriodWithChange[];
  years: TrendYear[];
  seasonality: SeasonalityProfile;
  comparison: TrendComparison;
  /** Title of the calendar-year table: which year-on-year changes were significant. */
  yearsTitle: string;
  /** Method and data notes the view shows under the chart and writes into the CSV. */
  notes: string[];
}

export interface TrendSeriesRequest extends TrendSlice {
  indicator: TrendIndicator;
  lowCountBelow: number;
}

/** Reads the protected cells for one indicator, area and breakdown and builds the series. */
export async function trendSeries(source: TrendSource, request: TrendSeriesRequest): Promise<TrendSeries | null> {
  const area = await source.area(request.areaCode);
  if (!area) return null;
  const [input] = await trendSeriesInputs(source, area, [request.indicator], request);
  return input ? buildTrendSeries(input) : null;
}

/** What buildTrendSeries needs for each indicator, read from the source for one area and breakdown. */
export async function trendSeriesInputs(
  source: TrendSource,
  area: TrendArea,
  indicators: readonly TrendIndicator[],
  request: TrendSlice & { lowCountBelow: number },
): Promise<TrendSeriesInput[]> {
  const ids = indicators.map((i) => i.id);
  const needsPopulation = indicators.some((i) => denominatorOf(i).startsWith('population'));
  const [cells, ranges, bands, population, gaps, partial, reported] = await Promise.all([
    source.cells(ids, area.code, request),
    source.monthRange(ids, request.lastPeriod),
    source.ageBands(ids, area.code),
    needsPopulation ? source.population(area.code, request.sex) : Promise.resolve([]),
    needsPopulation ? source.populationGaps(area.code, request.sex) : Promise.resolve([]),
    source.partialMonths(ids, area.code),
    source.reportedMonths(ids, area.code),
  ]);
  // A standardised rate reads each age band's cells as well (one more read per band, for those indicators only).
  const standardised = indicators.filter((i) => denominatorOf(i) === 'population-by-age').map((i) => i.id);
  const bandYears =
    standardised.length > 0 && request.age === 'all'
      ? await source.ageBandYears(standardised, area.code, request.sex, request.lastPeriod)
      : new Map<string, Map<string, Map<string, ProtectedFigure>>>();
  return indicators.map((indicator) => {
    const id = indicator.id;
    const indicatorBands = bands.get(id) ?? [];
    const wantedBands = request.age !== 'all' ? [request.age] : indicatorBands.length > 0 ? indicatorBands : ['all'];
    const byAge: Pick<TrendSeriesInput, 'ageBandYears' | 'standardBands'> = standardised.includes(id)
      ? {
          standardBands: wantedBands.filter((b) => b !== 'all'),
          ageBandYears: {
            cells:
              request.age === 'all'
                ? (bandYears.get(id) ?? new Map())
                : new Map([[request.age, cells.years.get(id) ?? new Map()]]),
            population,
          },
        }
      : {};
    const lastYear = Number((request.lastPeriod ?? ranges.get(id)?.last ?? '0').slice(0, 4));
    return {
      indicator,
      area,
      age: request.age,
      sex: request.sex,
      range: ranges.get(id) ?? null,
      months: cells.months.get(id) ?? new Map(),
      years: cells.years.get(id) ?? new Map(),
      denominatorMonths: cells.months.get(`${id}${DENOMINATOR_SUFFIX}`) ?? new Map(),
      denominatorYears: cells.years.get(`${id}${DENOMINATOR_SUFFIX}`) ?? new Map(),
      population: populationForIndicator(population, request.age, indicatorBands),
      populationReason: noPopulationReason(area.name, lastYear, gaps, { ageBands: wantedBands, sex: request.sex }),
      partialMonths: partial.get(id) ?? new Map(),
      reportedMonths: reported.get(id) ?? new Set(),
      lowCountBelow: request.lowCountBelow,
      ...byAge,
    };
  });
}

export interface TrendSeriesInput {
  indicator: TrendIndicator;
  area: TrendArea;
  age: AgeBand;
  sex: Sex;
  /** The indicator's coverage (any area); null when it has no months at all. */
  range: { first: string; last: string } | null;
  months: ReadonlyMap<string, ProtectedFigure>;
  years: ReadonlyMap<string, ProtectedFigure>;
  denominatorMonths: ReadonlyMap<string, ProtectedFigure>;
  denominatorYears: ReadonlyMap<string, ProtectedFigure>;
  /** Mid-year population by year (rates from the population table only). */
  population: ReadonlyMap<number, number>;
  /** Why the area has no population at all (see noPopulationReason), said when `population` is empty. */
  populationReason?: string;
  /** Months in which some parts of the area sent no data. */
  partialMonths: ReadonlyMap<string, number>;
  /**
   * Months the area has data for at all ages and persons. Needed when the slice's own months are not published
   * (a district by age band or sex): then they say which calendar years can be compared. Defaults to the months
   * of `months`.
   */
  reportedMonths?: ReadonlySet<string>;
  lowCountBelow: number;
  /** For a standardised rate: each age band's year cells and population, and the bands it is taken over. */
  ageBandYears?: AgeBandYears;
  standardBands?: readonly string[];
}

/** Every month from first to last inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let i = periodToIndex(first); i <= periodToIndex(last); i++) out.push(indexToPeriod(i));
  return out;
}

function measureOf(indicator: TrendIndicator): TrendMeasure {
  const kind = kindOf(indicator);
  return {
    statistic: kind.statistic,
    hasRate: kind.hasRate,
    multiplier: indicator.multiplier,
    rateLabel: indicator.rateLabel,
    monthlyRateLabel: kind.monthlyLabel(indicator.rateLabel),
    rollingRateLabel: kind.rollingLabel(indicator.rateLabel),
  };
}

const MISSING: { value: number | null; flag: FigureFlag } = { value: null, flag: 'x' };

interface Part {
  count: number | null;
  flag: FigureFlag;
  denominator: number | null;
  /** 'z' (not applicable) for indicators shown as counts only. */
  denominatorFlag: FigureFlag | 'z';
  partial: boolean;
  /** Why the denominator is missing, when it is. */
  denominatorReason?: string;
}

/** Sums parts the way protectGrouping does: `c` if any part is `c`, 'x' if any part is missing. */
function groupParts(parts: readonly Part[]): Part {
  const group = (figures: { value: number | null; flag: FigureFlag | 'z' }[]): { value: number | null; flag: FigureFlag } => {
    if (figures.some((f) => f.flag === 'c')) return { value: null, flag: 'c' };
    if (figures.length === 0 || figures.some((f) => f.flag === 'x' || f.flag === 'z' || f.value === null))
      return { value: null, flag: 'x' };
    const g = protectGrouping(
      figures.map((f) => ({
        indicatorId: '',
        areaCode: '',
        level: 'district',
        period: '',
        periodType: 'month',
        ageBand: 'all',
        sex: 'all',
        value: f.value,
        status: f.flag === 'rounded' ? 'rounded' : 'shown',
      })),
    );
    return { value: g.value, flag: g.status === 'rounded' ? 'rounded' : g.value === null ? 'c' : 'shown' };
  };
  const counts = group(parts.map((p) => ({ value: p.count, flag: p.flag })));
  const denominators = parts.every((p) => p.denominatorFlag === 'z')
    ? { value: null, flag: 'x' as FigureFlag }
    : group(parts.map((p) => ({ value: p.denominator, flag: p.denominatorFlag })));
  const denominatorReason = parts.find((p) => p.denominatorReason)?.denominatorReason;
  return {
    count: counts.value,
    flag: counts.flag,
    denominator: denominators.value,
    denominatorFlag: denominators.flag,
    partial: parts.some((p) => p.partial),
    ...(denominatorReason ? { denominatorReason } : {}),
  };
}

/** The 12 months ending with `last` (some may lie before the data start: they have no data). */
function windowEnding(last: string): string[] {
  const end = periodToIndex(last);
  return Array.from({ length: 12 }, (_, k) => indexToPeriod(end - 11 + k));
}

/** The same months a year earlier. */
function yearEarlier(periods: readonly string[]): string[] {
  return periods.map((p) => indexToPeriod(periodToIndex(p) - 12));
}

function monthOf(period: string): number {
  return Number(period.slice(5, 7));
}

/**
 * The months at `positions` of a period, added up. When the sum is hidden (a month in it is `c`) but the period's
 * own protected cell is shown, the period's cell less its other months with data gives the same total, from
 * figures that are all published (so nothing is revealed that a reader could not work out).
 */
function matchedSide(whole: Part | null, parts: readonly Part[], positions: readonly number[]): Part {
  const keep = new Set(positions);
  const summed = groupParts(parts.filter((_, k) => keep.has(k)));
  if (summed.flag !== 'c' || whole === null || whole.count === null || whole.flag === 'c' || whole.flag === 'x') return summed;
  const dropped = parts.filter((p, k) => !keep.has(k) && p.flag !== 'x');
  const less = groupParts(dropped);
  if (dropped.length > 0 && (less.count === null || less.flag === 'c')) return summed;
  const count = whole.count - (less.count ?? 0);
  if (count < 0) return summed;
  let denominator = summed.denominator;
  let denominatorFlag = summed.denominatorFlag;
  if (summed.denominatorFlag === 'c') {
    // A proportion's denominator is protected too: the same subtraction, or nothing.
    if (whole.denominator === null || (dropped.length > 0 && less.denominator === null)) return summed;
    denominator = whole.denominator - (less.denominator ?? 0);
    denominatorFlag = whole.denominatorFlag === 'rounded' || less.denominatorFlag === 'rounded' ? 'rounded' : 'shown';
  }
  const rounded = whole.flag === 'rounded' || (dropped.length > 0 && less.flag === 'rounded');
  return { count, flag: rounded ? 'rounded' : 'shown', denominator, denominatorFlag, partial: summed.partial };
}

/** Two periods a year apart as compared: both whole, or the months both have data for (`matched`). */
interface Compared {
  current: Part;
  previous: Part;
  change: ChangeSummary;
  countChange: ChangeSummary;
  /** Calendar months compared, in period order; null when the whole periods were compared. */
  matched: number[] | null;
}

/**
 * Builds the series. `scope: 'years'` builds the months and calendar years only, leaving the rolling totals,
 * seasonality and comparison empty: the indexed comparison reads the years of several indicators, and the
 * rolling totals' change tests are most of the work.
 */
export function buildTrendSeries(input: TrendSeriesInput, scope: 'everything' | 'years' = 'everything'): TrendSeries {
  const { indicator } = input;
  const measure = measureOf(indicator);
  const notes: string[] = [];
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
    input.months.size === 0 && input.years.size > 0 && smallArea
      ? `Monthly figures for ${input.area.name} are not published: small areas (LSOAs, MSOAs and wards) are published for calendar years, all ages and persons only, because most of their months would be too small to show safely. The calendar years are below; its district can be shown by month.`
      : input.months.size === 0 && input.years.size > 0
        ? `Monthly figures for ${describeSlice(input.age, input.sex)} in ${input.area.name} are not published: by age band and sex most months are too few to show safely, and publishing them would force larger figures to be hidden. Months are published for all ages and persons in every area, and by one age band or by sex for the whole VRU area. The calendar years are below; the Cohorts view shows this group by quarter too.`
        : null;
  if (periods.length === 0 || (input.months.size === 0 && input.years.size === 0)) {
    const reason =
      periods.length === 0
        ? 'No months of data are loaded for this indicator.'
        : `This indicator has no figures for ${describeSlice(input.age, input.sex)} in ${input.area.name}. It may not be recorded by this age band or sex; try "All ages" and "Persons".`;
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
      notes,
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
        ...(pop === null
          ? { denominatorReason: input.populationReason ?? `no population figure is loaded for ${input.area.name}` }
          : {}),
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

  const borrowedNote = borrowedYearsNote(populationUses.values());
  if (borrowedNote) notes.push(borrowedNote);
  if (byPopulation && input.population.size === 0) {
    notes.push(
      `No rates can be shown (x): ${input.populationReason ?? `no population figure is loaded for ${input.area.name}`}.`,
    );
  }
  const partialList = months.filter((m) => m.partial).map((m) => m.period);
  if (partialList.length > 0) {
    notes.push(
      `Incomplete months: some parts of ${input.area.name} sent no data for ${partialList.map(monthName).join(', ')}, so those totals (and any 12 months including them) are too low. They are marked "partial" and left out of comparisons with other periods.`,
    );
  }
  const gapList = periods.filter((p) => partOf(p).flag === 'x');
  if (gapList.length > 0 && monthsNotPublished === null) {
    notes.push(
      `No data for ${gapList.map(monthName).join(', ')} (x). A change on the year before compares only the months both periods have data for, and says so; a 12-month total that includes a month with no data is not shown.`,
    );
  }
  if (denominator === 'population') {
    notes.push(
      `Rates divide by the mid-year resident population${input.age === 'all' ? ' of the age bands the indicator covers' : ''}; a month's rate is per resident in that month, so twelve monthly rates add up to a yearly rate. A year's rate is per person-year over the months it has data for.`,
    );
  }
  if (indicator.counted === 'people-each-month') {
    notes.push(
      `Each month counts the ${indicator.unit} that month, so a 12-month or yearly count counts each of them once for every month (person-months), not people: read the proportion, or a single month.`,
    );
  }
  if (denominator === 'population-by-age') {
    notes.push(
      'Directly standardised rates (per 100,000, European Standard Population 2013, Dobson 95% limits, as PHE) are worked out for calendar years from the counts and mid-year populations of each age band; a year with an age band hidden is hidden too. Months and 12-month totals have no counts by age band here, so they show counts only. A change in a standardised rate is not tested: compare the two years’ limits.',
    );
  }
  if (denominator === 'extract') {
    notes.push('Proportions use the denominator supplied in the extract, protected like the counts; Wilson 95% limits.');
  }
  notes.push(
    'Limits are 95% confidence limits: exact Poisson below 10 events, Byar’s method from 10 (PHE methods). Change on the year before uses the exact conditional test for two Poisson rates.',
  );
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
      notes: notes.filter((n) => !n.startsWith('Incomplete months')),
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

function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new RangeError(`index ${i} out of range`);
  return x;
}

/** A month's denominator for its own rate: the mid-year population (not person-years). */
function monthlyPart(part: Part, byPopulation: boolean): Part {
  if (!byPopulation || part.denominator === null) return part;
  return { ...part, denominator: part.denominator * 12 };
}

function figuresOf(p: Part): PeriodFigures {
  return { count: p.count, flag: p.flag, denominator: p.denominator, denominatorFlag: p.denominatorFlag };
}

function toPoint(
  period: string,
  part: Part,
  indicator: TrendIndicator,
  measure: TrendMeasure,
  lowCountBelow: number,
): TrendPoint {
  const hasCount = part.count !== null && part.flag !== 'c' && part.flag !== 'x';
  const count = hasCount ? part.count : null;
  const limits = count === null ? null : count < 10 ? exactPoissonLimits(count, 0.95) : rateLimits(count, 1, 0.95, 1);
  let rate: number | null = null;
  let rateLower95: number | null = null;
  let rateUpper95: number | null = null;
  let rateFlag: FigureFlag = part.flag;
  let rateReason: string | null = null;
  const kind = kindOf(indicator);
  if (kind.hasRate) {
    if (part.flag === 'c' || part.denominatorFlag === 'c') rateFlag = 'c';
    else if (part.flag === 'x' || part.denominatorFlag === 'x' || part.denominator === null) {
      rateFlag = 'x';
      // No population (or denominator) is `x` with why, never `c`; a month with no data needs no more words.
      if (part.flag !== 'x') rateReason = part.denominatorReason ?? 'no denominator for this period';
    } else {
      const stat = kind.fromCount(count, part.denominator, indicator.multiplier);
      rate = stat.value;
      rateLower95 = stat.lower95;
      rateUpper95 = stat.upper95;
      rateFlag = stat.value === null ? 'x' : part.flag === 'rounded' || part.denominatorFlag === 'rounded' ? 'rounded' : 'shown';
      // Why there is no figure (too few events, or a standardised rate from one count): said, not left blank.
      if (stat.value === null && count !== null) rateReason = stat.reason;
    }
  }
  return {
    period,
    count,
    flag: part.flag,
    countLower95: limits?.lower ?? null,
    countUpper95: limits?.upper ?? null,
    denominator: part.denominatorFlag === 'c' ? null : part.denominator,
    rate,
    rateLower95,
    rateUpper95,
    rateFlag,
    rateReason,
    lowCount: count !== null && count < lowCountBelow,
    partial: part.partial,
  };
}

type Compare = (
  currentPeriods: readonly string[],
  whole: { current: Part; previous: Part } | null,
  allowMatched: boolean,
) => Compared;

function buildYears(
  input: TrendSeriesInput,
  periods: readonly string[],
  partOf: (period: string) => Part,
  compare: Compare,
  measure: TrendMeasure,
): { years: TrendYear[]; yearPart: (year: string) => Part } {
  const { indicator } = input;
  const yearsInRange = [...new Set(periods.map((p) => p.slice(0, 4)))];
  const yearPart = (year: string): Part => {
    const monthParts = monthRange(`${year}-01`, `${year}-12`).map(partOf);
    const cell = input.years.get(year) ?? MISSING;
    // The protected year cell, not a sum of months: it may be shown when a month is hidden.
    let part: Part;
    if (!measure.hasRate) {
      part = { count: cell.value, flag: cell.flag, denominator: null, denominatorFlag: 'z', partial: false };
    } else if (denominatorOf(indicator) === 'extract') {
      const d = input.denominatorYears.get(year) ?? MISSING;
      part = { count: cell.value, flag: cell.flag, denominator: d.value, denominatorFlag: d.flag, partial: false };
    } else {
      // Person-years over the months the year has data for: the year cell counts those months only.
      const withData = monthParts.filter((p) => p.flag !== 'x');
      const exposure = withData.reduce<number | null>(
        (s, p) => (s === null || p.denominator === null ? null : s + p.denominator),
        0,
      );
      part = {
        count: cell.value,
        flag: cell.flag,
        denominator: withData.length === 0 ? null : exposure,
        denominatorFlag: withData.length === 0 || exposure === null ? 'x' : 'shown',
        partial: false,
      };
    }
    // Months with no data show in `monthsWithData` and `complete`; `partial` is for parts of the area not reporting.
    part.partial = monthParts.some((p) => p.partial);
    return part;
  };
  const out: TrendYear[] = [];
  for (const year of yearsInRange) {
    const yearMonths = monthRange(`${year}-01`, `${year}-12`);
    const monthParts = yearMonths.map(partOf);
    const inRange = yearMonths.filter((p) => periods.includes(p)).length;
    const complete = inRange === 12 && monthParts.every((p) => isReported(p));
    const part = yearPart(year);
    const point = toPoint(year, part, indicator, measure, input.lowCountBelow);
    const previousYear = String(Number(year) - 1);
    const first: ChangeSummary = { kind: 'not-available', flag: null, reason: 'first year shown' };
    const compared = periods.some((p) => p.startsWith(`${previousYear}-`))
      ? compare(yearMonths, { current: part, previous: yearPart(previousYear) }, true)
      : null;
    out.push({
      ...point,
      change: compared?.change ?? first,
      countChange: compared?.countChange ?? first,
      monthsWithData: monthParts.filter((p) => p.flag !== 'x').length,
      complete,
    });
  }
  return { years: out, yearPart };
}

function buildSeasonality(
  input: TrendSeriesInput,
  periods: readonly string[],
  partOf: (period: string) => Part,
): SeasonalityProfile {
  // Only years with every month reported by every part: a missing month would bias its month-of-year average.
  const full = [...new Set(periods.map((p) => p.slice(0, 4)))].filter((y) => {
    const yearMonths = monthRange(`${y}-01`, `${y}-12`);
    return yearMonths.every((p) => periods.includes(p) && isReported(partOf(p)));
  });
  const subject = input.indicator.title;
  if (full.length < 2) {
    return {
      years: full,
      months: [],
      title: `${subject}: at least two complete years (every month with data) are needed to show a monthly pattern`,
    };
  }
  const months: SeasonalMonth[] = Array.from({ length: 12 }, (_, m) => {
    const parts = full.map((y) => {
      const cell = input.months.get(`${y}-${String(m + 1).padStart(2, '0')}`) ?? MISSING;
      const part: Part = { count: cell.value, flag: cell.flag, denominator: null, denominatorFlag: 'z', partial: false };
      return part;
    });
    const g = groupParts(parts);
    return { month: m + 1, mean: g.count === null ? null : g.count / full.length, flag: g.flag, index: null };
  });
  const shown = months.every((m) => m.mean !== null);
  const overall = shown ? months.reduce((s, m) => s + (m.mean ?? 0), 0) / 12 : null;
  if (overall !== null && overall > 0) for (const m of months) m.index = ((m.mean ?? 0) / overall) * 100;
  return { years: full, months, title: seasonalityTitle(subject, areaPhrase(input.area), months, full) };
}

function seasonalityTitle(subject: string, where: string, months: readonly SeasonalMonth[], years: readonly string[]): string {
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

function emptyComparison(reason: string): TrendComparison {
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
function buildComparison(
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
  const matchedNote = matched ? matchedMonthsNote(matched, windowPeriods.map(monthOf), calendar ? 'years' : 'periods') : null;
  if (compared.change.kind === 'not-available' && compared.change.flag === 'x') {
    const noEarlier = periodToIndex(last) - periodToIndex(at(periods, 0)) < 12;
    const reason = noEarlier
      ? `${input.indicator.title} in ${where}: fewer than 13 months of data, so no change on the year before can be shown`
      : `${input.indicator.title} in ${where}: no month has data both in ${periodLabel} and a year earlier, so no change on the year before can be shown`;
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

function listYears(years: readonly string[]): string {
  return years.length <= 1 ? (years[0] ?? '') : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`;
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
    rises.length > 0 ? `significant ${rises.length === 1 ? 'rise' : 'rises'} in ${listYears(rises)}` : null,
    falls.length > 0 ? `significant ${falls.length === 1 ? 'fall' : 'falls'} in ${listYears(falls)}` : null,
    flat.length > 0 ? `no significant change in ${listYears(flat)}` : null,
    hidden.length > 0 ? `hidden (c) in ${listYears(hidden.map((y) => y.period))}` : null,
  ].filter(Boolean);
  return `${subject} in ${where}, year on year: ${parts.join('; ')}`;
}

export function describeSlice(age: AgeBand, sex: Sex): string {
  const who = SEX_WORDS[sex].prose;
  return age === 'all' ? (sex === 'all' ? 'all ages' : `${who} of all ages`) : `${who} aged ${age}`;
}
