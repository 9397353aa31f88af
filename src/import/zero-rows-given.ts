import type { Manifest } from '../contract';
import type { Engine } from '../engine/engine-types';
import { ident, str, strList } from '../engine/sql-literals';
import type { Problem } from './problems';

/*
 * Reading rows left out of an extract as "not reported" takes a missing row for a gap in what was sent, which holds
 * only for a file that gives its zeros as rows. A file with no zero row at all has most likely left its zeros out:
 * read so, each gap would show where nobody was counted and each row where somebody was, which protection cannot
 * hide (a hidden cell's existence would say it is not 0). One zero row does not prove every zero is given; no zero
 * row is the common case of an extract that gives none, and it is what is checked here. As in the person-level
 * check, a file of fewer than 50 rows is not judged: a handful of rows with no 0 among them says little.
 */

/** Fewer rows than this are too few for a missing 0 to mean anything. */
const ROWS_TO_JUDGE = 50;

const WHY =
  'so the rows it leaves out are most likely its zeros: read as not reported, each gap would show where nobody was counted.';

/** How many rows of the table match, and how many of them count 0. */
async function zeroRows(engine: Engine, table: string, where: string): Promise<{ rows: number; zeros: number }> {
  const [row] = await engine.query<{ rows: number; zeros: number }>(
    `SELECT count(*)::DOUBLE AS rows, count(*) FILTER (WHERE count = 0)::DOUBLE AS zeros FROM ${ident(table)} WHERE ${where}`,
  );
  return row ?? { rows: 0, zeros: 0 };
}

/** Why an extract file already loaded cannot be answered "not reported" at the import's question, or null. */
export async function notReportedRefusal(engine: Engine, file: string): Promise<string | null> {
  const { rows, zeros } = await zeroRows(engine, 'extracts', `source_file = ${str(file)}`);
  if (rows < ROWS_TO_JUDGE || zeros > 0) return null;
  return `${file} has no row with a count of 0, ${WHY} Answer "No events", or name the areas and months that sent no data in the manifest (coverage.notReported).`;
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
  const { rows, zeros } = await zeroRows(engine, typed, `indicator_id IN ${strList(ids)}`);
  if (rows < ROWS_TO_JUDGE || zeros > 0) return [];
  return [
    {
      file,
      severity: 'warning',
      column: 'count',
      message: `has no row with a count of 0, though its manifest reads rows left out as not reported, ${WHY}`,
      fix: 'Set coverage.absentRows to "zero" in the manifest and list the areas and months that sent no data in coverage.notReported, or add the zero rows to the extract.',
    },
  ];
}
