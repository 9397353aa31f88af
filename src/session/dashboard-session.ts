import type { Audience } from '../contract';
import type { Engine } from '../engine/engine-types';
import { ensureCommittedTables } from '../engine/committed-tables';
import { withQueryCache } from '../engine/cached-engine';
import { loadFiles, type FileOutcome, type InputFile, type LoadProgress, type LoadedState } from '../import/load-files';
import { protectCubeTable, type ProtectRunner } from '../disclosure/protect-cube-table';
import type { ProtectionSummary } from '../disclosure/protect-cube';
import { DEFAULT_POLICIES } from '../contract';
import { prepareDerivedTables } from './prepare-derived-tables';
import { installBundle, isBundle, readBundle } from '../bundle/open-bundle';
import type { BundleAudience, BundleAudit } from '../bundle/bundle-format';
import { RESTORED_ON_DEMAND, restoreEngineTables, type DemoSnapshot, type SnapshotTable } from './demo-snapshot';
import type { PublishedBundle, PublishOptions } from '../bundle/publish-bundle';

/** The partner bundle the session holds, when it was opened from one instead of raw data. */
export interface OpenBundleInfo {
  audience: BundleAudience;
  createdAt: string;
  levels: string[];
  title: string;
  /** Where it came from: the address in the link, or "dropped files". */
  source: string;
  cells: number;
  suppressed: number;
  /** The audit recorded when it was published, then the recipient's audit run on opening. */
  audits: BundleAudit[];
}

export interface ProtectionProgress {
  audience: Audience;
  done: number;
  total: number;
}

export interface SessionSnapshot {
  state: LoadedState;
  /** Goes up by one whenever loaded data change; query caches are keyed by it. */
  version: number;
  /** What the last load did, file by file, for the import screen. */
  lastLoad: FileOutcome[];
  /** True when the loaded data are the embedded synthetic demo. */
  demo: boolean;
  /** Whole-dataset protection under way, for a progress indicator. */
  protecting: ProtectionProgress | null;
  /** What protection did for each audience protected so far at this version. */
  protection: Partial<Record<Audience, ProtectionSummary>>;
  /** Set while the session holds a partner bundle: then only that audience's figures exist. */
  bundle: OpenBundleInfo | null;
}

/**
 * Owns the engine and what has been loaded into it. Loads are serialised so two drops cannot interleave;
 * derived tables are rebuilt before anyone is told the data changed; each audience's protected table is
 * built once per data version, on first use, by the injected runner (a Web Worker in the browser).
 */
export class DashboardSession {
  private snapshot: SessionSnapshot = {
    state: { manifest: null, boundaries: {} },
    version: 0,
    lastLoad: [],
    demo: false,
    protecting: null,
    protection: {},
    bundle: null,
  };
  private listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private protections = new Map<string, Promise<ProtectionSummary>>();
  /** Tables of the demo snapshot kept back until something reads them (see RESTORED_ON_DEMAND). */
  private deferred: SnapshotTable[] = [];

  private constructor(
    readonly engine: Engine,
    private readonly protect: ProtectRunner,
  ) {}

  static async start(engine: Engine, protect: ProtectRunner): Promise<DashboardSession> {
    await ensureCommittedTables(engine);
    // Views ask for the same metadata and cells from several query modules at once: answer repeats from memory.
    return new DashboardSession(withQueryCache(engine), protect);
  }

