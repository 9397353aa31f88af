// Small pieces drawn inside Recharts charts (they read the chart's scales through Recharts' hooks), so
// they are part of the chart's SVG and travel with it when the chart is downloaded.
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';

/** GOV.UK Analysis Function categorical palette (colour-blind safe, in this order). */
export const PALETTE = ['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1'] as const;
/** Line dash patterns, so series differ without colour. */
export const DASHES = ['', '8 4', '2 3', '10 3 2 3', '4 2', '1 4'] as const;
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'ring'] as const;
export type MarkerKind = (typeof MARKERS)[number];

export const CHART_FONT = "system-ui, 'Segoe UI', Arial, sans-serif";
export const AXIS_TEXT = '#484949';
export const GRID = '#dcdcdc';
/** Light fill for confidence bands (decorative: the limits are in the table). */
export const BAND_FILL = '#9fb8cf';

export function pick<T>(xs: readonly T[], i: number): T {
  return xs[i % xs.length] as T;
}

/** A marker shape centred on (x, y). */
export function Marker({
  kind,
  x,
  y,
  colour,
  size = 4,
}: {
  kind: MarkerKind;
  x: number;
  y: number;
  colour: string;
  size?: number;
}) {
  const s = size;
  switch (kind) {
    case 'circle':
      return <circle cx={x} cy={y} r={s} fill={colour} />;
    case 'ring':
      return <circle cx={x} cy={y} r={s} fill="#fff" stroke={colour} strokeWidth={2} />;
    case 'square':
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} fill={colour} />;
    case 'triangle':
      return <path d={`M${x},${y - s - 1} L${x + s + 1},${y + s} L${x - s - 1},${y + s} Z`} fill={colour} />;
    case 'diamond':
      return <path d={`M${x},${y - s - 1} L${x + s + 1},${y} L${x},${y + s + 1} L${x - s - 1},${y} Z`} fill={colour} />;
    case 'cross':
      return (
        <path
          d={`M${x - s},${y - s} L${x + s},${y + s} M${x - s},${y + s} L${x + s},${y - s}`}
          stroke={colour}
          strokeWidth={2.5}
        />
      );
  }
}

/** A Recharts `dot` renderer drawing the marker for non-null points only. */
export function markerDot(kind: MarkerKind, colour: string, size = 4) {
  function MarkerDot(props: { cx?: number; cy?: number; value?: unknown; index?: number }) {
    const { cx, cy, value } = props;
    if (cx === undefined || cy === undefined || value === null || value === undefined || Number.isNaN(cy))
      return <g key={props.index} />;
    return <Marker key={props.index} kind={kind} x={cx} y={cy} colour={colour} size={size} />;
  }
  return MarkerDot;
}

/** Space to leave under the plot for GapMarks' row. */
export const GAP_ROW_MARGIN = 30;

/**
 * Writes a symbol ("c" or "x") in a row under the horizontal axis at each listed category, so a gap in
 * a line is labelled with its reason rather than left to look like a zero or an error. The row sits
 * below the axis labels, away from the data, with its key at the left.
 */
export function GapMarks({ hidden, missing }: { hidden: readonly string[]; missing: readonly string[] }) {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  if (!xScale || !plot || hidden.length + missing.length === 0) return null;
  const y = plot.y + plot.height + 36;
  const key = hidden.length > 0 && missing.length > 0 ? 'gaps: c, x' : hidden.length > 0 ? 'hidden: c' : 'no data: x';
  const marks = [...hidden.map((p) => [p, 'c'] as const), ...missing.map((p) => [p, 'x'] as const)];
  return (
    <g className="gap-marks" aria-hidden="true">
      <text x={plot.x - 8} y={y} textAnchor="end" fontSize={10} fill={AXIS_TEXT} fontFamily={CHART_FONT}>
        {key}
      </text>
      {marks.map(([p, symbol]) => {
        const x = xScale(p, { position: 'middle' });
        if (x === undefined) return null;
        return (
          <text
            key={p}
            className={`gap-mark gap-mark--${symbol}`}
            x={x}
            y={y}
            textAnchor="middle"
            fontSize={11}
            fontWeight={700}
            fill="#0b0c0c"
            fontFamily={CHART_FONT}
          >
            {symbol}
          </text>
        );
      })}
    </g>
  );
}

/** The vertical axis's title, written horizontally above the plot (GOV.UK chart style). */
export function AxisTitle({ text }: { text: string }) {
  const plot = usePlotArea();
  if (!plot) return null;
  return (
    <text x={Math.max(4, plot.x - 40)} y={plot.y - 10} fontSize={13} fill={AXIS_TEXT} fontFamily={CHART_FONT}>
      {text}
    </text>
  );
}

export interface EndLabel {
  key: string;
  text: string;
  /** Category (x) and value (y) of the point the label sits beside. */
  x: string;
  y: number;
  colour: string;
  /** Write the label to the left of and above the point instead (e.g. where the right is taken). */
  before?: boolean;
  /** Dark text (4.5:1 contrast whatever the series colour); the label sits at the end of its line. */
  darkText?: boolean;
}

/**
 * Direct labels at the right-hand end of each line, nudged apart so they never overlap (GOV.UK: label
 * lines directly rather than with a legend).
 */
