import type { ComponentType } from 'react';
import { preloadable } from '../ui/preloadable';
import type { ViewName } from '../url-state/view-state';
import { DataEthicsView } from '../views/data-ethics/DataEthicsView';
import { ImportView } from '../views/import/ImportView';

// The views with charts or a map are split out of the first load: Recharts comes with Trends and Cohorts,
// Leaflet with the map's own drawing (see MapView), the bundle publisher with the Overview. Their stylesheets
// that the shell needs (the Overview's copy-link and export buttons, the A4 print rules) are imported by App.
const split = {
  overview: preloadable(() => import('../views/overview/OverviewView').then((m) => m.OverviewView)),
  map: preloadable(() => import('../views/map/MapView').then((m) => m.MapView)),
  trends: preloadable(() => import('../views/trends/TrendsView').then((m) => m.TrendsView)),
  cohorts: preloadable(() => import('../views/cohorts/CohortsView').then((m) => m.CohortsView)),
  inequality: preloadable(() => import('../views/inequality/InequalityView').then((m) => m.default)),
  concentration: preloadable(() => import('../views/inequality/ConcentrationView').then((m) => m.default)),
};

export const VIEW_COMPONENTS: Record<ViewName, ComponentType> = {
  overview: split.overview.Component,
  map: split.map.Component,
  trends: split.trends.Component,
  cohorts: split.cohorts.Component,
  inequality: split.inequality.Component,
  concentration: split.concentration.Component,
  data: DataEthicsView,
  import: ImportView,
};

/** Loads the map view and its drawing (Leaflet), for a session that holds boundaries to draw. */
export function preloadMapDrawing(): Promise<unknown> {
  return import('../views/map/MapView').then((m) => m.preloadMapDrawing());
}

/** Starts loading a view's code, if it is split out; resolves when it is here (or at once if it never was). */
export function preloadView(view: ViewName): Promise<unknown> {
  return view in split ? split[view as keyof typeof split].preload() : Promise.resolve();
}

/**
 * Loads every split view's code in idle time once the first view has drawn (its `view-ready:` mark), so a first
 * switch to a view draws without waiting for its code, and the first chart does not share the machine with it.
 * Only our own files are fetched, from the page's origin. Returns a clean-up for an effect.
 */
export function preloadViewsWhenIdle(): () => void {
  let started = false;
  let timer = 0;
  let observer: PerformanceObserver | null = null;
  const start = () => {
    if (started) return;
    started = true;
    window.clearTimeout(timer);
    observer?.disconnect();
    const all = () => {
      for (const view of Object.keys(split) as (keyof typeof split)[]) void split[view].preload().catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(all, { timeout: 5000 });
    else window.setTimeout(all, 0);
  };
  const drawn = () => performance.getEntriesByType('mark').some((m) => m.name.startsWith('view-ready:'));
  if (drawn()) {
    start();
    return () => undefined;
  }
  // A view that never marks itself ready (or a browser without the observer) still gets the others, later.
  timer = window.setTimeout(start, 10_000);
  observer = typeof PerformanceObserver === 'function' ? new PerformanceObserver(() => drawn() && start()) : null;
  observer?.observe({ type: 'mark' });
  return () => {
    window.clearTimeout(timer);
    observer?.disconnect();
  };
}
