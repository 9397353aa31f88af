// CSV files behind the Trends view's charts, built with the disclosure layer's protectedCsv: a hidden
// figure is written `c` and a period with no data `x`, never blank or 0, and each row carries its flag.
import { protectedCsv, type CsvColumn, type CsvMeta } from '../../disclosure/export-csv';
import { SUPPRESSED_SYMBOL } from '../../disclosure/suppression-text';
import type { TrendIndexComparison } from '../../queries/figures/trend-compare';
import type { TrendHotspots } from '../../queries/figures/trend-hotspots';
import type { TrendProjection } from '../../queries/figures/trend-projection';
import type {
  SeasonalMonth,
  TrendPeriodWithChange,
  TrendPoint,
  TrendSeries,
  TrendYear,
} from '../../queries/figures/trend-series';
import { csvNumber, formatChange, formatSignificance, monthOfYearName } from './format-trend';
import type { FigureFlag } from '../../disclosure/protected-tables';

/** A figure that is hidden with its row, or a hidden rate when only the denominator is hidden. */
function figure(v: number | null, flag: FigureFlag): string | number | null {
  if (flag === 'c') return SUPPRESSED_SYMBOL;
  if (flag === 'x') return 'x';
  return csvNumber(v);
}

function pointColumns(series: TrendSeries): CsvColumn<TrendPoint>[] {
  const cols: CsvColumn<TrendPoint>[] = [
    { header: 'period', value: (r) => r.period },
    { header: 'value', figure: true, value: (r) => figure(r.count, r.flag) },
    { header: 'value_lower_95', figure: true, value: (r) => figure(r.countLower95, r.flag) },
    { header: 'value_upper_95', figure: true, value: (r) => figure(r.countUpper95, r.flag) },
  ];
  if (series.measure.hasRate) {
    cols.push(
      { header: 'rate', value: (r) => figure(r.rate, r.rateFlag) },
      { header: 'rate_lower_95', value: (r) => figure(r.rateLower95, r.rateFlag) },
      { header: 'rate_upper_95', value: (r) => figure(r.rateUpper95, r.rateFlag) },
      { header: 'rate_flag', value: (r) => r.rateFlag },
    );
  }
  cols.push(
    { header: 'low_count', value: (r) => (r.lowCount ? 'yes' : 'no') },
    { header: 'partial', value: (r) => (r.partial ? 'yes' : 'no') },
  );
  return cols;
}

/** The change columns for the measure shown (rate or count), as in the table on screen. */
function changeColumns<T extends TrendPeriodWithChange>(basis: 'rate' | 'count'): CsvColumn<T>[] {
  const of = (r: T) => (basis === 'count' ? r.countChange : r.change);
  return [
    { header: 'change_basis', value: (r) => (of(r).kind === 'tested' ? basis : null) },
    { header: 'change_on_year_before', value: (r) => formatChange(of(r)) },
    {
      header: 'change_ratio_lower_95',
      value: (r) => {
        const c = of(r);
        return c.kind === 'tested' ? csvNumber(c.ratioLower) : null;
      },
    },
    {
      header: 'change_ratio_upper_95',
      value: (r) => {
        const c = of(r);
        return c.kind === 'tested' ? csvNumber(c.ratioUpper) : null;
      },
    },
    {
      header: 'change_p_value',
      value: (r) => {
        const c = of(r);
        return c.kind === 'tested' ? csvNumber(c.pValue) : null;
      },
    },
    { header: 'change_significance', value: (r) => formatSignificance(of(r)) },
  ];
}

export function seriesNotes(series: TrendSeries): string[] {
  return [
    `value = count of ${series.measure.hasRate ? 'events (numerator)' : 'events'}; value_lower_95/value_upper_95 = its 95% confidence limits`,
    ...(series.measure.hasRate ? [`rate = ${series.measure.rateLabel}`] : []),
    'low_count = fewer events than the disclosure policy’s low-count threshold: the rate is unreliable',
    'partial = some parts of the area sent no data for the period',
    ...series.notes,
  ];
}

