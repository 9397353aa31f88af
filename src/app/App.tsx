import { lazy, Suspense, useEffect } from 'react';
import { useSessionSnapshot } from '../hooks/session-context';
import { useViewState } from '../url-state/use-view-state';
import { VIEW_TITLES } from '../url-state/view-state';
import { FilterBar } from '../views/shell/FilterBar';
import { Header } from '../views/shell/Header';
import { LinkNotices } from '../views/shell/LinkNotices';
import { ProtectionStatus } from '../views/shell/ProtectionStatus';
import { DataEthicsView } from '../views/data-ethics/DataEthicsView';
import { ImportView } from '../views/import/ImportView';
import '../views/overview/overview.css';

// Recharts comes with the Trends view only, so it is split out of the first load.
const TrendsView = lazy(() => import('../views/trends/TrendsView'));

// The map (and Leaflet with it) is split out of the first load.
const MapView = lazy(() => import('../views/map/MapView'));

// The briefing (and its bundle publisher) is split out of the first load; its stylesheet is not, because it
// holds the shell's copy-link and export buttons and the A4 print rules.
const OverviewView = lazy(() => import('../views/overview/OverviewView').then((m) => ({ default: m.OverviewView })));

// Heavy views arrive with their own issues and are split out of the first load when they do.
const views = {
  overview: OverviewView,
  map: MapView,
  trends: TrendsView,
  cohorts: lazy(() => import('../views/cohorts/CohortsView').then((m) => ({ default: m.CohortsView }))),
  data: DataEthicsView,
  import: ImportView,
} as const;

export function App() {
  const { state, notices } = useViewState();
  const { state: loaded } = useSessionSnapshot();
  const View = views[state.view];
  const title = VIEW_TITLES[state.view];
  useEffect(() => {
    document.title = `${title} – ${loaded.manifest?.title ?? 'Violence needs assessment dashboard'}`;
  }, [title, loaded.manifest?.title]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Header />
      {state.view !== 'import' && state.view !== 'data' ? <FilterBar /> : null}
      <ProtectionStatus />
      <main id="main" tabIndex={-1} className="page">
        <LinkNotices notices={notices} />
        <Suspense fallback={<p role="status">Loading the {title.toLowerCase()} view…</p>}>
          <View />
        </Suspense>
      </main>
      <footer className="footer">
        <p>Runs entirely in your browser: the data you load stay on this computer and nothing is sent anywhere.</p>
      </footer>
    </>
  );
}
