import {
  ABSENT_ROWS_CHOICE,
  absentRowsAnswers,
  unansweredFiles,
  type AbsentRows,
  type AbsentRowsReading,
  type Audience,
  type Manifest,
} from '../contract';
import type { Engine } from '../engine/engine-types';
import { clearAllTables, ensureCommittedTables } from '../engine/committed-tables';
import { withWriteGeneration } from '../engine/write-generation';
import { notReportedRefusal } from '../import/zero-rows-given';
import { loadFiles, type FileOutcome, type InputFile, type LoadProgress, type LoadedState } from '../import/load-files';
import { protectCubeTable, type ProtectRunner } from '../disclosure/protect-cube-table';
import { publishedProtection, type PublishedProtection } from '../disclosure/published-protection';
import { DEFAULT_POLICIES, openDataShare, publishedIndicatorIds } from '../contract';
import { DENOMINATOR_SUFFIX } from '../disclosure/protected-tables';
import { prepareDerivedTables } from './prepare-derived-tables';
import { installBundle, isBundle, readBundle } from '../bundle/open-bundle';
import { publishedAudit } from '../bundle/audit-bundle';
import type { BundleAudience, BundleAudit } from '../bundle/bundle-format';
import { restoreEngineTables, type DemoSnapshot } from './demo-snapshot';
import type { PublishedBundle, PublishOptions } from '../bundle/publish-bundle';
import type { StorageProblem } from '../workspace/storage-backend';
import type { WorkspaceStore } from '../workspace/workspace-store';
import { NO_STORAGE, WorkspaceKeeper, type StorageStatus, type WorkspaceInput } from './workspace-keeper';

export type { StorageStatus };

/**
 * What the session shows. The synthetic demo and the user's own data never mix: loading one's own files while the
 * demo is shown puts the demo away (every table emptied) and starts an own workspace; going back to the demo puts
 * the own workspace away (it stays stored, to be opened again). A partner bundle stands alone too.
 */
export type Workspace =
  | { kind: 'demo' }
  | {
      kind: 'own';
      /** The files it holds, in the order loaded (a file loaded again under its name keeps one place, the last). */
      files: readonly string[];
    }
  | { kind: 'bundle' };

/** The demo, as the build left it (a snapshot of its tables) or as files to load when there is no snapshot. */
export type DemoSource = () => Promise<DemoSnapshot | InputFile[]>;

export interface SessionOptions {
  /** Where the demo comes from, for going back to it. */
  demo?: DemoSource;
  /**
   * The demo's own files, for what needs its extracts and cube, which its snapshot does not hold (publishing a
   * bundle from the demo): the demo is then loaded from them, giving the same figures.
   */
  demoFiles?: () => Promise<InputFile[]>;
  /** The storage that keeps the own workspace between visits, or why there is none. */
  store?: WorkspaceStore | StorageProblem | null;
}

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
  /** What is shown: the demo, the user's own workspace, or a partner bundle. */
  workspace: Workspace;
  /** Whether the own workspace is kept on this device, how much space it takes, and what went wrong if anything. */
  storage: StorageStatus;
  /**
   * Choices about the own workspace as a whole, by name (for example how absent rows are read): kept with it on
   * this device and restored before its files are loaded again. Empty for the demo and for a new workspace.
   */
  choices: Readonly<Record<string, unknown>>;
  /** How each indicator's absent rows are read, and where that came from (src/contract/absent-rows.ts). */
  absentRows: readonly AbsentRowsReading[];
  /** Extract files whose absent rows are not yet read either way: their indicators wait for an answer. */
  absentRowsQuestions: readonly string[];
  /** Whole-dataset protection under way, for a progress indicator. */
  protecting: ProtectionProgress | null;
  /** What may be said of each audience's protection so far at this version (never how many hidden cells are small). */
  protection: Partial<Record<Audience, PublishedProtection>>;
  /** Set while the session holds a partner bundle: then only that audience's figures exist. */
  bundle: OpenBundleInfo | null;
  /**
   * Whether the engine holds what was loaded (extracts, cube) as well as the protected tables. False for a partner
   * bundle and for the demo restored from its snapshot, which hold protected tables and public lookups only: then
   * what is loaded is read from the audience's protected table (src/queries/readers/loaded-rows.ts).
   */
  rawData: boolean;
}

