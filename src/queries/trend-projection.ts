// A 12-month projection for one area and indicator from the seasonal count model in src/stats
// (log-linear trend + month-of-year levels, negative-binomial over-dispersion), with 80% and 95%
// prediction intervals and the model's back-test error on the last 12 observed months.
//
// The model sees protected monthly counts only. A hidden month (`c`) or a month with no data is
// missing to the model, never 0. Hidden months are the small ones, so when many are hidden a fit
// without them would overstate the level: above MAX_HIDDEN_SHARE the projection is not made.
import type { Engine } from '../engine/engine-types';
import { backtest, fitSeasonalModel, forecast, type BacktestResult, type ForecastPoint, type NotEnoughData, type SeriesPoint } from '../stats';
import { indicatorMonthRange, readTrendCells, resolveTrendArea, type ProtectedFigure, type TrendArea, type TrendSlice } from './trend-cells';
import { areaPhrase, type TrendFlag } from './trend-finding';
import { monthName, monthRange, type TrendIndicator } from './trend-series';

/** More hidden months than this share of the series and no model is fitted. */
export const MAX_HIDDEN_SHARE = 0.1;
export const PROJECTION_HORIZON = 12;
/** Observed months drawn before the projection. */
const HISTORY_MONTHS = 36;

export interface ObservedMonth {
  period: string;
  count: number | null;
  flag: TrendFlag;
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
      missingMonths: number;
      roundedMonths: number;
    }
  | { kind: 'not-shown'; area: TrendArea; title: string; reason: string };

export interface ProjectionRequest extends TrendSlice {
  indicator: TrendIndicator;
}

export async function trendProjection(engine: Engine, table: string, request: ProjectionRequest): Promise<TrendProjection | null> {
  const area = await resolveTrendArea(engine, request.areaCode);
  if (!area) return null;
  const id = request.indicator.id;
  const [cells, ranges] = await Promise.all([
    readTrendCells(engine, table, [id], area.code, request),
    indicatorMonthRange(engine, table, [id], request.lastPeriod),
  ]);
  const range = ranges.get(id);
  const months = cells.months.get(id) ?? new Map<string, ProtectedFigure>();
  return buildProjection(request.indicator, area, range ? monthRange(range.first, range.last) : [], months);
}

/** The series as the model sees it: hidden and missing months are null. */
export function modelSeries(periods: readonly string[], months: ReadonlyMap<string, ProtectedFigure>): ObservedMonth[] {
  return periods.map((period) => {
    const cell = months.get(period);
    if (!cell) return { period, count: null, flag: 'x' };
    return { period, count: cell.flag === 'c' ? null : cell.value, flag: cell.flag };
  });
}

/** Too many hidden months for a fair model, or null when the share is acceptable. */
export function hiddenShareProblem(series: readonly ObservedMonth[]): string | null {
  const hidden = series.filter((m) => m.flag === 'c').length;
  if (hidden === 0 || hidden <= MAX_HIDDEN_SHARE * series.length) return null;
  return `${hidden} of ${series.length} months are hidden to protect privacy. Hidden months are the small ones, so a model fitted without them would overstate the level; choose a wider age band, both sexes or a larger area.`;
}

export function buildProjection(
  indicator: TrendIndicator,
  area: TrendArea,
  periods: readonly string[],
  months: ReadonlyMap<string, ProtectedFigure>,
): TrendProjection {
  const where = areaPhrase(area);
  const notShown = (reason: string): TrendProjection => ({
    kind: 'not-shown',
    area,
    reason,
    title: `No projection of ${indicator.title.charAt(0).toLowerCase()}${indicator.title.slice(1)} in ${where} can be made`,
  });
  const series = modelSeries(periods, months);
  const problem = hiddenShareProblem(series);
  if (problem) return notShown(problem);
  const input: SeriesPoint[] = series.map((m) => ({ period: m.period, count: m.count }));
  const model = fitSeasonalModel(input);
  if (model.kind === 'not-enough-data') return notShown(model.reason);
  const fc = forecast(model, PROJECTION_HORIZON);
  const bt = backtest(input, PROJECTION_HORIZON);
  const z = 1.959963984540054;
  const last12 = series.slice(-12);
  const last12Total = last12.length === 12 && last12.every((m) => m.count !== null) ? last12.reduce((s, m) => s + (m.count ?? 0), 0) : null;
  const projected = Math.round(fc.reduce((s, f) => s + f.mean, 0));
  const lastForecast = fc.at(-1)?.period ?? '';
  const since = monthName(model.firstPeriod).split(' ')[1];
  const title =
    `If the pattern since ${since} continued, about ${projected.toLocaleString('en-GB')} ${indicator.unit} would be recorded in ${where} in the 12 months to ${monthName(lastForecast)}` +
    (last12Total !== null ? `, against ${last12Total.toLocaleString('en-GB')} in the last 12 months` : '');
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
    missingMonths: series.filter((m) => m.flag === 'x').length,
    roundedMonths: series.filter((m) => m.flag === 'rounded').length,
  };
}
