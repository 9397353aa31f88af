import { Suspense, useEffect } from 'react';
import { useSessionSnapshot } from '../hooks/session-context';
import { ShownIndicatorProvider } from '../ui/shown-indicator';
import { useViewState } from '../url-state/use-view-state';
import { VIEW_TITLES } from '../url-state/view-state';
import { FilterBar } from '../views/shell/FilterBar';
import { Header } from '../views/shell/Header';
import { LinkNotices } from '../views/shell/LinkNotices';
import { ProtectionStatus } from '../views/shell/ProtectionStatus';
import { preloadMapDrawing, preloadViewsWhenIdle, VIEW_COMPONENTS } from './view-modules';
import '../views/overview/overview.css';

export function App() {
  const { state, notices } = useViewState();
  const { state: loaded } = useSessionSnapshot();
  const View = VIEW_COMPONENTS[state.view];
  const title = VIEW_TITLES[state.view];
  useEffect(() => {
    document.title = `${title} – ${loaded.manifest?.title ?? 'Violence needs assessment dashboard'}`;
  }, [title, loaded.manifest?.title]);
  // Once the first view is up, the others' code is fetched in idle time.
  useEffect(preloadViewsWhenIdle, []);
  // Boundaries loaded from a file are drawn at once on the map: have its drawing here by then.
  const hasBoundaries = Object.keys(loaded.boundaries).length > 0;
  useEffect(() => {
    if (hasBoundaries) void preloadMapDrawing().catch(() => undefined);
  }, [hasBoundaries]);
  return (
    <ShownIndicatorProvider>
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
    </ShownIndicatorProvider>
  );
}
