import type { GeographyLevel } from '../contract';
import type { MapFiguresParams } from '../queries/figures/map-area-figures';
import { mapFigures, mapIndicatorLevels, mapMeta } from '../queries/readers/map-figures';
import { declareFigure } from './coordinator/figure-declaration';
import { useFigure, usePrefetchFigure } from './coordinator/use-figure';

/** The indicator's months, age bands and population years at a level: read once per indicator and level. */
const mapMetaFigure = declareFigure('map-meta', (ctx, { indicatorId, level }: { indicatorId: string; level: GeographyLevel }) =>
  mapMeta(ctx.engine, ctx.table, indicatorId, level),
);

/** Marked `map-query-start` / `map-query-end` (measure `map-query`) for the benchmark. */
const mapFiguresFigure = declareFigure('map-figures', async (ctx, params: MapFiguresParams) => {
  const known = await ctx.figure(mapMetaFigure, { indicatorId: params.indicatorId, level: params.level });
  performance.mark('map-query-start');
  const figures = await mapFigures(ctx.engine, ctx.table, params, known, ctx.reporting);
  performance.mark('map-query-end');
  performance.measure('map-query', 'map-query-start', 'map-query-end');
  return figures;
});

const indicatorLevelsFigure = declareFigure('map-indicator-levels', (ctx) => mapIndicatorLevels(ctx.engine, ctx.table));

/** Every area's protected figure for the map: a filter change runs one query, the indicator's metadata is kept. */
export function useMapFigures(params: MapFiguresParams | null) {
  return useFigure(mapFiguresFigure, params);
}

/** Which indicators have figures at which levels, and how many of their areas can be shown. */
export function useMapIndicatorLevels() {
  return useFigure(indicatorLevelsFigure, {});
}

/**
 * Works out which indicators have figures at which levels in idle time once `when` holds: the Map's first read,
 * which its default indicator depends on, so opening the Map then needs only the figures of that indicator.
 */
export function usePrefetchMapIndicatorLevels(when: boolean): void {
  usePrefetchFigure(indicatorLevelsFigure, {}, when);
}
