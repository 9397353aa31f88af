import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCES } from '../../../src/contract';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import { ident } from '../../../src/engine/sql-literals';
import { protectInline } from '../../../src/disclosure/protect-inline';
import type { ProtectRunner } from '../../../src/disclosure/protect-cube-table';
import { protectedTable } from '../../../src/disclosure/protected-tables';
import { DashboardSession } from '../../../src/session/dashboard-session';
import { decodeSnapshot, restoreEngineTables, SNAPSHOT_TABLES, type DemoSnapshot } from '../../../src/session/demo-snapshot';
import { cachedDemoSnapshotFile } from '../../../scripts/demo-snapshot-cache';
import { cachedDemoSnapshot } from '../../fixtures/demo-snapshot-cache';
import { encodeSnapshot } from '../../../src/session/demo-snapshot-write';
import {
  loadDemoSession,
  readDemoFiles,
  snapshotOf,
  writeDemoSnapshot,
  writeSnapshot,
} from '../../../scripts/build-demo-snapshot';
import { DEMO_FILE_NAMES } from '../../../src/session/demo-file-names';

/** Every row of a table in its stored order, reduced to one hash: equal only if content and order are. */
async function fingerprint(engine: Engine, table: string): Promise<{ rows: number; hash: string }> {
  const [row] = await engine.query<{ rows: number; hash: string }>(
    `SELECT count(*)::DOUBLE AS rows, md5(string_agg(CAST(x AS VARCHAR), chr(10) ORDER BY rid)) AS hash
     FROM (SELECT rowid AS rid, t AS x FROM ${ident(table)} t)`,
  );
  return row ?? { rows: 0, hash: '' };
}

const demoFiles = async () => readDemoFiles('data');

let dir: string;
let built: Engine;
let restoredEngine: Engine;
let source: DashboardSession;
let restored: DashboardSession;
/** The snapshot as the build script wrote it to a file, read back. */
let written: DemoSnapshot;
let bytes: Uint8Array;
const protectionRuns: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demo-snapshot-test-'));
  const file = join(dir, 'demo-snapshot.bin');
  // This load is the demo's whole data path, as the build runs it. Where no snapshot of this code is cached yet (a
  // fresh checkout: CI), its snapshot is the one the other files restore: the cache's lock is held from here until
  // it is written, so they wait for it instead of loading and protecting the demo a second time (vitest.config.ts
  // runs this file first).
  let offer: { resolve: (f: string) => void; reject: (e: unknown) => void } | undefined;
  const offered = new Promise<string>((resolve, reject) => (offer = { resolve, reject }));
  offered.catch(() => undefined); // never awaited when the cache already holds a snapshot
  const shared = cachedDemoSnapshotFile(undefined, async (out) => {
    copyFileSync(await offered, out);
    return 'the demo snapshot, from demo-snapshot.test.ts';
  });
  try {
    built = await createNodeEngine();
    source = await loadDemoSession(built, 'data');
    // Written as the build script writes it (writeDemoSnapshot is this on a session of its own), from the same load.
    await writeSnapshot(await snapshotOf(source), file);
    offer?.resolve(file);
  } catch (e) {
    offer?.reject(e);
    throw e;
  }
  await shared;
  bytes = new Uint8Array(readFileSync(file));
  const decoded = await decodeSnapshot(bytes);
  if (!decoded) throw new Error('the written snapshot did not decode');
  written = decoded;
  restoredEngine = await createNodeEngine();
  const counting: ProtectRunner = (request, onProgress) => {
    protectionRuns.push(`${request.policy.suppressBelowOrEqual}`);
    return protectInline(request, onProgress);
  };
  restored = await DashboardSession.start(restoredEngine, counting, { demoFiles });
  await restored.restoreDemo(written);
}, 600_000);
afterAll(async () => {
  await built?.close();
  await restoredEngine?.close();
  rmSync(dir, { recursive: true, force: true });
});

