// What the Trends view reads, as types: protected cells for one breakdown of an area, and the public lookups
// (areas, population_cube) beside them; readers/trend-slice.ts reads them (every figure from the protected table
// passed in), and test/fixtures/sql-trend-source.ts asks the same questions one statement each.
import type { AgeBand, Sex } from '../../contract';
import type { PublicFlag } from '../../disclosure/protected-tables';

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

/** A district and its protected monthly cells, for the hotspot tests. */
export interface DistrictMonths {
  code: string;
  name: string;
  months: Map<string, ProtectedFigure>;
}
