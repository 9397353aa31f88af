/**
 * Loads the embedded demo through the dashboard's own data path on the real engine (Node bundle), protects it
 * for analysts, and writes the result as the snapshot the page restores (src/session/demo-snapshot.ts). Run by
 * the build (vite.config.ts), so the snapshot always comes from the code it ships with:
 * `tsx scripts/build-demo-snapshot.ts <out file>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { createNodeEngine } from '../src/engine/node-engine';
import type { Engine } from '../src/engine/engine-types';
import { ident } from '../src/engine/sql-literals';
import { protectInline } from '../src/disclosure/protect-inline';
import { DashboardSession } from '../src/session/dashboard-session';
import { decodeSnapshot, restoreEngineTables, type DemoSnapshot } from '../src/session/demo-snapshot';
import { dumpEngineTables, encodeSnapshot, tableColumns } from '../src/session/demo-snapshot-write';
import { DEMO_FILE_NAMES } from '../src/session/demo-file-names';

/** The embedded demo loaded and protected for analysts, in a session on the given engine. */
export async function loadDemoSession(engine: Engine, dataDir: string): Promise<DashboardSession> {
  const session = await DashboardSession.start(engine, protectInline);
  const files = DEMO_FILE_NAMES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dataDir, name))) }));
  const outcomes = await session.load(files, undefined, { demo: true });
  const failed = outcomes.filter((o) => o.status !== 'loaded');
  if (failed.length) throw new Error(`The demo did not load: ${JSON.stringify(failed)}`);
  await session.ensureProtected('analyst');
  return session;
}

/** What the session holds, as the page will restore it. */
export async function snapshotOf(session: DashboardSession): Promise<DemoSnapshot> {
  const { state, lastLoad, protection } = session.getSnapshot();
  // Boundaries are the user's to supply and are not JSON; the demo has none.
  if (Object.keys(state.boundaries).length) throw new Error('The demo snapshot cannot hold boundaries.');
  return { state, lastLoad, protection, tables: await dumpEngineTables(session.engine) };
}

/**
 * Restores the encoded snapshot into a fresh engine and checks every table came back whole, with the same
 * columns, types and row count: the page restores without checking, so the build refuses a snapshot that fails.
 */
export async function verifyDemoSnapshot(bytes: Uint8Array, expected: DemoSnapshot): Promise<void> {
  const decoded = await decodeSnapshot(bytes);
  if (!decoded) throw new Error('The demo snapshot could not be read back.');
  const engine = await createNodeEngine();
  try {
    await restoreEngineTables(engine, decoded.tables);
    for (const t of expected.tables) {
      const columns = await tableColumns(engine, t.name);
      const [restored] = await engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${ident(t.name)}`);
      const rows = tableFromIPC(t.ipc).numRows;
      if (JSON.stringify(columns) !== JSON.stringify(t.columns) || restored?.n !== rows) {
        throw new Error(
          `The demo snapshot's ${t.name} came back as ${restored?.n} rows of ${JSON.stringify(columns)}, not ${rows} of ${JSON.stringify(t.columns)}.`,
        );
      }
    }
  } finally {
    await engine.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: tsx scripts/build-demo-snapshot.ts <out file>');
  const t0 = performance.now();
  const engine = await createNodeEngine();
  const snapshot = await snapshotOf(await loadDemoSession(engine, fileURLToPath(new URL('../data', import.meta.url))));
  await engine.close();
  const bytes = await encodeSnapshot(snapshot);
  await verifyDemoSnapshot(bytes, snapshot);
  writeFileSync(out, bytes);
  for (const t of snapshot.tables) console.log(`  ${t.name}: ${(t.ipc.length / 1e6).toFixed(2)} MB`);
  const raw = snapshot.tables.reduce((s, t) => s + t.ipc.length, 0);
  console.log(
    `demo snapshot: ${snapshot.tables.length} tables, ${(raw / 1e6).toFixed(1)} MB of Arrow, ${(bytes.length / 1e6).toFixed(2)} MB gzipped, in ${Math.round(performance.now() - t0)} ms`,
  );
}
