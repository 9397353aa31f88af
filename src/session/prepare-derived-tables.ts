import type { AbsentRowsAnswers, AbsentRowsReading, Manifest } from '../contract';
import type { Engine } from '../engine/engine-types';
import { buildCube } from '../disclosure/build-cube';

/**
 * Rebuilds what views read after each load: the cube of every publishable cell on the complete grid of the
 * declared coverage, for the disclosure layer to protect. Returns how each indicator's absent rows are read (an
 * indicator with none yet is left out until the import's question is answered). The extracts need no re-sort:
 * each file's rows are committed in (indicator, area, period) order (src/import/load-files.ts), which is what lets
 * the engine skip blocks by their min/max.
 */
export async function prepareDerivedTables(
  engine: Engine,
  manifest: Manifest | null,
  answers: AbsentRowsAnswers = {},
): Promise<AbsentRowsReading[]> {
  return buildCube(engine, manifest, answers);
}
