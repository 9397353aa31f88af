import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { SeasonalMonth } from '../../queries/figures/trend-series';
import {
  AXIS_TEXT,
  AXIS_TICK,
  AxisTitle,
  GapMarks,
  GRID,
  PALETTE,
  chartFrame,
  gapPeriods,
  referenceLabel,
  valueAxis,
} from './chart-parts';

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Average count in each calendar month as bars; a hidden month has no bar and a "c" instead. */
export const SeasonalityChart = memo(function SeasonalityChart({
  months,
  width,
  height = 280,
}: {
  months: readonly SeasonalMonth[];
  width?: number;
  height?: number;
}) {
  const rows = months.map((m) => ({ month: SHORT[m.month - 1] ?? String(m.month), mean: m.mean }));
  const { hidden, missing } = gapPeriods(
    months,
    (m) => m.flag,
    (m) => SHORT[m.month - 1] ?? '',
  );
  const shown = months.every((m) => m.mean !== null);
  const average = shown ? months.reduce((s, m) => s + (m.mean ?? 0), 0) / 12 : null;
  return (
    <BarChart {...chartFrame(rows, { width, height, maxWidth: 760 }, 100, hidden.length + missing.length)}>
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="month" tick={AXIS_TICK} stroke={AXIS_TEXT} interval={0} />
      <YAxis {...valueAxis(56)} tickFormatter={(v: number) => v.toLocaleString('en-GB')} />
      <Bar dataKey="mean" fill={PALETTE[0]} isAnimationActive={false} activeBar={false} />
      {average !== null ? (
        <ReferenceLine y={average} stroke="#0b0c0c" strokeDasharray="6 4" label={referenceLabel('Average month', 'right')} />
      ) : null}
      <GapMarks hidden={hidden} missing={missing} />
      <AxisTitle text="Average count in the month" />
    </BarChart>
  );
});
