// What the Trends view reads, as types: protected cells for one breakdown of an area, and the public lookups
// (areas, population_cube) beside them; readers/trend-slice.ts reads them (every figure from the protected table
// passed in), and test/fixtures/sql-trend-source.ts asks the same questions one statement each.
import type { AgeBand, Sex } from '../../contract';
import type { PublicFlag } from '../../disclosure/protected-tables';
import type { Engine } from '../../engine/engine-types';
import { ident, str, strList } from '../../engine/sql-literals';

export interface TrendArea {
  code: string;
  name: string;
  level: string;
}

/** Which slice of the protected table a trend reads. */
export interface TrendSlice {
  /** Null means the whole VRU area (level 'vru'). */
  areaCode: string | null;
  age: AgeBand;
  sex: Sex;
  /** Last month shown (YYYY-MM); null means the latest loaded. */
  lastPeriod: string | null;
}

/** One protected cell as a trend reads it. */
export interface ProtectedFigure {
  value: number | null;
  flag: PublicFlag;
}

/**
 * A protected table's cell row as a figure: a hidden one (`c`) carries no value, whatever the row holds. (Rows
 * of a combined read that are not cells have no flag; they are never passed here.)
 */
export function figureOfRow(row: { value: number | null; flag: string | null }): ProtectedFigure {
  return { value: row.flag === 'c' ? null : row.value, flag: row.flag as PublicFlag };
}

/** The cells of several indicators for one area and breakdown, keyed for lookup. */
export interface TrendCells {
  /** indicator id -> month 'YYYY-MM' -> cell (the denominators of proportions under `<id>::denominator`). */
  months: Map<string, Map<string, ProtectedFigure>>;
  /** indicator id -> year 'YYYY' -> cell. */
  years: Map<string, Map<string, ProtectedFigure>>;
}

export interface PopulationRow {
  year: number;
  ageBand: string;
  population: number;
}

/**
 * Population for each year for an indicator and age choice: the chosen band, or for "all ages" the sum
 * over the bands the indicator is recorded in (all residents when it has no bands).
 */
export function populationForIndicator(
  rows: readonly PopulationRow[],
  age: AgeBand,
  indicatorBands: readonly string[],
): Map<number, number> {
  const wanted = age !== 'all' ? [age] : indicatorBands.length > 0 ? indicatorBands : ['all'];
  const out = new Map<number, number>();
  const found = new Map<number, number>();
  for (const r of rows) {
    if (!wanted.includes(r.ageBand)) continue;
    out.set(r.year, (out.get(r.year) ?? 0) + r.population);
    found.set(r.year, (found.get(r.year) ?? 0) + 1);
  }
  // A year missing one of the bands would understate the population: leave it out instead.
  for (const [year, n] of found) if (n < wanted.length) out.delete(year);
  return out;
}

/**
 * Months in which fewer of the area's child areas reported the indicator than usually do: the area's
 * total for that month is incomplete (a partner sent no data for part of the area).
 */
export async function partialMonths(
  engine: Engine,
  table: string,
  indicatorIds: readonly string[],
  areaCode: string,
): Promise<Map<string, Map<string, number>>> {
  const rows = await engine.query<{ indicator_id: string; period: string; n: number; expected: number }>(`
    WITH reporting AS (
      SELECT t.indicator_id, t.period, count(DISTINCT t.area_code)::INTEGER AS n
      FROM ${ident(table)} t JOIN areas a ON a.code = t.area_code
      WHERE a.parent_code = ${str(areaCode)} AND t.indicator_id IN ${strList(indicatorIds)}
        AND t.period_type = 'month' AND t.age_band = 'all' AND t.sex = 'all'
      GROUP BY t.indicator_id, t.period
    )
    SELECT indicator_id, period, n, (max(n) OVER (PARTITION BY indicator_id))::INTEGER AS expected
    FROM reporting ORDER BY indicator_id, period`);
  const out = new Map<string, Map<string, number>>(indicatorIds.map((id) => [id, new Map()]));
  for (const r of rows) if (r.n < r.expected) out.get(r.indicator_id)?.set(r.period, r.expected - r.n);
  return out;
}

/** A district and its protected monthly cells, for the hotspot tests. */
export interface DistrictMonths {
  code: string;
  name: string;
  months: Map<string, ProtectedFigure>;
}
