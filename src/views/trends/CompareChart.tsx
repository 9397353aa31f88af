import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { TrendIndexComparison } from '../../queries/figures/trend-compare';
import {
  AXIS_TEXT,
  AxisTitle,
  DASHES,
  EndLabels,
  GRID,
  MARKERS,
  markerDot,
  PALETTE,
  pick,
  type EndLabel,
  AXIS_TICK,
  chartFrame,
  valueAxis,
} from './chart-parts';

/** Style of the k-th compared series: colour, dash and marker together, so no series relies on colour. */
export function seriesStyle(k: number) {
  return { colour: pick(PALETTE, k), dash: pick(DASHES, k), marker: pick(MARKERS, k) };
}

/** Indexed lines (base year = 100), each with its own dash and marker and a direct label at its end. */
export const CompareChart = memo(function CompareChart({
  comparison,
  width,
  height = 360,
}: {
  comparison: TrendIndexComparison;
  width?: number;
  height?: number;
}) {
  const drawn = comparison.series.map((s, k) => ({ s, k })).filter(({ s }) => s.unavailableReason === null);
  const rows = comparison.periods.map((period) => {
    const row: Record<string, string | number | null> = { period };
    for (const { s } of drawn) row[s.indicatorId] = s.points.find((p) => p.period === period)?.index ?? null;
    return row;
  });
  const labels: EndLabel[] = drawn.flatMap(({ s, k }) => {
    const last = [...s.points].reverse().find((p) => p.index !== null);
    const style = seriesStyle(k);
    return last && last.index !== null
      ? [{ key: s.indicatorId, text: s.shortTitle, x: last.period, y: last.index, colour: style.colour, darkText: true }]
      : [];
  });
  return (
    <LineChart {...chartFrame(rows, { width, height }, 250)}>
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="period" tick={AXIS_TICK} stroke={AXIS_TEXT} interval={0} />
      <YAxis
        {...valueAxis(48)}
        allowDecimals={false}
        domain={[
          (min: number) => Math.min(90, Math.floor(min / 10) * 10),
          (max: number) => Math.max(110, Math.ceil(max / 10) * 10),
        ]}
      />
      <ReferenceLine y={100} stroke="#0b0c0c" strokeWidth={1} />
      {drawn.map(({ s, k }) => {
        const style = seriesStyle(k);
        return (
          <Line
            key={s.indicatorId}
            dataKey={s.indicatorId}
            name={s.shortTitle}
            stroke={style.colour}
            strokeWidth={2.5}
            strokeDasharray={style.dash || undefined}
            connectNulls={false}
            isAnimationActive={false}
            dot={markerDot(style.marker, style.colour, 5)}
            activeDot={false}
          />
        );
      })}
      <EndLabels labels={labels} />
      <AxisTitle text={`Index (${comparison.baseYear ?? 'first year'} = 100)`} />
    </LineChart>
  );
});
