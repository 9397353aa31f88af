import { mapFigures, mapIndicatorLevels, type MapFigures, type MapFiguresParams } from '../queries/map-figures';
import { useProtectedQuery } from './use-protected-query';

/**
 * Every area's protected figure for the map. Marks `map-query-start` / `map-query-end` (and the measure
 * `map-query`) around the engine's work, so the benchmark can separate query time from drawing time.
 */
export function useMapFigures(params: MapFiguresParams | null) {
  return useProtectedQuery<MapFigures | null>(
    'map-figures',
    [params],
    async (engine, table) => {
      if (!params) return null;
      performance.mark('map-query-start');
      const figures = await mapFigures(engine, table, params);
      performance.mark('map-query-end');
      performance.measure('map-query', 'map-query-start', 'map-query-end');
      return figures;
    },
    params !== null,
  );
}

/** Which indicators have figures at which geography levels. */
export function useMapIndicatorLevels() {
  return useProtectedQuery('map-indicator-levels', [], (engine, table) => mapIndicatorLevels(engine, table));
}
