import type { Engine } from '../engine/engine-types';

/** Levels shown with every breakdown; smaller areas are shown for all ages and persons only. */
export const BREAKDOWN_LEVELS = ['district', 'vru'] as const;

/**
 * Builds `cube`: every cell an audience could be shown, totals included, from the loaded extracts.
 * Areas roll up their declared parents (LSOA -> MSOA -> district -> VRU area), months roll up into
 * quarters and years, and age bands and sexes into "all". The disclosure layer protects this whole table
 * at once, so a cell looks the same in every view and no total can be differenced against its parts.
 *
 * Small areas (LSOA, MSOA, ward) are published for all ages and persons only: their age-by-sex cells
 * would nearly all be suppressed, and leaving them out keeps the cube (and its protection) small enough
 * for a browser at 10 million input rows. Where an indicator has banded rows, "all" rows supplied
 * beside them are ignored, as they would be double counted.
 */
export const BUILD_CUBE_SQL = `
CREATE OR REPLACE TABLE area_ancestors AS
WITH RECURSIVE anc(code, ancestor, level, depth) AS (
  SELECT code, code, level, 0 FROM areas
  UNION ALL
  SELECT anc.code, a.parent_code, p.level, anc.depth + 1
  FROM anc JOIN areas a ON a.code = anc.ancestor JOIN areas p ON p.code = a.parent_code
  WHERE a.parent_code IS NOT NULL AND anc.depth < 8
)
SELECT DISTINCT code, ancestor, level FROM anc;

CREATE OR REPLACE TEMP TABLE cube_month AS
WITH flags AS (
  SELECT indicator_id, bool_or(age_band <> 'all') AS has_age, bool_or(sex <> 'all') AS has_sex
  FROM extracts GROUP BY 1
),
base AS (
  SELECT e.indicator_id, e.area_code, e.period, e.age_band, e.sex, e.count, e.denominator, f.has_age, f.has_sex
  FROM extracts e JOIN flags f USING (indicator_id)
  WHERE (e.age_band <> 'all' OR NOT f.has_age) AND (e.sex <> 'all' OR NOT f.has_sex)
),
coarse AS (
  SELECT b.indicator_id, an.ancestor AS area_code, an.level, b.period,
         coalesce(b.age_band, 'all') AS age_band, coalesce(b.sex, 'all') AS sex,
         sum(b.count) AS count, sum(b.denominator) AS denominator
  FROM base b JOIN area_ancestors an ON an.code = b.area_code
  WHERE an.level IN ('district', 'vru')
  GROUP BY GROUPING SETS (
    (b.indicator_id, an.ancestor, an.level, b.period, b.age_band, b.sex),
    (b.indicator_id, an.ancestor, an.level, b.period, b.age_band),
    (b.indicator_id, an.ancestor, an.level, b.period, b.sex),
    (b.indicator_id, an.ancestor, an.level, b.period)
  )
  HAVING (GROUPING(b.age_band) = 0 OR bool_or(b.has_age)) AND (GROUPING(b.sex) = 0 OR bool_or(b.has_sex))
),
fine AS (
  SELECT b.indicator_id, an.ancestor AS area_code, an.level, b.period, 'all' AS age_band, 'all' AS sex,
         sum(b.count) AS count, sum(b.denominator) AS denominator
  FROM base b JOIN area_ancestors an ON an.code = b.area_code
  WHERE an.level NOT IN ('district', 'vru')
  GROUP BY 1, 2, 3, 4
)
SELECT * FROM coarse UNION ALL SELECT * FROM fine;

CREATE OR REPLACE TABLE cube AS
SELECT c.indicator_id, c.area_code, c.level, p.period, p.period_type, c.age_band, c.sex,
       CAST(sum(c.count) AS INTEGER) AS count, CAST(sum(c.denominator) AS DOUBLE) AS denominator
FROM cube_month c
CROSS JOIN LATERAL (VALUES
  (c.period, 'month'),
  (substr(c.period, 1, 4) || '-Q' || CAST((CAST(substr(c.period, 6, 2) AS INTEGER) + 2) // 3 AS VARCHAR), 'quarter'),
  (substr(c.period, 1, 4), 'year')
) AS p(period, period_type)
GROUP BY c.indicator_id, c.area_code, c.level, p.period, p.period_type, c.age_band, c.sex
ORDER BY c.indicator_id, c.level, c.area_code, p.period_type, p.period, c.age_band, c.sex;


`;

export async function buildCube(engine: Engine): Promise<number> {
  await engine.exec(BUILD_CUBE_SQL);
  const [row] = await engine.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM cube');
  return row?.n ?? 0;
}