  getSnapshot = (): SessionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private publish(change: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    this.listeners.forEach((l) => l());
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  load(
    files: readonly InputFile[],
    onProgress?: (p: LoadProgress) => void,
    opts: { demo?: boolean } = {},
  ): Promise<FileOutcome[]> {
    if (isBundle(files)) return this.openBundle(files, 'dropped files').then(...bundleOutcomes(files));
    if (this.snapshot.bundle) return Promise.resolve(files.map((f) => refusedInBundle(f.name)));
    return this.serial(async () => {
      const { state, outcomes } = await loadFiles(this.engine, this.snapshot.state, files, onProgress);
      // Boundaries only change how areas are drawn: no figures to rebuild or protect again.
      const changed = outcomes.some((o) => o.status === 'loaded' && o.kind !== 'boundary');
      if (changed) {
        // The cube is rebuilt from the extracts below: the snapshot's would be out of date.
        this.deferred = [];
        onProgress?.({ done: files.length * 2, total: files.length * 2, step: 'Preparing views' });
        await prepareDerivedTables(this.engine);
        this.protections.clear();
      }
      this.publish({
        state,
        version: this.snapshot.version + (changed ? 1 : 0),
        lastLoad: outcomes,
        demo: opts.demo ?? (this.snapshot.demo && !changed),
        ...(changed ? { protection: {} } : {}),
      });
      return outcomes;
    });
  }

  /**
   * Takes the embedded demo as the build loaded and protected it (see demo-snapshot.ts): its tables replace the
   * engine's, and the audiences it was protected for need no protecting again at this version.
   */
  restoreDemo(snapshot: DemoSnapshot): Promise<void> {
    return this.serial(async () => {
      await restoreEngineTables(
        this.engine,
        snapshot.tables.filter((t) => !RESTORED_ON_DEMAND.has(t.name)),
      );
      this.deferred = snapshot.tables.filter((t) => RESTORED_ON_DEMAND.has(t.name));
      const version = this.snapshot.version + 1;
      this.protections.clear();
      for (const [audience, summary] of Object.entries(snapshot.protection)) {
        this.protections.set(`${version}|${audience}`, Promise.resolve(summary));
      }
      this.publish({
        state: snapshot.state,
        version,
        lastLoad: snapshot.lastLoad,
        demo: true,
        protecting: null,
        protection: snapshot.protection,
        bundle: null,
      });
    });
  }

  /** Writes a bundle of this audience's protected cells (protecting them first if need be). */
  publishBundle(opts: PublishOptions): Promise<PublishedBundle> {
    return this.ensureProtected(opts.audience).then(() =>
      this.serial(async () => {
        await this.restoreDeferred();
        // Loaded when first used: the Parquet writer and the audit stay out of the page's first load.
        const { publishBundle } = await import('../bundle/publish-bundle');
        return publishBundle(this.engine, opts);
      }),
    );
  }

  private async restoreDeferred(): Promise<void> {
    const tables = this.deferred;
    this.deferred = [];
    if (tables.length) await restoreEngineTables(this.engine, tables);
  }

  /**
   * Replaces everything loaded with a partner bundle: its protected cells become the audience's protected
   * table, with no extracts and no cube behind them. Refused, with nothing changed, if the bundle is invalid
   * or its audit fails.
   */
  openBundle(files: readonly InputFile[], source: string): Promise<OpenBundleInfo> {
    return this.serial(async () => {
      const bundle = await readBundle(files);
      const failed = [...bundle.metadata.audit, bundle.audit].find((a) => !a.pass);
      if (failed) {
        throw new Error(
          `The bundle's disclosure audit did not pass (${failed.model === 'publisher' ? 'when it was published' : 'on opening'}: ${failed.unsafe} hidden figures could be narrowed down), so it was not opened.`,
        );
      }
      await installBundle(this.engine, bundle);
      this.deferred = [];
      this.protections.clear();
      const m = bundle.metadata;
      const info: OpenBundleInfo = {
        audience: m.audience,
        createdAt: m.createdAt,
        levels: m.levels,
        title: m.title,
        source,
        cells: m.cells,
        suppressed: m.suppressed,
        audits: [...m.audit, bundle.audit],
      };
      const publisher = m.audit.find((a) => a.model === 'publisher');
      const summary: ProtectionSummary = {
        cells: m.cells,
        shown: bundle.cells.filter((c) => c.flag === 'shown').length,
        rounded: bundle.cells.filter((c) => c.flag === 'rounded').length,
        // The publisher knew which hidden cells were small; the bundle itself shows only 'c'.
        primary: publisher?.checked ?? 0,
        secondary: m.suppressed - (publisher?.checked ?? 0),
        secondaryFromAudit: 0,
        relations: 0,
        inexactRelations: 0,
        auditRounds: 0,
        fullAudits: 0,
        audit: {
          pass: bundle.audit.pass,
          checked: bundle.audit.checked,
          unsafe: bundle.audit.unsafe,
          limitedByRule: 0,
          converged: true,
        },
      };
      this.publish({
        state: { manifest: bundle.manifest, boundaries: {} },
        version: this.snapshot.version + 1,
        lastLoad: [],
        demo: false,
        protecting: null,
        protection: { [m.audience]: summary },
        bundle: info,
      });
      return info;
    });
  }

  /** Builds (once per data version) the table of everything this audience may see. */
  ensureProtected(audience: Audience): Promise<ProtectionSummary> {
    const bundle = this.snapshot.bundle;
    if (bundle) {
      const summary = this.snapshot.protection[audience];
      return audience === bundle.audience && summary
        ? Promise.resolve(summary)
        : Promise.reject(new Error(`This dashboard holds a bundle published for the ${bundle.audience} audience only.`));
    }
    const key = `${this.snapshot.version}|${audience}`;
    let job = this.protections.get(key);
    if (!job) {
      job = this.serial(async () => {
        await this.restoreDeferred();
        const policy = this.snapshot.state.manifest?.disclosure[audience] ?? DEFAULT_POLICIES[audience];
        let lastShown = -1;
        const summary = await protectCubeTable(this.engine, audience, policy, this.protect, (done, total) => {
          const step = Math.floor((20 * done) / Math.max(1, total));
          if (step !== lastShown) {
            lastShown = step;
            this.publish({ protecting: { audience, done, total } });
          }
        });
        this.publish({ protecting: null, protection: { ...this.snapshot.protection, [audience]: summary } });
        return summary;
      });
      this.protections.set(key, job);
      job.catch(() => this.protections.delete(key));
    }
    return job;
  }
}

function bundleOutcomes(files: readonly InputFile[]): [(info: OpenBundleInfo) => FileOutcome[], (e: unknown) => FileOutcome[]] {
  const kindOf = (name: string): FileOutcome['kind'] =>
    name.endsWith('manifest.json')
      ? 'manifest'
      : name.startsWith('areas')
        ? 'areas'
        : name.startsWith('population')
          ? 'population'
          : 'unknown';
  return [
    (info) =>
      files.map((f) => ({
        file: f.name,
        kind: kindOf(f.name),
        status: 'loaded',
        rows: f.name.startsWith('cells') ? info.cells : 0,
        problems: [],
      })),
    (e) =>
      files.map((f) => ({
        file: f.name,
        kind: kindOf(f.name),
        status: 'rejected',
        rows: 0,
        problems: [
          {
            file: f.name,
            severity: 'error',
            message: `The partner bundle could not be opened: ${e instanceof Error ? e.message : String(e)}`,
            fix: 'Drop all the files of one bundle together (bundle.json and the files it lists), as they were published.',
          },
        ],
      })),
  ];
}

function refusedInBundle(name: string): FileOutcome {
  return {
    file: name,
    kind: 'unknown',
    status: 'rejected',
    rows: 0,
    problems: [
      {
        file: name,
        severity: 'error',
        message: 'A partner bundle is open, so other data cannot be added to it.',
        fix: 'Open the dashboard without a bundle in its address to load your own files.',
      },
    ],
  };
}
