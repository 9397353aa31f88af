import { briefingFigures } from '../queries/readers/briefing-figures';
import { useViewState } from '../url-state/use-view-state';
import { declareFigure } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';
import { useSessionSnapshot } from './session-context';
import { usePrefetchViewOpenings } from './use-prefetch-view-openings';

const briefingFigure = declareFigure(
  'briefing-figures',
  (ctx, { area, endMonth }: { area: string | null; endMonth: string | null }) =>
    briefingFigures(
      ctx.engine,
      ctx.table,
      { indicators: ctx.manifest?.indicators ?? [], area, endMonth, policy: ctx.policy },
      ctx.reporting,
    ),
);

/**
 * The Overview's figures for the area and month in the URL, under the audience's disclosure rules. Once they are
 * shown, what the other views read first is worked out in idle time (use-prefetch-view-openings.ts), the Trends series
 * for the same area and month first: the view most often opened next.
 */
export function useBriefingFigures() {
  const { state: loaded } = useSessionSnapshot();
  const { area, period } = useViewState().state;
  const hasIndicators = (loaded.manifest?.indicators.length ?? 0) > 0;
  const figures = useFigure(briefingFigure, hasIndicators ? { area, endMonth: period } : null);
  usePrefetchViewOpenings(figures.isSuccess && !figures.isPlaceholderData);
  return figures;
}
