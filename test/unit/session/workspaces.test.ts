import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticShare, type ManifestInput } from '../../../src/contract';
import { protectInline } from '../../../src/disclosure/protect-inline';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import type { InputFile } from '../../../src/import/load-files';
import { DashboardSession } from '../../../src/session/dashboard-session';
import { opensOnStart } from '../../../src/session/workspace-keeper';
import { StorageProblem } from '../../../src/workspace/storage-backend';
import { WorkspaceStore } from '../../../src/workspace/workspace-store';
import { MemoryBackend, quotaExceeded } from '../../fixtures/memory-storage';
import { baseFiles, enc, miniAreasCsv, miniManifest } from '../../fixtures/mini-contract';
import {
  buildRealWorkspace,
  REAL_AVAILABLE,
  REAL_INDICATORS,
  REAL_SKIP_REASON,
  type RealWorkspaceFiles,
} from '../../fixtures/real-police-workspace';

/** The mini contract stands in for the demo: synthetic, with indicators vwi and reoff. */
const demoFiles = (): InputFile[] => baseFiles();

/** A partner's own data: not synthetic, its own title and indicator, and one id the demo uses too (vwi). */
function ownManifest(): ManifestInput {
  const m = structuredClone(miniManifest);
  m.title = 'Our partnership (real)';
  m.synthetic = false;
  m.datasets = m.datasets.map((d) => ({ ...d, id: 'health', title: 'ED assault attendances', synthetic: false }));
  m.indicators = [
    { ...m.indicators[0]!, id: 'ed_assaults', title: 'Emergency department assault attendances', dataset: 'health' },
    { ...m.indicators[0]!, id: 'vwi', title: 'Violence with injury (our own count)', dataset: 'health' },
  ];
  return m;
}
const ownFiles = (): InputFile[] => [
  { name: 'manifest.json', bytes: enc(JSON.stringify(ownManifest())) },
  { name: 'our-areas.csv', bytes: enc(miniAreasCsv) },
  {
    name: 'our-extract.csv',
    bytes: enc(
      [
        'indicator_id,period,area_code,age_band,sex,count',
        'ed_assaults,2024-01,D1,all,all,31',
        'ed_assaults,2024-01,D2,all,all,44',
        'vwi,2024-01,D1,all,all,17',
        '',
      ].join('\n'),
    ),
  },
];

async function rows(engine: Engine, sql: string): Promise<string[]> {
  return (await engine.query<{ x: string }>(sql)).map((r) => r.x);
}
const indicatorsIn = (engine: Engine, table: string) =>
  rows(engine, `SELECT DISTINCT indicator_id AS x FROM ${table} ORDER BY 1`);
const tables = (engine: Engine) => rows(engine, `SELECT table_name AS x FROM duckdb_tables() WHERE NOT internal ORDER BY 1`);

let engine: Engine;
let backend: MemoryBackend;
let session: DashboardSession;

async function startSession(store: WorkspaceStore | StorageProblem | null): Promise<DashboardSession> {
  const s = await DashboardSession.start(engine, protectInline, { demo: async () => demoFiles(), store });
  await s.load(demoFiles(), undefined, { demo: true });
  return s;
}

beforeAll(async () => {
  engine = await createNodeEngine();
  backend = new MemoryBackend();
  session = await startSession(new WorkspaceStore(backend));
});
afterAll(() => engine.close());

