// A 12-month projection for one area and indicator from the seasonal count model in src/stats
// (log-linear trend + month-of-year levels, negative-binomial over-dispersion), with 80% and 95%
// prediction intervals and the model's back-test error on the last 12 observed months.
//
// The model sees protected monthly counts only. A hidden month (`c`) or a month with no data is
// missing to the model, never 0. A month hidden because it was small (primary suppression) is not
// missing at random: a fit without it overstates the level. Primary and secondary suppression look
// alike, so we ask the fitted model whether a hidden month could plausibly have been that small; if
// it could, and more than MAX_HIDDEN_SHARE of months are hidden, no projection is made.
import {
  backtest,
  fitSeasonalModel,
  forecast,
  poissonCdf,
  type BacktestResult,
  type ForecastPoint,
  type NotEnoughData,
  type SeasonalModel,
  type SeriesPoint,
} from '../../stats';
import type { ProtectedFigure, TrendArea } from '../readers/trend-cells';
import { areaPhrase } from '../wording/trend-finding';
import { monthName } from '../../contract/months';
import { type TrendIndicator } from './trend-series';
import type { FigureFlag } from '../../disclosure/protected-tables';

/** More hidden months than this share of the series and no model is fitted. */
export const MAX_HIDDEN_SHARE = 0.1;
export const PROJECTION_HORIZON = 12;
/** Observed months drawn before the projection. */
const HISTORY_MONTHS = 36;

export interface ObservedMonth {
  period: string;
  count: number | null;
  flag: FigureFlag;
  /** Some parts of the area sent no data: the count is too low, so the model skips it as it does a gap. */
  partial?: boolean;
}

export interface ModelSummary {
  seasonality: 'monthly' | 'harmonic' | 'none';
  /** Proportional change a year in the fitted trend (0.05 = 5% a year). */
  trendPerYear: number;
  /** 95% limits of that trend. */
  trendPerYearLower: number;
  trendPerYearUpper: number;
  /** True when the counts vary more than a Poisson model allows (negative binomial used). */
  overDispersed: boolean;
  observedMonths: number;
  firstPeriod: string;
  lastPeriod: string;
}

export type TrendProjection =
  | {
      kind: 'projection';
      area: TrendArea;
      title: string;
      history: ObservedMonth[];
      forecast: ForecastPoint[];
      backtest: BacktestResult | NotEnoughData;
      model: ModelSummary;
      hiddenMonths: number;
      /** What the hidden months mean for the projection, or null when none are hidden. */
      hiddenNote: string | null;
      missingMonths: number;
      roundedMonths: number;
    }
  | { kind: 'not-shown'; area: TrendArea; title: string; reason: string };

/**
 * The series as the model sees it: hidden and missing months are null, and so are months in which some parts of
 * the area sent no data (their totals are too low, not a fall).
 */
export function modelSeries(
  periods: readonly string[],
  months: ReadonlyMap<string, ProtectedFigure>,
  partial: ReadonlySet<string> = new Set(),
): ObservedMonth[] {
  return periods.map((period) => {
    const cell = months.get(period);
    if (!cell) return { period, count: null, flag: 'x' };
    if (partial.has(period)) return { period, count: null, flag: cell.flag, partial: true };
    return { period, count: cell.flag === 'c' ? null : cell.value, flag: cell.flag };
  });
}

/** How the hidden months bear on a model: none, hidden to protect other figures, or possibly small. */
export type HiddenMonths = { kind: 'none' } | { kind: 'not-small'; count: number } | { kind: 'possibly-small'; count: number };

/**
 * Could the hidden months have been hidden for being small? Only if the smallest fitted monthly mean
 * leaves a real chance (over 1%) of a count at or below the suppression threshold.
 */
export function judgeHiddenMonths(
  series: readonly ObservedMonth[],
  model: SeasonalModel,
  suppressBelowOrEqual: number,
): HiddenMonths {
  const count = series.filter((m) => m.flag === 'c').length;
  if (count === 0) return { kind: 'none' };
  const smallest = Math.min(...model.fitted.map((f) => f.fitted));
  return poissonCdf(suppressBelowOrEqual, smallest) > 0.01 ? { kind: 'possibly-small', count } : { kind: 'not-small', count };
}

/** Why no fair model can be fitted because of hidden months, or null. */
export function hiddenMonthsProblem(series: readonly ObservedMonth[], hidden: HiddenMonths): string | null {
  if (hidden.kind !== 'possibly-small' || hidden.count <= MAX_HIDDEN_SHARE * series.length) return null;
  return `${hidden.count} of ${series.length} months are hidden to protect privacy, and at this level some were probably hidden for being small; a model fitted without them would overstate the level. Choose a wider age band, both sexes or a larger area.`;
}

