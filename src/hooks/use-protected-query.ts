import { useQuery, type Query } from '@tanstack/react-query';
import type { Engine } from '../engine/engine-types';
import { withSignal } from '../engine/abort';
import { protectedTable } from '../disclosure/protected-tables';
import { useViewState } from '../url-state/use-view-state';
import { useSession, useSessionSnapshot } from './session-context';
import { FIGURES_META } from './use-figures-current';

/**
 * The previous answer, kept on screen while a new one is worked out only when it came from the same data version
 * and audience (a new filter): after an audience or data change the view shows a placeholder instead, so no
 * figure is ever shown under the label of an audience whose rules did not make it.
 */
export function keepWhileSameAudience(version: number, audience: string) {
  return <T>(previous: T | undefined, previousQuery: Query<T, Error, T, readonly unknown[]> | undefined): T | undefined =>
    previousQuery && previousQuery.queryKey[1] === version && previousQuery.queryKey[2] === audience ? previous : undefined;
}

/**
 * The one way a hook gets figures: it waits for the audience's protected table (built once per data
 * version, in a worker) and runs a query module against that table only. Keys include the data version
 * and the audience, so a reload or an audience switch never shows stale figures.
 */
export function useProtectedQuery<T>(
  name: string,
  params: readonly unknown[],
  run: (engine: Engine, table: string) => Promise<T>,
  enabled = true,
) {
  const session = useSession();
  const { version } = useSessionSnapshot();
  const { state } = useViewState();
  const audience = state.audience;
  return useQuery({
    queryKey: [name, version, audience, ...params],
    // React Query aborts the signal when the view moves on to other parameters before this answer came: the
    // statements not yet run are then dropped (see withSignal), so a quick run of changes does not queue up.
    queryFn: async ({ signal }) => {
      await session.ensureProtected(audience);
      return run(withSignal(session.engine, signal), protectedTable(audience));
    },
    placeholderData: keepWhileSameAudience(version, audience),
    meta: FIGURES_META,
    enabled,
  });
}

/** The disclosure policy in force for the audience in the URL. */
export function useDisclosurePolicy() {
  const { state: loaded } = useSessionSnapshot();
  const { state } = useViewState();
  return loaded.manifest?.disclosure[state.audience] ?? null;
}
