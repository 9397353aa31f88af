import type { Engine } from '../engine/engine-types';
import { buildCube } from '../queries/build-cube';

/**
 * Rebuilds what views read after each load. The extracts are kept ordered by (indicator, area, period)
 * so the engine can skip whole blocks by their min/max when a query filters on those columns; the cube
 * of every publishable cell is rebuilt for the disclosure layer to protect.
 */
export async function prepareDerivedTables(engine: Engine): Promise<void> {
  await engine.exec('CREATE OR REPLACE TABLE extracts AS SELECT * FROM extracts ORDER BY indicator_id, area_code, period');
  await buildCube(engine);
}
