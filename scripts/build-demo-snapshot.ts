/**
 * Loads the embedded demo through the dashboard's own data path on the real engine (Node bundle), protects it
 * for every audience, and writes the protected tables and public lookups as the snapshot the page restores
 * (src/session/demo-snapshot.ts). Run by the build (vite.config.ts), so the snapshot always comes from the code
 * it ships with: `tsx scripts/build-demo-snapshot.ts <out file> [data folder]`. Refuses data whose manifest is
 * not synthetic: the snapshot is served to anyone who opens the page.
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
import { dumpSnapshotTables, encodeSnapshot, tableColumns } from '../src/session/demo-snapshot-write';
import { DEMO_FILE_NAMES } from '../src/session/demo-file-names';
import { AUDIENCES, syntheticShare } from '../src/contract';
import { parseManifest } from '../src/import/parse-manifest';
import { FileRejected, problemText } from '../src/import/problems';

/**
 * Refuses, before anything is loaded, data whose manifest does not mark every dataset synthetic: a snapshot of
 * real data, even protected, would be published to anyone who opens the page, outside any sharing agreement.
 */
export function refuseUnlessSynthetic(dataDir: string): void {
  const file = join(dataDir, 'manifest.json');
  let share: ReturnType<typeof syntheticShare>;
  try {
    share = syntheticShare(parseManifest('manifest.json', JSON.parse(readFileSync(file, 'utf8')) as unknown));
  } catch (e) {
    const why =
      e instanceof FileRejected ? e.problems.slice(0, 3).map(problemText).join('; ') : e instanceof Error ? e.message : String(e);
    throw new Error(`The demo snapshot was not built: ${file} could not be read as a manifest (${why}).`, { cause: e });
  }
  if (share !== 'all') {
    throw new Error(
      `The demo snapshot was not built: ${file} marks ${share === 'none' ? 'no dataset' : 'only some datasets'} synthetic. ` +
        'The build ships its data to anyone who opens the page, so it takes synthetic data only: keep real data out of data/ ' +
        'and load them in the page, where they stay on the computer.',
    );
  }
}

/** The demo's files in `dataDir`, in the order the page loads them, as a user's chosen files would come. */
export function readDemoFiles(dataDir: string): { name: string; bytes: Uint8Array }[] {
  return DEMO_FILE_NAMES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dataDir, name))) }));
}

/** The embedded demo loaded and protected for every audience, in a session on the given engine. */
export async function loadDemoSession(engine: Engine, dataDir: string): Promise<DashboardSession> {
  refuseUnlessSynthetic(dataDir);
  const session = await DashboardSession.start(engine, protectInline);
  const outcomes = await session.load(readDemoFiles(dataDir), undefined, { demo: true });
  const failed = outcomes.filter((o) => o.status !== 'loaded');
  if (failed.length) throw new Error(`The demo did not load: ${JSON.stringify(failed)}`);
  for (const audience of AUDIENCES) await session.ensureProtected(audience);
  return session;
}

/** What the session holds, as the page will restore it. */
export async function snapshotOf(session: DashboardSession): Promise<DemoSnapshot> {
  const { state, lastLoad, protection } = session.getSnapshot();
  // Boundaries are the user's to supply and are not JSON; the demo has none.
  if (Object.keys(state.boundaries).length) throw new Error('The demo snapshot cannot hold boundaries.');
  return { state, lastLoad, protection, tables: await dumpSnapshotTables(session.engine) };
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

/** Builds the snapshot of the data in `dataDir`, checks it restores whole, and writes it to `out`. */
export async function writeDemoSnapshot(dataDir: string, out: string): Promise<{ snapshot: DemoSnapshot; bytes: Uint8Array }> {
  refuseUnlessSynthetic(dataDir);
  const engine = await createNodeEngine();
  let snapshot: DemoSnapshot;
  try {
    snapshot = await snapshotOf(await loadDemoSession(engine, dataDir));
  } finally {
    await engine.close();
  }
  return writeSnapshot(snapshot, out);
}

/** Encodes a snapshot, checks it restores whole, and writes it to `out`. */
export async function writeSnapshot(snapshot: DemoSnapshot, out: string): Promise<{ snapshot: DemoSnapshot; bytes: Uint8Array }> {
  const bytes = await encodeSnapshot(snapshot);
  await verifyDemoSnapshot(bytes, snapshot);
  writeFileSync(out, bytes);
  return { snapshot, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: tsx scripts/build-demo-snapshot.ts <out file> [data folder]');
  const t0 = performance.now();
  const written = await writeDemoSnapshot(process.argv[3] ?? fileURLToPath(new URL('../data', import.meta.url)), out).catch(
    (e: unknown) => {
      // The reason alone, for the build to show: a stack trace would bury it.
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
  const { snapshot, bytes } = written;
  for (const t of snapshot.tables) console.log(`  ${t.name}: ${(t.ipc.length / 1e6).toFixed(2)} MB`);
  const raw = snapshot.tables.reduce((s, t) => s + t.ipc.length, 0);
  console.log(
    `demo snapshot: ${snapshot.tables.length} tables, ${(raw / 1e6).toFixed(1)} MB of Arrow, ${(bytes.length / 1e6).toFixed(2)} MB gzipped, in ${Math.round(performance.now() - t0)} ms`,
  );
}
