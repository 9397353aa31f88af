import { Suspense, useEffect, useRef } from 'react';
import { useSessionSnapshot } from '../hooks/session-context';
import { useLeaveWarningWhileStoring } from '../hooks/use-leave-warning';
import { ShownIndicatorProvider } from '../ui/shown-indicator';
import { useViewState } from '../url-state/use-view-state';
import { VIEW_TITLES } from '../url-state/view-state';
import { FilterBar } from '../views/shell/FilterBar';
import { Header } from '../views/shell/Header';
import { LinkNotices } from '../views/shell/LinkNotices';
import { ProtectionStatus } from '../views/shell/ProtectionStatus';
import { StorageNotice } from '../views/shell/StorageNotice';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { preloadMapDrawing, preloadViewsWhenIdle, VIEW_COMPONENTS } from './view-modules';
import '../views/overview/overview.css';

export function App() {
  const { state, notices, update } = useViewState();
  const { state: loaded, version, workspace } = useSessionSnapshot();
  const View = VIEW_COMPONENTS[state.view];
  const title = VIEW_TITLES[state.view];
  useEffect(() => {
    document.title = `${title} – ${loaded.manifest?.title ?? 'Violence needs assessment dashboard'}`;
  }, [title, loaded.manifest?.title]);
  // Another workspace holds other indicators, areas and cohorts: choices made for the last one are let go.
  const shownWorkspace = useRef(workspace.kind);
  useEffect(() => {
    if (shownWorkspace.current === workspace.kind) return;
    shownWorkspace.current = workspace.kind;
    update({ indicator: null, area: null, period: null, cohort: null, compare: null, options: {} });
  }, [workspace.kind, update]);
  useLeaveWarningWhileStoring();
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
        {state.view !== 'import' ? <StorageNotice /> : null}
        {/* An error in one view stays in it: the message shows there, and the session is kept. */}
        <ErrorBoundary what={`The ${title.toLowerCase()} view`} heading={title} resetKey={`${state.view}|${version}`}>
          <Suspense fallback={<p role="status">Loading the {title.toLowerCase()} view…</p>}>
            <View />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="footer">
        <p>Runs entirely in your browser: the data you load stay on this computer and nothing is sent anywhere.</p>
      </footer>
    </ShownIndicatorProvider>
  );
}