// One load and protection of the demo from its files (loadDemoSession, as the build does it) serves both the
// whole data path's tests and the snapshot's.
describe('the demo data through the whole data path (real engine)', () => {
  it('loads every demo file and builds the cube', async () => {
    const [cube] = await built.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM cube');
    console.log(`cube cells: ${cube?.n}`);
    expect(cube?.n).toBeGreaterThan(10_000);
    expect(source.getSnapshot().version).toBe(1);
    expect(source.getSnapshot().state.manifest?.synthetic).toBe(true);
  });

  it('protects the whole cube for each audience and the audit passes', async () => {
    for (const audience of ['analyst', 'partner', 'public'] as const) {
      const summary = await source.ensureProtected(audience);
      expect(summary.audit.pass).toBe(true);
      expect(summary.hidden).toBeGreaterThan(0);
      const [bad] = await built.query<{ n: number }>(
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
      const hidden = await built.query<{ indicator_id: string; period: string }>(`
        SELECT indicator_id, period FROM protected_${audience}
        WHERE level = 'vru' AND period_type = 'year' AND age_band = 'all' AND sex = 'all' AND flag = 'c'
          AND indicator_id IN (${headline.map((h) => `'${h}'`).join(', ')})`);
      expect(hidden, audience).toEqual([]);
    }
    const [preston] = await built.query<{ hidden: number; months: number }>(`
      SELECT count(*) FILTER (WHERE flag = 'c')::DOUBLE AS hidden, count(*)::DOUBLE AS months FROM protected_analyst
      WHERE indicator_id = 'police_violence_with_injury' AND area_code = 'E07000123' AND period_type = 'month'
        AND age_band = 'all' AND sex = 'all'`);
    expect(preston).toEqual({ hidden: 0, months: 60 });
  });

  // Other test files restore the demo from a shared snapshot (test/fixtures/demo-snapshot-cache.ts) instead of
  // loading and protecting it: it must hold what this load and protection give, table for table. Where the
  // cache was made by another process (the build, an earlier run), this compares two processes' work; where this
  // file made it, the snapshot's own round trip is what is compared.
  it('matches the shared pre-protected demo the other tests restore', { timeout: 900_000 }, async () => {
    const cached = await cachedDemoSnapshot();
    expect(cached.protection).toEqual(source.getSnapshot().protection);
    expect(cached.state).toEqual(JSON.parse(JSON.stringify(source.getSnapshot().state)));
    const restored = await createNodeEngine();
    try {
      await restoreEngineTables(restored, cached.tables);
      // The snapshot holds the protected tables and lookups only; each is the same as this load's.
      expect(await tableNames(restored)).toEqual(cached.tables.map((t) => t.name).sort());
      for (const { name } of cached.tables) {
        expect(await contentHash(restored, name), name).toEqual(await contentHash(built, name));
      }
    } finally {
      await restored.close();
    }
  });
});

describe('the demo snapshot the build ships (real engine)', () => {
  it('holds each audience’s protected table and the public lookups, and no raw table', () => {
    const names = written.tables.map((t) => t.name);
    expect(names).toEqual([...SNAPSHOT_TABLES]);
    expect(names).toEqual(expect.arrayContaining(AUDIENCES.map(protectedTable)));
    for (const raw of ['extracts', 'cube', 'population', 'cube_month']) expect(names, raw).not.toContain(raw);
    // No column of any table is a count: every figure in it is a protected value.
    for (const t of written.tables)
      expect(
        t.columns.map((c) => c.name),
        t.name,
      ).not.toContain('count');
  });

  it('says nothing in its header about how many hidden cells are small', () => {
    for (const audience of AUDIENCES) {
      expect(Object.keys(written.protection[audience] ?? {}).sort(), audience).toEqual(['audit', 'cells', 'hidden']);
    }
    expect(JSON.stringify(written.protection)).not.toMatch(/primary|secondary|checked|unsafe/);
  });

  it('will not encode a raw table, whoever asks', async () => {
    const extracts = { name: 'extracts', columns: [], ipc: new Uint8Array() };
    await expect(encodeSnapshot({ ...written, tables: [...written.tables, extracts] })).rejects.toThrow(
      /protected tables and lookups only, not extracts/,
    );
  });

  it('restores every table with the same rows, in the same order, as the ordinary load', async () => {
    for (const t of written.tables) {
      const [a, b] = await Promise.all([fingerprint(built, t.name), fingerprint(restoredEngine, t.name)]);
      expect(b, t.name).toEqual(a);
      expect(a.rows, t.name).toBeGreaterThan(0);
    }
  });

  it('is much smaller than the tables it holds', () => {
    const arrow = written.tables.reduce((s, t) => s + t.ipc.length, 0);
    expect(bytes.length).toBeLessThan(arrow / 5);
  });

  it('gives the session the state, outcomes and every audience’s protection of the ordinary load, with no protection run', async () => {
    const a = source.getSnapshot();
    const b = restored.getSnapshot();
    expect(b.state).toEqual(a.state);
    expect(b.lastLoad).toEqual(a.lastLoad);
    expect(b.workspace).toEqual({ kind: 'demo' });
    expect(b.rawData).toBe(false);
    for (const audience of AUDIENCES) expect(await restored.ensureProtected(audience), audience).toEqual(a.protection[audience]);
    expect(protectionRuns).toEqual([]);
    const raw = await restoredEngine.query<{ n: number }>(
      "SELECT count(*)::DOUBLE AS n FROM duckdb_tables() WHERE table_name IN ('cube', 'cube_month')",
    );
    expect(raw[0]?.n).toBe(0);
    const [extracts] = await restoredEngine.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM extracts');
    expect(extracts?.n).toBe(0);
  });

  it('publishes the same partner bundle from the restored demo (loading its files beside it) as from the ordinary load', async () => {
    const manifest = source.getSnapshot().state.manifest;
    if (!manifest) throw new Error('no manifest');
    // The VRU area and MSOAs: two levels, the smaller ones (a bundle with districts takes seconds more to audit,
    // twice; every set of levels is audited in level-subsets.test.ts).
    const opts = {
      audience: 'partner' as const,
      levels: ['vru' as const, 'msoa' as const],
      manifest,
      now: new Date('2026-11-26T00:00:00Z'),
    };
    const [a, b] = [await source.publishBundle(opts), await restored.publishBundle(opts)];
    expect(b.metadata.audit.every((x) => x.pass)).toBe(true);
    expect(b.files.map((f) => [f.name, f.bytes.length])).toEqual(a.files.map((f) => [f.name, f.bytes.length]));
    expect(b.metadata).toEqual(a.metadata);
    // The demo's files were loaded beside its protected tables: the same data version, nothing protected again.
    expect(restored.getSnapshot()).toMatchObject({ rawData: true, workspace: { kind: 'demo' }, version: 1 });
    expect(protectionRuns).toEqual([]);
  }, 240_000); // two bundles published and audited, and the demo’s files loaded again

  // Own files never mix with the demo: loaded on it, they start a workspace of their own, which loads exactly as it
  // would on an empty page (here the demo's own files as a partner would send them, and one more).
  it('takes own files as a workspace of their own, which holds the extracts again', async () => {
    const csv = 'indicator_id,period,area_code,age_band,sex,count\npolice_violence_with_injury,2026-01,E07000123,all,all,250\n';
    const outcomes = await restored.load([...(await demoFiles()), { name: 'more.csv', bytes: new TextEncoder().encode(csv) }]);
    expect(outcomes.map((o) => o.status)).toEqual(['loaded', 'loaded', 'loaded', 'loaded', 'loaded']);
    expect(restored.getSnapshot()).toMatchObject({ rawData: true, workspace: { kind: 'own' } });
    const [row] = await restoredEngine.query<{ n: number }>(
      "SELECT count(*)::DOUBLE AS n FROM extracts WHERE source_file IN ('more.csv', 'extracts.parquet')",
    );
    expect(row?.n).toBe((await fingerprint(built, 'extracts')).rows + 1);
  });

  it('is refused, not misread, when the bytes are a fallback page, another format or cut short', async () => {
    expect(await decodeSnapshot(new TextEncoder().encode('<!doctype html><html></html>'))).toBeNull();
    const raw = new Uint8Array(
      await new Response(
        new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')),
      ).arrayBuffer(),
    );
    const otherFormat = raw.slice();
    otherFormat[7] = 99;
    expect(await decodeSnapshot(otherFormat)).toBeNull();
    expect(await decodeSnapshot(raw.slice(0, raw.length - 10))).toBeNull();
    expect(await decodeSnapshot(raw)).not.toBeNull();
  });
});

describe('the build’s refusal of data that are not synthetic', () => {
  // The snapshot is served to anyone who opens the page: real data in data/ must stop the build, not ship.
  it('writes nothing and says why, for a manifest with no synthetic dataset and for one with some', async () => {
    const manifest = JSON.parse(readFileSync('data/manifest.json', 'utf8')) as {
      synthetic: boolean;
      datasets: { synthetic?: boolean }[];
    };
    const cases = {
      none: { ...manifest, synthetic: false, datasets: manifest.datasets.map((d) => ({ ...d, synthetic: false })) },
      some: {
        ...manifest,
        synthetic: false,
        datasets: manifest.datasets.map((d, i) => ({ ...d, synthetic: i === 0 })),
      },
    };
    for (const [share, m] of Object.entries(cases)) {
      const data = mkdtempSync(join(tmpdir(), 'real-data-'));
      try {
        for (const name of DEMO_FILE_NAMES) cpSync(join('data', name), join(data, name));
        writeFileSync(join(data, 'manifest.json'), JSON.stringify(m));
        const out = join(data, 'demo-snapshot.bin');
        await expect(writeDemoSnapshot(data, out), share).rejects.toThrow(
          share === 'none' ? /not built: .* marks no dataset synthetic/ : /not built: .* marks only some datasets synthetic/,
        );
        expect(() => readFileSync(out), share).toThrow();
      } finally {
        rmSync(data, { recursive: true, force: true });
      }
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
