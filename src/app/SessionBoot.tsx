import { useEffect, useState, type ReactNode } from 'react';
import { createBrowserEngine } from '../engine/browser-engine';
import { SessionContext } from '../hooks/session-context';
import { DashboardSession, type DemoSource } from '../session/dashboard-session';
import { opensOnStart } from '../session/workspace-keeper';
import { fetchDemoFiles, fetchDemoSnapshot } from '../session/demo-files';
import { protectInWorker, warmProtectionWorker } from '../disclosure/protect-in-worker';
import { fetchBundleFiles } from '../bundle/fetch-bundle';
import { lockAudience } from '../url-state/use-view-state';
import { parseViewState } from '../url-state/view-state';
import { openWorkspaceStore } from '../workspace/workspace-store';
import { StorageProblem } from '../workspace/storage-backend';
import { preloadView } from './view-modules';

type Boot =
  | { phase: 'starting' | 'loading-demo'; detail: string }
  | { phase: 'ready'; session: DashboardSession }
  | { phase: 'failed'; error: string };

let started: Promise<DashboardSession> | null = null;

/** The partner bundle named in the page's address, if any. */
function bundleParam(): string | null {
  return new URLSearchParams(window.location.search).get('bundle');
}

/** The demo as the build left it, fetched again from the page's own site (the browser's cache has it). */
const demoSource: DemoSource = async () => (await fetchDemoSnapshot()) ?? (await fetchDemoFiles());

/**
 * Starts the engine once per page, then loads the bundle the link names (`?bundle=<url>`: only that bundle,
 * fetched from that address alone, in its audience's mode), or the user's own workspace stored on this device if
 * it was open when the page was last left, or the embedded demo.
 */
function startSession(onPhase: (b: Boot) => void): Promise<DashboardSession> {
  started ??= (async () => {
    performance.mark('engine-start');
    // The linked view's code loads while the engine starts, so the view draws as soon as the data are in.
    void preloadView(parseViewState(window.location.search).state.view).catch(() => undefined);
    const bundle = bundleParam();
    // Needs no engine: fetch the demo, already protected by the build, while the engine starts.
    const demoSnapshot = bundle ? null : fetchDemoSnapshot().then((s) => (performance.mark('demo-snapshot-read'), s));
    // Without one, the demo must be protected in the page: have its worker ready by then.
    demoSnapshot?.then(
      (s) => s ?? warmProtectionWorker(),
      () => undefined,
    );
    // Finds the browser's storage while the engine starts; a partner bundle is never stored.
    const store = bundle ? null : openWorkspaceStore().catch((e: unknown) => (e instanceof StorageProblem ? e : null));
    const engine = await createBrowserEngine();
    performance.mark('engine-ready');
    const session = await DashboardSession.start(engine, protectInWorker, {
      demo: demoSource,
      demoFiles: fetchDemoFiles,
      store: await store,
    });
    if (bundle) {
      onPhase({ phase: 'loading-demo', detail: 'Fetching the partner bundle' });
      const files = await fetchBundleFiles(bundle, window.location.href);
      onPhase({ phase: 'loading-demo', detail: 'Checking the bundle and running its disclosure audit' });
      const info = await session.openBundle(files, bundle);
      lockAudience(info.audience);
      performance.mark('bundle-opened');
      return session;
    }
    // A workspace whose store was cut off is not opened, nor replaced in silence: the views say so (StorageNotice).
    if (opensOnStart(session.getSnapshot().storage)) {
      onPhase({ phase: 'loading-demo', detail: 'Opening your workspace stored on this device' });
      const outcomes = await session.openStored((p) =>
        onPhase({ phase: 'loading-demo', detail: `Opening your workspace stored on this device. ${p.step}` }),
      );
      // Null when the storage could not be read: the demo is loaded below, and Load data says why.
      if (outcomes) {
        performance.mark('workspace-restored');
        session.ensureProtected('analyst').catch(() => undefined);
        return session;
      }
    }
    onPhase({ phase: 'loading-demo', detail: 'Loading the synthetic demo data' });
    const snapshot = await demoSnapshot;
    if (snapshot) {
      await session.restoreDemo(snapshot);
      performance.mark('demo-from-snapshot');
    } else await session.load(await fetchDemoFiles(), undefined, { demo: true });
    performance.mark('demo-loaded');
    // Protection runs in its worker while the shell shows; views that need figures wait for it.
    session.ensureProtected('analyst').then(
      () => performance.mark('demo-protected'),
      () => undefined,
    );
    return session;
  })();
  return started;
}

export function SessionBoot({ children }: { children: ReactNode }) {
  const [boot, setBoot] = useState<Boot>({ phase: 'starting', detail: 'Starting the in-browser database' });
  useEffect(() => {
    let live = true;
    startSession((b) => live && setBoot(b)).then(
      (session) => live && setBoot({ phase: 'ready', session }),
      (e: unknown) => live && setBoot({ phase: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  if (boot.phase === 'ready') return <SessionContext.Provider value={boot.session}>{children}</SessionContext.Provider>;
  return (
    <main className="boot" id="main">
      <h1>Violence needs assessment dashboard</h1>
      {boot.phase === 'failed' ? (
        <>
          <div role="alert" className="notice notice--error">
            <p>The dashboard could not start: {boot.error}</p>
            {bundleParam() ? (
              <p>The link names a partner bundle that could not be opened. Check the address with whoever shared it.</p>
            ) : (
              <p>Try reloading the page. Your data have not left this computer.</p>
            )}
          </div>
          {bundleParam() ? (
            <p>
              <a href="?">Open the dashboard with its synthetic demo data instead</a>
            </p>
          ) : null}
        </>
      ) : (
        <p role="status" aria-live="polite">
          {boot.detail}…
        </p>
      )}
    </main>
  );
}
