import type { QueryClient } from '@tanstack/react-query';
import type { AgeBand, Sex } from '../contract';
import type { Engine } from '../engine/engine-types';
import { readTrendLookups, readTrendSlices, sliceTrendSource, type IndicatorSlice } from '../queries/readers/trend-slice';
import type { TrendSource } from '../queries/readers/trend-source';
import { sharedRead } from './shared-read';

/** What the cached slices are read for: the data version, audience, breakdown, and every indicator loaded. */
export interface TrendSourceScope {
  version: number;
  audience: string;
  age: AgeBand;
  sex: Sex;
  /** All the loaded indicators: the first read for a breakdown brings them all. */
  allIndicatorIds: readonly string[];
}

export const trendSliceKey = (scope: TrendSourceScope, table: string, id: string) =>
  ['trend-slice', scope.version, scope.audience, table, id, scope.age, scope.sex] as const;

/**
 * The Trends questions for these indicators, answered from their slices in the query cache (read when missing).
 * The first statement for a breakdown reads every loaded indicator's slice at once, not just those asked for:
 * a slice is small (an indicator's protected cells for one age band and sex: hundreds to a few thousand rows),
 * and then changing the indicator, or opening the comparison, needs no statement at all.
 */
export async function cachedTrendSource(
  queryClient: QueryClient,
  engine: Engine,
  table: string,
  indicatorIds: readonly string[],
  scope: TrendSourceScope,
): Promise<TrendSource> {
  const keyOf = (id: string) => trendSliceKey(scope, table, id);
  const uncached = (id: string) =>
    queryClient.getQueryData(keyOf(id)) === undefined && queryClient.isFetching({ queryKey: keyOf(id), exact: true }) === 0;
  const missing = indicatorIds.filter(uncached);
  const batchIds = missing.length > 0 ? [...new Set([...missing, ...scope.allIndicatorIds.filter(uncached)])] : [];
  const batch =
    batchIds.length > 0
      ? readTrendSlices(engine, table, batchIds, scope.age, scope.sex).then((read) => {
          // The ones nobody asked for yet go straight into the cache, for the next change of indicator.
          for (const id of batchIds) {
            const slice = read.get(id);
            if (slice && !indicatorIds.includes(id) && uncached(id)) queryClient.setQueryData(keyOf(id), slice);
          }
          return read;
        })
      : null;
  // Unhandled otherwise when every slice asked for was cached meanwhile and nothing awaits the batch.
  batch?.catch(() => undefined);
  const sliceOf = async (id: string): Promise<IndicatorSlice> => {
    const read = await (batch && batchIds.includes(id) ? batch : readTrendSlices(engine, table, [id], scope.age, scope.sex));
    const slice = read.get(id);
    if (!slice) throw new Error(`no cells read for indicator ${id}`);
    return slice;
  };
  const [lookups, slices] = await Promise.all([
    sharedRead(
      queryClient,
      ['trend-lookups', scope.version, scope.sex],
      () => readTrendLookups(engine, scope.sex),
      engine.signal,
    ),
    Promise.all(indicatorIds.map((id) => sharedRead(queryClient, keyOf(id), () => sliceOf(id), engine.signal))),
  ]);
  return sliceTrendSource(new Map(slices.map((s) => [s.indicatorId, s])), lookups);
}
