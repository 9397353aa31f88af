import type { Engine } from '../../engine/engine-types';

export interface AreaOption {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

/** Areas for pickers, coarsest level first, then by name. */
export async function areaList(engine: Engine): Promise<AreaOption[]> {
  return engine.query<AreaOption & Record<string, string | null>>(`
    SELECT code, name, level, parent_code AS "parentCode" FROM areas
    ORDER BY CASE level WHEN 'vru' THEN 0 WHEN 'district' THEN 1 WHEN 'ward' THEN 2 WHEN 'msoa' THEN 3 ELSE 4 END, name`);
}

/** Months loaded, from `source` (see loaded-rows.ts). */
export async function loadedPeriods(engine: Engine, source = 'declared_coverage'): Promise<string[]> {
  const rows = await engine.query<{ period: string }>(`SELECT DISTINCT period FROM ${source} e ORDER BY period`);
  return rows.map((r) => r.period);
}
