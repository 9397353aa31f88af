import type { Engine } from '../engine/engine-types';

/** Every area with each of its ancestors (itself included) and the ancestor's level. */
const AREA_ANCESTORS_SQL = `CREATE OR REPLACE TABLE area_ancestors AS
WITH RECURSIVE anc(code, ancestor, level, depth) AS (
  SELECT code, code, level, 0 FROM areas
  UNION ALL
  SELECT anc.code, a.parent_code, p.level, anc.depth + 1
  FROM anc JOIN areas a ON a.code = anc.ancestor JOIN areas p ON p.code = a.parent_code
  WHERE a.parent_code IS NOT NULL AND anc.depth < 8
)
SELECT DISTINCT code, ancestor, level FROM anc;`;

/** Builds `area_ancestors` from the areas lookup: every area with each of its ancestors and their levels. */
export async function buildAreaAncestors(engine: Engine): Promise<void> {
  await engine.exec(AREA_ANCESTORS_SQL);
}

const POPULATION_CUBE_SQL = `-- Population denominators rolled up the same way: districts and the VRU area from district rows with
-- every breakdown, smaller areas from their own all-ages rows.
CREATE OR REPLACE TABLE population_cube AS
WITH base AS (
  SELECT p.area_code, a.level, p.year, p.age_band, p.sex, p.population,
         bool_or(p.age_band <> 'all') OVER (PARTITION BY p.area_code, p.year) AS has_age,
         bool_or(p.sex <> 'all') OVER (PARTITION BY p.area_code, p.year) AS has_sex
  FROM population p JOIN areas a ON a.code = p.area_code
),
usable AS (
  SELECT * FROM base WHERE (age_band <> 'all' OR NOT has_age) AND (sex <> 'all' OR NOT has_sex)
),
coarse AS (
  SELECT an.ancestor AS area_code, an.level, u.year, coalesce(u.age_band, 'all') AS age_band, coalesce(u.sex, 'all') AS sex,
         sum(u.population) AS population
  FROM usable u JOIN area_ancestors an ON an.code = u.area_code
  WHERE u.level = 'district' AND an.level IN ('district', 'vru')
  GROUP BY GROUPING SETS ((an.ancestor, an.level, u.year, u.age_band, u.sex), (an.ancestor, an.level, u.year, u.age_band),
                          (an.ancestor, an.level, u.year, u.sex), (an.ancestor, an.level, u.year))
  HAVING (GROUPING(u.age_band) = 0 OR bool_or(u.has_age)) AND (GROUPING(u.sex) = 0 OR bool_or(u.has_sex))
),
fine AS (
  SELECT an.ancestor AS area_code, an.level, u.year, 'all' AS age_band, 'all' AS sex, sum(u.population) AS population
  FROM usable u JOIN area_ancestors an ON an.code = u.area_code
  WHERE u.level NOT IN ('district', 'vru') AND an.level NOT IN ('district', 'vru')
  GROUP BY 1, 2, 3
)
SELECT area_code, level, year, age_band, sex, CAST(population AS DOUBLE) AS population FROM coarse
UNION ALL SELECT area_code, level, year, age_band, sex, CAST(population AS DOUBLE) FROM fine;
`;

/**
 * Builds `population_cube`: the population denominators rolled up the area hierarchy (needs `area_ancestors`).
 */
export async function buildPopulationCube(engine: Engine): Promise<void> {
  await engine.exec(POPULATION_CUBE_SQL);
}
