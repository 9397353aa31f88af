import type { Engine } from '../engine/engine-types';
import type { LoadedState } from '../import/load-files';

/**
 * Rebuilds what views read after each load. The extracts are kept ordered by (indicator, area, period)
 * so the engine can skip whole blocks by their min/max when a view filters on those columns.
 */
export async function prepareDerivedTables(engine: Engine, _state: LoadedState): Promise<void> {
  await engine.exec(`CREATE OR REPLACE TABLE extracts AS SELECT * FROM extracts ORDER BY indicator_id, area_code, period`);
}
