import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import { ident } from '../../../src/engine/sql-literals';
import { protectInline } from '../../../src/disclosure/protect-inline';
import type { ProtectRunner } from '../../../src/disclosure/protect-cube-table';
import { DashboardSession } from '../../../src/session/dashboard-session';
import { decodeSnapshot, RESTORED_ON_DEMAND, type DemoSnapshot } from '../../../src/session/demo-snapshot';
import { encodeSnapshot } from '../../../src/session/demo-snapshot-write';
import { loadDemoSession, snapshotOf, verifyDemoSnapshot } from '../../../scripts/build-demo-snapshot';

/** Every row of a table in its stored order, reduced to one hash: equal only if content and order are. */
async function fingerprint(engine: Engine, table: string): Promise<{ rows: number; hash: string }> {
  const [row] = await engine.query<{ rows: number; hash: string }>(
    `SELECT count(*)::DOUBLE AS rows, md5(string_agg(CAST(x AS VARCHAR), chr(10) ORDER BY rid)) AS hash
     FROM (SELECT rowid AS rid, t AS x FROM ${ident(table)} t)`,
  );
  return row ?? { rows: 0, hash: '' };
}

let built: Engine;
let restoredEngine: Engine;
let source: DashboardSession;
let restored: DashboardSession;
let snapshot: DemoSnapshot;
let bytes: Uint8Array;
const protectionRuns: string[] = [];

beforeAll(async () => {
  built = await createNodeEngine();
  source = await loadDemoSession(built, 'data');
  snapshot = await snapshotOf(source);
  bytes = await encodeSnapshot(snapshot);
  restoredEngine = await createNodeEngine();
  const counting: ProtectRunner = (cube, policy, parents, onProgress) => {
    protectionRuns.push(`${policy.suppressBelowOrEqual}`);
    return protectInline(cube, policy, parents, onProgress);
  };
  restored = await DashboardSession.start(restoredEngine, counting);
  const decoded = await decodeSnapshot(bytes);
  if (!decoded) throw new Error('the snapshot did not decode');
  await restored.restoreDemo(decoded);
}, 300_000);
afterAll(async () => {
  await built.close();
  await restoredEngine.close();
});

describe('the demo snapshot the build ships (real engine)', () => {
  it('restores every table with the same rows, in the same order, with the same column types', async () => {
    expect(snapshot.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['areas', 'population', 'extracts', 'cube', 'protected_analyst']),
    );
    for (const t of snapshot.tables.filter((t) => !RESTORED_ON_DEMAND.has(t.name))) {
      const [a, b] = await Promise.all([fingerprint(built, t.name), fingerprint(restoredEngine, t.name)]);
      expect(b, t.name).toEqual(a);
      expect(a.rows, t.name).toBeGreaterThan(0);
    }
    await expect(verifyDemoSnapshot(bytes, snapshot)).resolves.toBeUndefined();
  });

  it('is much smaller than the tables it holds', () => {
    const arrow = snapshot.tables.reduce((s, t) => s + t.ipc.length, 0);
    expect(bytes.length).toBeLessThan(arrow / 5);
  });

  it('gives the session the state, outcomes and analyst protection of the ordinary load, with no protection run', async () => {
    const a = source.getSnapshot();
    const b = restored.getSnapshot();
    expect(b.state).toEqual(a.state);
    expect(b.lastLoad).toEqual(a.lastLoad);
    expect(b.workspace).toEqual({ kind: 'demo' });
    expect(b.version).toBe(1);
    expect(await restored.ensureProtected('analyst')).toEqual(a.protection.analyst);
    expect(protectionRuns).toEqual([]);
    // The cube waits until something reads it: nothing has yet.
    const cube = await restoredEngine.query("SELECT 1 FROM duckdb_tables() WHERE table_name = 'cube'");
    expect(cube).toEqual([]);
  });

  it('publishes the same partner bundle from the restored session as from the ordinary load', async () => {
    const manifest = source.getSnapshot().state.manifest;
    if (!manifest) throw new Error('no manifest');
    const opts = {
      audience: 'partner' as const,
      levels: ['vru' as const, 'district' as const],
      manifest,
      now: new Date('2026-11-26T00:00:00Z'),
    };
    const [a, b] = [await source.publishBundle(opts), await restored.publishBundle(opts)];
    expect(
      b.metadata.audit.every((x) => x.pass),
      JSON.stringify(b.metadata.audit),
    ).toBe(true);
    expect(b.files.map((f) => [f.name, f.bytes.length])).toEqual(a.files.map((f) => [f.name, f.bytes.length]));
    expect(b.metadata).toEqual(a.metadata);
  });

  it('protects other audiences in the page, from the restored cube, exactly as the ordinary load would', async () => {
    const [fromSource, fromRestored] = [await source.ensureProtected('partner'), await restored.ensureProtected('partner')];
    expect(protectionRuns).toHaveLength(1); // for the bundle above; partner is then already protected
    expect(fromRestored).toEqual(fromSource);
    for (const table of ['protected_partner', ...RESTORED_ON_DEMAND]) {
      expect(await fingerprint(restoredEngine, table), table).toEqual(await fingerprint(built, table));
    }
  });

  // Own files never mix with the demo: loaded on the restored demo, they start a workspace of their own, which
  // loads exactly as it would on an empty page (here the demo's own files as a partner would send them, and one more).
  it('takes own files as a workspace of their own, from the restored demo as after an ordinary load', async () => {
    const csv = 'indicator_id,period,area_code,age_band,sex,count\npolice_violence_with_injury,2026-01,E07000123,all,all,250\n';
    const files = ['manifest.json', 'areas.csv', 'population.csv', 'extracts.parquet'].map((name) => ({
      name,
      bytes: new Uint8Array(readFileSync(`data/${name}`)),
    }));
    const outcomes = await restored.load([...files, { name: 'more.csv', bytes: new TextEncoder().encode(csv) }]);
    expect(outcomes.map((o) => o.status)).toEqual(['loaded', 'loaded', 'loaded', 'loaded', 'loaded']);
    expect(restored.getSnapshot().workspace.kind).toBe('own');
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
