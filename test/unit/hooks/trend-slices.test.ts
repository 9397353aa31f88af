// The Trends figures' slices through the coordinator, on the real engine (demo, analyst rules): the first read for
// a breakdown brings every indicator, so another indicator, or several compared, are answered with no statement.
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/contract';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { declareFigure } from '../../../src/hooks/coordinator/figure-declaration';
import { figureKey, type FigureScope } from '../../../src/hooks/coordinator/figure-key';
import { FiguresCoordinator } from '../../../src/hooks/coordinator/figures-coordinator';
import { TREND_SLICE, trendSliceInputs, trendSourceFor } from '../../../src/hooks/coordinator/trend-slices';
import type { AgeBand, Sex } from '../../../src/contract';
import { readTrendLookups, readTrendSlices, sliceTrendSource } from '../../../src/queries/readers/trend-slice';
import type { DashboardSession } from '../../../src/session/dashboard-session';
import { DEMO_TABLE, restoreProtectedDemo } from '../../fixtures/protected-demo';

const PRESTON = 'E07000123';
let real: Engine;
let session: DashboardSession;
let statements = 0;
let manifest: Manifest;

beforeAll(async () => {
  real = await createNodeEngine();
  // Counted below the session, so every statement the coordinator sends is seen.
  session = await restoreProtectedDemo({ ...real, query: (q, s) => (statements++, real.query(q, s)) });
  manifest = session.getSnapshot().state.manifest as Manifest;
}, 900_000);
afterAll(() => real?.close());

/** A figure that is just the trend source for these indicators and breakdown (what the Trends figures start from). */
const source = declareFigure('test-trend-source', (ctx, i: { ids: readonly string[]; age: AgeBand; sex: Sex }) =>
  trendSourceFor(ctx, i.ids, i.age, i.sex),
);

describe('the Trends slices in the one cache', () => {
  it('reads every indicator with the first, then answers the others from the cache', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const coordinator = new FiguresCoordinator(client, session);
    const scope: FigureScope = { version: session.getSnapshot().version, audience: 'analyst' };
    const ids = manifest.indicators.map((i) => i.id);
    const [first, second, third] = ids as [string, string, string];

    statements = 0;
    await coordinator.answer(source, scope, { ids: [first], age: 'all', sex: 'all' });
    // One statement for the slices of all indicators, and the public lookups (areas, population).
    expect(statements).toBeLessThanOrEqual(3);
    for (const id of ids) {
      const key = figureKey(TREND_SLICE, scope, trendSliceInputs(DEMO_TABLE, id, 'all', 'all'));
      expect(client.getQueryData(key), id).toBeDefined();
    }

    statements = 0;
    const other = await coordinator.answer(source, scope, { ids: [second, third], age: 'all', sex: 'all' });
    expect(statements).toBe(0);

    // What the cache answers is what a read of those indicators alone answers.
    const alone = sliceTrendSource(
      await readTrendSlices(real, DEMO_TABLE, [second, third], 'all', 'all'),
      await readTrendLookups(real, 'all'),
    );
    const slice = { age: 'all', sex: 'all', lastPeriod: null } as const;
    expect(await other.cells([second, third], PRESTON, slice)).toEqual(await alone.cells([second, third], PRESTON, slice));
    expect(await other.monthRange([second, third], null)).toEqual(await alone.monthRange([second, third], null));
    expect(await other.districtMonths(second, 'all', 'all', null)).toEqual(
      await alone.districtMonths(second, 'all', 'all', null),
    );

    // Another breakdown is another read; so is another audience, whose slices come from its own protected table.
    statements = 0;
    await coordinator.answer(source, scope, { ids: [first], age: 'all', sex: 'female' });
    expect(statements).toBeGreaterThan(0);
    const partner: FigureScope = { ...scope, audience: 'partner' };
    await coordinator.answer(source, partner, { ids: [first], age: 'all', sex: 'all' });
    const partnerKey = figureKey(TREND_SLICE, partner, trendSliceInputs('protected_partner', first, 'all', 'all'));
    expect(client.getQueryData(partnerKey)).toBeDefined();
  }, 120_000);
});
