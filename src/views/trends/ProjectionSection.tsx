import { memo } from 'react';
import type { Indicator } from '../../contract';
import type { TrendProjection } from '../../queries/figures/trend-projection';
import { ChartFigure } from './ChartFigure';
import { meta, stem, type SectionContext } from './section-context';
import { BacktestTable, backtestSummary, modelSummary, ProjectionTable } from './ProjectionParts';
import { ProjectionChart } from './ProjectionChart';
import { projectionCsv } from './trend-csv';
import { SymbolKey, symbolsIn } from './TrendFigure';

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
