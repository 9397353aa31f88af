// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionContext } from '../../../src/hooks/session-context';
import { useLeaveWarningWhileStoring } from '../../../src/hooks/use-leave-warning';
import type { DashboardSession, SessionSnapshot } from '../../../src/session/dashboard-session';

afterEach(cleanup);

/** A session whose storage status the test sets, as the workspace keeper does while it stores a load. */
function sessionStoring() {
  const listeners = new Set<() => void>();
  let snapshot = { storage: { available: true, stored: null, saving: false, problem: null } } as unknown as SessionSnapshot;
  const session = {
    subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    getSnapshot: () => snapshot,
  } as unknown as DashboardSession;
  const setSaving = (saving: boolean) =>
    act(() => {
      snapshot = { ...snapshot, storage: { ...snapshot.storage, saving } };
      for (const l of listeners) l();
    });
  return { session, setSaving };
}

function Page() {
  useLeaveWarningWhileStoring();
  return null;
}

/** Whether leaving now would be stopped to ask (the browser shows its "Leave site?" question). */
const leavingAsks = () => !window.dispatchEvent(new Event('beforeunload', { cancelable: true }));

describe('leaving while the workspace is being stored', () => {
  it('asks first while storing, and lets the page go before and after', () => {
    const { session, setSaving } = sessionStoring();
    render(
      <SessionContext.Provider value={session}>
        <Page />
      </SessionContext.Provider>,
    );
    expect(leavingAsks()).toBe(false);
    setSaving(true);
    expect(leavingAsks()).toBe(true);
    setSaving(false);
    expect(leavingAsks()).toBe(false);
  });
});