/** Plain words on what the hidden months do to the model, for the caveat. */
export function hiddenMonthsNote(hidden: HiddenMonths): string | null {
  if (hidden.kind === 'none') return null;
  const n = `${hidden.count} hidden month${hidden.count === 1 ? '' : 's'}`;
  return hidden.kind === 'not-small'
    ? `The model skips the ${n}. At this level they were hidden to protect other figures, not for being small, so skipping them should not bias the projection.`
    : `The model skips the ${n}. Some may have been hidden for being small, so the projection may be slightly too high.`;
}

export function buildProjection(
  indicator: TrendIndicator,
  area: TrendArea,
  periods: readonly string[],
  months: ReadonlyMap<string, ProtectedFigure>,
  suppressBelowOrEqual: number,
  /** The protected year cells, to compare with the last calendar year when the series ends in December. */
  years: ReadonlyMap<string, ProtectedFigure> = new Map(),
  /** Months in which some parts of the area sent no data. */
  partial: ReadonlySet<string> = new Set(),
): TrendProjection {
  const where = areaPhrase(area);
  const notShown = (reason: string): TrendProjection => ({
    kind: 'not-shown',
    area,
    reason,
    title: `No projection of ${indicator.title.charAt(0).toLowerCase()}${indicator.title.slice(1)} in ${where} can be made`,
  });
  const series = modelSeries(periods, months, partial);
  const input: SeriesPoint[] = series.map((m) => ({ period: m.period, count: m.count }));
  const model = fitSeasonalModel(input);
  if (model.kind === 'not-enough-data') return notShown(model.reason);
  const hidden = judgeHiddenMonths(series, model, suppressBelowOrEqual);
  const problem = hiddenMonthsProblem(series, hidden);
  if (problem) return notShown(problem);
  const fc = forecast(model, PROJECTION_HORIZON);
  const bt = backtest(input, PROJECTION_HORIZON);
  const z = 1.959963984540054;
  const last12 = series.slice(-12);
  const lastPeriod = series.at(-1)?.period ?? '';
  // Like with like: 12 projected months are set against 12 observed ones only, so the year cell is used only
  // when every month of the year has data from every part of the area (it may still hide one of them).
  const wholeYear = last12.length === 12 && last12.every((m) => m.flag !== 'x' && !m.partial);
  const lastYear = lastPeriod.endsWith('-12') && wholeYear ? years.get(lastPeriod.slice(0, 4)) : undefined;
  // The last 12 months when every one is shown; else the protected cell for the last calendar year.
  const recent =
    last12.length === 12 && last12.every((m) => m.count !== null)
      ? { total: last12.reduce((s, m) => s + (m.count ?? 0), 0), label: 'the last 12 months' }
      : lastYear && lastYear.flag !== 'c' && lastYear.value !== null
        ? { total: lastYear.value, label: lastPeriod.slice(0, 4) }
        : null;
  const projected = Math.round(fc.reduce((s, f) => s + f.mean, 0));
  const lastForecast = fc.at(-1)?.period ?? '';
  const since = monthName(model.firstPeriod).split(' ')[1];
  const title =
    `If the pattern since ${since} continued, about ${projected.toLocaleString('en-GB')} ${indicator.unit} would be recorded in ${where} in the 12 months to ${monthName(lastForecast)}` +
    (recent !== null ? `, against ${recent.total.toLocaleString('en-GB')} in ${recent.label}` : '');
  return {
    kind: 'projection',
    area,
    title,
    history: series.slice(-HISTORY_MONTHS),
    forecast: fc,
    backtest: bt,
    model: {
      seasonality: model.seasonality,
      trendPerYear: model.trendPerYear,
      trendPerYearLower: Math.expm1(model.trendPerYearLog - z * model.trendPerYearLogSE),
      trendPerYearUpper: Math.expm1(model.trendPerYearLog + z * model.trendPerYearLogSE),
      overDispersed: Number.isFinite(model.theta),
      observedMonths: model.observedMonths,
      firstPeriod: model.firstPeriod,
      lastPeriod: model.lastPeriod,
    },
    hiddenMonths: series.filter((m) => m.flag === 'c').length,
    hiddenNote: hiddenMonthsNote(hidden),
    missingMonths: series.filter((m) => m.flag === 'x' || m.partial).length,
    roundedMonths: series.filter((m) => m.flag === 'rounded').length,
  };
}
