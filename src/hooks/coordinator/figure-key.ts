import type { Query, QueryKey } from '@tanstack/react-query';
import type { Audience } from '../../contract';

/** What every answer depends on besides its own inputs: the data loaded (its version) and whose rules apply. */
export interface FigureScope {
  version: number;
  audience: Audience;
}

/**
 * The one cache key of a declared figure, derived and never written by hand: the figure's name, the scope and its
 * inputs. The scope is always in it, so a reload or an audience switch can never be answered from another's cache.
 */
export function figureKey(figure: string, scope: FigureScope, inputs: unknown): QueryKey {
  return ['figure', figure, scope.version, scope.audience, inputs];
}

/** The key of one SQL read: its text and the engine's write count (see engine/write-generation.ts). */
export function sqlReadKey(writeGeneration: number, sql: string): QueryKey {
  return ['sql', writeGeneration, sql];
}

const scopeOf = (key: QueryKey): [unknown, unknown] => [key[2], key[3]];

/**
 * The rule for keeping an old answer on screen while the new one is worked out: only when it was made for the same
 * data version and audience (a new filter). After an audience or data change the view shows a placeholder instead,
 * so no figure is ever shown under the label of an audience whose rules did not make it.
 */
export function keepOnlyInScope(scope: FigureScope) {
  return <T>(previous: T | undefined, previousQuery: Query<T, Error, T, QueryKey> | undefined): T | undefined => {
    if (!previousQuery) return undefined;
    const [version, audience] = scopeOf(previousQuery.queryKey);
    return version === scope.version && audience === scope.audience ? previous : undefined;
  };
}
