import { openIndexedDbBackend } from './indexeddb-backend';
import { openOpfsBackend } from './opfs-backend';
import { STORAGE_MESSAGES, StorageProblem, storageProblemOf, type StorageBackend } from './storage-backend';
import { parseSettings, SETTINGS_VERSION, type FileOptions, type StoredFile, type WorkspaceSettings } from './workspace-settings';
import { encodeMark, parseMark, type StoringMark, type UnfinishedStore } from './storing-mark';

/** A file of the workspace as the user gave it, with the choices made when it was loaded. */
export interface WorkspaceInput {
  name: string;
  /** Its content: a Blob (the File itself) when saving, bytes when read back. */
  bytes: Uint8Array | Blob;
  options: FileOptions;
}

/** A stored file read back. */
export type StoredInput = WorkspaceInput & { bytes: Uint8Array };

const sizeOf = (data: Uint8Array | Blob) => (data instanceof Blob ? data.size : data.byteLength);

/** What is stored, without reading the files themselves: enough to name it and say how much space it takes. */
export interface StoredSummary {
  title: string | null;
  files: number;
  /** Bytes taken: the files and the settings. */
  bytes: number;
  /** Opened on the next visit (it was the workspace shown when the page was left). */
  open: boolean;
  where: StorageBackend['kind'];
}

export interface StoredWorkspace {
  settings: WorkspaceSettings;
  files: StoredInput[];
}

const SETTINGS_KEY = 'settings';
const STORING_KEY = 'storing';

/**
 * One workspace of the user's own files, kept in the browser's storage on this device between visits. Files are
 * written first, each under a new key, and the settings (the index of files) last, so a save that fails part way
 * leaves what was stored before whole; keys no index names are removed on the next save. A mark written before the
 * files and removed after the settings tells a later visit that a save was cut off (see storing-mark.ts). Calls are
 * taken one at a time. Knows nothing of the engine or of checking files: a restore replays the files through the
 * normal load.
 */
export class WorkspaceStore {
  private queue: Promise<unknown> = Promise.resolve();
  private counter = 0;

