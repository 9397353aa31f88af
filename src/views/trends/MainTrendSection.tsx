import { useId } from 'react';
import { useViewState } from '../../url-state/use-view-state';
import { withOption } from '../../url-state/view-options';
import type { TrendSeries } from '../../queries/figures/trend-series';
import { ChartFigure } from './ChartFigure';
import { gapNote, meta, stem, type SectionContext } from './section-context';
import { sliceLabel, longPeriod } from './format-trend';
import { monthlyCsv, rollingCsv } from './trend-csv';
import { TrendChart, type TrendMeasureChoice } from './TrendChart';
import { SymbolKey, symbolsIn } from './TrendFigure';
import { MonthlyTable, RollingTable } from './TrendTables';

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
  // A count-only indicator's rateLabel names its unit ("crimes recorded (count)"), not a rate: the disabled choice
  // is then just "Rate", with the hint below saying why.
  const rateName = series.measure.hasRate ? `Rate (${series.measure.rateLabel})` : 'Rate';
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
