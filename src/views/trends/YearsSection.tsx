import { memo } from 'react';
import { useViewState } from '../../url-state/use-view-state';
import type { TrendSeries } from '../../queries/figures/trend-series';
import { ChartFigure } from './ChartFigure';
import { meta, stem, type SectionContext } from './section-context';
import { sliceLabel } from './format-trend';
import { yearsCsv } from './trend-csv';
import { type TrendMeasureChoice } from './TrendChart';
import { SymbolKey, symbolsIn, TrendFigure } from './TrendFigure';
import { YearTable } from './TrendTables';

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
