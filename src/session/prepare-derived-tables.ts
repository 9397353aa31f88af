import type { Engine } from '../engine/engine-types';
import { buildCube } from '../queries/build-cube';

/**
 * Rebuilds what views read after each load: the cube of every publishable cell, for the disclosure layer to
 * protect. The extracts need no re-sort: each file's rows are committed in (indicator, area, period) order
 * (src/import/load-files.ts), which is what lets the engine skip blocks by their min/max.
 */
export async function prepareDerivedTables(engine: Engine): Promise<void> {
  await buildCube(engine);
}