  constructor(
    private readonly backend: StorageBackend,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get where(): StorageBackend['kind'] {
    return this.backend.kind;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async settings(): Promise<WorkspaceSettings | null> {
    const bytes = await this.backend.get(SETTINGS_KEY);
    if (!bytes) return null;
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new StorageProblem('damaged', `${STORAGE_MESSAGES.damaged} (Its settings are not readable.)`);
    }
    const parsed = parseSettings(json);
    if (!parsed.ok) throw new StorageProblem('damaged', `${STORAGE_MESSAGES.damaged} (${capital(parsed.why)}.)`);
    return parsed.settings;
  }

  private summaryOf(settings: WorkspaceSettings): StoredSummary {
    return {
      title: settings.title,
      files: settings.files.length,
      bytes: settings.files.reduce((s, f) => s + f.size, 0) + JSON.stringify(settings).length,
      open: settings.open,
      where: this.backend.kind,
    };
  }

  /** What is stored, or null when nothing is. Throws a StorageProblem when the storage cannot be read. */
  summary(): Promise<StoredSummary | null> {
    return this.serial(async () => {
      const settings = await this.settings().catch((e: unknown) => Promise.reject(storageProblemOf(e, 'damaged')));
      return settings ? this.summaryOf(settings) : null;
    });
  }

  /** Every stored file, in the order loaded, checked against its recorded size. */
  read(): Promise<StoredWorkspace | null> {
    return this.serial(async () => {
      try {
        const settings = await this.settings();
        if (!settings) return null;
        const files: StoredInput[] = [];
        for (const f of settings.files) {
          const bytes = await this.backend.get(f.key);
          if (!bytes || bytes.byteLength !== f.size) {
            throw new StorageProblem(
              'damaged',
              `${STORAGE_MESSAGES.damaged} (${f.name} is ${bytes ? `${bytes.byteLength} bytes instead of ${f.size}` : 'missing'}.)`,
            );
          }
          files.push({ name: f.name, bytes, options: f.options });
        }
        return { settings, files };
      } catch (e) {
        throw storageProblemOf(e, 'damaged');
      }
    });
  }

  /**
   * Adds files to the stored workspace (a file of the same name replaces the stored one), or with `fresh` starts
   * a new stored workspace in place of the old. Returns what is stored afterwards.
   */
  save(
    files: readonly WorkspaceInput[],
    change: { title?: string | null; fresh?: boolean; choices?: Record<string, unknown> } = {},
  ): Promise<StoredSummary> {
    return this.serial(async () => {
      const before = change.fresh ? null : await this.settings().catch(() => null);
      // Choices alone are one write of the settings, whole or not at all: only files need the mark.
      const marked = files.length > 0;
      const planned = files.map((f) => ({ key: this.newKey(), file: f }));
      const written: string[] = [];
      try {
        if (marked) {
          const mark: StoringMark = {
            fresh: change.fresh === true,
            files: files.map((f) => f.name),
            keys: planned.map((p) => p.key),
          };
          await this.backend.put(STORING_KEY, encodeMark(mark));
        }
        const added: StoredFile[] = [];
        for (const { key, file: f } of planned) {
          await this.backend.put(key, f.bytes);
          written.push(key);
          added.push({ key, name: f.name, size: sizeOf(f.bytes), options: f.options });
        }
        const names = new Set(added.map((f) => f.name));
        const settings: WorkspaceSettings = {
          ...before,
          version: SETTINGS_VERSION,
          title: change.title !== undefined ? change.title : (before?.title ?? null),
          files: [...(before?.files ?? []).filter((f) => !names.has(f.name)), ...added],
          open: true,
          choices: { ...before?.choices, ...change.choices },
          savedAt: this.now().toISOString(),
        };
        await this.writeSettings(settings);
        if (marked) await this.backend.delete(STORING_KEY);
        await this.removeUnlisted(settings);
        return this.summaryOf(settings);
      } catch (e) {
        // What was stored before stays as it was: its settings were not replaced. This failure is said now, so no
        // mark is left for the next visit.
        for (const key of marked ? [...written, STORING_KEY] : written) await this.backend.delete(key).catch(() => undefined);
        throw storageProblemOf(e);
      }
    });
  }

  /**
   * The save of files that began and never finished (the page was closed part way), or null. Its files are not
   * all there; the settings, if any, are still those of the workspace stored before it.
   */
  unfinished(): Promise<UnfinishedStore | null> {
    return this.serial(async () => {
      try {
        const bytes = await this.backend.get(STORING_KEY);
        if (!bytes) return null;
        const { fresh, files, keys } = parseMark(bytes);
        const listed = new Set((await this.settings().catch(() => null))?.files.map((f) => f.key));
        // Cut off after its settings were written: the save is whole, only its mark was left.
        return keys.length > 0 && keys.every((k) => listed.has(k)) ? null : { fresh, files };
      } catch (e) {
        throw storageProblemOf(e, 'damaged');
      }
    });
  }

  /**
   * Removes what an unfinished save left (its files and its mark). A workspace stored whole before it is kept;
   * with none, the storage itself goes, as forgetting does. Settings that cannot be read are left for Forget.
   */
  forgetUnfinished(): Promise<void> {
    return this.serial(async () => {
      try {
        const settings = await this.settings().catch(() => undefined);
        if (settings === null) return await this.backend.destroy();
        await this.backend.delete(STORING_KEY);
        if (settings) await this.removeUnlisted(settings);
      } catch (e) {
        throw storageProblemOf(e);
      }
    });
  }

  /** Records whether the stored workspace is the one to open on the next visit. */
  setOpen(open: boolean): Promise<void> {
    return this.serial(async () => {
      const settings = await this.settings().catch(() => null);
      if (settings && settings.open !== open)
        await this.writeSettings({ ...settings, open }).catch((e) => Promise.reject(storageProblemOf(e)));
    });
  }

  /** Removes every file, the settings, and the directory or database that held them. */
  forget(): Promise<void> {
    return this.serial(async () => {
      try {
        await this.backend.destroy();
      } catch (e) {
        throw storageProblemOf(e);
      }
    });
  }

  private writeSettings(settings: WorkspaceSettings): Promise<void> {
    return this.backend.put(SETTINGS_KEY, new TextEncoder().encode(JSON.stringify(settings)));
  }

  private async removeUnlisted(settings: WorkspaceSettings): Promise<void> {
    // An unfinished save's mark stays until a save of files replaces it or the person lets it go.
    const keep = new Set([SETTINGS_KEY, STORING_KEY, ...settings.files.map((f) => f.key)]);
    for (const key of await this.backend.keys()) if (!keep.has(key)) await this.backend.delete(key);
  }

  private newKey(): string {
    return `f-${this.now().getTime().toString(36)}-${(this.counter++).toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Opens the workspace storage this browser offers: the origin private file system, else IndexedDB. Throws a
 * StorageProblem saying storage is blocked when neither can be used (a private window, site data blocked).
 */
export async function openWorkspaceStore(
  env: { storage?: StorageManager; indexedDB?: IDBFactory } = {
    storage: globalThis.navigator?.storage,
    indexedDB: globalThis.indexedDB,
  },
): Promise<WorkspaceStore> {
  try {
    return new WorkspaceStore(await openOpfsBackend(env.storage));
  } catch {
    try {
      return new WorkspaceStore(await openIndexedDbBackend(env.indexedDB));
    } catch (e) {
      const problem = storageProblemOf(e, 'blocked');
      throw problem.kind === 'full' ? problem : new StorageProblem('blocked', STORAGE_MESSAGES.blocked);
    }
  }
}

/**
 * Asks the browser to keep the stored data even when the device is short of space. Only on the person's own
 * request (a button): some browsers ask them to confirm. Resolves to whether the browser agreed.
 */
export async function askToKeepStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (typeof storage?.persist !== 'function') return false;
  if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
  return storage.persist();
}