export function monthlyCsv(meta: CsvMeta, series: TrendSeries): string {
  const rows = series.months;
  const notes = [
    ...(meta.notes ?? []),
    ...seriesNotes(series),
    ...(series.measure.hasRate ? [`monthly rate: ${series.measure.monthlyRateLabel}`] : []),
  ];
  return protectedCsv({ ...meta, notes }, pointColumns(series), rows, (r) => r.flag);
}

export function rollingCsv(meta: CsvMeta, series: TrendSeries, basis: 'rate' | 'count' = 'rate'): string {
  const rows = series.rolling;
  const cols: CsvColumn<TrendPeriodWithChange>[] = [
    ...pointColumns(series).map((c) => (c.header === 'period' ? { header: 'twelve_months_to', value: c.value } : c)),
    ...changeColumns<TrendPeriodWithChange>(series.measure.hasRate ? basis : 'count'),
  ];
  const notes = [
    ...(meta.notes ?? []),
    ...seriesNotes(series),
    ...(series.measure.hasRate ? [`rolling rate: ${series.measure.rollingRateLabel}`] : []),
    'A 12-month total is c when any of its months is c (protectGrouping), and x when any month has no data',
  ];
  return protectedCsv({ ...meta, notes }, cols, rows, (r) => r.flag);
}

export function yearsCsv(meta: CsvMeta, series: TrendSeries, basis: 'rate' | 'count' = 'rate'): string {
  const rows = series.years;
  const cols: CsvColumn<TrendYear>[] = [
    ...pointColumns(series).map((c) => (c.header === 'period' ? { header: 'year', value: c.value } : c)),
    { header: 'months_with_data', value: (r) => r.monthsWithData },
    { header: 'complete_year', value: (r) => (r.complete ? 'yes' : 'no') },
    ...changeColumns<TrendYear>(series.measure.hasRate ? basis : 'count'),
  ];
  const notes = [
    ...(meta.notes ?? []),
    ...seriesNotes(series),
    'Years are the protected calendar-year figures, not sums of months; a year with months missing (months_with_data under 12) is compared with the year before on the months both have data for only, as change_significance says',
  ];
  return protectedCsv({ ...meta, notes }, cols, rows, (r) => r.flag);
}

export function seasonalityCsv(meta: CsvMeta, series: TrendSeries): string {
  const rows = series.seasonality.months;
  const cols: CsvColumn<SeasonalMonth>[] = [
    { header: 'month', value: (r) => monthOfYearName(r.month) },
    { header: 'value', figure: true, value: (r) => figure(r.mean, r.flag) },
    { header: 'index_average_month_100', value: (r) => (r.index === null ? null : csvNumber(r.index)) },
  ];
  const notes = [
    ...(meta.notes ?? []),
    `value = average count in the calendar month over ${series.seasonality.years.join(', ')}; c when that month is hidden in any of the years`,
  ];
  return protectedCsv({ ...meta, notes }, cols, rows, (r) => r.flag);
}

interface CompareRow {
  indicator: string;
  basis: string;
  period: string;
  value: number | null;
  index: number | null;
  flag: FigureFlag;
}

export function compareCsv(meta: CsvMeta, comparison: TrendIndexComparison): string {
  const all: CompareRow[] = comparison.series.flatMap((s) =>
    s.points.map((p) => ({ indicator: s.title, basis: s.basis, period: p.period, value: p.value, index: p.index, flag: p.flag })),
  );
  const rows = all;
  const cols: CsvColumn<CompareRow>[] = [
    { header: 'indicator', value: (r) => r.indicator },
    { header: 'measure', value: (r) => r.basis },
    { header: 'year', value: (r) => r.period },
    { header: 'value', figure: true, value: (r) => figure(r.value, r.flag) },
    {
      header: `index_${comparison.baseYear ?? 'base'}_100`,
      value: (r) => (r.flag === 'c' ? SUPPRESSED_SYMBOL : csvNumber(r.index)),
    },
  ];
  const unavailable = comparison.series
    .filter((s) => s.unavailableReason !== null)
    .map((s) => `${s.title}: ${s.unavailableReason}`);
  const notes = [...(meta.notes ?? []), ...unavailable];
  return protectedCsv({ ...meta, notes }, cols, rows, (r) => r.flag);
}

interface ProjectionRow {
  kind: 'recorded' | 'projection' | 'back-test';
  period: string;
  value: number | null;
  mean: number | null;
  lower80: number | null;
  upper80: number | null;
  lower95: number | null;
  upper95: number | null;
  flag: FigureFlag;
}

