// The Trends view's cached source on the real engine (demo, analyst rules): the first read for a breakdown
// brings every indicator, so another indicator, or several compared, are answered with no statement.
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/contract';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { cachedTrendSource, trendSliceKey, type TrendSourceScope } from '../../../src/hooks/trend-source-cache';
import { readTrendLookups, readTrendSlices, sliceTrendSource } from '../../../src/queries/readers/trend-slice';
import { DEMO_TABLE, loadProtectedDemo } from '../../fixtures/protected-demo';

const PRESTON = 'E07000123';
let real: Engine;
let counted: Engine;
let statements = 0;
let manifest: Manifest;

beforeAll(async () => {
  real = await createNodeEngine();
  manifest = await loadProtectedDemo(real);
  counted = { ...real, query: (q, s) => (statements++, real.query(q, s)) };
}, 900_000);
afterAll(() => real?.close());

describe('cachedTrendSource', () => {
  it('reads every indicator with the first, then answers the others from the cache', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const ids = manifest.indicators.map((i) => i.id);
    const scope: TrendSourceScope = { version: 1, audience: 'analyst', age: 'all', sex: 'all', allIndicatorIds: ids };
    const [first, second, third] = ids as [string, string, string];

    statements = 0;
    await cachedTrendSource(client, counted, DEMO_TABLE, [first], scope);
    // One statement for the slices of all indicators, and the public lookups (areas, population).
    const firstRead = statements;
    expect(firstRead).toBeLessThanOrEqual(3);
    for (const id of ids) expect(client.getQueryData(trendSliceKey(scope, DEMO_TABLE, id)), id).toBeDefined();

    statements = 0;
    const other = await cachedTrendSource(client, counted, DEMO_TABLE, [second, third], scope);
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

    // Another breakdown is another read.
    statements = 0;
    await cachedTrendSource(client, counted, DEMO_TABLE, [first], { ...scope, sex: 'female' });
    expect(statements).toBeGreaterThan(0);
  }, 120_000);
});
