// Reading for the Cohorts view: the protected cells of some indicators (with their `::denominator` companions) and
// the population beside them. figures/cohort-figures.ts groups them into a cohort's figures.
import { type AgeBand, type Sex } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import { ident, str, strList } from '../../engine/sql-literals';
import { DENOMINATOR_SUFFIX, type PublicFlag } from '../../disclosure/protected-tables';
import { readPopulationGaps } from './population-gaps';
import { PopulationIndex } from '../figures/cohort-figures';

/** The people a cohort is about. `area` null means the whole VRU area. */
export interface CohortDefinition {
  ages: readonly AgeBand[];
  sex: Sex;
  area: string | null;
}

/** One cell of a protected table as this module reads it. */
export interface CohortCell {
  indicatorId: string;
  areaCode: string;
  level: string;
  period: string;
  ageBand: string;
  sex: string;
  value: number | null;
  flag: PublicFlag;
}

export interface PopulationCell {
  areaCode: string;
  year: string;
  ageBand: string;
  sex: string;
  population: number;
}

/** Indicators' protected cells plus their `::denominator` companions, filtered on the columns given. */
export async function readCohortCells(
  engine: Engine,
  table: string,
  filter: {
    indicatorIds: readonly string[];
    periodType: 'month' | 'quarter' | 'year';
    periods?: readonly string[];
    areaCodes?: readonly string[];
    levels?: readonly string[];
    ageBands?: readonly string[];
    sexes?: readonly string[];
  },
): Promise<CohortCell[]> {
  const ids = filter.indicatorIds.flatMap((id) => [id, `${id}${DENOMINATOR_SUFFIX}`]);
  const where = [
    `indicator_id IN ${strList(ids)}`,
    `period_type = ${str(filter.periodType)}`,
    filter.periods ? `period IN ${strList(filter.periods)}` : null,
    filter.areaCodes ? `area_code IN ${strList(filter.areaCodes)}` : null,
    filter.levels ? `level IN ${strList(filter.levels)}` : null,
    filter.ageBands ? `age_band IN ${strList(filter.ageBands)}` : null,
    filter.sexes ? `sex IN ${strList(filter.sexes)}` : null,
  ].filter((w): w is string => w !== null);
  return engine.query<CohortCell & Record<string, string | number | null>>(`
    SELECT indicator_id AS "indicatorId", area_code AS "areaCode", level, period, age_band AS "ageBand", sex,
           CAST(value AS DOUBLE) AS value, flag
    FROM ${ident(table)} WHERE ${where.join(' AND ')}`);
}

/**
 * Resident populations (public, so read as they are) for the areas and sexes given, every year loaded: a figure
 * of a year with no population uses the nearest year's (PopulationIndex.near). `years` is kept for callers' sake.
 */
export async function readPopulation(
  engine: Engine,
  filter: { years: readonly string[]; areaCodes?: readonly string[]; levels?: readonly string[]; sexes?: readonly string[] },
): Promise<PopulationCell[]> {
  const where = [
    'true',
    filter.areaCodes ? `area_code IN ${strList(filter.areaCodes)}` : null,
    filter.levels ? `level IN ${strList(filter.levels)}` : null,
    filter.sexes ? `sex IN ${strList(filter.sexes)}` : null,
  ].filter((w): w is string => w !== null);
  return engine.query<PopulationCell & Record<string, string | number>>(`
    SELECT area_code AS "areaCode", CAST(year AS VARCHAR) AS year, age_band AS "ageBand", sex,
           CAST(population AS DOUBLE) AS population
    FROM population_cube WHERE ${where.join(' AND ')}`);
}

/** The population of the areas (every year loaded) with the reasons some have none, ready to look up. */
export async function readPopulationIndex(
  engine: Engine,
  filter: { years: readonly string[]; areaCodes?: readonly string[]; levels?: readonly string[]; sexes?: readonly string[] },
): Promise<PopulationIndex> {
  const [rows, gaps] = await Promise.all([
    readPopulation(engine, filter),
    readPopulationGaps(engine, { areaCodes: filter.areaCodes, levels: filter.levels }),
  ]);
  return new PopulationIndex(rows, gaps);
}