describe('workspaces: the demo and the user’s own data never mix (real engine)', () => {
  it('starts on the demo, synthetic throughout', async () => {
    expect(session.getSnapshot().workspace).toEqual({ kind: 'demo' });
    expect(syntheticShare(session.getSnapshot().state.manifest)).toBe('all');
    await session.ensureProtected('analyst');
    expect(await tables(engine)).toContain('protected_analyst');
  });

  it('own files start an own workspace: every demo table is emptied first, so no demo row or label remains', async () => {
    const outcomes = await session.load(ownFiles());
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['manifest.json', 'loaded'],
      ['our-areas.csv', 'loaded'],
      ['our-extract.csv', 'loaded'],
    ]);
    const snap = session.getSnapshot();
    expect(snap.workspace).toEqual({ kind: 'own', files: ['manifest.json', 'our-areas.csv', 'our-extract.csv'] });
    // Only the partner's own indicators: the demo's "reoff" is gone, and "vwi" is theirs, not double counted.
    expect(snap.state.manifest?.indicators.map((i) => i.id)).toEqual(['ed_assaults', 'vwi']);
    expect(snap.state.manifest?.title).toBe('Our partnership (real)');
    expect(syntheticShare(snap.state.manifest)).toBe('none');
    expect(await indicatorsIn(engine, 'extracts')).toEqual(['ed_assaults', 'vwi']);
    expect(await rows(engine, `SELECT DISTINCT source_file AS x FROM extracts`)).toEqual(['our-extract.csv']);
    expect(await rows(engine, `SELECT CAST(sum(count) AS VARCHAR) AS x FROM extracts WHERE indicator_id = 'vwi'`)).toEqual([
      '17',
    ]);
    // The demo's protected table went with it; the own workspace's is built from its own cube.
    expect(await tables(engine)).not.toContain('protected_analyst');
    await session.ensureProtected('analyst');
    expect(await indicatorsIn(engine, 'protected_analyst')).toEqual(['ed_assaults', 'vwi']);
  });

  it('keeps the own workspace on this device: its files, in order, with nothing of the demo', async () => {
    await session.storageSettled();
    const storage = session.getSnapshot().storage;
    expect(storage).toMatchObject({ available: true, saving: false, problem: null });
    expect(storage.stored).toMatchObject({ title: 'Our partnership (real)', files: 3, open: true });
    const stored = await new WorkspaceStore(backend).read();
    expect(stored?.files.map((f) => f.name)).toEqual(['manifest.json', 'our-areas.csv', 'our-extract.csv']);
  });

  it('more files add to the own workspace, and are stored beside the first', async () => {
    const outcomes = await session.load([
      {
        name: 'more.csv',
        bytes: enc('indicator_id,period,area_code,age_band,sex,count\ned_assaults,2024-02,D1,all,all,29\n'),
      },
    ]);
    expect(outcomes[0]?.status).toBe('loaded');
    expect(session.getSnapshot().workspace).toEqual({
      kind: 'own',
      files: ['manifest.json', 'our-areas.csv', 'our-extract.csv', 'more.csv'],
    });
    await session.storageSettled();
    expect(session.getSnapshot().storage.stored?.files).toBe(4);
  });

  it('keeps choices about the workspace as a whole with it, and restores them before its files on the next visit', async () => {
    await session.setChoice('absentRows', 'zero');
    await session.storageSettled();
    expect(session.getSnapshot().choices).toEqual({ absentRows: 'zero' });
    expect((await new WorkspaceStore(backend).read())?.settings.choices).toEqual({ absentRows: 'zero' });
  });

  it('back to the demo: the demo again, synthetic; the own workspace stays stored, not opened on the next visit', async () => {
    await session.showDemo();
    const snap = session.getSnapshot();
    expect(snap.workspace).toEqual({ kind: 'demo' });
    expect(snap.choices).toEqual({});
    expect(await indicatorsIn(engine, 'extracts')).toEqual(['reoff', 'vwi']);
    expect(syntheticShare(snap.state.manifest)).toBe('all');
    expect(snap.storage.stored).toMatchObject({ files: 4, open: false });
  });

  it('a load while the demo is shown whose files are all refused brings the demo back as it was', async () => {
    const before = await rows(engine, `SELECT CAST(count(*) AS VARCHAR) AS x FROM extracts`);
    const outcomes = await session.load([
      { name: 'bad.csv', bytes: enc('indicator_id,period,area_code,age_band,sex,count\nvwi,2024-01,D1,all,all,2.5\n') },
    ]);
    expect(outcomes[0]?.status).toBe('rejected');
    const snap = session.getSnapshot();
    expect(snap.workspace).toEqual({ kind: 'demo' });
    expect(snap.lastLoad.map((o) => o.file)).toEqual(['bad.csv']);
    expect(await rows(engine, `SELECT CAST(count(*) AS VARCHAR) AS x FROM extracts`)).toEqual(before);
    // The stored workspace was not replaced by a load that took nothing.
    expect(snap.storage.stored?.files).toBe(4);
  });

  it('opens the stored workspace again by replaying its files through the ordinary load', async () => {
    const outcomes = await session.openStored();
    expect(outcomes?.map((o) => o.status)).toEqual(['loaded', 'loaded', 'loaded', 'loaded']);
    const snap = session.getSnapshot();
    expect(snap.workspace.kind).toBe('own');
    expect(await indicatorsIn(engine, 'extracts')).toEqual(['ed_assaults', 'vwi']);
    expect(await rows(engine, `SELECT CAST(sum(count) AS VARCHAR) AS x FROM extracts`)).toEqual([String(31 + 44 + 17 + 29)]);
    expect(snap.storage.stored?.open).toBe(true);
  });

  it('a new session on the same storage opens the stored workspace (a later visit)', async () => {
    const later = await DashboardSession.start(engine, protectInline, {
      demo: async () => demoFiles(),
      store: new WorkspaceStore(backend),
    });
    expect(later.getSnapshot().storage.stored).toMatchObject({ files: 4, open: true });
    await later.openStored();
    expect(later.getSnapshot().state.manifest?.title).toBe('Our partnership (real)');
    expect(later.getSnapshot().choices).toEqual({ absentRows: 'zero' });
    expect(await indicatorsIn(engine, 'extracts')).toEqual(['ed_assaults', 'vwi']);
  });

  it('forget removes every trace from the device and shows the demo', async () => {
    await session.forgetStored();
    expect(backend.entries.size).toBe(0);
    expect(session.getSnapshot().storage.stored).toBeNull();
    expect(session.getSnapshot().workspace).toEqual({ kind: 'demo' });
    expect(await indicatorsIn(engine, 'extracts')).toEqual(['reoff', 'vwi']);
    const later = await DashboardSession.start(engine, protectInline, { store: new WorkspaceStore(backend) });
    expect(later.getSnapshot().storage.stored).toBeNull();
    // Back on the demo for the tests that follow.
    await session.showDemo();
  });
});

