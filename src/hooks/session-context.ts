import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DashboardSession, SessionSnapshot } from '../session/dashboard-session';

export const SessionContext = createContext<DashboardSession | null>(null);

export function useSession(): DashboardSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside the session provider');
  return session;
}

/** The loaded state and its version; re-renders when a load changes the data. */
export function useSessionSnapshot(): SessionSnapshot {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}
