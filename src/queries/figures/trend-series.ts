// What the Trends view shows for one indicator, area and breakdown: counts and rates with 95% limits for each
// month, rolling 12-month totals with their change on the same 12 months a year earlier, calendar years from the
// protected year cells, a month-of-year profile, and the finding the chart's title states. Built by
// build-trend-series.ts from what readers/read-trend-series.ts reads.
import type { AgeBand, Indicator, Sex } from '../../contract';
import type { FigureFlag } from '../../disclosure/protected-tables';
import type { ProtectedFigure, TrendArea } from '../readers/trend-cells';
import type { ChangeSummary } from './change-summary';
import type { AgeBandYears } from './trend-standardised';

export type { ChangeSummary } from './change-summary';
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
