import { useId, memo } from 'react';
import { useViewState } from '../../url-state/use-view-state';
import { withOption } from '../../url-state/view-options';
import type { Indicator } from '../../contract';
import type { TrendIndexComparison } from '../../queries/figures/trend-compare';
import type { TrendHotspots } from '../../queries/figures/trend-hotspots';
import type { TrendProjection } from '../../queries/figures/trend-projection';
import type { TrendSeries } from '../../queries/figures/trend-series';
import { ChartFigure, type ExportMeta } from './ChartFigure';
import { CompareChart, seriesStyle } from './CompareChart';
import { sliceLabel, longPeriod, formatRate } from './format-trend';
import { BacktestTable, backtestSummary, HotspotTable, modelSummary, ProjectionCaveat, ProjectionTable } from './ProjectionParts';
import { ProjectionChart } from './ProjectionChart';
import { SeasonalityChart } from './SeasonalityChart';
import { compareCsv, hotspotsCsv, monthlyCsv, projectionCsv, rollingCsv, seasonalityCsv, yearsCsv } from './trend-csv';
import { TrendChart, type TrendMeasureChoice } from './TrendChart';
import { SymbolKey, symbolsIn, TrendFigure, type FlagExplanations } from './TrendFigure';
import { MonthlyTable, RollingTable, SeasonalityTable, YearTable } from './TrendTables';

export interface SectionContext {
  exportMeta: ExportMeta;
  explanations: FlagExplanations;
  lowCountBelow: number;
  /** The rules the figures follow, as named beside them (rulesFor). */
  rules: string;
}

function stem(...parts: string[]): string {
  return parts.join(' ');
}

function gapNote(hidden: number, missing: number, unit: string): string | null {
  const parts = [
    hidden > 0 ? `${hidden} ${unit}${hidden === 1 ? ' is' : 's are'} hidden to protect privacy (c)` : null,
    missing > 0 ? `${missing} ${unit}${missing === 1 ? ' has' : 's have'} no data (x)` : null,
  ].filter(Boolean);
  return parts.length === 0 ? null : `${parts.join(' and ')}: shown as gaps in the line, never as zero.`;
}

