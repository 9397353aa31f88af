import type { Engine } from '../../engine/engine-types';

export interface IndicatorLoadSummary {
  indicatorId: string;
  /** Area-months covered (see loaded-rows.ts); not rows of the extract, whose count would say how many were not 0. */
  areaMonths: number;
  areas: number;
  firstPeriod: string;
  lastPeriod: string;
  months: number;
  levels: string;
}

/**
 * What has been loaded, per indicator: rows, areas, periods. These describe the extract's shape, not
 * the people in it, so they are metadata rather than figures for the disclosure layer. `source`: see
 * loaded-rows.ts.
 */
export async function catalogueSummary(engine: Engine, source = 'declared_coverage'): Promise<IndicatorLoadSummary[]> {
  return engine.query<IndicatorLoadSummary & Record<string, string | number>>(`
    SELECT e.indicator_id AS "indicatorId", count(*)::INTEGER AS "areaMonths", count(DISTINCT e.area_code)::INTEGER AS areas,
           min(e.period) AS "firstPeriod", max(e.period) AS "lastPeriod", count(DISTINCT e.period)::INTEGER AS months,
           string_agg(DISTINCT a.level, ', ' ORDER BY a.level) AS levels
    FROM ${source} e LEFT JOIN areas a ON a.code = e.area_code
    GROUP BY 1 ORDER BY 1`);
}

export interface AreaCount {
  level: string;
  areas: number;
}

export async function areaCounts(engine: Engine): Promise<AreaCount[]> {
  return engine.query<AreaCount & Record<string, string | number>>(
    'SELECT level, count(*)::INTEGER AS areas FROM areas GROUP BY 1 ORDER BY 2',
  );
}