/** What the session holds before anything is loaded, and again after everything loaded is cleared. */
function nothingLoaded(): Omit<SessionSnapshot, 'version' | 'workspace' | 'storage'> {
  return {
    state: { manifest: null, boundaries: {} },
    lastLoad: [],
    choices: {},
    absentRows: [],
    absentRowsQuestions: [],
    protecting: null,
    protection: {},
    bundle: null,
    rawData: true,
  };
}

/**
 * Owns the engine and what has been loaded into it. Loads are serialised so two drops cannot interleave;
 * derived tables are rebuilt before anyone is told the data changed; each audience's protected table is
 * built once per data version, on first use, by the injected runner (a Web Worker in the browser).
 */
export class DashboardSession {
  private snapshot: SessionSnapshot = {
    ...nothingLoaded(),
    version: 0,
    workspace: { kind: 'own', files: [] },
    storage: NO_STORAGE,
  };
  private listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private protections = new Map<string, Promise<PublishedProtection>>();
  private readonly keeper: WorkspaceKeeper;
  private readonly demoSource: DemoSource | null;
  private readonly demoFiles: (() => Promise<InputFile[]>) | null;

  private constructor(
    readonly engine: Engine,
    private readonly protect: ProtectRunner,
    options: SessionOptions,
  ) {
    this.demoSource = options.demo ?? null;
    this.demoFiles = options.demoFiles ?? null;
    this.keeper = new WorkspaceKeeper(options.store ?? null, (storage) => this.publish({ storage }));
    this.snapshot = { ...this.snapshot, storage: this.keeper.current };
  }