describe('what is stored is each file as the person gave it', () => {
  it('even when the load hands the bytes to the engine, which empties them (as the browser engine does)', async () => {
    // The browser engine transfers a registered file's buffer to its worker: the caller's bytes are left empty.
    const transferring: Engine = {
      ...engine,
      query: (sql, signal) => engine.query(sql, signal),
      registerFile: (name, bytes) => {
        const copy = bytes.slice();
        structuredClone(bytes.buffer, { transfer: [bytes.buffer as ArrayBuffer] });
        return engine.registerFile(name, copy);
      },
    };
    const store = new MemoryBackend();
    const s = await DashboardSession.start(transferring, protectInline, {
      demo: async () => demoFiles(),
      store: new WorkspaceStore(store),
    });
    await s.load(demoFiles(), undefined, { demo: true });
    const files = ownFiles();
    const originals = files.map((f) => new TextDecoder().decode(f.bytes));
    expect((await s.load(files)).every((o) => o.status === 'loaded')).toBe(true);
    expect(files.some((f) => f.bytes.byteLength === 0)).toBe(true);
    await s.storageSettled();
    const stored = await new WorkspaceStore(store).read();
    expect(stored?.files.map((f) => new TextDecoder().decode(f.bytes))).toEqual(originals);
  });
});

