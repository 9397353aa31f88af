import { describe, expect, it } from 'vitest';
import { StorageProblem } from '../../../src/workspace/storage-backend';
import { parseSettings, SETTINGS_VERSION } from '../../../src/workspace/workspace-settings';
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
    expect(backend.entries.size).toBe(0);
    expect(backend.destroyed).toBe(1);
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
