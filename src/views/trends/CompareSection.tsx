import type { Indicator } from '../../contract';
import type { TrendIndexComparison } from '../../queries/figures/trend-compare';
import { ChartFigure } from './ChartFigure';
import { meta, stem, type SectionContext } from './section-context';
import { CompareChart, seriesStyle } from './CompareChart';
import { formatRate } from './format-trend';
import { compareCsv } from './trend-csv';
import { SymbolKey, symbolsIn, TrendFigure } from './TrendFigure';

/** Several indicators indexed to their first shared year, with a picker. */
export function CompareSection({
  comparison,
  pending,
  indicators,
  chosen,
  onChange,
  sliceText,
  ctx,
}: {
  comparison: TrendIndexComparison | null | undefined;
  /** e.g. "all ages, persons". */
  sliceText: string;
  pending: boolean;
  indicators: readonly Indicator[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  ctx: SectionContext;
}) {
  const full = chosen.length >= 6;
  const picker = (
    <details className="trend-picker">
      <summary>{`Choose the indicators to compare (${chosen.length} chosen, up to 6)`}</summary>
      <fieldset>
        <legend className="visually-hidden">Indicators to compare</legend>
        <ul className="trend-picker__list">
          {indicators.map((i) => {
            const on = chosen.includes(i.id);
            return (
              <li key={i.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && full}
                    onChange={(e) => onChange(e.target.checked ? [...chosen, i.id] : chosen.filter((c) => c !== i.id))}
                  />{' '}
                  {i.title}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </details>
  );
  if (!comparison) {
    return (
      <section className="trend-figure" aria-label="Indicators side by side">
        {picker}
        <p role="status">{pending ? 'Preparing the comparison…' : 'Choose at least one indicator to compare.'}</p>
      </section>
    );
  }
  const unavailable = comparison.series.filter((s) => s.unavailableReason !== null);
  const gaps = comparison.series.filter(
    (s) => s.unavailableReason === null && s.points.some((p) => p.flag === 'c' || p.flag === 'x'),
  );
  const title = comparison.title;
  return (
    <ChartFigure
      title={title}
      subtitle={`Each indicator's yearly rate (or count) as an index, ${comparison.baseYear ?? 'first year'} = 100, so different scales can be compared. ${comparison.area.name}, ${sliceText}.`}
      controls={picker}
      chart={
        comparison.periods.length > 0 && unavailable.length < comparison.series.length ? (
          <CompareChart comparison={comparison} />
        ) : undefined
      }
      chartLabel={`Line chart of ${comparison.series.length - unavailable.length} indexed indicators, each with its own line pattern and marker, labelled at the end of the line. The figures are in the data table below.`}
      notes={
        <div className="trend-figure__notes">
          {unavailable.length > 0 ? (
            <ul>
              {unavailable.map((s) => (
                <li key={s.indicatorId}>{`${s.shortTitle}: no line. ${s.unavailableReason}`}</li>
              ))}
            </ul>
          ) : null}
          {gaps.length > 0 ? (
            <p>{`Years hidden to protect privacy (c) or with no data (x) are gaps in the lines of ${gaps.map((s) => s.shortTitle).join(', ')}; the table shows which.`}</p>
          ) : null}
          <p className="hint">
            An index shows the direction and size of change, not whether it is statistically significant; open an indicator&apos;s
            own trend for that. Different agencies count different things (an offence, an attendance, a call-out), so the lines
            can move apart for reasons of recording.
          </p>
        </div>
      }
      table={
        <>
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label={`Index, ${comparison.baseYear ?? 'first year'} = 100`}
          >
            <table className="data-table trend-table">
              <caption>{`Index, ${comparison.baseYear ?? 'first year'} = 100`}</caption>
              <thead>
                <tr>
                  <th scope="col">Indicator</th>
                  <th scope="col">Line</th>
                  {comparison.periods.map((p) => (
                    <th scope="col" className="num" key={p}>
                      {p}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.series.map((s, k) => (
                  <tr key={s.indicatorId}>
                    <th scope="row">
                      {s.shortTitle}
                      <span className="hint">{` (${s.basis})`}</span>
                    </th>
                    <td>
                      <LineKey k={k} />
                    </td>
                    {comparison.periods.map((p) => {
                      const point = s.points.find((x) => x.period === p);
                      return (
                        <td className="num" key={p}>
                          {point ? (
                            point.flag === 'c' || point.flag === 'x' ? (
                              <TrendFigure value={null} flag={point.flag} format={String} explanations={ctx.explanations} />
                            ) : point.index === null ? (
                              ''
                            ) : (
                              <span title={`value ${formatRate(point.value ?? 0)}`}>{Math.round(point.index)}</span>
                            )
                          ) : (
                            ''
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <SymbolKey
            explanations={ctx.explanations}
            lowCountBelow={ctx.lowCountBelow}
            used={symbolsIn(comparison.series.flatMap((s) => s.points.filter((p) => p.flag === 'c' || p.flag === 'x')))}
          />
        </>
      }
      csv={() => compareCsv({ ...meta(ctx, title), notes: [] }, comparison)}
      fileStem={stem('indexed-comparison', comparison.area.name)}
      exportMeta={ctx.exportMeta}
    />
  );
}

/** A small sample of a compared series' line style, for the table. */
function LineKey({ k }: { k: number }) {
  const style = seriesStyle(k);
  return (
    <svg width="44" height="14" aria-hidden="true" focusable="false">
      <line x1="2" y1="7" x2="42" y2="7" stroke={style.colour} strokeWidth="2.5" strokeDasharray={style.dash || undefined} />
    </svg>
  );
}
