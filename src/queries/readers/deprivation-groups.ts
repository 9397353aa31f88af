import { committedTableExists } from '../../engine/committed-tables';
import type { Engine } from '../../engine/engine-types';
import { num, str } from '../../engine/sql-literals';
import { partOfFlag, protectGrouping } from '../../disclosure/grouping';
import type { PublicFlag, FigureFlag } from '../../disclosure/protected-tables';

/** National deciles of the deprivation file, or quintiles of the small areas loaded, ranked by the same file. */
export type DeprivationScheme = 'national' | 'local';

/** One deprivation group's figure for a year: the protected sum of its small areas' cells. */
export interface DeprivationGroupCell {
  /** 1 = most deprived. */
  group: number;
  areas: number;
  /** Null when any part is hidden (`c`) or missing (`x`). */
  count: number | null;
  flag: FigureFlag;
  /** Areas whose cell is hidden, and areas with no cell in the loaded data. */
  hiddenAreas: number;
  missingAreas: number;
  /** Residents of the group's areas; null when any area has no population for the year used. */
  population: number | null;
}

export interface DeprivationGroupCells {
  national: DeprivationGroupCell[];
  local: DeprivationGroupCell[];
  /** Small areas loaded, and those of them the deprivation lookup does not rank (left out of every group). */
  smallAreas: number;
  unranked: number;
}

export interface DeprivationGroupParams {
  indicatorId: string;
  /** Calendar year ('YYYY'): small areas are published by year only. */
  year: string;
  populationYear: number | null;
}

interface AreaRow extends Record<string, string | number | null> {
  code: string;
  decile: number | null;
  quintile: number | null;
  value: number | null;
  flag: PublicFlag | null;
  population: number | null;
}

/**
 * The one source of deprivation-group figures. Today each group is the sum of its LSOAs' protected yearly
 * cells (all ages, persons), through protectGrouping: a group with any hidden part is hidden, so it cannot be
 * differenced against a published total. (When the cube publishes decile cells protected with their relations,
 * this function reads those instead and nothing else changes.) Local quintiles split the loaded LSOAs that the
 * deprivation lookup ranks into five groups of (nearly) equal number, most deprived first.
 */
export async function deprivationGroupCells(
  engine: Engine,
  table: string,
  p: DeprivationGroupParams,
): Promise<DeprivationGroupCells> {
  // The lookup exists once a deprivation file has been loaded (committed-tables.ts); until then nothing is ranked.
  const deprivation = (await committedTableExists(engine, 'area_deprivation'))
    ? 'area_deprivation'
    : '(SELECT NULL::VARCHAR AS area_code, NULL::INTEGER AS imd_rank, NULL::INTEGER AS imd_decile WHERE false)';
  const rows = await engine.query<AreaRow>(`
    WITH lsoa AS (SELECT code FROM areas WHERE level = 'lsoa'),
    dep AS (
      SELECT d.area_code, d.imd_decile, ntile(5) OVER (ORDER BY d.imd_rank, d.area_code) AS quintile
      FROM ${deprivation} d JOIN lsoa ON lsoa.code = d.area_code
    ),
    cell AS (
      SELECT area_code, value::DOUBLE AS value, flag FROM ${table}
      WHERE indicator_id = ${str(p.indicatorId)} AND level = 'lsoa' AND period = ${str(p.year)} AND period_type = 'year'
        AND age_band = 'all' AND sex = 'all'
    ),
    pop AS (
      SELECT area_code, population::DOUBLE AS population FROM population_cube
      WHERE level = 'lsoa' AND year = ${p.populationYear === null ? 'NULL' : num(p.populationYear)} AND age_band = 'all' AND sex = 'all'
    )
    SELECT lsoa.code, dep.imd_decile::INTEGER AS decile, dep.quintile::INTEGER AS quintile, cell.value, cell.flag, pop.population
    FROM lsoa LEFT JOIN dep ON dep.area_code = lsoa.code LEFT JOIN cell ON cell.area_code = lsoa.code
    LEFT JOIN pop ON pop.area_code = lsoa.code`);
  const ranked = rows.filter((r) => r.decile !== null && r.quintile !== null);
  return {
    national: groupCells(ranked, (r) => r.decile!, 10),
    local: groupCells(ranked, (r) => r.quintile!, 5),
    smallAreas: rows.length,
    unranked: rows.length - ranked.length,
  };
}

function groupCells(rows: readonly AreaRow[], groupOf: (r: AreaRow) => number, groups: number): DeprivationGroupCell[] {
  return Array.from({ length: groups }, (_, i) => {
    const members = rows.filter((r) => groupOf(r) === i + 1);
    const present = members.filter((r) => r.flag !== null);
    const grouped = protectGrouping(present.map((r) => partOfFlag(r.value, r.flag ?? 'c')));
    const missingAreas = members.length - present.length;
    const flag: FigureFlag =
      members.length === 0
        ? 'x'
        : grouped.status === 'secondary'
          ? 'c'
          : missingAreas > 0
            ? 'x'
            : grouped.status === 'rounded'
              ? 'rounded'
              : 'shown';
    const popKnown = members.length > 0 && members.every((r) => r.population !== null);
    return {
      group: i + 1,
      areas: members.length,
      count: flag === 'shown' || flag === 'rounded' ? grouped.value : null,
      flag,
      hiddenAreas: grouped.suppressedParts,
      missingAreas,
      population: popKnown ? members.reduce((s, r) => s + (r.population ?? 0), 0) : null,
    };
  });
}
