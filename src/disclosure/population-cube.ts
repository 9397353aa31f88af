// Population denominators for every area and level, from population given at any level (LSOA, MSOA, ward or
// district, with or without age bands and sex, several years). Two public lookup tables:
//   population_cube (area_code, level, year, age_band, sex, population): a figure for each area that has one;
//   population_parts (area_code, level, year, age_band, sex, parts, missing, part_level): for each parent area,
//     year and breakdown that any of its parts has a figure for, how many parts it has and how many have none
//     (missing > 0: the parent has no figure, and a view says why a rate is `x`).
import { AGE_BANDS, SEXES } from '../contract';
import type { Engine } from '../engine/engine-types';
import { num } from '../engine/sql-literals';

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

const BANDS = AGE_BANDS.length;
const SEX_COUNT = SEXES.length;

/**
 * An area's own figures, with the totals its rows imply: a band for both sexes from its two sexes, all ages
 * from every band, persons from both sexes. A total given in the file is used as given (priority 0); a total
 * added up from the area's own rows comes next. Totals that would need a band or sex that is missing are left
 * out rather than understated.
 */
const OWN_POPULATION_SQL = `CREATE OR REPLACE TEMP TABLE population_own AS
WITH given AS (
  SELECT area_code, CAST(year AS INTEGER) AS year, age_band, sex, sum(population)::DOUBLE AS population
  FROM population GROUP BY ALL
),
candidates AS (
  SELECT *, 0 AS priority FROM given
  UNION ALL
  SELECT area_code, year, age_band, 'all', sum(population), 1 FROM given
  WHERE age_band <> 'all' AND sex <> 'all' GROUP BY area_code, year, age_band HAVING count(*) = ${num(SEX_COUNT)}
  UNION ALL
  SELECT area_code, year, 'all', sex, sum(population), 1 FROM given
  WHERE age_band <> 'all' AND sex <> 'all' GROUP BY area_code, year, sex HAVING count(*) = ${num(BANDS)}
  UNION ALL
  SELECT area_code, year, 'all', 'all', sum(population), 1 FROM given
  WHERE age_band <> 'all' AND sex = 'all' GROUP BY area_code, year HAVING count(*) = ${num(BANDS)}
  UNION ALL
  SELECT area_code, year, 'all', 'all', sum(population), 1 FROM given
  WHERE age_band = 'all' AND sex <> 'all' GROUP BY area_code, year HAVING count(*) = ${num(SEX_COUNT)}
  UNION ALL
  SELECT area_code, year, 'all', 'all', sum(population), 2 FROM given
  WHERE age_band <> 'all' AND sex <> 'all' GROUP BY area_code, year HAVING count(*) = ${num(BANDS * SEX_COUNT)}
)
SELECT area_code, year, age_band, sex, arg_min(population, priority) AS population
FROM candidates GROUP BY area_code, year, age_band, sex;

CREATE OR REPLACE TEMP TABLE population_depth AS
SELECT a.code, a.level, a.parent_code, count(*)::INTEGER - 1 AS depth,
       (SELECT count(*) FROM areas c WHERE c.parent_code = a.code)::INTEGER AS parts
FROM areas a JOIN area_ancestors an ON an.code = a.code
GROUP BY a.code, a.level, a.parent_code;

CREATE OR REPLACE TEMP TABLE population_all
  (area_code VARCHAR, level VARCHAR, year INTEGER, age_band VARCHAR, sex VARCHAR, population DOUBLE);
CREATE OR REPLACE TABLE population_parts
  (area_code VARCHAR, level VARCHAR, year INTEGER, age_band VARCHAR, sex VARCHAR, parts INTEGER, missing INTEGER, part_level VARCHAR);`;

/**
 * The areas at one depth of the hierarchy: their own figures, else the sum of their parts when every part in
 * the areas lookup has a figure for that year, age band and sex. Parents whose parts are only partly covered get
 * no figure; population_parts records every parent's parts either way. Run deepest first, so every part is done
 * before its parent.
 */
const rollUpSql = (depth: number) => `
INSERT INTO population_all
SELECT o.area_code, d.level, o.year, o.age_band, o.sex, o.population
FROM population_own o JOIN population_depth d ON d.code = o.area_code AND d.depth = ${num(depth)};

CREATE OR REPLACE TEMP TABLE population_sums AS
SELECT d.code AS area_code, d.level, c.year, c.age_band, c.sex, d.parts,
       count(*)::INTEGER AS present, sum(c.population) AS population, any_value(c.level) AS part_level
FROM population_depth d
JOIN areas ch ON ch.parent_code = d.code
JOIN population_all c ON c.area_code = ch.code
WHERE d.depth = ${num(depth)}
GROUP BY d.code, d.level, c.year, c.age_band, c.sex, d.parts;

INSERT INTO population_all
SELECT p.area_code, p.level, p.year, p.age_band, p.sex, p.population
FROM population_sums p ANTI JOIN population_own o USING (area_code, year, age_band, sex)
WHERE p.present = p.parts;

INSERT INTO population_parts
SELECT p.area_code, p.level, p.year, p.age_band, p.sex, p.parts, p.parts - p.present, p.part_level
FROM population_sums p ANTI JOIN population_own o USING (area_code, year, age_band, sex);`;

const PUBLISH_SQL = `CREATE OR REPLACE TABLE population_cube AS
SELECT area_code, level, year, age_band, sex, population FROM population_all ORDER BY area_code, year, age_band, sex;
DROP TABLE population_all; DROP TABLE population_own; DROP TABLE population_depth; DROP TABLE IF EXISTS population_sums;`;

/**
 * Builds `population_cube` and `population_parts` (needs `area_ancestors`). Population given for an area is used
 * as given; an area given none gets the sum of its parts (LSOA -> MSOA -> district -> VRU area, or whatever the
 * areas lookup nests) for each year, age band and sex in which every one of its parts has a figure. A parent
 * with a part missing gets no figure, so that a rate is never divided by a population that is too small.
 */
export async function buildPopulationCube(engine: Engine): Promise<void> {
  await engine.exec(OWN_POPULATION_SQL);
  const [row] = await engine.query<{ depth: number | null }>('SELECT max(depth)::INTEGER AS depth FROM population_depth');
  for (let depth = row?.depth ?? -1; depth >= 0; depth--) await engine.exec(rollUpSql(depth));
  await engine.exec(PUBLISH_SQL);
}

/** An empty population_parts, for an engine holding a bundle (its population comes already rolled up). */
export const EMPTY_POPULATION_PARTS_SQL = `CREATE TABLE IF NOT EXISTS population_parts
  (area_code VARCHAR, level VARCHAR, year INTEGER, age_band VARCHAR, sex VARCHAR, parts INTEGER, missing INTEGER, part_level VARCHAR);`;
