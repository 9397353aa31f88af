import type { BenchmarkOutcome, NotCompared } from '../../stats';

type Outcome = BenchmarkOutcome | NotCompared;

/**
 * One shape per outcome, so the comparison is never told by colour alone: circle = better, diamond = similar,
 * square = worse, triangles = higher / lower (no judgement), open circle = not compared.
 */
export function MarkerShape({ outcome, size = 7 }: { outcome: Outcome; size?: number }) {
  const s = size;
  const common = { className: `marker marker--${outcome}`, strokeWidth: 1.5 };
  switch (outcome) {
    case 'better':
      return <circle {...common} r={s} />;
    case 'similar':
      return <path {...common} d={`M0,${-s * 1.25} L${s * 1.25},0 L0,${s * 1.25} L${-s * 1.25},0Z`} />;
    case 'worse':
      return <rect {...common} x={-s} y={-s} width={s * 2} height={s * 2} />;
    case 'higher':
      return <path {...common} d={`M0,${-s * 1.2} L${s * 1.15},${s * 0.9} L${-s * 1.15},${s * 0.9}Z`} />;
    case 'lower':
      return <path {...common} d={`M0,${s * 1.2} L${s * 1.15},${-s * 0.9} L${-s * 1.15},${-s * 0.9}Z`} />;
    default:
      return <circle {...common} r={s} />;
  }
}

/** A marker on its own, for legends and tables (decorative: the text beside it says the same). */
export function MarkerIcon({ outcome }: { outcome: Outcome }) {
  return (
    <svg className="marker-icon" width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true" focusable="false">
      <MarkerShape outcome={outcome} />
    </svg>
  );
}
