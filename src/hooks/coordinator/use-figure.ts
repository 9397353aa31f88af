import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useViewState } from '../../url-state/use-view-state';
import { useSession, useSessionSnapshot } from '../session-context';
import { FIGURES_META } from './use-figures-current';
import type { FigureDeclaration } from './figure-declaration';
import { figureKey, keepOnlyInScope, type FigureScope } from './figure-key';
import { coordinatorFor, type FiguresCoordinator } from './figures-coordinator';

function useCoordinator(): FiguresCoordinator {
  return coordinatorFor(useQueryClient(), useSession());
}

/** The data version loaded and the audience in the URL: the scope of every figure asked for now. */
function useFigureScope(): FigureScope {
  const { version } = useSessionSnapshot();
  const { audience } = useViewState().state;
  return useMemo(() => ({ version, audience }), [version, audience]);
}

/**
 * The one way a view gets figures: it declares which figure and its inputs (null: not asked yet), and the
 * coordinator keys, shares, caches and cancels the read. React Query is only the binding to React here: its cache is
 * the coordinator's one cache, and every key in it is derived by the coordinator.
 */
export function useFigure<I, T>(declaration: FigureDeclaration<I, T>, inputs: I | null): UseQueryResult<T> {
  const coordinator = useCoordinator();
  const scope = useFigureScope();
  return useQuery({
    queryKey: figureKey(declaration.name, scope, inputs),
    // React Query aborts the signal when every view has given this answer up; the shared read then stops too.
    queryFn: ({ signal }) => coordinator.answer(declaration, scope, inputs as I, signal),
    placeholderData: keepOnlyInScope(scope),
    meta: declaration.reads === 'protected' ? FIGURES_META : undefined,
    enabled: inputs !== null,
  });
}

/** Works a figure out in idle time once `when` holds, for a view likely to be opened next; withdrawn on change. */
export function usePrefetchFigure<I, T>(declaration: FigureDeclaration<I, T>, inputs: I | null, when: boolean): void {
  const coordinator = useCoordinator();
  const scope = useFigureScope();
  const key = JSON.stringify(figureKey(declaration.name, scope, inputs));
  useEffect(() => {
    if (!when || inputs === null) return;
    return coordinator.prefetch(declaration, scope, inputs);
    // The key stands for the inputs: a new object with the same content is the same figure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, declaration, key, when]);
}
