import { untilAborted } from './abort';
import type { Engine, Row } from './engine-types';

/** One read, shared by everyone who asked for it while it was in flight, and kept for those who ask again. */
interface Entry {
  result: Promise<Row[]>;
  /** Askers still waiting who could still withdraw (those without a signal never do). */
  waiting: number;
  settled: boolean;
  /** Cancels the read and takes it out of the cache, so a later asker starts a fresh one. */
  abandon: () => void;
}

/**
 * Adds one asker to a shared read. The read itself is cancelled (dropped from the engine's queue if it has not
 * started) only when every asker has withdrawn: one view giving up must not cost another its answer.
 */
function join(entry: Entry, signal?: AbortSignal): Promise<Row[]> {
  if (entry.settled) return entry.result;
  if (!signal) {
    entry.waiting = Number.POSITIVE_INFINITY;
    return entry.result;
  }
  entry.waiting++;
  const withdraw = () => {
    if (--entry.waiting === 0 && !entry.settled) entry.abandon();
  };
  if (signal.aborted) withdraw();
  else signal.addEventListener('abort', withdraw, { once: true });
  return untilAborted(entry.result, signal);
}

/** Distinct read results kept; a view's change asks for a few dozen, so this holds several views' worth. */
const MAX_ENTRIES = 400;

const READ = /^\s*(WITH|SELECT|FROM)\b/i;

/**
 * The engine with a result cache keyed by the SQL text, in the spirit of Mosaic's coordinator: identical reads
 * asked while one is in flight share it, and a read asked again is answered without a round trip to the engine's
 * worker (7-13 ms each in the browser, most of an interaction's time). Any write (exec, insert, file change)
 * empties the cache, so a result is never older than the tables it came from. Only `query` is cached: Arrow and
 * IPC results are bulk transfers read once. A read nobody waits for any more is cancelled before it runs.
 */
export function withQueryCache(engine: Engine): Engine & { readonly cacheStats: { hits: number; misses: number } } {
  const cache = new Map<string, Entry>();
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
    query<T extends Row = Row>(sql: string, signal?: AbortSignal): Promise<T[]> {
      if (!READ.test(sql)) {
        clear();
        return engine.query<T>(sql, signal).finally(clear);
      }
      const hit = cache.get(sql);
      if (hit) {
        stats.hits++;
        // Least recently used goes first: move this one to the end.
        cache.delete(sql);
        cache.set(sql, hit);
        return join(hit, signal) as Promise<T[]>;
      }
      stats.misses++;
      const asked = generation;
      const controller = new AbortController();
      const entry: Entry = {
        result: engine.query(sql, controller.signal),
        waiting: 0,
        settled: false,
        abandon: () => {
          if (cache.get(sql) === entry) cache.delete(sql);
          controller.abort();
        },
      };
      cache.set(sql, entry);
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
      // A failed (or cancelled) read is not kept; nor is one that a write overtook while it ran.
      const forget = () => {
        entry.settled = true;
        if (cache.get(sql) === entry) cache.delete(sql);
      };
      entry.result.then(() => {
        entry.settled = true;
        if (generation !== asked) forget();
      }, forget);
      return join(entry, signal) as Promise<T[]>;
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
