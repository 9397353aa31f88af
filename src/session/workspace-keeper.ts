import type { WorkspaceInput } from '../workspace/workspace-store';
import { STORAGE_MESSAGES, StorageProblem, storageProblemOf, type StorageProblemKind } from '../workspace/storage-backend';
import type { StoredSummary, StoredWorkspace, WorkspaceStore } from '../workspace/workspace-store';

export type { WorkspaceInput };

/** What the page can say about keeping the user's own workspace on this device. */
export interface StorageStatus {
  /** False when this browser lets the page store nothing (or the session was started without storage). */
  available: boolean;
  /** What is on this device now, or null when nothing is (or it cannot be read). */
  stored: StoredSummary | null;
  saving: boolean;
  /** The last thing that went wrong, in words; the session goes on without storage meanwhile. */
  problem: { kind: StorageProblemKind; message: string } | null;
}

const NO_STORAGE: StorageStatus = { available: false, stored: null, saving: false, problem: null };

/**
 * Keeps the session's own workspace in the browser's storage: saves the files of each load that changed it,
 * says what is stored and how much space it takes, and forgets it on request. Every failure becomes a plain
 * message in the status; none stops the session.
 */
export class WorkspaceKeeper {
  private status: StorageStatus;
  private readonly store: WorkspaceStore | null;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    store: WorkspaceStore | StorageProblem | null,
    private readonly onChange: (status: StorageStatus) => void,
  ) {
    this.store = store instanceof StorageProblem || !store ? null : store;
    this.status =
      store instanceof StorageProblem
        ? { ...NO_STORAGE, problem: { kind: store.kind, message: store.message } }
        : store
          ? { ...NO_STORAGE, available: true }
          : NO_STORAGE;
  }

  get current(): StorageStatus {
    return this.status;
  }

  private set(change: Partial<StorageStatus>): void {
    this.status = { ...this.status, ...change };
    this.onChange(this.status);
  }

  private fail(e: unknown, kind: StorageProblemKind = 'failed'): void {
    const problem = storageProblemOf(e, kind);
    this.set({ saving: false, problem: { kind: problem.kind, message: problem.message } });
  }

  /** Finds out what is stored (once, at start). */
  async refresh(): Promise<StoredSummary | null> {
    if (!this.store) return null;
    try {
      const stored = await this.store.summary();
      this.set({ stored });
      return stored;
    } catch (e) {
      this.fail(e, 'damaged');
      return null;
    }
  }

  /** Every stored file, for replaying through the load; null (with the reason in the status) when unreadable. */
  async read(): Promise<StoredWorkspace | null> {
    if (!this.store) return null;
    try {
      return await this.store.read();
    } catch (e) {
      this.fail(e, 'damaged');
      return null;
    }
  }

  /**
   * Stores the files a load took (a file of the same name replaces the stored one); `fresh` starts a new stored
   * workspace in place of whatever was stored. Runs after the load, one save at a time.
   */
  save(
    files: readonly WorkspaceInput[],
    change: { fresh: boolean; title: string | null; choices?: Record<string, unknown> },
  ): Promise<void> {
    if (!this.store || files.length === 0) return this.pending.then(() => undefined);
    const store = this.store;
    const task = async () => {
      this.set({ saving: true });
      try {
        const stored = await store.save(files, change);
        this.set({ saving: false, stored, problem: null });
      } catch (e) {
        this.fail(e);
        // What was stored before is still there: say how much, so the statement stays true.
        await store.summary().then(
          (stored) => this.set({ stored }),
          () => this.set({ stored: null }),
        );
      }
    };
    const next = this.pending.then(task, task);
    this.pending = next;
    return next;
  }

  /** Stores the workspace's choices (merged into those stored), after any save under way. */
  saveChoices(choices: Record<string, unknown>): Promise<void> {
    if (!this.store || !this.status.stored) return this.pending.then(() => undefined);
    const store = this.store;
    const task = async () => {
      try {
        this.set({ stored: await store.save([], { choices }), problem: null });
      } catch (e) {
        this.fail(e);
      }
    };
    const next = this.pending.then(task, task);
    this.pending = next;
    return next;
  }

  /** Records whether the stored workspace is the one to open on the next visit. */
  async setOpen(open: boolean): Promise<void> {
    if (!this.store || !this.status.stored) return;
    await this.pending;
    try {
      await this.store.setOpen(open);
      this.set({ stored: { ...this.status.stored, open } });
    } catch (e) {
      this.fail(e);
    }
  }

  /** Removes every trace of the stored workspace. Throws (with the status saying why) when it could not. */
  async forget(): Promise<void> {
    if (!this.store) {
      this.set({ problem: { kind: 'blocked', message: STORAGE_MESSAGES.blocked } });
      return;
    }
    await this.pending.catch(() => undefined);
    try {
      await this.store.forget();
      this.set({ stored: null, problem: null, saving: false });
    } catch (e) {
      this.fail(e);
      throw e;
    }
  }

  /** Waits for saves under way (tests, and the page before it says "stored"). */
  settled(): Promise<void> {
    return this.pending.then(
      () => undefined,
      () => undefined,
    );
  }
}
