import type { LorenzPoint } from '../../stats';

export interface LorenzSeries {
  label: string;
  points: readonly LorenzPoint[];
  /** Told apart by the line's pattern, not by colour alone. */
  style: 'solid' | 'dashed';
}

const DASH = { solid: undefined, dashed: '2.5 1.5' } as const;

/** Thin a curve of hundreds of areas to at most ~200 points; the shape is unchanged at this size. */
function thin(points: readonly LorenzPoint[]): LorenzPoint[] {
  const step = Math.max(1, Math.floor(points.length / 200));
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
}

/**
 * Concentration (Lorenz) curves: share of areas, least affected first, against their share of events, with the
 * line of equality. A square SVG that scales with its box; the axis words are HTML so they stay readable.
 */
export function LorenzChart({ series }: { series: readonly LorenzSeries[] }) {
  return (
    <figure className="lorenz" aria-hidden="true">
      <div className="lorenz__plot">
        <span className="lorenz__y">Share of events (%)</span>
        <svg viewBox="-8 -4 112 112" className="lorenz__svg" focusable="false">
          <rect x="0" y="0" width="100" height="100" className="lorenz__frame" />
          {[25, 50, 75].map((t) => (
            <g key={t}>
              <line x1={t} x2={t} y1="0" y2="100" className="lorenz__grid" />
              <line x1="0" x2="100" y1={100 - t} y2={100 - t} className="lorenz__grid" />
            </g>
          ))}
          {[0, 50, 100].map((t) => (
            <g key={`l${t}`}>
              <text x={t} y="107" className="lorenz__tick" textAnchor="middle">
                {t}
              </text>
              <text x="-2" y={101.5 - t} className="lorenz__tick" textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          <line x1="0" y1="100" x2="100" y2="0" className="lorenz__equality" strokeDasharray="0.6 1.2" />
          {series.map((s) => (
            <polyline
              key={s.label}
              className={`lorenz__curve lorenz__curve--${s.style}`}
              strokeDasharray={DASH[s.style]}
              points={thin(s.points)
                .map((p) => `${(p.areaShare * 100).toFixed(2)},${(100 - p.eventShare * 100).toFixed(2)}`)
                .join(' ')}
            />
          ))}
        </svg>
        <span className="lorenz__x">Share of areas, least affected first (%)</span>
      </div>
      <figcaption className="lorenz__legend">
        {series.map((s) => (
          <span key={s.label} className="lorenz__key">
            <svg width="28" height="8" focusable="false">
              <line
                x1="0"
                x2="28"
                y1="4"
                y2="4"
                className={`lorenz__curve lorenz__curve--${s.style}`}
                strokeDasharray={s.style === 'dashed' ? '6 3' : undefined}
              />
            </svg>
            {s.label}
          </span>
        ))}
        <span className="lorenz__key">
          <svg width="28" height="8" focusable="false">
            <line x1="0" x2="28" y1="4" y2="4" className="lorenz__equality" strokeDasharray="1.5 3" />
          </svg>
          Every area with as many events (equality)
        </span>
      </figcaption>
    </figure>
  );
}
