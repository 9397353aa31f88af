import { mapFigures, mapIndicatorLevels, mapMeta, type MapFigures, type MapFiguresParams } from '../queries/readers/map-figures';
import { useProtectedQuery } from './use-protected-query';

/**
 * Every area's protected figure for the map. The indicator's months, age bands and population years are
 * fetched once per indicator and level, so a filter change runs one query. The figures query is marked
 * `map-query-start` / `map-query-end` (measure `map-query`) for the benchmark.
 */
export function useMapFigures(params: MapFiguresParams | null) {
  const meta = useProtectedQuery(
    'map-meta',
    [params?.indicatorId ?? null, params?.level ?? null],
    (engine, table) => mapMeta(engine, table, params!.indicatorId, params!.level),
    params !== null,
  );
  const known = meta.data && !meta.isPlaceholderData ? meta.data : undefined;
  return useProtectedQuery<MapFigures | null>(
    'map-figures',
    [params],
    async (engine, table) => {
      if (!params) return null;
      performance.mark('map-query-start');
      const figures = await mapFigures(engine, table, params, known);
      performance.mark('map-query-end');
      performance.measure('map-query', 'map-query-start', 'map-query-end');
      return figures;
    },
    params !== null && known !== undefined,
  );
}

/** Which indicators have figures at which levels, and how many of their areas can be shown. */
export function useMapIndicatorLevels() {
  return useProtectedQuery('map-indicator-levels', [], (engine, table) => mapIndicatorLevels(engine, table));
}
