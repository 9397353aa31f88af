import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { DEFAULT_POLICIES } from '../../contract';
import { throwIfSuperseded, withSignal } from '../../engine/abort';
import type { Engine } from '../../engine/engine-types';
import { protectedTable } from '../../disclosure/protected-tables';
import type { DashboardSession } from '../../session/dashboard-session';
import { coordinatedEngine } from './coordinated-engine';
import type { FigureContext, FigureDeclaration, ScopedReads } from './figure-declaration';
import { figureKey, type FigureScope } from './figure-key';
import { SharedReads } from './shared-reads';
import { reportingSourceOf } from '../../queries/readers/parts-reporting';
import { markFigureReady } from '../../ui/performance-marks';

/** What the coordinator needs of the session: its engine, its protection and its loaded state. */
export type FigureSource = Pick<DashboardSession, 'engine' | 'ensureProtected' | 'getSnapshot'>;

const whenIdle = (task: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
};

/**
 * The one coordinator of figures, after Mosaic's: views declare the figures they need, and it derives their keys,
 * shares and caches their reads in one cache (the query client's), cancels a read when nobody waits for it any more,
 * and prefetches in idle time. See docs/figures-coordinator.md.
 */
export class FiguresCoordinator {
  private readonly reads: SharedReads;
  private readonly engine: Engine;

  constructor(
    readonly client: QueryClient,
    private readonly source: FigureSource,
  ) {
    this.reads = new SharedReads(client);
    this.engine = coordinatedEngine(source.engine, this.reads);
  }

  key<I>(declaration: FigureDeclaration<I, unknown>, scope: FigureScope, inputs: I): QueryKey {
    return figureKey(declaration.name, scope, inputs);
  }

  /** The figure's answer: from the cache, or joining the read under way, or worked out now. */
  answer<I, T>(declaration: FigureDeclaration<I, T>, scope: FigureScope, inputs: I, signal?: AbortSignal): Promise<T> {
    return this.reads.read(
      this.key(declaration, scope, inputs),
      (own) => this.work(declaration, scope, inputs, own),
      signal,
      () => this.source.getSnapshot().version === scope.version,
    );
  }

  /**
   * Works the figure out in idle time and keeps it, for a view the person is likely to open next. Returns a
   * cancel that withdraws the prefetch (a view that asked for the same figure meanwhile keeps its read).
   */
  prefetch<I, T>(declaration: FigureDeclaration<I, T>, scope: FigureScope, inputs: I): () => void {
    if (this.client.getQueryData(this.key(declaration, scope, inputs)) !== undefined) return () => undefined;
    const controller = new AbortController();
    const cancelIdle = whenIdle(() => {
      this.answer(declaration, scope, inputs, controller.signal).catch(() => undefined);
    });
    return () => {
      cancelIdle();
      controller.abort();
    };
  }

  private async work<I, T>(declaration: FigureDeclaration<I, T>, scope: FigureScope, inputs: I, signal: AbortSignal) {
    if (declaration.reads === 'protected') await this.source.ensureProtected(scope.audience);
    throwIfSuperseded(signal);
    const figure = await declaration.read(this.context(scope, signal), inputs);
    markFigureReady();
    return figure;
  }

  private context(scope: FigureScope, signal: AbortSignal): FigureContext {
    const { state, rawData, absentRows } = this.source.getSnapshot();
    const manifest = state.manifest;
    const scoped = (name: string, inputs: unknown) => figureKey(name, scope, inputs);
    const shared: ScopedReads = {
      read: (name, inputs, run) =>
        this.reads.read(scoped(name, inputs), run, signal, () => this.source.getSnapshot().version === scope.version),
      known: (name, inputs) => this.reads.known(scoped(name, inputs)),
      keep: (name, inputs, value) => this.client.setQueryData(scoped(name, inputs), value),
    };
    return {
      engine: withSignal(this.engine, signal),
      table: protectedTable(scope.audience),
      reporting: reportingSourceOf(rawData, protectedTable(scope.audience), absentRows),
      scope,
      manifest,
      policy: manifest?.disclosure[scope.audience] ?? DEFAULT_POLICIES[scope.audience],
      figure: (declaration, inputs) => this.answer(declaration, scope, inputs, signal),
      shared,
      ensureProtected: (audience) => this.source.ensureProtected(audience),
    };
  }
}

const coordinators = new WeakMap<QueryClient, WeakMap<FigureSource, FiguresCoordinator>>();

/** The coordinator of this query client and session: one per pair, so every view shares its reads. */
export function coordinatorFor(client: QueryClient, source: FigureSource): FiguresCoordinator {
  let bySource = coordinators.get(client);
  if (!bySource) coordinators.set(client, (bySource = new WeakMap()));
  let coordinator = bySource.get(source);
  if (!coordinator) bySource.set(source, (coordinator = new FiguresCoordinator(client, source)));
  return coordinator;
}
