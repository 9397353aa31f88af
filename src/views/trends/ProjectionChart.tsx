import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { TrendProjection } from '../../queries/figures/trend-projection';
import {
  AXIS_TEXT,
  AxisTitle,
  EndLabels,
  GapMarks,
  GRID,
  PALETTE,
  type EndLabel,
  chartFrame,
  monthAxis,
  BAND_AREA,
  RECORDED_LINE,
  gapPeriods,
  referenceLabel,
  valueAxis,
} from './chart-parts';

type Projection = Extract<TrendProjection, { kind: 'projection' }>;

/**
 * Recorded months, then the projection's mean (dashed) inside its 80% (darker) and 95% (lighter)
 * prediction intervals, labelled directly. Hidden months break the recorded line and carry a "c".
 */
export const ProjectionChart = memo(function ProjectionChart({
  projection,
  width,
  height = 360,
}: {
  projection: Projection;
  width?: number;
  height?: number;
}) {
  const lastRecorded = projection.history.at(-1)?.period ?? '';
  const rows = [
    ...projection.history.map((h) => ({ period: h.period, recorded: h.count, mean: null, band80: null, band95: null })),
    ...projection.forecast.map((f) => ({
      period: f.period,
      recorded: null,
      mean: f.mean,
      band80: [f.lower80, f.upper80] as [number, number],
      band95: [f.lower95, f.upper95] as [number, number],
    })),
  ];
  const periods = rows.map((r) => r.period);
  const { hidden, missing } = gapPeriods(
    projection.history,
    (h) => h.flag,
    (h) => h.period,
  );
  const last = projection.forecast.at(-1);
  const lastShown = [...projection.history].reverse().find((h) => h.count !== null);
  const labels: EndLabel[] = [
    ...(lastShown && lastShown.count !== null
      ? [{ key: 'recorded', text: 'Recorded', x: lastShown.period, y: lastShown.count, colour: PALETTE[0], before: true }]
      : []),
    ...(last
      ? [
          { key: 'mean', text: 'Projection', x: last.period, y: last.mean, colour: '#0b0c0c' },
          {
            key: 'p80',
            text: '80% interval',
            x: last.period,
            y: (last.lower80 + last.upper80) / 2 + (last.upper80 - last.lower80) / 4,
            colour: '#0b0c0c',
          },
          { key: 'p95', text: '95% interval', x: last.period, y: last.upper95, colour: '#0b0c0c' },
        ]
      : []),
  ];
  return (
    <ComposedChart {...chartFrame(rows, { width, height }, 110, hidden.length + missing.length)}>
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis {...monthAxis(periods)} />
      <YAxis {...valueAxis(56)} domain={[0, 'auto']} tickFormatter={(v: number) => v.toLocaleString('en-GB')} />
      <Area dataKey="band95" {...BAND_AREA} fill="#c8d9ea" fillOpacity={1} />
      <Area dataKey="band80" {...BAND_AREA} fill="#8fb1d1" fillOpacity={1} />
      <Line dataKey="recorded" {...RECORDED_LINE} />
      <Line
        dataKey="mean"
        stroke="#0b0c0c"
        strokeWidth={2}
        strokeDasharray="6 4"
        connectNulls={false}
        isAnimationActive={false}
        dot={false}
        activeDot={false}
      />
      <ReferenceLine
        x={lastRecorded}
        stroke={AXIS_TEXT}
        strokeDasharray="2 3"
        label={referenceLabel('Projection starts', 'insideTopRight')}
      />
      <GapMarks hidden={hidden} missing={missing} />
      <EndLabels labels={labels} />
      <AxisTitle text="Count in the month" />
    </ComposedChart>
  );
});
