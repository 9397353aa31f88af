import { createRequire } from 'node:module';
import { tableFromArrays, tableToIPC, type Table } from 'apache-arrow';
import type { Engine } from '../../../src/engine/engine-types';

/**
 * Under Vitest the source imports apache-arrow's ES module while DuckDB's Node bundle requires its CommonJS build:
 * two copies of the Table class, and the engine's insertArrowTable silently writes nothing for a table from the
 * other copy (the browser engine serialises to IPC itself and is not affected). Until src/engine/node-engine.ts
 * does the same, this passes tables across as IPC bytes. It probes first, so it steps aside once that is fixed.
 */
export async function withArrowInsert(engine: Engine): Promise<Engine> {
  await engine.insertArrow(tableFromArrays({ probe: Float64Array.from([1]) }), 'arrow_insert_probe', 'create');
  const [row] = await engine.query<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM information_schema.tables WHERE table_name = 'arrow_insert_probe'");
  if ((row?.n ?? 0) > 0) {
    await engine.exec('DROP TABLE arrow_insert_probe');
    return engine;
  }
  const cjs = createRequire(import.meta.url)('apache-arrow') as { tableFromIPC: (bytes: Uint8Array) => Table };
  const insert = engine.insertArrow.bind(engine);
  return { ...engine, insertArrow: (table, name, mode) => insert(cjs.tableFromIPC(tableToIPC(table, 'stream')), name, mode) };
}
