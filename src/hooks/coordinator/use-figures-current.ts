import { QueryClientContext, type Query } from '@tanstack/react-query';
import { useCallback, useContext, useSyncExternalStore } from 'react';

/** Marks a query whose answer is figures a user can see or take away (set by useProtectedQuery). */
export const FIGURES_META = { figures: true } as const;

function updatingFigures(query: Query): boolean {
  return query.meta?.figures === true && query.getObserversCount() > 0 && query.state.fetchStatus === 'fetching';
}

/**
 * True when every set of figures on screen is the answer to what is asked now: no query for figures that a view
 * shows is still running (after an audience or data change, or a new filter, while protection or the query is
 * under way). Exports and the copied link wait for it, so a file never carries figures under another
 * audience's label. True where there is no query client (a component shown on its own).
 */
export function useFiguresCurrent(): boolean {
  const client = useContext(QueryClientContext);
  const cache = client?.getQueryCache();
  // Only events of figures: the one cache also holds every SQL read, and those say nothing about what is shown.
  const subscribe = useCallback(
    (onChange: () => void) => cache?.subscribe((event) => event.query.meta?.figures === true && onChange()) ?? (() => undefined),
    [cache],
  );
  const snapshot = useCallback(() => !(cache?.getAll().some(updatingFigures) ?? false), [cache]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
