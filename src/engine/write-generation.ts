import type { Engine, Row } from './engine-types';

const READ = /^\s*(WITH|SELECT|FROM)\b/i;

/** True for SQL that only reads: a cached answer to it stays right until the next write. */
export function isRead(sql: string): boolean {
  return READ.test(sql);
}

/** The engine with a count of the writes begun and ended on it, so a cache of its reads knows when to forget. */
export type CountedEngine = Engine & {
  /** Goes up when any write (exec, insert, file change, a non-read query) starts and again when it ends. */
  readonly writeGeneration: number;
};

/**
 * Counts writes, and caches nothing: the one cache is the figures coordinator's (src/hooks/coordinator), which keys
 * each read by its SQL and this count. Counting at the start and the end of a write means a read that ran while a
 * write was under way is filed under a count nobody asks for again, so it is never answered from memory afterwards.
 */
export function withWriteGeneration(engine: Engine): CountedEngine {
  let generation = 0;
  const write =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      generation++;
      return fn(...args).finally(() => generation++);
    };
  return {
    get writeGeneration() {
      return generation;
    },
    query<T extends Row = Row>(sql: string, signal?: AbortSignal) {
      return isRead(sql) ? engine.query<T>(sql, signal) : write(() => engine.query<T>(sql, signal))();
    },
    queryArrow: (sql) => engine.queryArrow(sql),
    queryIpc: (sql) => engine.queryIpc(sql),
    exec: write((sql: string) => engine.exec(sql)),
    insertArrow: write((table, name, mode) => engine.insertArrow(table, name, mode)),
    insertIpc: write((bytes, name, mode) => engine.insertIpc(bytes, name, mode)),
    registerFile: write((name, bytes) => engine.registerFile(name, bytes)),
    dropFile: write((name) => engine.dropFile(name)),
    close: write(() => engine.close()),
  };
}

/** The write count of an engine from withWriteGeneration; an engine that does not count is never cached. */
export function writeGenerationOf(engine: Engine): number | null {
  return 'writeGeneration' in engine && typeof engine.writeGeneration === 'number' ? engine.writeGeneration : null;
}
