// @vitest-environment jsdom
// Switching the audience while the new audience's figures are worked out, through the coordinator: the real session,
// engine, demo and hooks, with the partner protection held back until the test lets it run. At no render may the
// analyst figures be the answer under the partner label, and exports wait (useFiguresCurrent) until the partner
// figures are in. The same switch through the Overview view is test/component/shell/audience-switch.test.tsx.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../../src/contract';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { useFiguresCurrent } from '../../../src/hooks/coordinator/use-figures-current';
import { SessionContext } from '../../../src/hooks/session-context';
import { useBriefingFigures } from '../../../src/hooks/use-briefing-figures';
import type { DashboardSession } from '../../../src/session/dashboard-session';
import { useViewState } from '../../../src/url-state/use-view-state';
import { restoreProtectedDemo } from '../../fixtures/protected-demo';

let engine: Engine;
let session: DashboardSession;
let release: () => void = () => {};
const partnerHeld = new Promise<void>((resolve) => (release = resolve));

beforeAll(async () => {
  engine = await createNodeEngine();
  const real = await restoreProtectedDemo(engine);
  // The real session, its partner protection held back as a slow worker would hold it.
  session = Object.create(real, {
    ensureProtected: {
      value: (audience: Audience) =>
        audience === 'partner' ? partnerHeld.then(() => real.ensureProtected(audience)) : real.ensureProtected(audience),
    },
  }) as DashboardSession;
}, 900_000);
afterAll(() => {
  cleanup();
  return engine?.close();
});

describe('an audience switch through the coordinator', () => {
  it('never answers with the old audience’s figures under the new label, and holds exports until current', async () => {
    window.history.replaceState(null, '', '/?view=overview');
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) =>
      createElement(QueryClientProvider, { client }, createElement(SessionContext.Provider, { value: session }, children));
    const seen: { audience: Audience; data: unknown; current: boolean }[] = [];
    const { result } = renderHook(
      () => {
        const view = useViewState();
        const figures = useBriefingFigures();
        const current = useFiguresCurrent();
        seen.push({ audience: view.state.audience, data: figures.data, current });
        return { view, figures, current };
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.figures.data).toBeDefined(), { timeout: 120_000 });
    await waitFor(() => expect(result.current.current).toBe(true));
    const analystFigures = result.current.figures.data;
    expect(result.current.view.state.audience).toBe('analyst');

    act(() => result.current.view.update({ audience: 'partner' }));
    // Partner is the label now; the answer is a placeholder, and exports wait.
    expect(result.current.view.state.audience).toBe('partner');
    expect(result.current.figures.data).toBeUndefined();
    await waitFor(() => expect(result.current.current).toBe(false));

    await act(async () => {
      release();
      await partnerHeld;
    });
    await waitFor(() => expect(result.current.figures.data).toBeDefined(), { timeout: 120_000 });
    await waitFor(() => expect(result.current.current).toBe(true));
    const partnerFigures = result.current.figures.data;
    expect(partnerFigures).not.toEqual(analystFigures);

    const underPartner = seen.filter((s) => s.audience === 'partner');
    expect(underPartner.length).toBeGreaterThan(1);
    // No render under the partner label ever had the analyst answer, nor called any other answer current (before the
    // partner query starts there is no answer at all, so nothing to export).
    expect(underPartner.filter((s) => s.data === analystFigures)).toEqual([]);
    expect(underPartner.filter((s) => s.current && s.data !== undefined && s.data !== partnerFigures)).toEqual([]);
  }, 600_000);
});
