import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { isSuperseded } from '../engine/abort';

/**
 * A read kept in the query cache and shared by every hook that asks for it while it runs. The read carries the
 * signal of the hook that started it, so when that hook's request is superseded (its view closed, or its filter
 * changed) the shared read is dropped too; a hook still waiting on it then reads again with its own signal,
 * instead of showing the other hook's cancellation as its own failure.
 */
export async function sharedRead<T>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  read: () => Promise<T>,
  /** This hook's own signal: a hook that was itself superseded gives up rather than reading again. */
  signal?: AbortSignal,
): Promise<T> {
  try {
    return await queryClient.ensureQueryData({ queryKey, queryFn: read });
  } catch (e) {
    if (!isSuperseded(e) || signal?.aborted) throw e;
    return queryClient.ensureQueryData({ queryKey, queryFn: read });
  }
}
