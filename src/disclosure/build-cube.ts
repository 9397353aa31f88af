import type { Engine } from '../engine/engine-types';
import { str, strList } from '../engine/sql-literals';
import {
  isAboutUnder25,
  UNDER_25,
  UNDER_25_BANDS,
  type AbsentRowsAnswers,
  type AbsentRowsReading,
  type Manifest,
} from '../contract';
import { DENOMINATOR_SUFFIX } from './protected-tables';
import { buildDeclaredCoverage, readAbsentRows } from './declared-coverage';
import { buildAreaAncestors, buildPopulationCube } from './population-cube';

/**
 * The month cells of the indicators `only` selects, every level and breakdown. Every step groups by indicator,
 * so building it a batch of indicators at a time gives the same rows (see CUBE_BATCH_ROWS).
 *
 * The rows are summed to each district and VRU cell once, and the four breakdown totals are grouped from those
 * few cells; small areas' months are summed over breakdowns before their ancestors are joined; and the complete
 * grid's zeros join the sums at those levels rather than as a row per small area and breakdown. Grouping sets over
 * every row (four hash tables of string keys) and a zero row per grid cell made this statement 6.6 s of CPU at 1M
 * rows; the same cells now take 1.6 s (measured in Node against the former statement, which gave identical rows
 * on the demo, the police.uk files and the 1M bench extract).
 */
