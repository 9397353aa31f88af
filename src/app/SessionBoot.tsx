import { useEffect, useState, type ReactNode } from 'react';
import { createBrowserEngine } from '../engine/browser-engine';
import { SessionContext } from '../hooks/session-context';
import { DashboardSession } from '../session/dashboard-session';
import { fetchDemoFiles } from '../session/demo-files';
import { prepareDerivedTables } from '../session/prepare-derived-tables';

type Boot = { phase: 'starting' | 'loading-demo'; detail: string } | { phase: 'ready'; session: DashboardSession } | { phase: 'failed'; error: string };

let started: Promise<DashboardSession> | null = null;

/** Starts the engine once per page, loads the embedded demo, then shows the dashboard. */
function startSession(onPhase: (b: Boot) => void): Promise<DashboardSession> {
  started ??= (async () => {
    performance.mark('engine-start');
    const engine = await createBrowserEngine();
    performance.mark('engine-ready');
    const session = await DashboardSession.start(engine, prepareDerivedTables);
    onPhase({ phase: 'loading-demo', detail: 'Loading the synthetic demo data' });
    const files = await fetchDemoFiles();
    await session.load(files, undefined, { demo: true });
    performance.mark('demo-loaded');
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
        <div role="alert" className="notice notice--error">
          <p>The dashboard could not start: {boot.error}</p>
          <p>Try reloading the page. Your data have not left this computer.</p>
        </div>
      ) : (
        <p role="status" aria-live="polite">
          {boot.detail}…
        </p>
      )}
    </main>
  );
}
