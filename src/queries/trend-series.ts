// The monthly series behind the Trends view: counts and rates with 95% limits for each month, rolling
// 12-month totals with their change on the same 12 months a year earlier, calendar years from the
// protected year cells, a month-of-year profile, and the finding the chart's title states.
//
// Disclosure: every figure is a protected cell or a grouping of protected cells. A grouping (a rolling
// total, a month-of-year average) goes through protectGrouping, so it is `c` as soon as one month is.
// A month with no cell at all (the partner sent no data) is 'x' (not available), never 0.
import type { AgeBand, Indicator, Sex } from '../contract';
import { LONG_MONTHS, monthName } from '../contract/months';
import { protectGrouping } from '../disclosure/grouping';
import { crudeRate, exactPoissonLimits, indexToPeriod, periodToIndex, proportion, rateLimits } from '../stats';
import { populationForIndicator, type ProtectedFigure, type TrendArea, type TrendSlice } from './trend-cells';
import type { TrendSource } from './trend-source';
import {
  areaPhrase,
  findingTitle,
  summariseChange,
  type ChangeSummary,
  type PeriodFigures,
  type TrendFlag,
} from './trend-finding';

export type { ChangeSummary, TrendFlag } from './trend-finding';
export type { TrendArea } from './trend-cells';

/** What a trend needs to know about its indicator (from the manifest). */
export type TrendIndicator = Pick<
  Indicator,
  'id' | 'title' | 'shortTitle' | 'unit' | 'statistic' | 'denominatorSource' | 'multiplier' | 'rateLabel' | 'polarity'
>;

export interface TrendPoint {
  /** The month, the last month of a rolling 12 months, or the year 'YYYY'. */
  period: string;
  count: number | null;
  flag: TrendFlag;
  /** Exact Poisson limits (below 10) or Byar's: the uncertainty of the count as a measure of risk. */
  countLower95: number | null;
  countUpper95: number | null;
  /** Population (a month: mid-year; 12 months or a year: person-years) or the proportion's denominator. */
  denominator: number | null;
  rate: number | null;
  rateLower95: number | null;
  rateUpper95: number | null;
  /** 'c' when the count or its denominator is hidden; 'x' when either is missing; 'z' does not arise. */
  rateFlag: TrendFlag;
  /** Fewer events than the policy's low count: the rate is unreliable. */
  lowCount: boolean;
  /** Some of the area's parts sent no data in the period: the total is incomplete. */
  partial: boolean;
}

export interface TrendPeriodWithChange extends TrendPoint {
  /** Change on the same period a year earlier. */
  change: ChangeSummary;
}

export interface TrendYear extends TrendPeriodWithChange {
  monthsWithData: number;
  /** All 12 months fall inside the indicator's coverage. */
  complete: boolean;
}

export interface SeasonalMonth {
  /** 1 = January. */
  month: number;
  /** Average count for this calendar month over the complete years. */
  mean: number | null;
  flag: TrendFlag;
  /** mean / average of the 12 means x 100; null unless all 12 months can be shown. */
  index: number | null;
}

export interface SeasonalityProfile {
  years: string[];
  months: SeasonalMonth[];
  title: string;
}