const cubeMonthSelect = (only: string, under25: readonly string[]) => `
WITH flags AS (
  SELECT indicator_id, bool_or(age_band <> 'all') AS has_age, bool_or(sex <> 'all') AS has_sex
  FROM coverage_breakdowns WHERE ${only} GROUP BY 1
),
-- Where an indicator has banded rows, "all" rows supplied beside them are ignored, as they would be double counted.
kept AS (
  SELECT b.indicator_id || s.suffix AS indicator_id, b.age_band, b.sex, f.has_age, f.has_sex
  FROM coverage_breakdowns b JOIN flags f USING (indicator_id)
  -- A proportion's denominator counts people too, so it goes through protection as a cube of its own.
  JOIN (VALUES (''), ('::denominator')) s(suffix) ON s.suffix = '' OR b.with_denominator
  WHERE (b.age_band <> 'all' OR NOT f.has_age) AND (b.sex <> 'all' OR NOT f.has_sex)
),
-- The complete grid of the declared coverage: each of its area-months has a 0 in every kept breakdown, so a cell
-- with no row is there as 0, and the cells of what was declared, never which rows exist, decide what the cube
-- holds (declared-coverage.ts).
-- No DISTINCT: declared_coverage is a set (one row per indicator, area and month), and so is this.
grid AS (
  SELECT g.indicator_id || s.suffix AS indicator_id, g.area_code, g.period
  FROM (SELECT * FROM declared_coverage WHERE ${only}) g JOIN (VALUES (''), ('::denominator')) s(suffix) ON true
  WHERE (g.indicator_id || s.suffix) IN (SELECT indicator_id FROM kept)
),
cells AS (
  SELECT indicator_id, area_code, period, age_band, sex, count, denominator, indicator_id AS flag_id FROM extracts WHERE ${only}
  UNION ALL
  SELECT indicator_id || '::denominator', area_code, period, age_band, sex, CAST(round(denominator) AS INTEGER), NULL, indicator_id
  FROM extracts WHERE denominator IS NOT NULL AND ${only}
),
base AS (
  SELECT e.indicator_id, e.area_code, e.period, e.age_band, e.sex, e.count, e.denominator, f.has_age, f.has_sex
  FROM cells e JOIN flags f ON f.indicator_id = e.flag_id
  WHERE (e.age_band <> 'all' OR NOT f.has_age) AND (e.sex <> 'all' OR NOT f.has_sex)
),
by_ancestor AS (
  SELECT b.indicator_id, an.ancestor, an.level, b.period, b.age_band, b.sex,
         sum(b.count) AS count, sum(b.denominator) AS denominator, bool_or(b.has_age) AS has_age, bool_or(b.has_sex) AS has_sex
  FROM base b JOIN area_ancestors an ON an.code = b.area_code
  WHERE an.level IN ('district', 'vru')
  GROUP BY ALL
  UNION ALL
  SELECT g.indicator_id, g.ancestor, g.level, g.period, k.age_band, k.sex, 0, NULL, k.has_age, k.has_sex
  FROM (SELECT DISTINCT g.indicator_id, an.ancestor, an.level, g.period FROM grid g JOIN area_ancestors an ON an.code = g.area_code
        WHERE an.level IN ('district', 'vru')) g
  JOIN kept k USING (indicator_id)
),
coarse AS (
  SELECT b.indicator_id, b.ancestor AS area_code, b.level, b.period,
         coalesce(b.age_band, 'all') AS age_band, coalesce(b.sex, 'all') AS sex,
         sum(b.count) AS count, sum(b.denominator) AS denominator
  FROM by_ancestor b
  GROUP BY GROUPING SETS (
    (b.indicator_id, b.ancestor, b.level, b.period, b.age_band, b.sex),
    (b.indicator_id, b.ancestor, b.level, b.period, b.age_band),
    (b.indicator_id, b.ancestor, b.level, b.period, b.sex),
    (b.indicator_id, b.ancestor, b.level, b.period)
  )
  HAVING (GROUPING(b.age_band) = 0 OR bool_or(b.has_age)) AND (GROUPING(b.sex) = 0 OR bool_or(b.has_sex))
),
-- The Home Office under-25 figure as a cell of its own (src/contract/under-25.ts), wherever its bands are published,
-- for indicators about under-25s whose extract also has older bands (otherwise 'all' already is that figure).
under25 AS (
  SELECT c.indicator_id, c.area_code, c.level, c.period, ${str(UNDER_25)} AS age_band, c.sex,
         sum(c.count) AS count, sum(c.denominator) AS denominator
  FROM coarse c
  WHERE c.age_band IN ${strList(UNDER_25_BANDS)}
    AND split_part(c.indicator_id, ${str(DENOMINATOR_SUFFIX)}, 1) IN (
      SELECT indicator_id FROM coverage_breakdowns
      WHERE indicator_id IN ${strList(['', ...under25])} AND ${only}
      GROUP BY 1 HAVING bool_or(age_band NOT IN ${strList([...UNDER_25_BANDS, 'all'])}))
  GROUP BY ALL
),
area_months AS (
  SELECT indicator_id, area_code, period, sum(count) AS count, sum(denominator) AS denominator FROM base GROUP BY ALL
  UNION ALL
  SELECT indicator_id, area_code, period, 0, NULL FROM grid
),
-- Small areas are published for calendar years only (CUBE_SQL), so their cells are summed to the year here, where
-- the period of a year cell is its year ('2021': CUBE_SQL's year part reads it unchanged). Keeping them by month
-- wrote and grouped again one row per small area and month of the grid (316,000 for 24 months of police.uk).
fine AS (
  SELECT b.indicator_id, an.ancestor AS area_code, an.level, substr(b.period, 1, 4) AS period, 'all' AS age_band,
         'all' AS sex, sum(b.count) AS count, sum(b.denominator) AS denominator
  FROM area_months b JOIN area_ancestors an ON an.code = b.area_code
  WHERE an.level NOT IN ('district', 'vru')
  GROUP BY 1, 2, 3, 4
)
SELECT * FROM coarse UNION ALL SELECT * FROM under25 UNION ALL SELECT * FROM fine`;

/**
 * Extract rows per cube statement: indicators are built together up to this many rows, since each statement has a
 * fixed cost (16 demo indicators one by one took 1.7 s of CPU, together 1.1 s), and one at a time beyond it, since
 * the engine keeps the memory a statement's aggregates took (WebAssembly memory never shrinks): at 10M rows in one
 * statement the former query took about 700 MB.
 */
const CUBE_BATCH_ROWS = 2_000_000;

