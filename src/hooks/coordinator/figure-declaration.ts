import type { DisclosurePolicy, Manifest } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import type { PublishedProtection } from '../../disclosure/published-protection';
import type { Audience } from '../../contract';
import type { FigureScope } from './figure-key';
import type { ReportingSource } from '../../queries/readers/parts-reporting';

/** Reads shared within a figure's scope, under keys derived from a name and inputs (the trend slices, a boundary). */
export interface ScopedReads {
  read<T>(name: string, inputs: unknown, run: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Whether the read is kept or already under way (so a batch need not read it again). */
  known(name: string, inputs: unknown): boolean;
  /** Keeps an answer read in a batch for another asker. */
  keep(name: string, inputs: unknown, value: unknown): void;
}

/** What a declared figure is worked out with: everything it may depend on besides its inputs is here. */
export interface FigureContext {
  /** The engine, its reads shared and kept in the one cache, carrying this request's cancellation. */
  engine: Engine;
  /** The audience's protected table: the only table a figure reads numbers from. */
  table: string;
  /**
   * Where which parts of an area reported each month is read (queries/readers/parts-reporting.ts): the declared
   * coverage when the extracts are loaded, else the protected monthly cells. Not in the figures' keys: it changes
   * within a data version only for the demo (its files loaded behind its snapshot to publish), whose gaps are
   * districts' and so read the same from both.
   */
  reporting: ReportingSource;
  scope: FigureScope;
  /** The manifest loaded at this data version. */
  manifest: Manifest | null;
  /** The audience's disclosure policy (the manifest's, else the contract's default). */
  policy: DisclosurePolicy;
  /** Another declared figure this one is built from: shared and cached like any other. */
  figure<I, T>(declaration: FigureDeclaration<I, T>, inputs: I): Promise<T>;
  shared: ScopedReads;
  /** Applies an audience's disclosure rules (once per data version), for what says how protection went. */
  ensureProtected(audience: Audience): Promise<PublishedProtection>;
}

/**
 * A figure a view can ask for, declared once as Mosaic declares a client's query: its name and how it is worked out
 * from its inputs. Declared at module level, `read` can depend on nothing but the context and its inputs, so the
 * key the coordinator derives from the name, the scope and the inputs is complete by construction. Inputs are plain
 * data (strings, numbers, arrays, plain objects): they are hashed as JSON into the key, where a Map would vanish.
 */
export interface FigureDeclaration<I, T> {
  name: string;
  /**
   * `protected`: figures a user can see or take away, read from the audience's protected table once it is built;
   * exports wait while they are worked out. `loaded`: what describes the loaded data, or shapes; nothing awaited.
   */
  reads: 'protected' | 'loaded';
  read(ctx: FigureContext, inputs: I): Promise<T>;
}

/** Declares a protected figure: the usual kind. */
export function declareFigure<I, T>(name: string, read: (ctx: FigureContext, inputs: I) => Promise<T>): FigureDeclaration<I, T> {
  return { name, reads: 'protected', read };
}

/** Declares a description of what is loaded (areas, months, coverage) or shapes: not figures held for exports. */
export function declareLoadedDescription<I, T>(
  name: string,
  read: (ctx: FigureContext, inputs: I) => Promise<T>,
): FigureDeclaration<I, T> {
  return { name, reads: 'loaded', read };
}