export interface TrendMeasure {
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
  const id = request.indicator.id;
  const [cells, ranges, bands, population, partial] = await Promise.all([
    source.cells([id], area.code, request),
    source.monthRange([id], request.lastPeriod),
    source.ageBands([id], area.code),
    request.indicator.denominatorSource === 'population' ? source.population(area.code, request.sex) : Promise.resolve([]),
    source.partialMonths([id], area.code),
  ]);
  return buildTrendSeries({
    indicator: request.indicator,
    area,
    age: request.age,
    sex: request.sex,
    range: ranges.get(id) ?? null,
    months: cells.months.get(id) ?? new Map(),
    years: cells.years.get(id) ?? new Map(),
    denominatorMonths: cells.months.get(`${id}::denominator`) ?? new Map(),
    denominatorYears: cells.years.get(`${id}::denominator`) ?? new Map(),
    population: populationForIndicator(population, request.age, bands.get(id) ?? []),
    partialMonths: partial.get(id) ?? new Map(),
    lowCountBelow: request.lowCountBelow,
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
  /** Months in which some parts of the area sent no data. */
  partialMonths: ReadonlyMap<string, number>;
  lowCountBelow: number;
}

/** Every month from first to last inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let i = periodToIndex(first); i <= periodToIndex(last); i++) out.push(indexToPeriod(i));
  return out;
}

function measureOf(indicator: TrendIndicator): TrendMeasure {
  const hasRate = indicator.statistic !== 'count' && indicator.denominatorSource !== 'none';
  const isProportion = indicator.statistic === 'proportion';
  return {
    statistic: indicator.statistic,
    hasRate,
    multiplier: indicator.multiplier,
    rateLabel: indicator.rateLabel,
    monthlyRateLabel: isProportion
      ? `${indicator.rateLabel}, in the month`
      : `${indicator.rateLabel}, in the month (not a yearly rate)`,
    rollingRateLabel: isProportion ? `${indicator.rateLabel}, over 12 months` : `${indicator.rateLabel} a year`,
  };
}

const MISSING: { value: number | null; flag: TrendFlag } = { value: null, flag: 'x' };

interface Part {
  count: number | null;
  flag: TrendFlag;
  denominator: number | null;
  /** 'z' (not applicable) for indicators shown as counts only. */
  denominatorFlag: TrendFlag | 'z';
  partial: boolean;
}

/** Sums parts the way protectGrouping does: `c` if any part is `c`, 'x' if any part is missing. */
function groupParts(parts: readonly Part[]): Part {
  const group = (figures: { value: number | null; flag: TrendFlag | 'z' }[]): { value: number | null; flag: TrendFlag } => {
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
    ? { value: null, flag: 'x' as TrendFlag }
    : group(parts.map((p) => ({ value: p.denominator, flag: p.denominatorFlag })));
  return {
    count: counts.value,
    flag: counts.flag,
    denominator: denominators.value,
    denominatorFlag: denominators.flag,
    partial: parts.some((p) => p.partial),
  };
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

  // Population: a year without a figure borrows the nearest earlier (else later) year, and says so.
  const popYears = [...input.population.keys()].sort((a, b) => a - b);
  const borrowed = new Map<number, number>();
  const populationFor = (year: number): number | null => {
    if (!measure.hasRate || indicator.denominatorSource !== 'population') return null;
    const own = input.population.get(year);
    if (own !== undefined) return own;
    const earlier = popYears.filter((y) => y < year).at(-1);
    const source = earlier ?? popYears.find((y) => y > year);
    if (source === undefined) return null;
    borrowed.set(year, source);
    return input.population.get(source) ?? null;
  };

  const partOf = (period: string): Part => {
    const cell = input.months.get(period) ?? MISSING;
    const partial = input.partialMonths.has(period);
    if (!measure.hasRate) return { count: cell.value, flag: cell.flag, denominator: null, denominatorFlag: 'z', partial };
    if (indicator.denominatorSource === 'extract') {
      const d = input.denominatorMonths.get(period) ?? MISSING;
      return { count: cell.value, flag: cell.flag, denominator: d.value, denominatorFlag: d.flag, partial };
    }
    // Person-years: a month is a twelfth of the mid-year population.
    const pop = populationFor(Number(period.slice(0, 4)));
    return {
      count: cell.value,
      flag: cell.flag,
      denominator: pop === null ? null : pop / 12,
      denominatorFlag: pop === null ? 'x' : 'shown',
      partial,
    };
  };

  const parts = periods.map(partOf);
  // A month's rate is per resident in the month (count / population), so it is a twelfth of a yearly rate.
  const months = periods.map((period, i) =>
    toPoint(period, monthlyPart(at(parts, i), indicator.denominatorSource), indicator, measure, input.lowCountBelow),
  );

  const yearsOnly = scope === 'years';
  const rolling: TrendPeriodWithChange[] = [];
  for (let i = 11; !yearsOnly && i < periods.length; i++) {
    const window = groupParts(parts.slice(i - 11, i + 1));
    const point = toPoint(at(periods, i), window, indicator, measure, input.lowCountBelow);
    const previous = i >= 23 ? groupParts(parts.slice(i - 23, i - 11)) : null;
    rolling.push({
      ...point,
      change: previous
        ? summariseChange(
            figuresOf(window),
            figuresOf(previous),
            measure.hasRate ? 'rate' : 'count',
            measure.statistic === 'proportion',
          )
        : { kind: 'not-available', flag: null, reason: 'no 12 months a year earlier' },
    });
  }

  const years = buildYears(input, periods, parts, measure);
  const seasonality = yearsOnly ? { years: [], months: [], title: '' } : buildSeasonality(input, periods);
  const comparison = yearsOnly ? emptyComparison('') : buildComparison(input, measure, periods, rolling, years);

  if (borrowed.size > 0) {
    notes.push(
      `No population figure for ${[...borrowed.keys()].join(', ')}: rates for ${borrowed.size === 1 ? 'that year use' : 'those years use'} the nearest year's population (${[...new Set(borrowed.values())].join(', ')}).`,
    );
  }
  const partialList = months.filter((m) => m.partial).map((m) => m.period);
  if (partialList.length > 0) {
    notes.push(
      `Incomplete months: some parts of ${input.area.name} sent no data for ${partialList.map(monthName).join(', ')}, so those totals (and any 12 months including them) are too low. They are marked "partial".`,
    );
  }
  if (measure.hasRate && indicator.denominatorSource === 'population') {
    notes.push(
      `Rates divide by the mid-year resident population${input.age === 'all' ? ' of the age bands the indicator covers' : ''}; a month's rate is per resident in that month, so twelve monthly rates add up to a yearly rate.`,
    );
  }
  if (measure.hasRate && indicator.denominatorSource === 'extract') {
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
      years: years.map((y) => ({ ...y, monthsWithData: periods.filter((p) => p.startsWith(`${y.period}-`)).length })),
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
function monthlyPart(part: Part, source: TrendIndicator['denominatorSource']): Part {
  if (source !== 'population' || part.denominator === null) return part;
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
  let rateFlag: TrendFlag = part.flag;
  if (measure.hasRate) {
    if (part.flag === 'c' || part.denominatorFlag === 'c') rateFlag = 'c';
    else if (part.flag === 'x' || part.denominatorFlag === 'x' || part.denominator === null) rateFlag = 'x';
    else {
      const stat =
        indicator.statistic === 'proportion'
          ? proportion(count, part.denominator, { multiplier: indicator.multiplier })
          : crudeRate(count, part.denominator, { multiplier: indicator.multiplier });
      rate = stat.value;
      rateLower95 = stat.lower95;
      rateUpper95 = stat.upper95;
      rateFlag = stat.value === null ? 'x' : part.flag === 'rounded' || part.denominatorFlag === 'rounded' ? 'rounded' : 'shown';
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
    lowCount: count !== null && count < lowCountBelow,
    partial: part.partial,
  };
}

function buildYears(
  input: TrendSeriesInput,
  periods: readonly string[],
  parts: readonly Part[],
  measure: TrendMeasure,
): TrendYear[] {
  const { indicator } = input;
  const yearsInRange = [...new Set(periods.map((p) => p.slice(0, 4)))];
  const out: TrendYear[] = [];
  let previous: { part: Part; complete: boolean } | null = null;
  for (const year of yearsInRange) {
    const monthIdx = periods.flatMap((p, i) => (p.startsWith(`${year}-`) ? [i] : []));
    const monthParts = monthIdx.map((i) => at(parts, i));
    const complete = monthIdx.length === 12;
    const cell = input.years.get(year) ?? MISSING;
    // The protected year cell, not a sum of months: it may be shown when a month is hidden.
    let part: Part;
    if (!measure.hasRate) {
      part = { count: cell.value, flag: cell.flag, denominator: null, denominatorFlag: 'z', partial: false };
    } else if (indicator.denominatorSource === 'extract') {
      const d = input.denominatorYears.get(year) ?? MISSING;
      part = { count: cell.value, flag: cell.flag, denominator: d.value, denominatorFlag: d.flag, partial: false };
    } else {
      const exposure = monthParts.reduce<number | null>(
        (s, p) => (s === null || p.denominator === null ? null : s + p.denominator),
        0,
      );
      part = {
        count: cell.value,
        flag: cell.flag,
        denominator: exposure,
        denominatorFlag: exposure === null ? 'x' : 'shown',
        partial: false,
      };
    }
    // A month with no data at all makes the year incomplete: its cell is then not the whole year.
    const missingMonths = monthParts.filter((p) => p.flag === 'x').length;
    part.partial = monthParts.some((p) => p.partial) || (missingMonths > 0 && missingMonths < monthParts.length);
    const point = toPoint(year, part, indicator, measure, input.lowCountBelow);
    let change: ChangeSummary;
    if (!previous) change = { kind: 'not-available', flag: null, reason: 'first year shown' };
    else if (!complete || !previous.complete)
      change = { kind: 'not-available', flag: null, reason: 'not a complete year of data' };
    else
      change = summariseChange(
        figuresOf(part),
        figuresOf(previous.part),
        measure.hasRate ? 'rate' : 'count',
        measure.statistic === 'proportion',
      );
    out.push({ ...point, change, monthsWithData: monthParts.filter((p) => p.flag !== 'x').length, complete });
    previous = { part, complete };
  }
  return out;
}

function buildSeasonality(input: TrendSeriesInput, periods: readonly string[]): SeasonalityProfile {
  const full = [...new Set(periods.map((p) => p.slice(0, 4)))].filter(
    (y) => periods.filter((p) => p.startsWith(`${y}-`)).length === 12,
  );
  const subject = input.indicator.title;
  if (full.length < 2) {
    return { years: full, months: [], title: `${subject}: at least two complete years are needed to show a monthly pattern` };
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
    countTitle: reason,
    rateTitle: null,
  };
}

/**
 * The latest 12 months against the 12 before. When the series ends in December the protected year cells
 * are used (a year may be shown when one of its months is hidden); otherwise the rolling totals.
 */
function buildComparison(
  input: TrendSeriesInput,
  measure: TrendMeasure,
  periods: readonly string[],
  rolling: readonly TrendPeriodWithChange[],
  years: readonly TrendYear[],
): TrendComparison {
  const last = at(periods, periods.length - 1);
  const where = areaPhrase(input.area);
  const lastYear = years.at(-1);
  const prevYear = years.at(-2);
  let current: TrendPoint | null;
  let previous: TrendPoint | null;
  let periodLabel: string;
  let previousLabel: string;
  let source: TrendComparison['source'];
  if (last.endsWith('-12') && lastYear?.complete && prevYear?.complete) {
    source = 'calendar-years';
    current = lastYear;
    previous = prevYear;
    periodLabel = lastYear.period;
    previousLabel = prevYear.period;
  } else {
    source = 'rolling-12-months';
    current = rolling.at(-1) ?? null;
    previous = rolling.length > 12 ? (rolling.at(-13) ?? null) : null;
    periodLabel = `the 12 months to ${monthName(last)}`;
    previousLabel = 'the 12 months before';
  }
  if (!current || !previous) {
    const reason = `${input.indicator.title} in ${where}: fewer than 24 months of data, so no change on the year before can be shown`;
    return { ...emptyComparison(reason), periodLabel, previousLabel, source };
  }
  const figures = (p: TrendPoint): PeriodFigures => ({
    count: p.count,
    flag: p.flag,
    denominator: p.denominator,
    denominatorFlag: p.rateFlag === 'c' && p.flag !== 'c' ? 'c' : p.denominator === null ? 'x' : 'shown',
  });
  const title = (basis: 'rate' | 'count'): string => {
    const change = summariseChange(figures(current), figures(previous), basis);
    return findingTitle({
      indicatorTitle: input.indicator.title,
      unit: input.indicator.unit,
      areaPhrase: where,
      statistic: input.indicator.statistic,
      basis,
      periodLabel,
      previousLabel,
      current: figures(current),
      previous: figures(previous),
      change,
      lowCountBelow: input.lowCountBelow,
    });
  };
  const basis = measure.hasRate ? 'rate' : 'count';
  return {
    source,
    periodLabel,
    previousLabel,
    current,
    previous,
    change: summariseChange(figures(current), figures(previous), basis),
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
      : `${subject} in ${where}: there are not enough complete years to compare one with the year before`;
  }
  const of = (dir: 'increase' | 'decrease' | 'no-significant-change') =>
    tested.filter((y) => y.change.kind === 'tested' && y.change.direction === dir).map((y) => y.period);
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
  const who = sex === 'all' ? 'people' : sex === 'female' ? 'females' : 'males';
  return age === 'all' ? (sex === 'all' ? 'all ages' : `${who} of all ages`) : `${who} aged ${age}`;
}
