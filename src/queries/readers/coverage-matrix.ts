import type { Engine } from '../../engine/engine-types';
import { monthsBetween } from '../../contract/months';

export interface CoverageCell {
  indicatorId: string;
  period: string;
  /** Areas the indicator is reported for in the month, as declared (see loaded-rows.ts), not areas with rows. */
  areasReporting: number;
}

export interface CoverageMatrix {
  periods: string[];
  cells: CoverageCell[];
  /** Areas reporting the indicator in any month: a month with fewer is a partial gap. */
  expectedAreas: Record<string, number>;
}

/** Indicator x month: which months have data and from how many areas, so gaps are visible. `source`: see loaded-rows.ts. */
export async function coverageMatrix(engine: Engine, source = 'declared_coverage'): Promise<CoverageMatrix> {
  const [range] = await engine.query<{ first: string | null; last: string | null }>(
    `SELECT min(period) AS first, max(period) AS last FROM ${source} e`,
  );
  if (!range?.first || !range.last) return { periods: [], cells: [], expectedAreas: {} };
  const cells = await engine.query<CoverageCell & Record<string, string | number>>(`
    SELECT indicator_id AS "indicatorId", period, count(DISTINCT area_code)::INTEGER AS "areasReporting"
    FROM ${source} e GROUP BY 1, 2 ORDER BY 1, 2`);
  const expected = await engine.query<{ indicatorId: string; areas: number }>(`
    SELECT indicator_id AS "indicatorId", count(DISTINCT area_code)::INTEGER AS areas FROM ${source} e GROUP BY 1`);
  return {
    periods: monthsBetween(range.first, range.last),
    cells,
    expectedAreas: Object.fromEntries(expected.map((e) => [e.indicatorId, e.areas])),
  };
}