describe('storage that is full, blocked or damaged: a plain message, and the session works unsaved', () => {
  it('full: the own workspace loads; the message says it is not stored', async () => {
    const full = new MemoryBackend();
    full.failPut = () => quotaExceeded();
    const s = await startSession(new WorkspaceStore(full));
    await s.load(ownFiles());
    await s.storageSettled();
    const snap = s.getSnapshot();
    expect(snap.workspace.kind).toBe('own');
    expect(await indicatorsIn(engine, 'extracts')).toEqual(['ed_assaults', 'vwi']);
    expect(snap.storage.problem).toMatchObject({ kind: 'full', message: /loaded for this visit, but they could not be stored/ });
    expect(snap.storage.stored).toBeNull();
  });

  it('blocked: no storage at all; the load works and the message says why', async () => {
    const s = await startSession(new StorageProblem('blocked', 'blocked for the test'));
    expect(s.getSnapshot().storage).toMatchObject({ available: false, problem: { kind: 'blocked' } });
    await s.load(ownFiles());
    expect(s.getSnapshot().workspace.kind).toBe('own');
    expect(await indicatorsIn(engine, 'extracts')).toEqual(['ed_assaults', 'vwi']);
  });

  it('damaged: the stored workspace is not opened, the message says so, and forgetting clears it', async () => {
    const damaged = new MemoryBackend();
    damaged.entries.set('settings', enc('{"version": 1, "files": [oops'));
    const s = await startSession(new WorkspaceStore(damaged));
    expect(s.getSnapshot().storage.problem).toMatchObject({
      kind: 'damaged',
      message: /could not be read, so it was not opened/,
    });
    expect(await s.openStored()).toBeNull();
    expect(s.getSnapshot().workspace).toEqual({ kind: 'demo' });
    await s.forgetStored();
    expect(damaged.entries.size).toBe(0);
    expect(s.getSnapshot().storage.problem).toBeNull();
  });
});

describe('closed while storing: the next visit says the files were not stored, and passes nothing off as them', () => {
  /** Loads files and closes the page after `writes` writes of their store (while it is still storing). */
  async function closeWhileStoring(s: DashboardSession, store: MemoryBackend, files: InputFile[], writes: number) {
    store.writesLeft = writes;
    expect((await s.load(files)).every((o) => o.status === 'loaded')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.getSnapshot().storage.saving).toBe(true);
    store.writesLeft = null;
  }
  /** The next visit, started as the page starts it: the stored workspace if it opens on start, else the demo. */
  async function nextVisit(store: MemoryBackend): Promise<DashboardSession> {
    const later = await DashboardSession.start(engine, protectInline, {
      demo: async () => demoFiles(),
      store: new WorkspaceStore(store),
    });
    if (opensOnStart(later.getSnapshot().storage)) await later.openStored();
    else await later.load(demoFiles(), undefined, { demo: true });
    return later;
  }
  const CAUSE = 'were not stored completely, because the page was closed while they were being stored.';

  it('a new workspace, nothing stored before: not opened; the demo is shown as the demo; the parts can be removed', async () => {
    const store = new MemoryBackend();
    // The mark and the first file are written.
    await closeWhileStoring(await startSession(new WorkspaceStore(store)), store, ownFiles(), 2);
    const later = await nextVisit(store);
    const snap = later.getSnapshot();
    expect(snap.storage.unfinished).toEqual({
      fresh: true,
      files: ['manifest.json', 'our-areas.csv', 'our-extract.csv'],
      message: `The files you loaded last time (manifest.json, our-areas.csv and our-extract.csv) ${CAUSE} They were not opened: choose them again to use them.`,
    });
    expect(snap.storage.stored).toBeNull();
    expect(snap.workspace).toEqual({ kind: 'demo' });
    expect(syntheticShare(snap.state.manifest)).toBe('all');
    await later.forgetUnfinished();
    expect(store.entries.size).toBe(0);
    expect(later.getSnapshot().storage.unfinished).toBeNull();
    expect((await nextVisit(store)).getSnapshot().storage).toMatchObject({ stored: null, unfinished: null, problem: null });
  });

  it('in place of a workspace stored whole: that one is kept and offered, not opened in place of the new one', async () => {
    const store = new MemoryBackend();
    const s = await startSession(new WorkspaceStore(store));
    await s.load(ownFiles());
    await s.showDemo();
    await closeWhileStoring(s, store, ownFiles(), 3);
    const later = await nextVisit(store);
    const snap = later.getSnapshot();
    expect(snap.storage.unfinished?.message).toMatch(
      /^The files you loaded last time \(manifest\.json, our-areas\.csv and our-extract\.csv\)/,
    );
    expect(snap.storage.unfinished?.message).toMatch(/ The workspace you stored before them is still kept on this device\.$/);
    expect(snap.storage.stored).toMatchObject({ title: 'Our partnership (real)', files: 3 });
    expect(snap.workspace).toEqual({ kind: 'demo' });
    // Opened on request, whole; the unfinished store is still said until it is dealt with.
    expect((await later.openStored())?.map((o) => o.status)).toEqual(['loaded', 'loaded', 'loaded']);
    expect(later.getSnapshot().workspace).toMatchObject({ kind: 'own' });
    await later.forgetUnfinished();
    expect((await new WorkspaceStore(store).read())?.files.map((f) => f.name)).toEqual([
      'manifest.json',
      'our-areas.csv',
      'our-extract.csv',
    ]);
  });

  it('files added to the open workspace: it opens without them, and the message names them', async () => {
    const store = new MemoryBackend();
    const s = await startSession(new WorkspaceStore(store));
    await s.load(ownFiles());
    await s.storageSettled();
    const more = {
      name: 'more.csv',
      bytes: enc('indicator_id,period,area_code,age_band,sex,count\ned_assaults,2024-02,D1,all,all,29\n'),
    };
    // Only the mark is written.
    await closeWhileStoring(s, store, [more], 1);
    const later = await nextVisit(store);
    expect(later.getSnapshot().workspace).toEqual({ kind: 'own', files: ['manifest.json', 'our-areas.csv', 'our-extract.csv'] });
    expect(later.getSnapshot().storage.unfinished?.message).toBe(
      `The files you added last time (more.csv) ${CAUSE} Your workspace is kept without them: choose them again to add them.`,
    );
    // Chosen again: stored whole, and nothing more is said.
    await later.load([more]);
    await later.storageSettled();
    expect(later.getSnapshot().storage).toMatchObject({ unfinished: null, stored: { files: 4 } });
    expect((await nextVisit(store)).getSnapshot()).toMatchObject({
      workspace: { kind: 'own', files: ['manifest.json', 'our-areas.csv', 'our-extract.csv', 'more.csv'] },
      storage: { unfinished: null },
    });
  });
});