export function projectionCsv(meta: CsvMeta, projection: Extract<TrendProjection, { kind: 'projection' }>): string {
  const all: ProjectionRow[] = [
    ...projection.history.map((h) => ({
      kind: 'recorded' as const,
      period: h.period,
      value: h.count,
      mean: null,
      lower80: null,
      upper80: null,
      lower95: null,
      upper95: null,
      flag: h.flag,
    })),
    ...projection.forecast.map((f) => ({
      kind: 'projection' as const,
      period: f.period,
      value: null,
      mean: f.mean,
      lower80: f.lower80,
      upper80: f.upper80,
      lower95: f.lower95,
      upper95: f.upper95,
      flag: 'shown' as const,
    })),
    ...(projection.backtest.kind === 'backtest'
      ? projection.backtest.points.map((b) => ({
          kind: 'back-test' as const,
          period: b.period,
          value: b.observed,
          mean: b.mean,
          lower80: b.lower80,
          upper80: b.upper80,
          lower95: b.lower95,
          upper95: b.upper95,
          flag: 'shown' as const,
        }))
      : []),
  ];
  const rows = all;
  const cols: CsvColumn<ProjectionRow>[] = [
    { header: 'row', value: (r) => r.kind },
    { header: 'month', value: (r) => r.period },
    { header: 'value', figure: true, value: (r) => (r.flag === 'c' ? SUPPRESSED_SYMBOL : csvNumber(r.value)) },
    { header: 'projected_mean', value: (r) => csvNumber(r.mean) },
    { header: 'prediction_lower_80', value: (r) => r.lower80 },
    { header: 'prediction_upper_80', value: (r) => r.upper80 },
    { header: 'prediction_lower_95', value: (r) => r.lower95 },
    { header: 'prediction_upper_95', value: (r) => r.upper95 },
  ];
  const notes = [
    ...(meta.notes ?? []),
    'recorded = protected monthly count; projection = seasonal count model (trend + month of year, negative binomial) with 80% and 95% prediction intervals',
    'back-test = the model refitted without the last 12 recorded months and projected over them; value is what was recorded',
    'A projection shows what would happen if past patterns continued. It is not a prediction and says nothing about individuals.',
    ...(projection.hiddenNote ? [projection.hiddenNote] : []),
  ];
  return protectedCsv({ ...meta, notes }, cols, rows, (r) => r.flag);
}

export function hotspotsCsv(meta: CsvMeta, hotspots: TrendHotspots): string {
  type Row = TrendHotspots['rows'][number];
  const cols: CsvColumn<Row>[] = [
    { header: 'area_code', value: (r) => r.areaCode },
    { header: 'area', value: (r) => r.areaName },
    { header: 'months_tested', value: (r) => (r.outcome.kind === 'tested' ? r.outcome.periods.join(' ') : null) },
    { header: 'recorded', value: (r) => (r.outcome.kind === 'tested' ? r.outcome.observed : null) },
    { header: 'expected', value: (r) => (r.outcome.kind === 'tested' ? csvNumber(r.outcome.expected) : null) },
    { header: 'ratio', value: (r) => (r.outcome.kind === 'tested' ? csvNumber(r.outcome.ratio) : null) },
    { header: 'p_value', value: (r) => (r.outcome.kind === 'tested' ? csvNumber(r.outcome.pValue) : null) },
    {
      header: 'result',
      value: (r) =>
        r.outcome.kind === 'tested'
          ? r.outcome.emerging
            ? 'emerging hotspot'
            : 'within expected range'
          : `not tested: ${r.outcome.reason}`,
    },
  ];
  const notes = [
    ...(meta.notes ?? []),
    `Each district's last ${hotspots.recentMonths} months against a seasonal model fitted on its earlier months; one-sided test at 5%`,
    `recorded = sum of the shown months tested (a hidden month is left out of both recorded and expected)`,
    `With ${hotspots.tested} districts tested, about ${hotspots.expectedByChance.toFixed(1)} would be flagged by chance alone`,
  ];
  return protectedCsv({ ...meta, notes }, cols, hotspots.rows, () => 'shown');
}
