import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Engine } from '../engine/engine-types';
import type { TrendSource } from '../queries/readers/trend-source';
import { useViewState } from '../url-state/use-view-state';
import { useSessionSnapshot } from './session-context';
import { cachedTrendSource } from './trend-source-cache';

/**
 * The Trends hooks' inputs, read once per breakdown (see queries/readers/trend-slice.ts and trend-source-cache.ts) and
 * kept in the query cache under the data version and audience, so a change of indicator, area or latest month
 * is answered without the engine. Call it inside useProtectedQuery's `run`, which has waited for the audience's
 * protected table.
 */
export function useTrendSource(): (engine: Engine, table: string, indicatorIds: readonly string[]) => Promise<TrendSource> {
  const queryClient = useQueryClient();
  const { version, state: loaded } = useSessionSnapshot();
  const { state } = useViewState();
  const { audience, age, sex } = state;
  const indicators = loaded.manifest?.indicators;
  const allIndicatorIds = useMemo(() => (indicators ?? []).map((i) => i.id), [indicators]);
  return useCallback(
    (engine, table, indicatorIds) =>
      cachedTrendSource(queryClient, engine, table, indicatorIds, { version, audience, age, sex, allIndicatorIds }),
    [queryClient, version, audience, age, sex, allIndicatorIds],
  );
}
