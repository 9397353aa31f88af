import type { Engine, Row } from './engine-types';

/** Distinct read results kept; a view's change asks for a few dozen, so this holds several views' worth. */
const MAX_ENTRIES = 400;

const READ = /^\s*(WITH|SELECT|FROM)\b/i;

/**
 * The engine with a result cache keyed by the SQL text, in the spirit of Mosaic's coordinator: identical reads
 * asked while one is in flight share it, and a read asked again is answered without a round trip to the engine's
 * worker (7-13 ms each in the browser, most of an interaction's time). Any write (exec, insert, file change)
 * empties the cache, so a result is never older than the tables it came from. Only `query` is cached: Arrow and
 * IPC results are bulk transfers read once.
 */
export function withQueryCache(engine: Engine): Engine & { readonly cacheStats: { hits: number; misses: number } } {
  const cache = new Map<string, Promise<Row[]>>();
  const stats = { hits: 0, misses: 0 };
  let generation = 0;
  const clear = () => {
    generation++;
    cache.clear();
  };
  const write =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      clear();
      return fn(...args).finally(clear);
    };
  return {
    cacheStats: stats,
    query<T extends Row = Row>(sql: string): Promise<T[]> {
      if (!READ.test(sql)) {
        clear();
        return engine.query<T>(sql).finally(clear);
      }
      const hit = cache.get(sql);
      if (hit) {
        stats.hits++;
        // Least recently used goes first: move this one to the end.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit as Promise<T[]>;
      }
      stats.misses++;
      const asked = generation;
      const result = engine.query<T>(sql);
      cache.set(sql, result);
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
      // A failed read is not kept; nor is one that a write overtook while it ran.
      const forget = () => {
        if (cache.get(sql) === result) cache.delete(sql);
      };
      result.then(() => {
        if (generation !== asked) forget();
      }, forget);
      return result;
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
