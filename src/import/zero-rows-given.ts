import { breakdownWords, type Manifest, type Sex } from '../contract';
import type { Engine } from '../engine/engine-types';
import { ident, str, strList } from '../engine/sql-literals';
import type { Problem } from './problems';

/*
 * Reading rows left out of an extract as "not reported" takes a missing row for a gap in what was sent, which holds
 * only for a file that gives its zeros as rows. A file that leaves its zeros out, read so, would show each gap where
 * nobody was counted and each row where somebody was, which protection cannot hide (a hidden cell's existence would
 * say it is not 0). Two signs of a file that leaves zeros out, each checked here:
 * - no row counts 0: the common case of an extract made by counting records, which has no row where there was none;
 * - gaps between rows: a place and group (area, age band, sex) with rows in months on both sides of one it has no
 *   row for, where other rows of the file give that month. A source that did not report misses whole months, or
 *   an area's months from or until some date, not one group's odd months in between; a file that writes a few of
 *   its zeros (for one month, say, or for its totals but not its groups) passes the first sign and fails this one.
 *   In a file whose counts are rarely 0 the few zeros left out leave few gaps, under GAP_SHARE: its existence
 *   signal is as rare as its zeros, and such a file is not refused.
 * As in the person-level check, a file of fewer than 50 rows is not judged: a handful of rows says little.
 */

/** Fewer rows than this are too few for a missing 0 to mean anything. */
const ROWS_TO_JUDGE = 50;
/**
 * The share of months missing between a group's first and last month with rows (among the months the file gives)
 * above which the gaps are taken for zeros left out. A source's own outages are whole months, which do not count,
 * or one area's run of months: one district of 14 not reporting for three months of 24 is under 1 %.
 */
const GAP_SHARE = 0.05;

const WHY =
  'so the rows it leaves out are most likely its zeros: read as not reported, each gap would show where nobody was counted.';

/** What shows that a file leaves its zeros out, in words that follow its name, or null when nothing does. */
async function zerosLeftOut(engine: Engine, table: string, where: string): Promise<string | null> {
  const [count] = await engine.query<{ rows: number; zeros: number }>(
    `SELECT count(*)::DOUBLE AS rows, count(*) FILTER (WHERE count = 0)::DOUBLE AS zeros FROM ${ident(table)} WHERE ${where}`,
  );
  if (!count || count.rows < ROWS_TO_JUDGE) return null;
  if (count.zeros === 0) return 'has no row with a count of 0';
  // Months are numbered among the months the file gives for the indicator, so a month missing from the whole file
  // (a source's outage, a month not yet published) is no gap. A group's gaps are the months between its first and
  // last row that it has no row for; the example is its first gap.
  const [gaps] = await engine.query<{
    missing: number;
    spanned: number;
    area: string | null;
    age: string | null;
    sex: Sex | null;
    before: string | null;
    month: string | null;
    after: string | null;
  }>(`
WITH r AS (SELECT DISTINCT indicator_id, area_code, age_band, sex, period FROM ${ident(table)} WHERE ${where}),
months AS (
  SELECT indicator_id, period, row_number() OVER (PARTITION BY indicator_id ORDER BY period) AS k
  FROM (SELECT DISTINCT indicator_id, period FROM r)
),
numbered AS (
  SELECT r.*, m.k, lag(m.k) OVER w AS k_before, lag(r.period) OVER w AS before
  FROM r JOIN months m USING (indicator_id, period)
  WINDOW w AS (PARTITION BY r.indicator_id, r.area_code, r.age_band, r.sex ORDER BY m.k)
),
jumps AS (SELECT * FROM numbered WHERE k - k_before > 1)
SELECT
  (SELECT sum(k - k_before - 1) FROM jumps)::DOUBLE AS missing,
  (SELECT sum(last - first + 1) FROM (SELECT min(k) AS first, max(k) AS last FROM numbered GROUP BY indicator_id, area_code, age_band, sex))::DOUBLE AS spanned,
  j.area_code AS area, j.age_band AS age, j.sex, j.before, m.period AS month, j.period AS after
FROM (SELECT * FROM jumps ORDER BY indicator_id, area_code, age_band, sex, k LIMIT 1) j
JOIN months m ON m.indicator_id = j.indicator_id AND m.k = j.k_before + 1`);
  if (!gaps || !gaps.spanned || gaps.missing / gaps.spanned <= GAP_SHARE) return null;
  const share = Math.round((100 * gaps.missing) / gaps.spanned);
  return `has no row for ${gaps.area} (${breakdownWords(gaps.age!, gaps.sex!)}) in ${gaps.month} but has rows for ${gaps.before} and ${gaps.after}, like ${share}% of the months between rows it gives`;
}

/** Why an extract file already loaded cannot be answered "not reported" at the import's question, or null. */
export async function notReportedRefusal(engine: Engine, file: string): Promise<string | null> {
  const sign = await zerosLeftOut(engine, 'extracts', `source_file = ${str(file)}`);
  if (sign === null) return null;
  return `${file} ${sign}, ${WHY} Answer "No events", or name the areas and months that sent no data in the manifest (coverage.notReported).`;
}

/**
 * The same for a manifest that declares it: a warning on the file (its figures are still read as declared, the
 * declaration being its publisher's), saying what to change.
 */
export async function declaredNotReportedProblems(
  engine: Engine,
  file: string,
  typed: string,
  manifest: Manifest,
): Promise<Problem[]> {
  const declared = new Set(manifest.datasets.filter((d) => d.coverage.absentRows === 'notReported').map((d) => d.id));
  const ids = manifest.indicators.filter((i) => declared.has(i.dataset)).map((i) => i.id);
  if (ids.length === 0) return [];
  const sign = await zerosLeftOut(engine, typed, `indicator_id IN ${strList(ids)}`);
  if (sign === null) return [];
  return [
    {
      file,
      severity: 'warning',
      column: 'count',
      message: `${sign}, though its manifest reads rows left out as not reported, ${WHY}`,
      fix: 'Set coverage.absentRows to "zero" in the manifest and list the areas and months that sent no data in coverage.notReported, or add the zero rows to the extract.',
    },
  ];
}