  /** Starts the session on an engine; with storage, finds out what workspace is stored (see `storage.stored`). */
  static async start(engine: Engine, protect: ProtectRunner, options: SessionOptions = {}): Promise<DashboardSession> {
    await ensureCommittedTables(engine);
    // Writes are counted, so the figures coordinator's cache of reads (src/hooks/coordinator) knows when to forget.
    const session = new DashboardSession(withWriteGeneration(engine), protect, options);
    await session.keeper.refresh();
    return session;
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

  /**
   * Loads files into the own workspace, and stores what loaded on this device. While the demo is shown, the files
   * start a new own workspace instead: the demo's tables are emptied first, so no demo row can reach it; if none of
   * the files loads, the demo comes back as it was. With `demo`, the files are the demo itself (the page's start
   * without a snapshot, the build, tests).
   */
  load(
    files: readonly InputFile[],
    onProgress?: (p: LoadProgress) => void,
    opts: { demo?: boolean } = {},
  ): Promise<FileOutcome[]> {
    if (isBundle(files)) return this.openBundle(files, 'dropped files').then(...bundleOutcomes(files));
    if (this.snapshot.bundle) return Promise.resolve(files.map((f) => refusedInBundle(f.name)));
    return this.serial(async () => {
      if (opts.demo) return this.loadNow(files, onProgress, { kind: 'demo' });
      const fresh = this.snapshot.workspace.kind !== 'own';
      if (fresh) await this.clear();
      const before = this.snapshot.workspace;
      const owned = before.kind === 'own' ? before.files : [];
      // Held as the person gave them, for storing: the load may hand the bytes to the engine's worker.
      const keep = this.snapshot.storage.available
        ? files.map((f) => ({ file: f, blob: f.blob ?? new Blob([f.bytes as Uint8Array<ArrayBuffer>]) }))
        : [];
      const outcomes = await this.loadNow(files, onProgress, { kind: 'own', files: owned });
      const taken = new Set(outcomes.filter((o) => o.status === 'loaded').map((o) => o.file));
      if (fresh && taken.size === 0 && this.demoSource) {
        // Nothing of the new workspace loaded: the demo was only put away for it, so it comes back.
        await this.showDemoNow().catch(() => undefined);
        this.publish({ lastLoad: outcomes });
        return outcomes;
      }
      this.publish({ workspace: { kind: 'own', files: [...owned.filter((f) => !taken.has(f)), ...taken] } });
      // Stored after the load, while the person looks at the result; a failure is said, and changes nothing loaded.
      const boundaries = new Set(outcomes.filter((o) => o.kind === 'boundary').map((o) => o.file));
      const stored: WorkspaceInput[] = keep
        .filter(({ file }) => taken.has(file.name))
        .map(({ file, blob }) => ({
          name: file.name,
          bytes: blob,
          // The choice made for a boundary file is kept with it, so the next visit draws the same shapes.
          options: boundaries.has(file.name) ? { boundaryMode: file.boundaryMode ?? 'add' } : {},
        }));
      void this.keeper.save(stored, {
        fresh,
        title: this.snapshot.state.manifest?.title ?? null,
        choices: this.snapshot.choices,
      });
      return outcomes;
    });
  }

  /** Runs a load into whatever the engine holds now; the caller has the queue. */
  private async loadNow(
    files: readonly InputFile[],
    onProgress: ((p: LoadProgress) => void) | undefined,
    workspace: Workspace,
  ): Promise<FileOutcome[]> {
    const { state, outcomes } = await loadFiles(this.engine, this.snapshot.state, files, onProgress);
    // Boundaries only change how areas are drawn: no figures to rebuild or protect again.
    const changed = outcomes.some((o) => o.status === 'loaded' && o.kind !== 'boundary');
    if (changed) {
      onProgress?.({ done: files.length * 2, total: files.length * 2, step: 'Preparing views' });
      await this.prepare(state.manifest);
    }
    this.publish({
      state,
      version: this.snapshot.version + (changed ? 1 : 0),
      lastLoad: outcomes,
      workspace,
      // Figures rebuilt from what was just loaded: the engine now holds the extracts and cube behind them.
      ...(changed ? { protection: {}, rawData: true } : {}),
    });
    return outcomes;
  }

  /** Rebuilds the cube on the declared coverage and says which files still wait for the absent-rows question. */
  private async prepare(manifest: Manifest | null): Promise<void> {
    const answers = absentRowsAnswers(this.snapshot.choices);
    const readings = await prepareDerivedTables(this.engine, manifest, answers);
    this.protections.clear();
    this.publish({ absentRows: readings, absentRowsQuestions: unansweredFiles(readings, answers) });
  }

  /**
   * Answers the import's question for one extract file: its rows left out mean no events (`zero`) or not reported.
   * The answer is kept with the workspace, and the cube is rebuilt with it. "Not reported" is refused, with nothing
   * changed, for a file that gives no zero as a row (see notReportedRefusal).
   */
  answerAbsentRows(file: string, reading: AbsentRows): Promise<void> {
    return this.serial(async () => {
      const refused = reading === 'notReported' ? await notReportedRefusal(this.engine, file) : null;
      if (refused) throw new Error(refused);
      const answers = { ...absentRowsAnswers(this.snapshot.choices), [file]: reading };
      await this.setChoice(ABSENT_ROWS_CHOICE, answers);
      await this.prepare(this.snapshot.state.manifest);
      this.publish({ version: this.snapshot.version + 1, protection: {} });
    });
  }

  /** Empties the engine and the loaded state, for another workspace. */
  private async clear(): Promise<void> {
    await clearAllTables(this.engine);
    this.protections.clear();
    this.publish({ ...nothingLoaded(), version: this.snapshot.version + 1 });
  }

  /**
   * Puts the own workspace away and shows the demo again. The own workspace stays stored on this device, to be
   * opened again; the next visit opens the demo.
   */
  showDemo(): Promise<void> {
    return this.serial(async () => {
      if (this.snapshot.workspace.kind === 'demo') return;
      await this.showDemoNow();
      await this.keeper.setOpen(false);
    });
  }

  private async showDemoNow(): Promise<void> {
    if (!this.demoSource) throw new Error('This dashboard was started without its demo.');
    const demo = await this.demoSource();
    await this.clear();
    if (Array.isArray(demo)) await this.loadNow(demo, undefined, { kind: 'demo' });
    else await this.restoreNow(demo);
  }

  /**
   * Opens the workspace stored on this device: the demo (or what else is shown) is put away and the stored files
   * are loaded again through the ordinary load, so every check runs again. Resolves to the outcomes, or null when
   * nothing could be read (the status says why); when none of the files loads, the demo is shown instead.
   */
  openStored(onProgress?: (p: LoadProgress) => void): Promise<FileOutcome[] | null> {
    if (this.snapshot.bundle) return Promise.resolve(null);
    return this.serial(async () => {
      const stored = await this.keeper.read();
      if (!stored) return null;
      await this.clear();
      // Restored first: the load may read them.
      this.publish({ choices: stored.settings.choices });
      const files = stored.files.map((f) => ({
        name: f.name,
        bytes: f.bytes,
        ...(f.options.boundaryMode ? { boundaryMode: f.options.boundaryMode } : {}),
      }));
      const outcomes = await this.loadNow(files, onProgress, { kind: 'own', files: files.map((f) => f.name) });
      if (!outcomes.some((o) => o.status === 'loaded') && this.demoSource) {
        await this.showDemoNow().catch(() => undefined);
        this.publish({ lastLoad: outcomes });
        return outcomes;
      }
      await this.keeper.setOpen(true);
      return outcomes;
    });
  }

  /**
   * Removes every trace of the stored workspace from this device (files, settings, the storage itself). When the
   * own workspace is shown, the demo takes its place.
   */
  forgetStored(): Promise<void> {
    return this.serial(async () => {
      await this.keeper.forget();
      if (this.snapshot.workspace.kind === 'own' && this.demoSource) await this.showDemoNow();
    });
  }

  /**
   * Removes what a store cut off on an earlier visit left on this device (see `storage.unfinished`). A workspace
   * stored whole before it is kept, and what is shown stays as it is.
   */
  forgetUnfinished(): Promise<void> {
    return this.serial(() => this.keeper.forgetUnfinished());
  }

  /**
   * Sets a choice about the own workspace as a whole (see `choices`), and keeps it on this device with the
   * workspace. A change that alters figures should be followed by loading again; that is the caller's to decide.
   */
  setChoice(name: string, value: unknown): Promise<void> {
    this.publish({ choices: { ...this.snapshot.choices, [name]: value } });
    return this.snapshot.workspace.kind === 'own' ? this.keeper.saveChoices({ [name]: value }) : Promise.resolve();
  }

  /** Saves under way, finished (so a test, or a person closing the page, knows what is stored). */
  storageSettled(): Promise<void> {
    return this.keeper.settled();
  }

  /**
   * Takes the embedded demo as the build loaded and protected it (see demo-snapshot.ts): its protected tables and
   * lookups replace the engine's, and the audiences it was protected for need no protecting again at this version.
   * It holds no extracts and no cube: what needs them loads the demo's files first (see rawDataNow).
   */
  restoreDemo(snapshot: DemoSnapshot): Promise<void> {
    return this.serial(() => this.restoreNow(snapshot));
  }

  private async restoreNow(snapshot: DemoSnapshot): Promise<void> {
    await restoreEngineTables(this.engine, snapshot.tables);
    const version = this.snapshot.version + 1;
    this.protections.clear();
    for (const [audience, summary] of Object.entries(snapshot.protection)) {
      this.protections.set(`${version}|${audience}`, Promise.resolve(summary));
    }
    this.publish({
      state: snapshot.state,
      version,
      lastLoad: snapshot.lastLoad,
      absentRows: declaredReadings(snapshot.state.manifest),
      absentRowsQuestions: [],
      workspace: { kind: 'demo' },
      protecting: null,
      protection: snapshot.protection,
      bundle: null,
      rawData: false,
    });
  }

  /**
   * Writes a bundle of this audience's protected cells (protecting them first if need be). The publisher's audit
   * reads the cube, so the demo restored from its snapshot is first loaded again from its files.
   */
  publishBundle(opts: PublishOptions): Promise<PublishedBundle> {
    return this.ensureRawData()
      .then(() => this.ensureProtected(opts.audience))
      .then(() =>
        this.serial(async () => {
          // Loaded when first used: the Parquet writer and the audit stay out of the page's first load.
          const { publishBundle } = await import('../bundle/publish-bundle');
          return publishBundle(this.engine, opts);
        }),
      );
  }

  /** Makes sure the engine holds the extracts and cube (see rawDataNow); nothing is protected again. */
  ensureRawData(): Promise<void> {
    return this.serial(() => this.rawDataNow());
  }

  /**
   * Makes sure the engine holds the extracts and cube. The demo restored from its snapshot loads its own files
   * into place beside its protected tables: the snapshot was built from those same files by this same code (the
   * build checks it), so the protected tables, the figures shown and the data version all stay as they are, and
   * a view on screen (the Publish panel waiting for its bundle) is not redrawn.
   */
  private async rawDataNow(): Promise<void> {
    if (this.snapshot.rawData) return;
    if (this.snapshot.bundle) throw new Error('A partner bundle holds protected figures only; it cannot be published again.');
    if (this.snapshot.workspace.kind !== 'demo' || !this.demoFiles) {
      throw new Error('The data behind these figures are not loaded here; load them again to do this.');
    }
    const { outcomes } = await loadFiles(this.engine, this.snapshot.state, await this.demoFiles());
    const failed = outcomes.find((o) => o.status !== 'loaded');
    if (failed) throw new Error(`The demo's file ${failed.file} could not be loaded again, so nothing was published.`);
    // The same cube as the build's: its manifest declares how absent rows are read, so no question is left open.
    await prepareDerivedTables(this.engine, this.snapshot.state.manifest, absentRowsAnswers(this.snapshot.choices));
    this.publish({ rawData: true });
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
          `The bundle's disclosure audit did not pass (${failed.model === 'publisher' ? 'when it was published' : 'on opening'}): some hidden figures could be narrowed down, so it was not opened.`,
        );
      }
      await installBundle(this.engine, bundle);
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
        audits: [...m.audit, publishedAudit(bundle.audit)],
      };
      const summary: PublishedProtection = {
        cells: m.cells,
        hidden: m.suppressed,
        audit: { pass: bundle.audit.pass, method: bundle.audit.method },
      };
      this.publish({
        state: { manifest: bundle.manifest, boundaries: {} },
        version: this.snapshot.version + 1,
        lastLoad: [],
        workspace: { kind: 'bundle' },
        protecting: null,
        protection: { [m.audience]: summary },
        bundle: info,
        rawData: false,
      });
      return info;
    });
  }

  /** Builds (once per data version) the table of everything this audience may see. */
  ensureProtected(audience: Audience): Promise<PublishedProtection> {
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
        // The demo's snapshot holds every audience's table already (see restoreNow); nothing else lacks the cube.
        if (!this.snapshot.rawData) throw new Error(`The ${audience} figures are not in the data restored here.`);
        const manifest = this.snapshot.state.manifest;
        const policy = manifest?.disclosure[audience] ?? DEFAULT_POLICIES[audience];
        // Open data already published keep their exact counts for every audience (a proportion's denominator too).
        const exact = publishedIndicatorIds(manifest).flatMap((id) => [id, id + DENOMINATOR_SUFFIX]);
        // With nothing but open data there is no rule to apply, so no "applying the rules" progress to show.
        const nothingToApply = openDataShare(manifest) === 'all';
        let lastShown = -1;
        const progress = (done: number, total: number): void => {
          if (nothingToApply) return;
          const step = Math.floor((20 * done) / Math.max(1, total));
          if (step !== lastShown) {
            lastShown = step;
            this.publish({ protecting: { audience, done, total } });
          }
        };
        const full = await protectCubeTable(this.engine, audience, policy, this.protect, progress, exact);
        const summary = publishedProtection(full);
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

/** The readings a manifest declares itself (the demo's, restored from its snapshot without rebuilding the cube). */
function declaredReadings(manifest: Manifest | null): AbsentRowsReading[] {
  const declared = new Map(manifest?.datasets.map((d) => [d.id, d.coverage.absentRows ?? null]) ?? []);
  return (manifest?.indicators ?? []).map((i) => {
    const reading = declared.get(i.dataset) ?? null;
    return { indicatorId: i.id, reading, source: reading === null ? null : 'manifest', files: [] };
  });
}