export function EndLabels({ labels, lineHeight = 16 }: { labels: readonly EndLabel[]; lineHeight?: number }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  if (!xScale || !yScale || !plot) return null;
  const placed = labels
    .filter((l) => !l.before)
    .map((l) => ({ ...l, px: xScale(l.x, { position: 'middle' }), py: yScale(l.y) }))
    .filter((l): l is typeof l & { px: number; py: number } => l.px !== undefined && l.py !== undefined)
    .sort((a, b) => a.py - b.py);
  // Push labels down until none overlaps the one above, then back up if the last left the plot.
  for (let i = 1; i < placed.length; i++) {
    const prev = placed[i - 1];
    const cur = placed[i];
    if (prev && cur && cur.py - prev.py < lineHeight) cur.py = prev.py + lineHeight;
  }
  const bottom = plot.y + plot.height;
  for (let i = placed.length - 1; i >= 0; i--) {
    const cur = placed[i];
    const next = placed[i + 1];
    if (!cur) continue;
    const limit = next ? next.py - lineHeight : bottom;
    if (cur.py > limit) cur.py = limit;
  }
  const before = labels.flatMap((l) => {
    const px = l.before ? xScale(l.x, { position: 'middle' }) : undefined;
    const py = l.before ? yScale(l.y) : undefined;
    return px === undefined || py === undefined ? [] : [{ ...l, px, py }];
  });
  return (
    <g className="end-labels">
      {placed.map((l) => (
        <text
          key={l.key}
          x={l.px + 10}
          y={l.py + 4}
          fontSize={12}
          fontWeight={700}
          fill={l.darkText ? '#0b0c0c' : l.colour}
          fontFamily={CHART_FONT}
        >
          {l.text}
        </text>
      ))}
      {before.map((l) => (
        <text
          key={l.key}
          x={l.px - 8}
          y={l.py - 10}
          textAnchor="end"
          fontSize={12}
          fontWeight={700}
          fill={l.colour}
          fontFamily={CHART_FONT}
        >
          {l.text}
        </text>
      ))}
    </g>
  );
}

/** Ticks for a monthly axis: each January (or every month when the span is short). */
export function januaryTicks(periods: readonly string[]): string[] {
  const januaries = periods.filter((p) => p.endsWith('-01'));
  return januaries.length >= 2 ? januaries : periods.filter((_, i) => i % 3 === 0);
}

/** The tick labels of every chart's axes. */
export const AXIS_TICK = { fill: AXIS_TEXT, fontSize: 12, fontFamily: CHART_FONT };

/** A fixed size (tests, pictures) or the container's width, up to `maxWidth` when given. */
export function chartSizing(width: number | undefined, height: number, maxWidth?: number) {
  if (width) return { width, height };
  return { responsive: true, style: maxWidth ? { width: '100%', maxWidth, height } : { width: '100%', height } };
}

/** Room on the right for end labels, and below the plot for the row of gap marks when `gaps` are drawn. */
export function chartMargin(right: number, gaps = 0) {
  return { top: 30, right, bottom: gaps > 0 ? 8 + GAP_ROW_MARGIN : 8, left: 8 };
}

/** The axis of a monthly chart: a tick each January, labelled with its year. */
export function monthAxis(periods: readonly string[]) {
  return {
    dataKey: 'period',
    ticks: januaryTicks(periods),
    tickFormatter: (p: string) => (p.endsWith('-01') ? p.slice(0, 4) : p),
    tick: AXIS_TICK,
    stroke: AXIS_TEXT,
    interval: 0,
  };
}

/** The value axis of every trend chart: a label at each tick, `width` pixels for them. */
export function valueAxis(width: number) {
  return { interval: 0, tick: AXIS_TICK, stroke: AXIS_TEXT, width };
}

/** The periods of a chart whose figure is hidden (`c`) and missing (`x`), for the gap marks under the axis. */
export function gapPeriods<T>(items: readonly T[], flagOf: (item: T) => string, periodOf: (item: T) => string) {
  return {
    hidden: items.filter((item) => flagOf(item) === 'c').map(periodOf),
    missing: items.filter((item) => flagOf(item) === 'x').map(periodOf),
  };
}

/** A confidence or prediction band: drawn fill only, no outline or hover dot, broken where a period has none. */
export const BAND_AREA = { stroke: 'none', isAnimationActive: false, activeDot: false, connectNulls: false } as const;

/** The recorded line of a single series: solid, with circle markers, broken (never joined) at a hidden month. */
export const RECORDED_LINE = {
  stroke: PALETTE[0],
  strokeWidth: 2,
  connectNulls: false,
  isAnimationActive: false,
  dot: markerDot('circle', PALETTE[0], 2.5),
  activeDot: false,
} as const;

/** The label of a reference line, in the charts' dark text. */
export function referenceLabel(value: string, position: 'right' | 'insideTopRight') {
  return { value, position, fill: '#0b0c0c', fontSize: 12, fontFamily: CHART_FONT };
}

/**
 * What every trend chart's frame is given: its rows, its size, room for end labels (`right`) and the gap marks'
 * row, and no Recharts keyboard layer (the table behind the chart is the accessible way to the figures).
 */
export function chartFrame<Row>(
  data: Row[],
  size: { width?: number; height: number; maxWidth?: number },
  right: number,
  gaps = 0,
) {
  return {
    data,
    ...chartSizing(size.width, size.height, size.maxWidth),
    margin: chartMargin(right, gaps),
    accessibilityLayer: false,
  };
}
