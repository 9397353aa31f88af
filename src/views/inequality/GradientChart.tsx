import type { GroupFigure } from '../../queries/readers/inequality-figures';
import { formatRate } from './inequality-format';

/**
 * Rates by deprivation group as horizontal bars, most deprived at the top, each with its 95% confidence
 * interval as a whisker and its value written beside it; a hidden group is drawn as an empty hatched track
 * marked `c`, never as a zero. Drawn in HTML so it reflows to any width; the table below has every figure.
 */
export function GradientChart({ groups }: { groups: readonly GroupFigure[] }) {
  const shown = groups.filter((g) => g.rate?.value != null && g.rateFlag !== 'c' && g.rateFlag !== 'x');
  const max = Math.max(1e-9, ...shown.map((g) => g.rate!.upper95 ?? g.rate!.value!));
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / max) * 100))}%`;
  return (
    <div className="gradient" aria-hidden="true">
      {groups.map((g) => {
        const hidden = g.rateFlag === 'c' || g.rateFlag === 'x' || g.rate?.value == null;
        return (
          <div key={g.group} className="gradient__row">
            <span className="gradient__label">{g.label}</span>
            <span className={`gradient__track${hidden ? ' gradient__track--hidden' : ''}`}>
              {hidden ? null : (
                <>
                  <span className="gradient__bar" style={{ width: pct(g.rate!.value!) }} />
                  {g.rate!.lower95 != null && g.rate!.upper95 != null ? (
                    <span
                      className="gradient__whisker"
                      style={{ left: pct(g.rate!.lower95), width: `calc(${pct(g.rate!.upper95)} - ${pct(g.rate!.lower95)})` }}
                    />
                  ) : null}
                </>
              )}
            </span>
            <span className="gradient__value">{hidden ? (g.rateFlag === 'x' ? 'x' : 'c') : formatRate(g.rate!.value!)}</span>
          </div>
        );
      })}
    </div>
  );
}
