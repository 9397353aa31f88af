// @vitest-environment jsdom
// Once the Overview's figures are shown, what the other views read first is worked out in idle time and kept in the
// coordinator's one cache (src/hooks/use-prefetch-view-openings.ts): the real session, engine, demo and hooks.
// Opening a view then finds these answers there and sends at most one round of statements (timed in `npm run bench`).
import type { QueryClient } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { useBriefingFigures } from '../../../src/hooks/use-briefing-figures';
import type { DashboardSession } from '../../../src/session/dashboard-session';
import { restoreProtectedDemo } from '../../fixtures/protected-demo';
import { sessionWrapper } from '../../fixtures/session-wrapper';

let engine: Engine;
let session: DashboardSession;

beforeAll(async () => {
  engine = await createNodeEngine();
  session = await restoreProtectedDemo(engine);
}, 900_000);
afterAll(() => {
  cleanup();
  return engine?.close();
});

/** The figure names kept in the cache with an answer, for this data version and audience. */
const keptFigures = (client: QueryClient, version: number) =>
  client
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.data !== undefined)
    .map((q) => q.queryKey)
    .filter((k) => k[0] === 'figure' && k[2] === version && k[3] === 'analyst')
    .map((k) => String(k[1]));

describe('the views’ first reads', () => {
  it('are worked out in idle time once the Overview is shown, from the protected table, and kept', async () => {
    window.history.replaceState(null, '', '/?view=overview');
    const { client, wrapper } = sessionWrapper(session);
    const statements: string[] = [];
    const query = engine.query.bind(engine);
    engine.query = (sql) => (statements.push(sql), query(sql));
    const { result } = renderHook(() => useBriefingFigures(), { wrapper });
    await waitFor(() => expect(result.current.data).toBeDefined(), { timeout: 120_000 });
    const version = session.getSnapshot().version;
    await waitFor(
      () =>
        expect(keptFigures(client, version)).toEqual(
          expect.arrayContaining(['trend-series', 'map-indicator-levels', 'cohort-coverage']),
        ),
      { timeout: 60_000 },
    );
    // One door: every statement the prefetches sent read the audience's protected table or the public lookups.
    expect(statements.some((sql) => /protected_analyst/.test(sql))).toBe(true);
    for (const sql of statements) expect(sql).not.toMatch(/\b(FROM|JOIN)\s+"?(extracts|cube|cube_month|population)\b(?!_)/i);
  }, 300_000);
});
