import type { Engine } from '../engine/engine-types';
import { ensureCommittedTables } from '../engine/committed-tables';
import { loadFiles, type FileOutcome, type InputFile, type LoadProgress, type LoadedState } from '../import/load-files';

export interface SessionSnapshot {
  state: LoadedState;
  /** Goes up by one whenever loaded data change; query caches are keyed by it. */
  version: number;
  /** What the last load did, file by file, for the import screen. */
  lastLoad: FileOutcome[];
  /** True when the loaded data are the embedded synthetic demo. */
  demo: boolean;
}

export type AfterLoad = (engine: Engine, state: LoadedState) => Promise<void>;

/**
 * Owns the engine and what has been loaded into it. Loads are serialised so two drops cannot interleave,
 * and derived tables are rebuilt (through `afterLoad`) before anyone is told the data changed.
 */
export class DashboardSession {
  private snapshot: SessionSnapshot = { state: { manifest: null, boundaries: {} }, version: 0, lastLoad: [], demo: false };
  private listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly engine: Engine,
    private readonly afterLoad: AfterLoad,
  ) {}

  static async start(engine: Engine, afterLoad: AfterLoad): Promise<DashboardSession> {
    await ensureCommittedTables(engine);
    return new DashboardSession(engine, afterLoad);
  }

  getSnapshot = (): SessionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  load(files: readonly InputFile[], onProgress?: (p: LoadProgress) => void, opts: { demo?: boolean } = {}): Promise<FileOutcome[]> {
    const run = async () => {
      const { state, outcomes } = await loadFiles(this.engine, this.snapshot.state, files, onProgress);
      const changed = outcomes.some((o) => o.status === 'loaded');
      if (changed) {
        onProgress?.({ done: files.length * 2, total: files.length * 2, step: 'Preparing views' });
        await this.afterLoad(this.engine, state);
      }
      this.snapshot = {
        state,
        version: this.snapshot.version + (changed ? 1 : 0),
        lastLoad: outcomes,
        demo: opts.demo ?? (this.snapshot.demo && !changed),
      };
      this.listeners.forEach((l) => l());
      return outcomes;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
