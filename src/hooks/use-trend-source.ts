import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Engine } from '../engine/engine-types';
import { readTrendLookups, readTrendSlices, sliceTrendSource, type IndicatorSlice } from '../queries/trend-slice';
import type { TrendSource } from '../queries/trend-source';
import { useViewState } from '../url-state/use-view-state';
import { useSessionSnapshot } from './session-context';
import { sharedRead } from './shared-read';

/**
 * The Trends hooks' inputs, read once per indicator and breakdown (see queries/trend-slice.ts) and kept in
 * the query cache under the data version and audience, so a change of area or latest month is answered
 * without the engine. Indicators asked for together that are not cached yet are read in one statement.
 * Call it inside useProtectedQuery's `run`, which has waited for the audience's protected table.
 */
export function useTrendSource(): (engine: Engine, table: string, indicatorIds: readonly string[]) => Promise<TrendSource> {
  const queryClient = useQueryClient();
  const { version } = useSessionSnapshot();
  const { state } = useViewState();
  const { audience, age, sex } = state;
  return useCallback(
    async (engine, table, indicatorIds) => {
      const keyOf = (id: string) => ['trend-slice', version, audience, table, id, age, sex];
      const missing = indicatorIds.filter(
        (id) =>
          queryClient.getQueryData(keyOf(id)) === undefined && queryClient.isFetching({ queryKey: keyOf(id), exact: true }) === 0,
      );
      const batch = missing.length > 0 ? readTrendSlices(engine, table, missing, age, sex) : null;
      const sliceOf = async (id: string): Promise<IndicatorSlice> => {
        const read = await (batch ?? readTrendSlices(engine, table, [id], age, sex));
        const slice = read.get(id);
        if (!slice) throw new Error(`no cells read for indicator ${id}`);
        return slice;
      };
      const [lookups, slices] = await Promise.all([
        sharedRead(queryClient, ['trend-lookups', version, sex], () => readTrendLookups(engine, sex), engine.signal),
        Promise.all(indicatorIds.map((id) => sharedRead(queryClient, keyOf(id), () => sliceOf(id), engine.signal))),
      ]);
      return sliceTrendSource(new Map(slices.map((s) => [s.indicatorId, s])), lookups);
    },
    [queryClient, version, audience, age, sex],
  );
}
