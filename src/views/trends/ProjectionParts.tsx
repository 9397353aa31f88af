import { memo } from 'react';
import type { TrendHotspots } from '../../queries/figures/trend-hotspots';
import type { TrendProjection } from '../../queries/figures/trend-projection';
import { formatCount, formatP, longPeriod } from './format-trend';
import { TrendFigure, type FlagExplanations } from './TrendFigure';
import { numberColumn, textColumn, TrendTable } from './TrendTable';

type Projection = Extract<TrendProjection, { kind: 'projection' }>;

/** What a projection can and cannot say, in plain words, shown beside every projection. */
export function ProjectionCaveat() {
  return (
    <div className="notice projection-caveat">
      <h3 className="notice__title">What a projection can and cannot tell you</h3>
      <ul>
        <li>
          It shows what would happen if the pattern of past years – the trend and the usual ups and downs of the year – simply
          carried on. It is not a prediction of what will happen.
        </li>
        <li>
          It knows nothing about changes in services, policing, recording practice or events. Prevention that works should make it
          wrong.
        </li>
        <li>
          The shaded bands are prediction intervals: if the pattern carried on, about 8 months in 10 would fall inside the darker
          band and 19 in 20 inside the lighter one.
        </li>
        <li>It describes areas, never people. It must not be used to single out any child, family, street or school.</li>
        <li>It is made from the protected monthly figures: hidden months are skipped by the model, never counted as 0.</li>
      </ul>
    </div>
  );
}

/** The back-test in words: how far the model was out when it projected the last 12 recorded months. */
export function backtestSummary(projection: Projection): string {
  const bt = projection.backtest;
  if (bt.kind !== 'backtest') return `No back-test: ${bt.reason}`;
  const n = bt.points.length;
  const inside80 = Math.round(bt.coverage80 * n);
  const inside95 = Math.round(bt.coverage95 * n);
  const mape = bt.mape === null ? '' : ` (${Math.round(bt.mape)}%)`;
  const bias =
    Math.abs(bt.bias) < 0.5
      ? 'with no lean either way'
      : bt.bias > 0
        ? `projecting ${formatCount(Math.abs(bt.bias))} too many a month on average`
        : `projecting ${formatCount(Math.abs(bt.bias))} too few a month on average`;
  return `Refitted without the last ${n} recorded months and projected over them, the model was out by ${formatCount(bt.mae)} a month on average${mape}, ${bias}; ${inside80} of ${n} months fell inside the 80% interval and ${inside95} of ${n} inside the 95% interval.`;
}

/** The fitted model in plain words. */
export function modelSummary(projection: Projection): string {
  const m = projection.model;
  const pct = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}%`;
  const season =
    m.seasonality === 'monthly'
      ? 'a level for each calendar month'
      : m.seasonality === 'harmonic'
        ? 'a smooth yearly cycle'
        : 'no seasonal pattern (too few events to estimate one)';
  return `Fitted on ${m.observedMonths} recorded months (${longPeriod(m.firstPeriod)} to ${longPeriod(m.lastPeriod)}) with ${season} and a trend of ${pct(m.trendPerYear)} a year (95% limits ${pct(m.trendPerYearLower)} to ${pct(m.trendPerYearUpper)})${m.overDispersed ? '; the counts vary more than chance alone, and the intervals allow for that' : ''}.`;
}

/** The columns the projection and its backtest share: a month, what was recorded, what was projected. */
const PROJECTED_MONTH_COLUMNS = [
  textColumn('Month'),
  numberColumn('Recorded'),
  numberColumn('Projected'),
  numberColumn('80% interval'),
];

export const ProjectionTable = memo(function ProjectionTable({
  projection,
  explanations,
  caption,
}: {
  projection: Projection;
  explanations: FlagExplanations;
  caption: string;
}) {
  return (
    <TrendTable caption={caption} columns={[...PROJECTED_MONTH_COLUMNS, numberColumn('95% interval')]}>
      {projection.history.map((h) => (
        <tr key={h.period}>
          <th scope="row">{longPeriod(h.period)}</th>
          <td className="num">
            <TrendFigure value={h.count} flag={h.flag} format={formatCount} explanations={explanations} />
          </td>
          <td />
          <td />
          <td />
        </tr>
      ))}
      {projection.forecast.map((f) => (
        <tr key={f.period} className="trend-table__projected">
          <th scope="row">{longPeriod(f.period)}</th>
          <td />
          <td className="num">{formatCount(Math.round(f.mean))}</td>
          <td className="num">{`${formatCount(f.lower80)} to ${formatCount(f.upper80)}`}</td>
          <td className="num">{`${formatCount(f.lower95)} to ${formatCount(f.upper95)}`}</td>
        </tr>
      ))}
    </TrendTable>
  );
});

export const BacktestTable = memo(function BacktestTable({ projection, caption }: { projection: Projection; caption: string }) {
  if (projection.backtest.kind !== 'backtest') return <p>{backtestSummary(projection)}</p>;
  return (
    <TrendTable caption={caption} columns={[...PROJECTED_MONTH_COLUMNS, textColumn('Inside the 80% interval?')]}>
      {projection.backtest.points.map((b) => (
        <tr key={b.period}>
          <th scope="row">{longPeriod(b.period)}</th>
          <td className="num">{formatCount(b.observed)}</td>
          <td className="num">{formatCount(Math.round(b.mean))}</td>
          <td className="num">{`${formatCount(b.lower80)} to ${formatCount(b.upper80)}`}</td>
          <td>{b.observed >= b.lower80 && b.observed <= b.upper80 ? 'Yes' : 'No'}</td>
        </tr>
      ))}
    </TrendTable>
  );
});

/** Every district's hotspot test: flagged areas first, untested areas with the reason. */
export const HotspotTable = memo(function HotspotTable({
  hotspots,
  selectedCode,
  caption,
}: {
  hotspots: TrendHotspots;
  selectedCode: string | null;
  caption: string;
}) {
  return (
    <TrendTable
      caption={caption}
      columns={[
        textColumn('District'),
        numberColumn('Recorded'),
        numberColumn('Expected'),
        numberColumn('Recorded ÷ expected'),
        numberColumn('p-value'),
        textColumn('Result'),
      ]}
    >
      {hotspots.rows.map((r) => {
        const o = r.outcome;
        return (
          <tr key={r.areaCode} className={r.areaCode === selectedCode ? 'trend-table__selected' : undefined}>
            <th scope="row">
              {r.areaName}
              {r.areaCode === selectedCode ? <span className="hint"> (selected)</span> : null}
            </th>
            {o.kind === 'tested' ? (
              <>
                <td className="num">{formatCount(o.observed)}</td>
                <td className="num">{formatCount(Math.round(o.expected * 10) / 10)}</td>
                <td className="num">{o.ratio.toFixed(2)}</td>
                <td className="num">{formatP(o.pValue).replace('p = ', '').replace('p < ', '< ')}</td>
                <td>
                  {o.emerging ? <strong>Emerging hotspot: significantly above expected</strong> : 'Within the expected range'}
                  {o.periods.length < hotspots.recentMonths ? (
                    <span className="hint">{` (tested on ${o.periods.length} of the ${hotspots.recentMonths} months; the others are hidden or have no data)`}</span>
                  ) : null}
                </td>
              </>
            ) : (
              <>
                <td colSpan={4} className="hint">
                  Not enough data
                </td>
                <td className="wrap">{`Not tested: ${o.reason}`}</td>
              </>
            )}
          </tr>
        );
      })}
    </TrendTable>
  );
});
