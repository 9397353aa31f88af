import type { Engine, Row } from '../../engine/engine-types';
import { isRead, writeGenerationOf } from '../../engine/write-generation';
import { sqlReadKey } from './figure-key';
import type { SharedReads } from './shared-reads';

/**
 * The engine as the figures see it: each read is a shared read in the one cache, keyed by its SQL and the engine's
 * write count (as Mosaic's coordinator keys its cache by the query text). Query modules ask for the same metadata
 * and cells from several figures at once; identical reads asked while one is in flight share it, and a read asked
 * again is answered without a round trip to the engine's worker (7-13 ms each in the browser). Arrow and IPC
 * results are bulk transfers read once, so they are not kept. Answers from before the last write are dropped.
 */
export function coordinatedEngine(engine: Engine, reads: SharedReads): Engine {
  let lastGeneration: number | null = null;
  const forgetOlderReads = (generation: number) => {
    if (generation === lastGeneration) return;
    lastGeneration = generation;
    reads.client.removeQueries({ queryKey: ['sql'], predicate: (q) => q.queryKey[1] !== generation });
  };
  return {
    query<T extends Row = Row>(sql: string, signal?: AbortSignal): Promise<T[]> {
      const generation = writeGenerationOf(engine);
      if (generation === null || !isRead(sql)) return engine.query<T>(sql, signal);
      forgetOlderReads(generation);
      return reads.read(
        sqlReadKey(generation, sql),
        (own) => engine.query<T>(sql, own),
        signal,
        () => writeGenerationOf(engine) === generation,
      );
    },
    queryArrow: (sql) => engine.queryArrow(sql),
    queryIpc: (sql) => engine.queryIpc(sql),
    exec: (sql) => engine.exec(sql),
    insertArrow: (table, name, mode) => engine.insertArrow(table, name, mode),
    insertIpc: (bytes, name, mode) => engine.insertIpc(bytes, name, mode),
    registerFile: (name, bytes) => engine.registerFile(name, bytes),
    dropFile: (name) => engine.dropFile(name),
    close: () => engine.close(),
  };
}
