// The declared coverage of every indicator, as tables the cube and the coverage queries read:
//   declared_coverage (indicator_id, area_code, period): each area (at the level the extract gives) and month
//     the indicator is reported for: every one inside its dataset's coverage when absent rows read as zero, less
//     the spans declared not reported; the area-months with rows when absent rows read as not reported;
//   coverage_breakdowns (indicator_id, age_band, sex, with_denominator): the cells each of those area-months has.
// A cell of the complete grid with no row is a 0. Which rows happen to be present never decides what is reported,
// so a published cell's existence says nothing about whether anyone was counted in it.
import { absentRowsReadings, type AbsentRowsAnswers, type AbsentRowsReading, type Manifest } from '../contract';
import type { Engine } from '../engine/engine-types';
import { str } from '../engine/sql-literals';

const values = (rows: readonly string[][]): string => rows.map((r) => `(${r.join(', ')})`).join(',\n');
const orNull = (v: string | null) => (v === null ? 'NULL' : str(v));

/** Each indicator with rows, and the files they came from. */
async function filesByIndicator(engine: Engine): Promise<Map<string, string[]>> {
  const rows = await engine.query<{ id: string; file: string | null }>(
    'SELECT DISTINCT indicator_id AS id, source_file AS file FROM extracts ORDER BY 1, 2',
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), ...(r.file === null ? [] : [r.file])]);
  return out;
}

/** How each loaded indicator's absent rows are read, and where that came from. */
export async function readAbsentRows(
  engine: Engine,
  manifest: Manifest | null,
  answers: AbsentRowsAnswers,
): Promise<AbsentRowsReading[]> {
  return absentRowsReadings(manifest, await filesByIndicator(engine), answers);
}

/**
 * Builds declared_coverage and coverage_breakdowns for the indicators whose reading of absent rows is known
 * (`readings`); the others get no cell. Needs area_ancestors (src/disclosure/population-cube.ts).
 */
export async function buildDeclaredCoverage(
  engine: Engine,
  manifest: Manifest | null,
  readings: readonly AbsentRowsReading[],
): Promise<void> {
  const datasets = new Map(manifest?.datasets.map((d) => [d.id, d]) ?? []);
  const indicators = new Map(manifest?.indicators.map((i) => [i.id, i]) ?? []);
  const rules: string[][] = [];
  const roots: string[][] = [];
  const gaps: string[][] = [];
  const declaredBands: string[][] = [];
  for (const r of readings) {
    const indicator = indicators.get(r.indicatorId);
    const coverage = datasets.get(indicator?.dataset ?? '')?.coverage;
    if (r.reading === null) continue;
    // An extract whose indicator the manifest does not describe has no declared months: its rows are its coverage.
    const zero = r.reading === 'zero' && coverage !== undefined;
    rules.push([str(r.indicatorId), zero ? 'true' : 'false', orNull(coverage?.from ?? null), orNull(coverage?.to ?? null)]);
    for (const code of coverage?.areaCodes ?? []) roots.push([str(r.indicatorId), str(code)]);
    for (const span of coverage?.notReported ?? [])
      for (const code of span.areas === 'all' ? [null] : span.areas)
        gaps.push([str(r.indicatorId), orNull(code), str(span.from), str(span.to)]);
    const b = indicator?.breakdowns;
    if (b)
      for (const band of b.ageBands.length > 0 ? b.ageBands : ['all'])
        for (const sex of b.bySex ? ['female', 'male'] : ['all']) declaredBands.push([str(r.indicatorId), str(band), str(sex)]);
  }
  await engine.exec(`
CREATE OR REPLACE TEMP TABLE coverage_rules (indicator_id VARCHAR, zero BOOLEAN, period_from VARCHAR, period_to VARCHAR);
CREATE OR REPLACE TEMP TABLE coverage_roots (indicator_id VARCHAR, area_code VARCHAR);
CREATE OR REPLACE TEMP TABLE coverage_gaps (indicator_id VARCHAR, area_code VARCHAR, period_from VARCHAR, period_to VARCHAR);
CREATE OR REPLACE TEMP TABLE coverage_declared_bands (indicator_id VARCHAR, age_band VARCHAR, sex VARCHAR);
${rules.length > 0 ? `INSERT INTO coverage_rules VALUES ${values(rules)};` : ''}
${roots.length > 0 ? `INSERT INTO coverage_roots VALUES ${values(roots)};` : ''}
${gaps.length > 0 ? `INSERT INTO coverage_gaps VALUES ${values(gaps)};` : ''}
${declaredBands.length > 0 ? `INSERT INTO coverage_declared_bands VALUES ${values(declaredBands)};` : ''}
${COVERAGE_BREAKDOWNS_SQL}
${declaredCoverageSql(roots.length > 0, gaps.length > 0)}`);
}

