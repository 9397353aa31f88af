// The figures coordinator on the real engine and the demo protected for every audience: keys derived from the
// declaration, its inputs, the data version and the audience; one cache; reads shared, and cancelled only when
// every asker has given them up; prefetch in idle time; the rule for keeping an old answer.
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSuperseded, supersededError } from '../../../src/engine/abort';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { declareFigure } from '../../../src/hooks/coordinator/figure-declaration';
import { figureKey, keepOnlyInScope, type FigureScope } from '../../../src/hooks/coordinator/figure-key';
import { FiguresCoordinator } from '../../../src/hooks/coordinator/figures-coordinator';
import { SharedReads } from '../../../src/hooks/coordinator/shared-reads';
import type { DashboardSession } from '../../../src/session/dashboard-session';
import { restoreProtectedDemo } from '../../fixtures/protected-demo';

let real: Engine;
let session: DashboardSession;
let scope: FigureScope;
const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });

beforeAll(async () => {
  real = await createNodeEngine();
  session = await restoreProtectedDemo(real);
  scope = { version: session.getSnapshot().version, audience: 'analyst' };
}, 900_000);
afterAll(() => real?.close());

/** The sum of every shown count of an indicator in the audience's protected table: differs by audience (rounding). */
let runs = 0;
const shownTotal = declareFigure('test-shown-total', async (ctx, { indicatorId }: { indicatorId: string }) => {
  runs++;
  const [row] = await ctx.engine.query<{ total: number }>(
    `SELECT sum(value)::DOUBLE AS total FROM ${ctx.table} WHERE indicator_id = '${indicatorId}' AND value IS NOT NULL`,
  );
  return { table: ctx.table, total: row?.total ?? null };
});

const firstIndicator = () => session.getSnapshot().state.manifest?.indicators[0]?.id ?? 'none';

describe('declared figures', () => {
  it('are keyed by the coordinator with the data version and the audience, and read from that audience’s table', async () => {
    const client = newClient();
    const coordinator = new FiguresCoordinator(client, session);
    const inputs = { indicatorId: firstIndicator() };
    const partner: FigureScope = { ...scope, audience: 'partner' };
    const [forAnalyst, forPartner] = await Promise.all([
      coordinator.answer(shownTotal, scope, inputs),
      coordinator.answer(shownTotal, partner, inputs),
    ]);
    expect(forAnalyst.table).toBe('protected_analyst');
    expect(forPartner.table).toBe('protected_partner');
    expect(forPartner.total).not.toBe(forAnalyst.total);
    expect(client.getQueryData(figureKey('test-shown-total', scope, inputs))).toBe(forAnalyst);
    expect(client.getQueryData(figureKey('test-shown-total', partner, inputs))).toBe(forPartner);
    // Another data version is another key: nothing kept for it.
    expect(client.getQueryData(figureKey('test-shown-total', { ...scope, version: scope.version + 1 }, inputs))).toBe(undefined);
    // The one cache: the figures and the SQL reads behind them are in the query client, nowhere else.
    const kinds = new Set(
      client
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey[0]),
    );
    expect(kinds).toEqual(new Set(['figure', 'sql']));
  }, 120_000);

  it('share one read between askers, and answer again from the cache', async () => {
    const coordinator = new FiguresCoordinator(newClient(), session);
    const inputs = { indicatorId: firstIndicator() };
    runs = 0;
    const [a, b] = await Promise.all([
      coordinator.answer(shownTotal, scope, inputs),
      coordinator.answer(shownTotal, scope, inputs),
    ]);
    expect(b).toBe(a);
    expect(await coordinator.answer(shownTotal, scope, inputs)).toBe(a);
    expect(runs).toBe(1);
  }, 120_000);

  it('are worked out in idle time when prefetched, and not at all when the prefetch is withdrawn first', async () => {
    const client = newClient();
    const coordinator = new FiguresCoordinator(client, session);
    const inputs = { indicatorId: firstIndicator() };
    runs = 0;
    const withdraw = coordinator.prefetch(shownTotal, scope, inputs);
    withdraw();
    await new Promise((r) => setTimeout(r, 400));
    expect(runs).toBe(0);
    coordinator.prefetch(shownTotal, scope, inputs);
    await expect.poll(() => client.getQueryData(figureKey('test-shown-total', scope, inputs)), { timeout: 30_000 }).toBeDefined();
    expect(runs).toBe(1);
    // A view asking now is answered from the cache.
    await coordinator.answer(shownTotal, scope, inputs);
    expect(runs).toBe(1);
  }, 120_000);

  it('built from another figure share that figure’s read and cache entry', async () => {
    const client = newClient();
    const coordinator = new FiguresCoordinator(client, session);
    const inputs = { indicatorId: firstIndicator() };
    const doubled = declareFigure('test-doubled', async (ctx, i: { indicatorId: string }) => {
      const { total } = await ctx.figure(shownTotal, i);
      return total === null ? null : total * 2;
    });
    runs = 0;
    const [twice, once] = await Promise.all([
      coordinator.answer(doubled, scope, inputs),
      coordinator.answer(shownTotal, scope, inputs),
    ]);
    expect(twice).toBe((once.total ?? NaN) * 2);
    expect(runs).toBe(1);
  }, 120_000);
});