/** The loaded indicators in batches of at most CUBE_BATCH_ROWS rows (an indicator with more is a batch alone). */
async function indicatorBatches(engine: Engine, ids: readonly string[], batchRows: number): Promise<string[][]> {
  const wanted = new Set(ids);
  const counts = await engine.query<{ id: string; n: number }>(
    'SELECT indicator_id AS id, count(*)::DOUBLE AS n FROM extracts GROUP BY 1 ORDER BY 1',
  );
  const rows = new Map(counts.map((c) => [c.id, c.n]));
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const id of [...wanted].sort()) {
    const n = rows.get(id) ?? 0;
    if (current.length > 0 && size + n > batchRows) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(id);
    size += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The cube from the month cells. */
const CUBE_SQL = `
-- cell_id numbers the cells, so protection can work on bare columns (in its worker) and hand back only a
-- status and a value per cell, joined here by it.
CREATE OR REPLACE TABLE cube AS
SELECT CAST(row_number() OVER () - 1 AS INTEGER) AS cell_id, * FROM (
SELECT indicator_id, area_code, level, period, 'month' AS period_type, age_band, sex, CAST(count AS INTEGER) AS count
FROM cube_month
WHERE level IN ('district', 'vru')
  AND ((age_band = 'all' AND sex = 'all') OR (level = 'vru' AND (age_band = 'all' OR sex = 'all')))
UNION ALL
SELECT indicator_id, area_code, level,
       substr(period, 1, 4) || '-Q' || CAST((CAST(substr(period, 6, 2) AS INTEGER) + 2) // 3 AS VARCHAR), 'quarter',
       age_band, sex, CAST(sum(count) AS INTEGER)
FROM cube_month WHERE level IN ('district', 'vru') GROUP BY ALL
UNION ALL
SELECT indicator_id, area_code, level, substr(period, 1, 4), 'year', age_band, sex, CAST(sum(count) AS INTEGER)
FROM cube_month GROUP BY ALL);

DROP TABLE cube_month;

`;

/**
 * Builds `cube`: every cell an audience could be shown, totals included, from the loaded extracts on the
 * complete grid of their declared coverage (src/disclosure/declared-coverage.ts): a cell with no row is 0 where absent
 * rows read as zero, and an area's month declared not reported has no cell (shown `x`); a parent summed over
 * reported parts only is flagged where it is read (`partial` for fewer districts than the coverage declares, an
 * incomplete quarter or year for a month not reported). Returns each indicator's reading of absent rows.
 * Areas roll up their declared parents (LSOA -> MSOA -> district -> VRU area), months roll up into
 * quarters and years, and age bands and sexes into "all". The disclosure layer protects this whole table
 * at once, so a cell looks the same in every view and no total can be differenced against its parts.
 *
 * Small areas (LSOA, MSOA, ward) are published for calendar years, all ages and persons only. Months are
 * published for districts and the VRU area: by age band or by sex (not both) for the whole VRU area, and for
 * all ages and persons for districts; their quarters and years keep every breakdown.
 * A district's month by age and sex, or an LSOA's month or quarter, is nearly always 0-4: publishing those
 * cells hid little that was not already hidden, but their relations forced the audit to hide large totals
 * (on the demo, the VRU area's yearly knife-crime and sharp-object figures, and two thirds of the LSOAs'
 * years), and doubled protection time. Where an indicator has banded rows, "all" rows supplied
 * beside them are ignored, as they would be double counted.
 */
export async function buildCube(
  engine: Engine,
  manifest: Manifest | null,
  answers: AbsentRowsAnswers = {},
  batchRows = CUBE_BATCH_ROWS,
): Promise<AbsentRowsReading[]> {
  await buildAreaAncestors(engine);
  const readings = await readAbsentRows(engine, manifest, answers);
  await buildDeclaredCoverage(engine, manifest, readings);
  // Only indicators whose absent rows have a reading: the others wait for the import's question to be answered.
  const indicators = readings.filter((r) => r.reading !== null).map((r) => r.indicatorId);
  const under25 = (manifest?.indicators ?? []).filter(isAboutUnder25).map((i) => i.id);
  await engine.exec(`CREATE OR REPLACE TEMP TABLE cube_month AS ${cubeMonthSelect('false', under25)}`);
  for (const batch of await indicatorBatches(engine, indicators, batchRows))
    await engine.exec(`INSERT INTO cube_month ${cubeMonthSelect(`indicator_id IN ${strList(batch)}`, under25)}`);
  await engine.exec(CUBE_SQL);
  await buildPopulationCube(engine);
  return readings;
}
