import type { Engine } from '../engine/engine-types';
import { ident } from '../engine/sql-literals';
import { PERSON_LEVEL_COLUMNS } from '../contract';
import { FileRejected, type Problem } from './problems';
import { policeUkKind } from './public-data/police-uk-files';

export const AGGREGATE_ONLY =
  'The dashboard takes aggregated extracts only (one row per indicator, month, area, age band and sex, with a count). ' +
  'Aggregate the records before sharing them, and do not load this file.';

/** "Date of Birth", "date-of-birth" and "DATE_OF_BIRTH" are the same column to a person, so to us too. */
function normalise(column: string): string {
  return column
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

/**
 * Columns that identify a person, or are only ever found in record-level data. Runs on the header alone
 * (see table-header.ts), so a refused file is never read into the engine.
 */
export function personLevelColumns(file: string, columns: readonly string[]): Problem[] {
  // police.uk's published files hold a "Crime ID" (a published hash linking a crime to its outcomes): records of
  // crimes, not of people, and public already. Only their exact headers pass; any other crime reference is refused.
  if (policeUkKind(columns)) return [];
  const names = columns.map(normalise);
  // A bare "name" is an area's name in an areas lookup (code, name, level, parent_code) and a person's name
  // anywhere else. Either of code or level is enough to tell, so that an areas lookup missing one of them is
  // told about the missing column rather than refused as person-level data.
  const isAreasLookup = names.includes('code') || names.includes('level');
  const problems: Problem[] = [];
  columns.forEach((column, i) => {
    const n = names[i] ?? '';
    const what = PERSON_LEVEL_COLUMNS.find((p) => p.pattern.test(n))?.what ?? (n === 'name' && !isAreasLookup ? 'a name' : null);
    if (what) {
      problems.push({
        file,
        severity: 'error',
        column,
        message: `looks like person-level data: column "${column}" holds ${what}.`,
        fix: AGGREGATE_ONLY,
      });
    }
  });
  return problems;
}

/**
 * One row per person: a file whose counts are almost all exactly 1 is a list of records with a count
 * column added, not an aggregate. 50 rows and 95% are chosen so that sparse genuine aggregates (many
 * small cells, but with 0s, 2s and 3s among them) pass. This needs the rows, so it runs on the staging
 * table, which is dropped when the file is refused.
 */
export async function checkOneRowPerPerson(engine: Engine, file: string, staging: string, countIsNumber = false): Promise<void> {
  const count = countIsNumber ? ident('count') : `TRY_CAST(trim(${ident('count')}) AS DOUBLE)`;
  const [stats] = await engine.query<{ n: number; ones: number }>(
    `SELECT count(*)::DOUBLE AS n, count(*) FILTER (WHERE ${count} = 1)::DOUBLE AS ones FROM ${ident(staging)}`,
  );
  if (stats && stats.n >= 50 && stats.ones / stats.n >= 0.95) {
    throw new FileRejected([
      {
        file,
        severity: 'error',
        column: 'count',
        message: `looks like person-level data: ${Math.round((100 * stats.ones) / stats.n)}% of its ${stats.n} rows have a count of exactly 1, as if each row were one person.`,
        fix: AGGREGATE_ONLY,
      },
    ]);
  }
}