describe.skipIf(!REAL_AVAILABLE)(`a workspace of real public data (police.uk, ONS, IoD 2019) (${REAL_SKIP_REASON})`, () => {
  let real: RealWorkspaceFiles;
  const realFiles = (): InputFile[] => [
    { name: 'manifest.json', bytes: enc(real.manifest) },
    { name: 'areas.csv', bytes: enc(real.areas) },
    { name: 'population.csv', bytes: enc(real.population) },
    { name: 'police-uk-crimes.csv', bytes: enc(real.extracts) },
  ];
  beforeAll(() => {
    real = buildRealWorkspace();
  });

  it('loads beside nothing of the demo, is stored, and comes back whole on a later visit', { timeout: 300_000 }, async () => {
    const store = new MemoryBackend();
    const s = await startSession(new WorkspaceStore(store));
    const outcomes = await s.load(realFiles());
    expect(outcomes.filter((o) => o.status !== 'loaded')).toEqual([]);
    expect(syntheticShare(s.getSnapshot().state.manifest)).toBe('none');
    expect(await indicatorsIn(engine, 'extracts')).toEqual(REAL_INDICATORS.map((i) => i.id).sort());
    const [{ n } = { n: 0 }] = await engine.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM extracts');
    expect(n).toBe(real.rows);
    const months = await rows(engine, 'SELECT DISTINCT period AS x FROM extracts ORDER BY 1');
    expect(months).toEqual(real.months);
    expect(months).not.toContain('2020-06');
    await s.storageSettled();
    expect(s.getSnapshot().storage.stored?.files).toBe(4);

    const later = await DashboardSession.start(engine, protectInline, {
      demo: async () => demoFiles(),
      store: new WorkspaceStore(store),
    });
    const again = await later.openStored();
    expect(again?.every((o) => o.status === 'loaded')).toBe(true);
    const [{ m } = { m: 0 }] = await engine.query<{ m: number }>('SELECT count(*)::DOUBLE AS m FROM extracts');
    expect(m).toBe(real.rows);
    const summary = await later.ensureProtected('analyst');
    expect(summary.audit.pass).toBe(true);
  });
});
