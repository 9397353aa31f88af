import { kindNamed } from '../../indicator-kinds';
import { TIER_LABELS, type Indicator, type Tier } from '../../contract';
import type { ProfileRow } from '../../queries/readers/cohort-profile';
import { MarkerShape } from './ComparisonMarker';
import { formatValue, indicatorName, isSymbol, OUTCOME_TEXT } from './cohort-format';
import { SYMBOL_MEANING } from '../../ui/symbols';

/** A range of fewer districts than this says little about where the districts lie, so it is not drawn. */
export const MIN_DISTRICTS_FOR_RANGE = 3;

/**
 * Where a value sits on a row of the spine, as a percentage of its width. As on Fingertips, the benchmark
 * (the VRU area) is the centre line and each indicator has its own scale, wide enough for the districts'
 * range and the cohort's value; values increase to the right.
 */
export function spineScale(row: ProfileRow): ((v: number) => number) | null {
  const range = row.range && row.range.shown >= MIN_DISTRICTS_FOR_RANGE ? row.range : null;
  const centre =
    (row.benchmark === null ? null : row.benchmark.stat.value) ??
    row.figure.stat.value ??
    (range ? (range.min + range.max) / 2 : null);
  if (centre === null) return null;
  const values = [range?.min, range?.max, row.figure.stat.value].filter((v): v is number => typeof v === 'number');
  let half = Math.max(0, ...values.map((v) => Math.abs(v - centre))) * 1.08;
  if (!(half > 0)) half = Math.abs(centre) * 0.1 || 1;
  return (v: number) => 50 + ((v - centre) / half) * 45;
}

function summary(rows: readonly ProfileRow[], tier: Tier, cohortName: string, hasBenchmark: boolean): string {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = isSymbol(r.figure.flag) ? r.figure.flag : r.comparison;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts: string[] = [];
  for (const key of ['worse', 'similar', 'better', 'higher', 'lower'] as const) {
    const n = counts.get(key);
    if (n) parts.push(`${n} ${OUTCOME_TEXT[key].toLowerCase()}`);
  }
  const tail: string[] = [];
  if (counts.get('c')) tail.push(`${counts.get('c')} hidden to protect privacy`);
  const na = (counts.get('x') ?? 0) + (counts.get('z') ?? 0);
  if (na) tail.push(`${na} not recorded for this cohort`);
  const compared =
    hasBenchmark && parts.length ? `${parts.join(', ')} compared with the VRU area` : 'not compared with the VRU area';
  return `Spine chart of ${TIER_LABELS[tier].toLowerCase()} indicators for ${cohortName}: ${compared}${tail.length ? `; ${tail.join(', ')}` : ''}. The table below gives every figure.`;
}

function SpineSvg({ row }: { row: ProfileRow }) {
  const pos = spineScale(row);
  if (!pos) return <span className="spine__note">no figures to place</span>;
  const range = row.range && row.range.shown >= MIN_DISTRICTS_FOR_RANGE ? row.range : null;
  const value = row.figure.stat.value;
  const hasCentre = row.benchmark === null || row.benchmark.stat.value !== null;
  return (
    <svg className="spine__svg" width="100%" height="26" focusable="false" aria-hidden="true">
      {range ? (
        <>
          <rect
            className="spine__range"
            x={`${pos(range.min)}%`}
            width={`${Math.max(0.5, pos(range.max) - pos(range.min))}%`}
            y="7"
            height="12"
          />
          <rect
            className="spine__iqr"
            x={`${pos(range.q25)}%`}
            width={`${Math.max(0.5, pos(range.q75) - pos(range.q25))}%`}
            y="7"
            height="12"
          />
        </>
      ) : null}
      {hasCentre ? <line className="spine__benchmark" x1="50%" x2="50%" y1="1" y2="25" /> : null}
      {value !== null && !isSymbol(row.figure.flag) ? (
        <svg x={`${pos(value)}%`} y="13" overflow="visible">
          <MarkerShape outcome={row.comparison} />
        </svg>
      ) : null}
    </svg>
  );
}

/** x and z rows, and counts, have nothing to place; a suppressed row still shows where the districts lie. */
function showSpine(row: ProfileRow): boolean {
  if (row.figure.flag === 'x' || row.figure.flag === 'z' || !kindNamed(row.statistic).hasRate) return false;
  return row.figure.flag !== 'c' || (row.range !== null && row.range.shown >= MIN_DISTRICTS_FOR_RANGE);
}

function rowNote(row: ProfileRow): string {
  if (row.figure.flag === 'c') return row.figure.reason ?? SYMBOL_MEANING.c;
  if (row.figure.flag === 'x' || row.figure.flag === 'z') return row.figure.reason ?? 'not available';
  return 'a count: not compared';
}

/** The visual spine chart of one tier; the profile table carries the same figures for everyone. */
export function SpineChart({
  tier,
  rows,
  indicators,
  cohortName,
  hasBenchmark,
}: {
  tier: Tier;
  rows: readonly ProfileRow[];
  indicators: ReadonlyMap<string, Indicator>;
  cohortName: string;
  hasBenchmark: boolean;
}) {
  return (
    <div className="spine" role="img" aria-label={summary(rows, tier, cohortName, hasBenchmark)}>
      {rows.map((row) => {
        const ind = indicators.get(row.indicatorId);
        const value = row.figure.stat.value;
        return (
          <div className="spine__row" key={row.indicatorId}>
            <span className="spine__name">{ind ? indicatorName(ind) : row.indicatorId}</span>
            <span className={`spine__value${isSymbol(row.figure.flag) ? ' spine__value--symbol' : ''}`}>
              {isSymbol(row.figure.flag) || value === null ? row.figure.flag : formatValue(value, row.statistic)}
              {row.lowCount ? <span className="spine__low">low count</span> : null}
            </span>
            {showSpine(row) ? <SpineSvg row={row} /> : <span className="spine__note">{rowNote(row)}</span>}
          </div>
        );
      })}
    </div>
  );
}

/** What the shapes, bars and line mean. */
export function SpineLegend({ neutral }: { neutral: boolean }) {
  const outcomes = ['better', 'similar', 'worse', ...(neutral ? (['higher', 'lower'] as const) : []), 'not-compared'] as const;
  return (
    <ul className="spine-legend" aria-label="Key to the spine charts">
      {outcomes.map((o) => (
        <li key={o}>
          <svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true" focusable="false">
            <MarkerShape outcome={o} />
          </svg>
          {o === 'higher' || o === 'lower' ? `${OUTCOME_TEXT[o]} (no judgement)` : OUTCOME_TEXT[o]}
        </li>
      ))}
      <li>
        <svg width="28" height="14" aria-hidden="true" focusable="false">
          <rect className="spine__range" x="0" y="1" width="28" height="12" />
        </svg>
        Range of districts
      </li>
      <li>
        <svg width="28" height="14" aria-hidden="true" focusable="false">
          <rect className="spine__iqr" x="0" y="1" width="28" height="12" />
        </svg>
        Middle half of districts (25th to 75th percentile)
      </li>
      <li>
        <svg width="10" height="20" aria-hidden="true" focusable="false">
          <line className="spine__benchmark" x1="5" x2="5" y1="0" y2="20" />
        </svg>
        VRU area (same ages and sex)
      </li>
    </ul>
  );
}
