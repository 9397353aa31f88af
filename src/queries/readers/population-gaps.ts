import type { Engine } from '../../engine/engine-types';
import { str, strList } from '../../engine/sql-literals';

/** A parent area without a population because some of its parts have none (population_parts, missing > 0). */
export interface PopulationGap {
  areaCode: string;
  year: number;
  ageBand: string;
  sex: string;
  /** Parts in the areas lookup, and how many of them have no population figure. */
  parts: number;
  missing: number;
  partLevel: string;
}

/** The gaps recorded for these areas (and, when given, this sex). */
export async function readPopulationGaps(
  engine: Engine,
  filter: { areaCodes?: readonly string[]; levels?: readonly string[]; sex?: string },
): Promise<PopulationGap[]> {
  const where = [
    filter.areaCodes ? `area_code IN ${strList(filter.areaCodes.length > 0 ? filter.areaCodes : [''])}` : null,
    filter.levels ? `level IN ${strList(filter.levels.length > 0 ? filter.levels : [''])}` : null,
    filter.sex ? `sex = ${str(filter.sex)}` : null,
  ].filter((w): w is string => w !== null);
  return engine.query<PopulationGap & Record<string, string | number>>(`
    SELECT area_code AS "areaCode", CAST(year AS INTEGER) AS year, age_band AS "ageBand", sex,
           CAST(parts AS INTEGER) AS parts, CAST(missing AS INTEGER) AS missing, part_level AS "partLevel"
    FROM population_parts WHERE missing > 0 ${where.length > 0 ? `AND ${where.join(' AND ')}` : ''}
    ORDER BY area_code, year, age_band, sex`);
}
