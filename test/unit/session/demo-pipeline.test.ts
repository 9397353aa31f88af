import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import { protectInline } from '../../../src/disclosure/protect-inline';
import { DashboardSession } from '../../../src/session/dashboard-session';
import { restoreEngineTables } from '../../../src/session/demo-snapshot';
import { ident } from '../../../src/engine/sql-literals';
import { cachedDemoSnapshot } from '../../fixtures/demo-snapshot-cache';

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
      expect(summary.hidden).toBeGreaterThan(0);
      const [bad] = await engine.query<{ n: number }>(
        `SELECT count(*)::DOUBLE AS n FROM protected_${audience} WHERE flag = 'c' AND value IS NOT NULL`,
      );
      expect(bad?.n).toBe(0);
    }
  });

  it('keeps the headline figures visible: the VRU area by year and districts by month are not hidden as complements', async () => {
    // Session 1 hid the VRU area's yearly sharp-object admissions (161) and 15 of Preston's 60 months of
    // violence with injury (100-250 a month); the complement choice and the cube's shape now avoid that.
    const headline = ['hes_sharp_object_admissions', 'knife_serious_violence_u25', 'police_violence_with_injury'];
    for (const audience of ['analyst', 'partner'] as const) {
      const hidden = await engine.query<{ indicator_id: string; period: string }>(`
        SELECT indicator_id, period FROM protected_${audience}
        WHERE level = 'vru' AND period_type = 'year' AND age_band = 'all' AND sex = 'all' AND flag = 'c'
          AND indicator_id IN (${headline.map((h) => `'${h}'`).join(', ')})`);
      expect(hidden, audience).toEqual([]);
    }
    const [preston] = await engine.query<{ hidden: number; months: number }>(`
      SELECT count(*) FILTER (WHERE flag = 'c')::DOUBLE AS hidden, count(*)::DOUBLE AS months FROM protected_analyst
      WHERE indicator_id = 'police_violence_with_injury' AND area_code = 'E07000123' AND period_type = 'month'
        AND age_band = 'all' AND sex = 'all'`);
    expect(preston).toEqual({ hidden: 0, months: 60 });
  });

  // Other test files restore the demo from a shared snapshot (test/fixtures/demo-snapshot-cache.ts) instead of
  // loading and protecting it: it must hold what this load and protection give, table for table.
  it('matches the shared pre-protected demo the other tests restore', { timeout: 900_000 }, async () => {
    for (const audience of ['analyst', 'partner', 'public'] as const) await session.ensureProtected(audience);
    const cached = await cachedDemoSnapshot();
    expect(cached.protection).toEqual(session.getSnapshot().protection);
    expect(cached.state).toEqual(JSON.parse(JSON.stringify(session.getSnapshot().state)));
    const restored = await createNodeEngine();
    try {
      await restoreEngineTables(restored, cached.tables);
      // The snapshot holds the protected tables and lookups only; each is the same as this load's.
      expect(await tableNames(restored)).toEqual(cached.tables.map((t) => t.name).sort());
      for (const { name } of cached.tables) {
        expect(await contentHash(restored, name), name).toEqual(await contentHash(engine, name));
      }
    } finally {
      await restored.close();
    }
  });
});

async function tableNames(e: Engine): Promise<string[]> {
  const rows = await e.query<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = current_schema() AND NOT temporary ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/**
 * Rows and one hash of every row's text, in any order. Without `cell_id`: two loads of the same files number the
 * cube's cells in different orders (seen 2026-12-06: 158 of the cube's cells changed number), so it is not compared.
 */
async function contentHash(e: Engine, table: string): Promise<{ rows: number; hash: string }> {
  const columns = await e.query<{ name: string }>(
    `SELECT column_name AS name FROM duckdb_columns()
     WHERE schema_name = current_schema() AND table_name = '${table}' AND column_name <> 'cell_id' ORDER BY column_index`,
  );
  const [row] = await e.query<{ rows: number; hash: string }>(
    `SELECT count(*)::DOUBLE AS rows, md5(coalesce(string_agg(x, chr(10) ORDER BY x), '')) AS hash
     FROM (SELECT CAST(row(${columns.map((c) => ident(c.name)).join(', ')}) AS VARCHAR) AS x FROM ${ident(table)})`,
  );
  return row ?? { rows: 0, hash: '' };
}
