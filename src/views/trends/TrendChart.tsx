import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../queries/figures/trend-series';
import {
  AxisTitle,
  BAND_FILL,
  GapMarks,
  GRID,
  chartFrame,
  monthAxis,
  BAND_AREA,
  RECORDED_LINE,
  gapPeriods,
  valueAxis,
} from './chart-parts';
import { formatRate } from './format-trend';

export type TrendMeasureChoice = 'count' | 'rate';

interface ChartRow {
  period: string;
  value: number | null;
  band: [number, number] | null;
}

/** The figures a chart draws for one measure: value and 95% limits, null where hidden or missing. */
export function chartRows(points: readonly TrendPoint[], measure: TrendMeasureChoice): ChartRow[] {
  return points.map((p) => {
    const value = measure === 'rate' ? p.rate : p.count;
    const lower = measure === 'rate' ? p.rateLower95 : p.countLower95;
    const upper = measure === 'rate' ? p.rateUpper95 : p.countUpper95;
    return { period: p.period, value, band: value !== null && lower !== null && upper !== null ? [lower, upper] : null };
  });
}

/**
 * A monthly (or rolling 12-month) series as a line with markers, optionally with its 95% confidence
 * band. Hidden months break the line (never drawn as 0) and carry a "c" above the axis; months with no
 * data carry an "x".
 */
export const TrendChart = memo(function TrendChart({
  points,
  measure,
  showLimits,
  axisTitle,
  width,
  height = 340,
}: {
  points: readonly TrendPoint[];
  measure: TrendMeasureChoice;
  showLimits: boolean;
  axisTitle: string;
  /** Fixed width (tests); the chart fills its container otherwise. */
  width?: number;
  height?: number;
}) {
  const rows = chartRows(points, measure);
  const flagOf = (p: TrendPoint) => (measure === 'rate' ? p.rateFlag : p.flag);
  const { hidden, missing } = gapPeriods(points, flagOf, (p) => p.period);
  const periods = points.map((p) => p.period);
  const format = measure === 'rate' ? formatRate : (v: number) => v.toLocaleString('en-GB');
  return (
    <ComposedChart {...chartFrame(rows, { width, height }, 24, hidden.length + missing.length)}>
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis {...monthAxis(periods)} />
      <YAxis {...valueAxis(64)} tickFormatter={format} domain={[0, 'auto']} allowDecimals={measure === 'rate'} />
      {showLimits ? <Area dataKey="band" {...BAND_AREA} fill={BAND_FILL} fillOpacity={0.55} /> : null}
      <Line dataKey="value" {...RECORDED_LINE} />
      <GapMarks hidden={hidden} missing={missing} />
      <AxisTitle text={axisTitle} />
    </ComposedChart>
  );
});
