import { forwardRef, useId } from 'react';
import type { BriefingPoint } from '../../queries/figures/briefing-measure';
import { formatMonth, shortMonth } from '../../ui/format';

const WIDTH = 260;
const HEIGHT = 64;
const PAD = { top: 14, right: 8, bottom: 16, left: 8 };

/** Words for the chart's text alternative: the range of months, the lowest and highest, and what is hidden. */
export function sparklineDescription(points: readonly BriefingPoint[], unit: string): string {
  if (points.length === 0) return 'No monthly figures.';
  const shown = points.filter((p) => p.value !== null);
  const hidden = points.filter((p) => p.flag === 'c').length;
  const gaps = points.filter((p) => p.flag === 'x').length;
  const range = `Monthly ${unit} from ${formatMonth(points[0]!.period)} to ${formatMonth(points.at(-1)!.period)}`;
  if (shown.length === 0) return `${range}: every month is hidden or missing.`;
  const low = shown.reduce((a, b) => (b.value! < a.value! ? b : a));
  const high = shown.reduce((a, b) => (b.value! > a.value! ? b : a));
  const parts = [
    `${range}: lowest ${low.value!.toLocaleString('en-GB')} (${formatMonth(low.period)}), highest ${high.value!.toLocaleString('en-GB')} (${formatMonth(high.period)}).`,
  ];
  if (hidden > 0)
    parts.push(`${hidden} ${hidden === 1 ? 'month is' : 'months are'} hidden to protect privacy (c), shown as gaps.`);
  if (gaps > 0) parts.push(`${gaps} ${gaps === 1 ? 'month has' : 'months have'} no data (x), shown as gaps.`);
  return parts.join(' ');
}

/**
 * A small line of monthly figures. Hidden (c) and missing (x) months break the line rather than drop it to zero;
 * they are marked with a small tick on the baseline. Drawn with presentation attributes only, so the exported
 * SVG and PNG look the same as the page.
 */
export const Sparkline = forwardRef<SVGSVGElement, { points: readonly BriefingPoint[]; label: string; unit: string }>(
  function Sparkline({ points, label, unit }, ref) {
    const id = useId();
    const values = points.map((p) => p.value).filter((v): v is number => v !== null);
    const max = Math.max(1, ...values);
    const innerW = WIDTH - PAD.left - PAD.right;
    const innerH = HEIGHT - PAD.top - PAD.bottom;
    const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
    const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
    const segments: string[] = [];
    let current = '';
    points.forEach((p, i) => {
      if (p.value === null) {
        if (current) segments.push(current);
        current = '';
        return;
      }
      current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
    });
    if (current) segments.push(current);
    const lastIndex = points.findLastIndex((p) => p.value !== null);
    const last = lastIndex >= 0 ? points[lastIndex] : undefined;
    const description = sparklineDescription(points, unit);
    return (
      <svg
        ref={ref}
        className="sparkline"
        xmlns="http://www.w3.org/2000/svg"
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>{label}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + innerH} y2={PAD.top + innerH} stroke="#b1b4b6" strokeWidth={1} />
        {segments.map((d, i) => (
          <path key={i} d={d} fill="none" stroke="#12365a" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
        ))}
        {points.map((p, i) =>
          p.value === null ? (
            <line
              key={p.period}
              x1={x(i)}
              x2={x(i)}
              y1={PAD.top + innerH - 4}
              y2={PAD.top + innerH + 2}
              stroke="#484949"
              strokeWidth={1.5}
            />
          ) : null,
        )}
        {last && last.value !== null ? <circle cx={x(lastIndex)} cy={y(last.value)} r={3} fill="#12365a" /> : null}
        {values.length > 0 ? (
          <text x={PAD.left} y={10} fontSize={10} fill="#484949">
            {`highest ${Math.max(...values).toLocaleString('en-GB')}`}
          </text>
        ) : null}
        {points.length > 0 ? (
          <>
            <text x={PAD.left} y={HEIGHT - 3} fontSize={10} fill="#484949">
              {`${shortMonth(points[0]!.period)} ${points[0]!.period.slice(0, 4)}`}
            </text>
            <text x={WIDTH - PAD.right} y={HEIGHT - 3} fontSize={10} fill="#484949" textAnchor="end">
              {`${shortMonth(points.at(-1)!.period)} ${points.at(-1)!.period.slice(0, 4)}`}
            </text>
          </>
        ) : null}
      </svg>
    );
  },
);
