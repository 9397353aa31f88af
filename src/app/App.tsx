import { Suspense, useEffect } from 'react';
import { useSessionSnapshot } from '../hooks/session-context';
import { useViewState } from '../url-state/use-view-state';
import { VIEW_TITLES } from '../url-state/view-state';
import { FilterBar } from '../views/shell/FilterBar';
import { Header } from '../views/shell/Header';
import { LinkNotices } from '../views/shell/LinkNotices';
import { PendingView } from '../views/shell/PendingView';
import { DataEthicsView } from '../views/data-ethics/DataEthicsView';
import { ImportView } from '../views/import/ImportView';

// Heavy views arrive with their own issues and are split out of the first load when they do.
const views = {
  overview: () => <PendingView title="Overview" what="headline measures, their change on last year and a plain-English briefing" />,
  map: () => <PendingView title="Map" what="choropleth maps of counts and rates by area, from boundaries you supply" />,
  trends: () => <PendingView title="Trends" what="monthly series with confidence limits, rolling 12 months and seasonality" />,
  cohorts: () => <PendingView title="Cohorts" what="one group of people seen across primary, secondary and tertiary prevention" />,
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
      <main id="main" tabIndex={-1} className="page">
        <LinkNotices notices={notices} />
        <Suspense fallback={<p role="status">Loading the {title.toLowerCase()} view…</p>}>
          <View />
        </Suspense>
      </main>
      <footer className="footer">
        <p>
          Runs entirely in your browser: the data you load stay on this computer and nothing is sent anywhere.
        </p>
      </footer>
    </>
  );
}
