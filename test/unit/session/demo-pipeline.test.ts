import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import { protectInline } from '../../../src/disclosure/protect-inline';
import { DashboardSession } from '../../../src/session/dashboard-session';

const DEMO = ['manifest.json', 'areas.csv', 'population.csv', 'extracts.parquet'];

let engine: Engine;
let session: DashboardSession;
beforeAll(async () => {
  engine = await createNodeEngine();
  session = await DashboardSession.start(engine, protectInline);
  const files = DEMO.map((name) => ({ name, bytes: new Uint8Array(readFileSync(`data/${name}`)) }));
  const t0 = performance.now();
  const outcomes = await session.load(files, undefined, { demo: true });
  console.log(`demo load in Node: ${Math.round(performance.now() - t0)} ms`);
  expect(outcomes.filter((o) => o.status !== 'loaded')).toEqual([]);
});
afterAll(() => engine.close());

describe('the demo data through the whole data path (real engine)', () => {
  it('loads every demo file and builds the cube', async () => {
    const [cube] = await engine.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM cube');
    console.log(`cube cells: ${cube?.n}`);
    expect(cube?.n).toBeGreaterThan(10_000);
    expect(session.getSnapshot().version).toBe(1);
    expect(session.getSnapshot().state.manifest?.synthetic).toBe(true);
  });

  it('protects the whole cube for each audience and the audit passes', { timeout: 900_000 }, async () => {
    for (const audience of ['analyst', 'partner', 'public'] as const) {
      const t0 = performance.now();
      const summary = await session.ensureProtected(audience);
      console.log(`${audience}: protected ${summary.cells} cells in ${Math.round(performance.now() - t0)} ms`, summary);
      expect(summary.audit.pass).toBe(true);
      expect(summary.primary).toBeGreaterThan(0);
      const [bad] = await engine.query<{ n: number }>(
        `SELECT count(*)::DOUBLE AS n FROM protected_${audience} WHERE flag = 'c' AND value IS NOT NULL`,
      );
      expect(bad?.n).toBe(0);
    }
  });
});
