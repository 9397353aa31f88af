import type { WorkspaceInput } from '../workspace/workspace-store';
import { STORAGE_MESSAGES, StorageProblem, storageProblemOf, type StorageProblemKind } from '../workspace/storage-backend';
import type { StoredSummary, StoredWorkspace, WorkspaceStore } from '../workspace/workspace-store';
import { unfinishedStoreMessage, type UnfinishedStore } from '../workspace/storing-mark';

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
  /**
   * A store of files that an earlier visit began and never finished (the page was closed part way), with what to
   * tell the person; until they choose the files again or let it go.
   */
  unfinished: (UnfinishedStore & { message: string }) | null;
}

export const NO_STORAGE: StorageStatus = { available: false, stored: null, saving: false, problem: null, unfinished: null };

/**
 * Whether the page opens the stored workspace when it starts: it was the one shown when the page was left. Not
 * when a new workspace's store was cut off after it: that new one was shown, and opening the older in its place
 * would pass it off as what was loaded last.
 */
export function opensOnStart(status: StorageStatus): boolean {
  return status.stored?.open === true && status.unfinished?.fresh !== true;
}

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

  /** Finds out what is stored, and whether a store was cut off on an earlier visit (once, at start). */
  async refresh(): Promise<StoredSummary | null> {
    if (!this.store) return null;
    try {
      const stored = await this.store.summary();
      const mark = await this.store.unfinished();
      this.set({ stored, unfinished: mark && { ...mark, message: unfinishedStoreMessage(mark, stored !== null) } });
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
        // The files chosen again (or others in their place) are stored: what an earlier store left is gone with it.
        this.set({ saving: false, stored, problem: null, unfinished: null });
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
  forget(): Promise<void> {
    return this.remove((store) => store.forget(), { stored: null, problem: null, saving: false, unfinished: null });
  }

  /** Lets go of what an unfinished store left; a workspace stored whole before it stays. Throws as forget does. */
  forgetUnfinished(): Promise<void> {
    return this.remove((store) => store.forgetUnfinished(), { unfinished: null });
  }

  private async remove(task: (store: WorkspaceStore) => Promise<void>, after: Partial<StorageStatus>): Promise<void> {
    if (!this.store) {
      this.set({ problem: { kind: 'blocked', message: STORAGE_MESSAGES.blocked } });
      return;
    }
    await this.pending.catch(() => undefined);
    try {
      await task(this.store);
      this.set(after);
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
