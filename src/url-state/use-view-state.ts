import { useCallback, useSyncExternalStore } from 'react';
import { type Audience, AUDIENCE_WORDS } from '../contract';
import { parseViewState, serializeViewState, type ViewState } from './view-state';

const listeners = new Set<() => void>();
let cachedSearch: string | null = null;
let cachedLock: Audience | null = null;
let cached: ReturnType<typeof parseViewState> | null = null;
/** The audience a partner bundle was published for: the only one its figures exist for. */
let audienceLock: Audience | null = null;

function read(): ReturnType<typeof parseViewState> {
  if (cachedSearch !== window.location.search || cachedLock !== audienceLock || !cached) {
    cachedSearch = window.location.search;
    cachedLock = audienceLock;
    const parsed = parseViewState(cachedSearch);
    if (audienceLock && parsed.state.audience !== audienceLock) {
      if (new URLSearchParams(cachedSearch).has('audience')) {
        parsed.notices.push(
          `This dashboard holds a bundle published for ${AUDIENCE_WORDS[audienceLock].people}, so its figures are shown under those rules.`,
        );
      }
      parsed.state = { ...parsed.state, audience: audienceLock };
    }
    cached = parsed;
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

function urlFor(state: ViewState): string {
  return `${window.location.pathname}${serializeViewState(state, window.location.search)}${window.location.hash}`;
}

/**
 * Fixes the audience while a partner bundle is open (null lifts the lock): the bundle holds that audience's
 * figures only, so no setting can switch to another. The address is rewritten to say so, so a copied link names
 * the audience too.
 */
export function lockAudience(audience: Audience | null): void {
  if (audienceLock === audience) return;
  audienceLock = audience;
  if (typeof window === 'undefined') return;
  window.history.replaceState(window.history.state, '', urlFor(read().state));
  listeners.forEach((l) => l());
}

export function lockedAudience(): Audience | null {
  return audienceLock;
}

/**
 * The view state, read from and written to the URL. Changing view adds a history entry (so Back works);
 * changing a filter replaces the current one, so history is not flooded. Reserved parameters (the bundle's
 * address) are kept in every URL written.
 */
export function useViewState(): {
  state: ViewState;
  notices: string[];
  update: (change: Partial<ViewState>) => void;
  /** The audience a bundle fixes, or null. */
  lockedAudience: Audience | null;
} {
  const { state, notices } = useSyncExternalStore(subscribe, read, read);
  const lock = useSyncExternalStore(subscribe, lockedAudience, lockedAudience);
  const update = useCallback((change: Partial<ViewState>) => {
    const current = read().state;
    const next = { ...current, ...change, ...(audienceLock ? { audience: audienceLock } : {}) };
    const url = urlFor(next);
    if (change.view && change.view !== current.view) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    listeners.forEach((l) => l());
  }, []);
  return { state, notices, update, lockedAudience: lock };
}
