import { memo } from 'react';
import type { TrendSeries } from '../../queries/figures/trend-series';
import { ChartFigure } from './ChartFigure';
import { meta, stem, type SectionContext } from './section-context';
import { sliceLabel } from './format-trend';
import { SeasonalityChart } from './SeasonalityChart';
import { seasonalityCsv } from './trend-csv';
import { SymbolKey, symbolsIn } from './TrendFigure';
import { SeasonalityTable } from './TrendTables';

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
        // Only over the chart it describes (two complete years or more): with fewer there is no pattern, and the
        // title says why; "2020 to 2020" described a chart that was not there.
        s.months.length > 0
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