/** The main chart: each month or rolling 12 months, count or rate, with or without 95% limits. */
export function MainTrendSection({ series, ctx }: { series: TrendSeries; ctx: SectionContext }) {
  const id = useId();
  // The choices live in the link (view-options.ts), so a shared trend is drawn the same way.
  const { state, update } = useViewState();
  const period = state.options.series ?? 'month';
  const measure: TrendMeasureChoice = state.options.measure === 'rate' ? 'rate' : 'count';
  const limits = state.options.limits !== 'off';
  const setPeriod = (v: 'month' | 'rolling') => update({ options: withOption(state.options, 'series', v, 'month') });
  const setMeasure = (v: TrendMeasureChoice) => update({ options: withOption(state.options, 'measure', v, 'count') });
  const setLimits = (on: boolean) => update({ options: withOption(state.options, 'limits', on ? 'on' : 'off', 'on') });
  const effective: TrendMeasureChoice = series.measure.hasRate ? measure : 'count';
  const points = period === 'month' ? series.months : series.rolling;
  const flagOf = (p: (typeof points)[number]) => (effective === 'rate' ? p.rateFlag : p.flag);
  const hidden = points.filter((p) => flagOf(p) === 'c').length;
  const missing = points.filter((p) => flagOf(p) === 'x').length;
  const unit = period === 'month' ? 'month' : '12-month total';
  const title = effective === 'rate' && series.comparison.rateTitle ? series.comparison.rateTitle : series.comparison.countTitle;
  const first = points[0]?.period;
  const last = points.at(-1)?.period;
  const what =
    effective === 'rate'
      ? period === 'month'
        ? `Rate ${series.measure.monthlyRateLabel}`
        : `Rate ${series.measure.rollingRateLabel}`
      : period === 'month'
        ? 'Count in each month'
        : 'Count in the 12 months to each month';
  const subtitle = `${what}. ${series.area.name}, ${sliceLabel(series.age, series.sex).toLowerCase()}${first && last ? `, ${longPeriod(first)} to ${longPeriod(last)}` : ''}.`;
  const axisTitle =
    effective === 'rate'
      ? period === 'month'
        ? `${series.measure.rateLabel}, in the month`
        : series.measure.rollingRateLabel
      : period === 'month'
        ? 'Count in the month'
        : 'Count in 12 months';
  const note = gapNote(hidden, missing, unit);
  const caption = `${what}, ${series.area.name}, ${sliceLabel(series.age, series.sex).toLowerCase()}`;
  const rateName = `Rate (${series.measure.rateLabel})`;
  return (
    <ChartFigure
      title={title}
      subtitle={subtitle}
      controls={
        <div className="trend-controls">
          <fieldset className="trend-controls__group">
            <legend>Show</legend>
            <label>
              <input type="radio" name={`${id}-period`} checked={period === 'month'} onChange={() => setPeriod('month')} /> Each
              month
            </label>
            <label>
              <input type="radio" name={`${id}-period`} checked={period === 'rolling'} onChange={() => setPeriod('rolling')} />{' '}
              Rolling 12-month totals
            </label>
          </fieldset>
          <fieldset className="trend-controls__group">
            <legend>Measure</legend>
            <label>
              <input type="radio" name={`${id}-measure`} checked={effective === 'count'} onChange={() => setMeasure('count')} />{' '}
              Count
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-measure`}
                checked={effective === 'rate'}
                disabled={!series.measure.hasRate}
                onChange={() => setMeasure('rate')}
                aria-describedby={series.measure.hasRate ? undefined : `${id}-norate`}
              />{' '}
              {rateName}
            </label>
            {series.measure.hasRate ? null : (
              <p id={`${id}-norate`} className="hint">
                This indicator is shown as counts only, as its definition in the manifest says.
              </p>
            )}
          </fieldset>
          <label className="trend-controls__check">
            <input type="checkbox" checked={limits} onChange={(e) => setLimits(e.target.checked)} /> Show 95% confidence limits
          </label>
        </div>
      }
      chart={<TrendChart points={points} measure={effective} showLimits={limits} axisTitle={axisTitle} />}
      chartLabel={`Line chart: ${what.toLowerCase()}${limits ? ' with a shaded 95% confidence band' : ''}. ${note ?? ''} The figures are in the data table below.`}
      notes={
        <div className="trend-figure__notes">
          {note ? <p>{note}</p> : null}
          {limits ? (
            <p className="hint">
              The shaded band shows the 95% confidence limits: the range of underlying rates consistent with the count.
            </p>
          ) : null}
        </div>
      }
      table={
        <>
          {period === 'month' ? (
            <MonthlyTable series={series} explanations={ctx.explanations} caption={caption} />
          ) : (
            <RollingTable series={series} explanations={ctx.explanations} caption={caption} basis={effective} />
          )}
          <SymbolKey explanations={ctx.explanations} lowCountBelow={ctx.lowCountBelow} used={symbolsIn(points)} />
        </>
      }
      tableSummary={`Show the data table (${points.length} ${period === 'month' ? 'months' : 'rolling totals'})`}
      csv={() =>
        period === 'month'
          ? monthlyCsv({ ...meta(ctx, title), notes: [] }, series)
          : rollingCsv({ ...meta(ctx, title), notes: [] }, series, effective)
      }
      fileStem={stem(
        series.indicatorId,
        series.area.name,
        series.age,
        series.sex,
        period === 'month' ? 'monthly' : 'rolling-12-months',
      )}
      exportMeta={ctx.exportMeta}
    />
  );
}

function meta(ctx: SectionContext, title: string) {
  return { title, source: ctx.exportMeta.source, synthetic: ctx.exportMeta.synthetic, audience: ctx.exportMeta.audience };
}

/** Calendar years from the protected year cells, with the change on the year before. */
export const YearsSection = memo(function YearsSection({ series, ctx }: { series: TrendSeries; ctx: SectionContext }) {
  const title = series.yearsTitle;
  const latest = series.comparison;
  // The change shown follows the main chart's measure, so the headline above and this table agree.
  const { state } = useViewState();
  const basis: TrendMeasureChoice = series.measure.hasRate && state.options.measure === 'rate' ? 'rate' : 'count';
  return (
    <ChartFigure
      title={title}
      subtitle={`Each calendar year and its change on the year before (exact test, 95% confidence). Protected yearly figures: a year can be shown when one of its months is hidden. ${series.area.name}, ${sliceLabel(series.age, series.sex).toLowerCase()}.`}
      notes={
        latest.current && latest.previous ? (
          <p className="trend-figure__notes">
            {`${latest.source === 'calendar-years' ? latest.periodLabel : `In ${latest.periodLabel}`}: `}
            <TrendFigure
              value={latest.current.count}
              flag={latest.current.flag}
              format={(v) => v.toLocaleString('en-GB')}
              explanations={ctx.explanations}
            />
            {` against `}
            <TrendFigure
              value={latest.previous.count}
              flag={latest.previous.flag}
              format={(v) => v.toLocaleString('en-GB')}
              explanations={ctx.explanations}
            />
            {` in ${latest.previousLabel}${latest.matchedNote ? `, ${latest.matchedNote}` : ''}.`}
          </p>
        ) : null
      }
      table={
        <>
          <YearTable
            series={series}
            explanations={ctx.explanations}
            caption={`Calendar years, ${series.area.name}`}
            basis={basis}
          />
          <SymbolKey explanations={ctx.explanations} lowCountBelow={ctx.lowCountBelow} used={symbolsIn(series.years)} />
        </>
      }
      tableOpen
      csv={() => yearsCsv({ ...meta(ctx, title), notes: [] }, series, basis)}
      fileStem={stem(series.indicatorId, series.area.name, series.age, series.sex, 'calendar-years')}
      exportMeta={ctx.exportMeta}
    />
  );
});

/** Average count in each calendar month over the complete years. */
export const SeasonalitySection = memo(function SeasonalitySection({
  series,
  ctx,
}: {
  series: TrendSeries;
  ctx: SectionContext;
}) {
  const s = series.seasonality;
  const hidden = s.months.filter((m) => m.flag === 'c').length;
  return (
    <ChartFigure
      title={s.title}
      subtitle={
        s.years.length > 0
          ? `Average count in each calendar month, ${s.years[0]} to ${s.years.at(-1)}. ${series.area.name}, ${sliceLabel(series.age, series.sex).toLowerCase()}.`
          : undefined
      }
      chart={s.months.length > 0 ? <SeasonalityChart months={s.months} /> : undefined}
      chartLabel="Bar chart of the average count in each calendar month. The figures are in the data table below."
      notes={
        hidden > 0 ? (
          <p className="trend-figure__notes">{`${hidden} calendar month${hidden === 1 ? ' is' : 's are'} hidden (c) because the month is hidden in at least one year; an average of the rest would mislead.`}</p>
        ) : null
      }
      table={
        s.months.length > 0 ? (
          <>
            <SeasonalityTable
              months={s.months}
              years={s.years}
              explanations={ctx.explanations}
              caption="Average count in each calendar month"
            />
            <SymbolKey explanations={ctx.explanations} lowCountBelow={ctx.lowCountBelow} used={symbolsIn(s.months)} />
          </>
        ) : (
          <p>{s.title}</p>
        )
      }
      csv={() => seasonalityCsv({ ...meta(ctx, s.title), notes: [] }, series)}
      fileStem={stem(series.indicatorId, series.area.name, series.age, series.sex, 'seasonality')}
      exportMeta={ctx.exportMeta}
    />
  );
});

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

/** Projection with its caveat and back-test, or why there is none. */
export const ProjectionSection = memo(function ProjectionSection({
  projection,
  indicator,
  ctx,
}: {
  projection: TrendProjection;
  indicator: Indicator;
  ctx: SectionContext;
}) {
  if (projection.kind === 'not-shown') {
    return (
      <section className="trend-figure" aria-labelledby="projection-none">
        <h3 id="projection-none" className="trend-figure__title">
          {projection.title}
        </h3>
        <p>{projection.reason}</p>
      </section>
    );
  }
  const title = projection.title;
  return (
    <div className="projection">
      <ChartFigure
        headingLevel={3}
        title={title}
        subtitle={`Recorded counts and a 12-month projection with 80% and 95% prediction intervals. ${projection.area.name}.`}
        chart={<ProjectionChart projection={projection} />}
        chartLabel="Line chart of recorded monthly counts followed by a dashed projection inside shaded 80% and 95% prediction intervals. The figures are in the data table below."
        notes={
          <div className="trend-figure__notes projection__aside">
            <h4>How well did the model do before?</h4>
            <p>{backtestSummary(projection)}</p>
            <p className="hint">{modelSummary(projection)}</p>
            {projection.hiddenNote ? <p className="hint">{projection.hiddenNote}</p> : null}
          </div>
        }
        table={
          <>
            <ProjectionTable
              projection={projection}
              explanations={ctx.explanations}
              caption={`Recorded and projected ${indicator.unit}, ${projection.area.name}`}
            />
            <SymbolKey explanations={ctx.explanations} lowCountBelow={ctx.lowCountBelow} used={symbolsIn(projection.history)} />
            <BacktestTable
              projection={projection}
              caption="Back-test: the last 12 recorded months against what the model projected without them"
            />
          </>
        }
        csv={() => projectionCsv({ ...meta(ctx, title), notes: [] }, projection)}
        fileStem={stem(indicator.id, projection.area.name, 'projection')}
        exportMeta={ctx.exportMeta}
      />
    </div>
  );
});

export const HotspotSection = memo(function HotspotSection({
  hotspots,
  selectedCode,
  ctx,
}: {
  hotspots: TrendHotspots;
  selectedCode: string | null;
  ctx: SectionContext;
}) {
  const title = hotspots.title;
  const span =
    hotspots.periods.length > 0 ? `${longPeriod(hotspots.periods[0] ?? '')} to ${longPeriod(hotspots.periods.at(-1) ?? '')}` : '';
  return (
    <ChartFigure
      headingLevel={3}
      title={title}
      subtitle={`Each district's count for ${span} against what a seasonal model fitted on its earlier months expected. Areas only, never people.`}
      notes={
        <div className="trend-figure__notes">
          <p>{`${hotspots.flagged} of ${hotspots.tested} districts tested ${hotspots.flagged === 1 ? 'was' : 'were'} flagged${
            hotspots.rows.length > hotspots.tested
              ? `; ${hotspots.rows.length - hotspots.tested} could not be tested (not enough data)`
              : ''
          }.`}</p>
          <p className="hint">{`With ${hotspots.tested} districts tested at the 5% level, about ${hotspots.expectedByChance.toFixed(1)} would be flagged by chance alone even if nothing had changed: treat a flag as a prompt to look closer with partners, not as a finding.`}</p>
        </div>
      }
      table={<HotspotTable hotspots={hotspots} selectedCode={selectedCode} caption={`Emerging hotspot tests, ${span}`} />}
      tableOpen
      csv={() => hotspotsCsv({ ...meta(ctx, title), notes: [] }, hotspots)}
      fileStem={stem('emerging-hotspots', span)}
      exportMeta={ctx.exportMeta}
    />
  );
});

export { ProjectionCaveat };
