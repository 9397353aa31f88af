import { describe, expect, it } from 'vitest';
import { StorageProblem } from '../../../src/workspace/storage-backend';
import { parseSettings, SETTINGS_VERSION } from '../../../src/workspace/workspace-settings';
import { unfinishedStoreMessage } from '../../../src/workspace/storing-mark';
import { openWorkspaceStore, WorkspaceStore, type WorkspaceInput } from '../../../src/workspace/workspace-store';
import { MemoryBackend, quotaExceeded } from '../../fixtures/memory-storage';

const enc = (text: string) => new TextEncoder().encode(text);
const file = (name: string, text: string, options: WorkspaceInput['options'] = {}): WorkspaceInput => ({
  name,
  bytes: enc(text),
  options,
});
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const NOW = new Date(Date.UTC(2025, 5, 15, 12));

/** Nothing is left on the device: no entry, and the storage itself removed (once). */
function expectNothingLeft(backend: MemoryBackend) {
  expect(backend.entries.size).toBe(0);
  expect(backend.destroyed).toBe(1);
}

function store() {
  const backend = new MemoryBackend();
  return { backend, store: new WorkspaceStore(backend, () => NOW) };
}

describe('the workspace store (its logic, over a storage medium in memory)', () => {
  it('stores files as given, in the order loaded, with their choices, and reads them back', async () => {
    const { store: s } = store();
    expect(await s.summary()).toBeNull();
    expect(await s.read()).toBeNull();
    await s.save([file('manifest.json', '{"a":1}'), file('areas.csv', 'code\nA\n')], { fresh: true, title: 'Own data' });
    await s.save([file('districts.geojson', '{}', { boundaryMode: 'replace' })]);
    const read = await s.read();
    expect(read?.files.map((f) => [f.name, text(f.bytes), f.options])).toEqual([
      ['manifest.json', '{"a":1}', {}],
      ['areas.csv', 'code\nA\n', {}],
      ['districts.geojson', '{}', { boundaryMode: 'replace' }],
    ]);
    expect(read?.settings).toMatchObject({
      version: SETTINGS_VERSION,
      title: 'Own data',
      open: true,
      savedAt: NOW.toISOString(),
    });
    const summary = await s.summary();
    expect(summary).toMatchObject({ title: 'Own data', files: 3, open: true, where: 'opfs' });
    // The space taken counts the files and the settings.
    expect(summary!.bytes).toBeGreaterThan(7 + 8 + 2);
  });

  it('a file loaded again under its name replaces the stored one and moves to the end; no stale bytes are left', async () => {
    const { backend, store: s } = store();
    await s.save([file('manifest.json', 'm1'), file('extracts.csv', 'e1')], { fresh: true });
    await s.save([file('manifest.json', 'm2')]);
    const read = await s.read();
    expect(read?.files.map((f) => [f.name, text(f.bytes)])).toEqual([
      ['extracts.csv', 'e1'],
      ['manifest.json', 'm2'],
    ]);
    // The settings and one entry per stored file: the replaced bytes are gone.
    expect(backend.entries.size).toBe(3);
    expect([...backend.entries.values()].map(text)).not.toContain('m1');
  });

  it('a fresh save starts a new workspace in place of the stored one', async () => {
    const { backend, store: s } = store();
    await s.save([file('a.csv', 'a'), file('b.csv', 'b')], { fresh: true, title: 'First' });
    await s.save([file('c.csv', 'c')], { fresh: true, title: 'Second' });
    const read = await s.read();
    expect(read?.files.map((f) => f.name)).toEqual(['c.csv']);
    expect(read?.settings.title).toBe('Second');
    expect(backend.entries.size).toBe(2);
  });

  it('remembers whether the workspace was open, and keeps choices it does not know', async () => {
    const { backend, store: s } = store();
    await s.save([file('a.csv', 'a')], { fresh: true, choices: { absentRows: 'zero' } });
    await s.setOpen(false);
    expect((await s.summary())?.open).toBe(false);
    // A later version's field, written beside ours, survives our own saves.
    const settings = JSON.parse(text(backend.entries.get('settings')!));
    backend.entries.set('settings', enc(JSON.stringify({ ...settings, laterField: [1, 2] })));
    await s.save([file('b.csv', 'b')]);
    const after = JSON.parse(text(backend.entries.get('settings')!));
    expect(after.laterField).toEqual([1, 2]);
    expect(after.choices).toEqual({ absentRows: 'zero' });
    expect(after.open).toBe(true);
  });

  it('forget removes every entry and the storage itself', async () => {
    const { backend, store: s } = store();
    await s.save([file('a.csv', 'a')], { fresh: true });
    await s.forget();
    expectNothingLeft(backend);
    expect(await s.summary()).toBeNull();
  });

  it('full storage: the save fails with a plain message and what was stored before stays whole', async () => {
    const { backend, store: s } = store();
    await s.save([file('a.csv', 'a')], { fresh: true, title: 'Kept' });
    const before = new Map(backend.entries);
    // The first new file fits; the second does not.
    backend.failPut = (key) => (key !== 'settings' && backend.entries.size >= 3 ? quotaExceeded() : null);
    const failure = await s.save([file('b.csv', 'b'), file('c.csv', 'c')]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageProblem);
    expect((failure as StorageProblem).kind).toBe('full');
    expect((failure as StorageProblem).message).toMatch(/could not be stored on this device: the space this browser allows/);
    // Nothing half-written is left, and the earlier workspace reads as it was.
    expect([...backend.entries.keys()].sort()).toEqual([...before.keys()].sort());
    const read = await s.read();
    expect(read?.files.map((f) => [f.name, text(f.bytes)])).toEqual([['a.csv', 'a']]);
  });

  it('damaged storage: unreadable settings, a missing or truncated file, or a newer version are refused plainly', async () => {
    const { backend, store: s } = store();
    await s.save([file('extracts.csv', 'abcdef')], { fresh: true });
    const key = (await s.read())!.settings.files[0]!.key;

    backend.entries.set(key, enc('abc'));
    await expect(s.read()).rejects.toMatchObject({ kind: 'damaged', message: /extracts\.csv is 3 bytes instead of 6/ });
    backend.entries.delete(key);
    await expect(s.read()).rejects.toMatchObject({ kind: 'damaged', message: /extracts\.csv is missing/ });

    backend.entries.set('settings', enc('{not json'));
    await expect(s.summary()).rejects.toMatchObject({ kind: 'damaged', message: /settings are not readable/ });
    backend.entries.set('settings', enc(JSON.stringify({ version: SETTINGS_VERSION + 1, files: [] })));
    await expect(s.read()).rejects.toMatchObject({ kind: 'damaged', message: /saved by a newer version/ });
    // Forgetting still clears it all.
    await s.forget();
    expect(await s.summary()).toBeNull();
  });

  it('parses the settings it writes, and refuses a record of the wrong shape', () => {
    expect(parseSettings({ version: 1, files: [], savedAt: 'x' })).toMatchObject({
      ok: true,
      settings: { title: null, open: true, choices: {} },
    });
    const bad = parseSettings({ version: 1, files: [{ key: 'BAD KEY', name: 'a', size: 1 }], savedAt: 'x' });
    expect(bad.ok).toBe(false);
  });

  it('says storage is blocked when the browser offers neither file system nor database', async () => {
    const blocked = await openWorkspaceStore({ storage: undefined, indexedDB: undefined }).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(StorageProblem);
    expect(blocked).toMatchObject({
      kind: 'blocked',
      message: /does not let the page store data \(for example in a private window/,
    });
    const throwing = {
      getDirectory: () => Promise.reject(new DOMException('The request was denied.', 'SecurityError')),
    } as unknown as StorageManager;
    const idb = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    await expect(openWorkspaceStore({ storage: throwing, indexedDB: idb })).rejects.toMatchObject({ kind: 'blocked' });
  });
});

describe('a store of files cut off part way (the page closed while storing)', () => {
  /** Starts a save and closes the page after `writes` writes; the save never settles, as on a page that is gone. */
  function cutOff(backend: MemoryBackend, s: WorkspaceStore, writes: number, ...save: Parameters<WorkspaceStore['save']>) {
    backend.writesLeft = writes;
    void s.save(...save);
    return new Promise<WorkspaceStore>((resolve) =>
      setTimeout(() => {
        // The next visit: the same storage, a new page.
        backend.writesLeft = null;
        resolve(new WorkspaceStore(backend, () => NOW));
      }, 20),
    );
  }
  const three = [file('manifest.json', 'm'), file('areas.csv', 'a'), file('extracts.csv', 'e')];

  it('a new workspace, nothing stored before: the next visit finds it unfinished, and forgetting it leaves nothing', async () => {
    const { backend, store: s } = store();
    // The mark and the first file are written; the page closes during the second.
    const later = await cutOff(backend, s, 2, three, { fresh: true, title: 'Own data' });
    expect(await later.unfinished()).toEqual({ fresh: true, files: ['manifest.json', 'areas.csv', 'extracts.csv'] });
    expect(await later.summary()).toBeNull();
    expect(await later.read()).toBeNull();
    expect(backend.entries.size).toBe(2);
    await later.forgetUnfinished();
    expectNothingLeft(backend);
    expect(await later.unfinished()).toBeNull();
  });

  it('a new workspace in place of one stored whole: the earlier one is kept whole, and only the parts go', async () => {
    const { backend, store: s } = store();
    await s.save([file('old.csv', 'old')], { fresh: true, title: 'Earlier' });
    const earlier = [...backend.entries.keys()].sort();
    const later = await cutOff(backend, s, 3, three, { fresh: true, title: 'New' });
    expect(await later.unfinished()).toMatchObject({ fresh: true });
    expect(await later.summary()).toMatchObject({ title: 'Earlier', files: 1 });
    expect((await later.read())?.files.map((f) => [f.name, text(f.bytes)])).toEqual([['old.csv', 'old']]);
    await later.forgetUnfinished();
    expect([...backend.entries.keys()].sort()).toEqual(earlier);
    expect(backend.destroyed).toBe(0);
    expect(await later.unfinished()).toBeNull();
  });

  it('files added to the stored workspace: it is kept without them, and the mark names them', async () => {
    const { backend, store: s } = store();
    await s.save([file('manifest.json', 'm')], { fresh: true });
    const later = await cutOff(backend, s, 1, [file('more.csv', 'x')]);
    expect(await later.unfinished()).toEqual({ fresh: false, files: ['more.csv'] });
    expect((await later.read())?.files.map((f) => f.name)).toEqual(['manifest.json']);
  });

  it('cut off after its settings were written, only the mark left: the store is whole, not unfinished', async () => {
    const { backend, store: s } = store();
    // The mark, three files and the settings.
    const later = await cutOff(backend, s, 5, three, { fresh: true });
    expect(backend.entries.has('storing')).toBe(true);
    expect(await later.unfinished()).toBeNull();
    expect((await later.read())?.files.map((f) => text(f.bytes))).toEqual(['m', 'a', 'e']);
  });

  it('the files chosen again and stored whole replace it: no mark and no parts are left', async () => {
    const { backend, store: s } = store();
    const later = await cutOff(backend, s, 2, three, { fresh: true });
    // Choices alone do not settle it: the files are still not stored.
    await later.save([], { choices: { absentRows: 'zero' } });
    expect(await later.unfinished()).not.toBeNull();
    await later.save(three, { fresh: true });
    expect(await later.unfinished()).toBeNull();
    expect([...backend.entries.keys()].sort()).toEqual(
      ['settings', ...(await later.read())!.settings.files.map((f) => f.key)].sort(),
    );
  });

  it('a mark that cannot be read still says a store was cut off, and a save that fails (and says so) leaves none', async () => {
    const { backend, store: s } = store();
    backend.entries.set('storing', enc('{"fresh": tr'));
    expect(await s.unfinished()).toEqual({ fresh: true, files: [] });
    await s.forgetUnfinished();
    // The mark fits; the first file does not.
    let puts = 0;
    backend.failPut = () => (++puts >= 2 ? quotaExceeded() : null);
    await expect(s.save(three, { fresh: true })).rejects.toMatchObject({ kind: 'full' });
    expect(backend.entries.size).toBe(0);
    expect(await s.unfinished()).toBeNull();
  });

  it('says what happened in words: the cause, some names, and what was kept', () => {
    const names = ['a.csv', 'b.csv', 'c.csv', 'd.csv', 'e.csv'];
    expect(unfinishedStoreMessage({ fresh: true, files: names }, false)).toBe(
      'The files you loaded last time (a.csv, b.csv, c.csv and 2 other files) were not stored completely, because the page ' +
        'was closed while they were being stored. They were not opened: choose them again to use them.',
    );
    expect(unfinishedStoreMessage({ fresh: true, files: [] }, true)).toMatch(
      /^The files you loaded last time were not stored completely.* The workspace you stored before them is still kept on this device\.$/,
    );
    expect(unfinishedStoreMessage({ fresh: false, files: ['x.csv'] }, true)).toBe(
      'The files you added last time (x.csv) were not stored completely, because the page was closed while they were being ' +
        'stored. Your workspace is kept without them: choose them again to add them.',
    );
  });
});
