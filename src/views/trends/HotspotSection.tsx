import { memo } from 'react';
import type { TrendHotspots } from '../../queries/figures/trend-hotspots';
import { ChartFigure } from './ChartFigure';
import { meta, stem, type SectionContext } from './section-context';
import { longPeriod } from './format-trend';
import { HotspotTable } from './ProjectionParts';
import { hotspotsCsv } from './trend-csv';

/** Districts whose recent months are significantly above what their seasonal model expected. */
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