const COVERAGE_BREAKDOWNS_SQL = `
CREATE OR REPLACE TEMP TABLE coverage_breakdowns AS
WITH found AS (
  SELECT e.indicator_id, bool_or(e.age_band <> 'all') AS has_age, bool_or(e.sex <> 'all') AS has_sex,
         bool_or(e.denominator IS NOT NULL) AS with_denominator
  FROM extracts e JOIN coverage_rules r USING (indicator_id) GROUP BY 1
),
bands AS (
  SELECT indicator_id, age_band, sex FROM coverage_declared_bands
  UNION ALL
  -- Not declared: the bands and sexes its rows give (a band nobody was ever counted in is left out).
  SELECT DISTINCT e.indicator_id, CASE WHEN f.has_age THEN e.age_band ELSE 'all' END, s.sex
  FROM extracts e JOIN found f USING (indicator_id)
  JOIN (VALUES ('all', false), ('female', true), ('male', true)) s(sex, split) ON s.split = f.has_sex
  WHERE (e.age_band <> 'all' OR NOT f.has_age)
    AND e.indicator_id NOT IN (SELECT indicator_id FROM coverage_declared_bands)
)
SELECT b.indicator_id, b.age_band, b.sex, f.with_denominator FROM bands b JOIN found f USING (indicator_id);
`;

/**
 * declared_coverage: the complete grid, then the rows the agency sent outside it (a figure sent is never dropped).
 * The rows outside are found against the grid's two small factors (covered areas, months) rather than by a
 * de-duplicating UNION of the grid (316,000 area-months for 24 months of police.uk) with every row: the same set,
 * since no row of the first part repeats (an indicator has one rule, one row per area, one per month) and the
 * second is DISTINCT and disjoint from the first. The clauses for declared roots and not-reported spans are left
 * out when nothing is declared (`withRoots`, `withGaps`): each is a join over the whole grid that then keeps
 * every row.
 */
function declaredCoverageSql(withRoots: boolean, withGaps: boolean): string {
  // Whether the span `g` leaves out area `area` in month `period` (g.area_code NULL: every area).
  const gapped = (indicator: string, area: string, period: string) => `EXISTS (
    SELECT 1 FROM coverage_gaps g
    WHERE g.indicator_id = ${indicator} AND ${period} BETWEEN g.period_from AND g.period_to
      AND (g.area_code IS NULL OR EXISTS (
        SELECT 1 FROM area_ancestors an WHERE an.ancestor = g.area_code AND an.code = ${area})))`;
  return `
CREATE OR REPLACE TABLE declared_coverage AS
WITH levels AS (
  SELECT DISTINCT e.indicator_id, a.level
  FROM extracts e JOIN coverage_rules r USING (indicator_id) JOIN areas a ON a.code = e.area_code
  WHERE r.zero
),
covered_areas AS (
  SELECT l.indicator_id, a.code AS area_code
  FROM levels l JOIN areas a ON a.level = l.level
  ${
    withRoots
      ? `WHERE l.indicator_id NOT IN (SELECT indicator_id FROM coverage_roots)
     OR EXISTS (SELECT 1 FROM coverage_roots c JOIN area_ancestors an ON an.ancestor = c.area_code
                WHERE c.indicator_id = l.indicator_id AND an.code = a.code)`
      : ''
  }
),
months AS (
  SELECT indicator_id, strftime(unnest(generate_series(CAST(period_from || '-01' AS DATE), CAST(period_to || '-01' AS DATE),
         INTERVAL 1 MONTH)), '%Y-%m') AS period
  FROM coverage_rules WHERE zero
)
SELECT a.indicator_id, a.area_code, m.period FROM covered_areas a JOIN months m USING (indicator_id)
${withGaps ? `WHERE NOT ${gapped('a.indicator_id', 'a.area_code', 'm.period')}` : ''}
UNION ALL
SELECT DISTINCT e.indicator_id, e.area_code, e.period FROM extracts e JOIN coverage_rules r USING (indicator_id)
WHERE NOT EXISTS (SELECT 1 FROM covered_areas a WHERE a.indicator_id = e.indicator_id AND a.area_code = e.area_code)
   OR NOT EXISTS (SELECT 1 FROM months m WHERE m.indicator_id = e.indicator_id AND m.period = e.period)
   ${withGaps ? `OR ${gapped('e.indicator_id', 'e.area_code', 'e.period')}` : ''};
`;
}
