import { useCallback, useSyncExternalStore } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './view-state';

const listeners = new Set<() => void>();
let cachedSearch: string | null = null;
let cached: ReturnType<typeof parseViewState> | null = null;

function read(): ReturnType<typeof parseViewState> {
  if (cachedSearch !== window.location.search || !cached) {
    cachedSearch = window.location.search;
    cached = parseViewState(cachedSearch);
  }
  return cached;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/**
 * The view state, read from and written to the URL. Changing view adds a history entry (so Back works);
 * changing a filter replaces the current one, so history is not flooded.
 */
export function useViewState(): {
  state: ViewState;
  notices: string[];
  update: (change: Partial<ViewState>) => void;
} {
  const { state, notices } = useSyncExternalStore(subscribe, read, read);
  const update = useCallback((change: Partial<ViewState>) => {
    const current = read().state;
    const next = { ...current, ...change };
    const url = `${window.location.pathname}${serializeViewState(next)}${window.location.hash}`;
    if (change.view && change.view !== current.view) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    listeners.forEach((l) => l());
  }, []);
  return { state, notices, update };
}