describe('shared reads', () => {
  it('are cancelled only when every asker has given them up', async () => {
    const reads = new SharedReads(newClient());
    let ownSignal: AbortSignal | undefined;
    let finish!: (v: string) => void;
    const run = (signal: AbortSignal) => {
      ownSignal = signal;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const [a, b] = [new AbortController(), new AbortController()];
    const fromA = reads.read(['r', 1], run, a.signal);
    const fromB = reads.read(['r', 1], run, b.signal);
    a.abort();
    await expect(fromA).rejects.toSatisfy(isSuperseded);
    // B still waits: the read goes on.
    expect(ownSignal?.aborted).toBe(false);
    finish('cells');
    await expect(fromB).resolves.toBe('cells');

    const [c, d] = [new AbortController(), new AbortController()];
    const fromC = reads.read(['r', 2], run, c.signal);
    const fromD = reads.read(['r', 2], run, d.signal);
    c.abort();
    d.abort();
    await Promise.allSettled([fromC, fromD]);
    expect(ownSignal?.aborted).toBe(true);
  });

  it('read again for an asker whose read was cancelled by another’s request, and keep what they read', async () => {
    const client = newClient();
    const reads = new SharedReads(client);
    const attempts: string[] = [];
    const first = new AbortController();
    let rejectFirst!: (e: unknown) => void;
    const fromFirst = reads.read(
      ['slice', 'a'],
      () => (attempts.push('first'), new Promise<string>((_, reject) => (rejectFirst = reject))),
      first.signal,
    );
    const fromSecond = reads.read(['slice', 'a'], async () => (attempts.push('again'), 'cells'), new AbortController().signal);
    expect(attempts).toEqual(['first']);
    // The first asker's request is superseded, and a statement the read shared with it with it.
    first.abort();
    rejectFirst(supersededError());
    await expect(fromFirst).rejects.toSatisfy(isSuperseded);
    await expect(fromSecond).resolves.toBe('cells');
    expect(attempts).toEqual(['first', 'again']);
    expect(client.getQueryData(['slice', 'a'])).toBe('cells');
    // Other failures are passed on and not kept.
    await expect(reads.read(['x'], () => Promise.reject(new Error('bad table')))).rejects.toThrow('bad table');
    expect(client.getQueryData(['x'])).toBe(undefined);
  });
});

describe('the rule for keeping an old answer', () => {
  it('keeps it for a new filter, never across an audience or data change', async () => {
    const client = newClient();
    const key = figureKey('f', scope, { area: 'a' });
    client.setQueryData(key, 'old figures');
    const old = client.getQueryCache().find<unknown>({ queryKey: key, exact: true });
    expect(keepOnlyInScope(scope)('old figures', old)).toBe('old figures');
    expect(keepOnlyInScope({ ...scope, audience: 'partner' })('old figures', old)).toBe(undefined);
    expect(keepOnlyInScope({ ...scope, version: scope.version + 1 })('old figures', old)).toBe(undefined);
    expect(keepOnlyInScope(scope)('old figures', undefined)).toBe(undefined);
  });
});
