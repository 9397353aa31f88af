import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Engine } from '../engine/engine-types';
import { withSignal } from '../engine/abort';
import { protectedTable } from '../disclosure/protected-tables';
import { useViewState } from '../url-state/use-view-state';
import { useSession, useSessionSnapshot } from './session-context';

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
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The disclosure policy in force for the audience in the URL. */
export function useDisclosurePolicy() {
  const { state: loaded } = useSessionSnapshot();
  const { state } = useViewState();
  return loaded.manifest?.disclosure[state.audience] ?? null;
}
