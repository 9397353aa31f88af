import type { Engine } from '../engine/engine-types';
import { ident, strList } from '../engine/sql-literals';
import type { ColumnSpec, TableSpec } from '../contract';
import { clip, quoted, type Problem } from './problems';

const INT32_MAX = 2_147_483_647;

/** How much of a cell's value a message quotes. */
const QUOTED_CHARS = 60;

/** How many example rows one kind of problem lists before it says "and N more". */
export const EXAMPLES_PER_PROBLEM = 5;

export interface RowCheck {
  column?: string;
  /** 'error' (the default) rejects the file; 'warning' loads it and lists the rows. */
  severity?: Problem['severity'];
  /** SQL condition true for a bad row, over the staging table (aliased `t`, for use inside subqueries). */
  where: string;
  /** The value shown for an example row. */
  valueSql?: string;
  message: (value: string | null) => string;
  fix: string;
}

/**
 * Runs several row-level checks in two queries rather than one each, since every query costs the engine
 * far more than scanning a staging table: one pass counts the offending rows of every check, and only the
 * checks that found some are asked for example rows. A valid file, the common case, costs one query.
 * Problems come back in the order of the checks.
 */
export async function runRowChecks(
  engine: Engine,
  file: string,
  staging: string,
  checks: readonly RowCheck[],
): Promise<Problem[]> {
  if (checks.length === 0) return [];
  const [counts = {}] = await engine.query(
    `SELECT ${checks.map((c, k) => `count(*) FILTER (WHERE ${c.where}) AS c${k}`).join(', ')} FROM ${ident(staging)} AS t`,
  );
  const failing = checks.map((check, k) => ({ check, k, total: Number(counts[`c${k}`] ?? 0) })).filter((f) => f.total > 0);
  if (failing.length === 0) return [];
  const branches = failing.map(({ check, k }) => {
    const value = check.valueSql ?? (check.column ? `CAST(${ident(check.column)} AS VARCHAR)` : 'NULL');
    // A cell can be a megabyte of text; a message quotes the start of it.
    return `(SELECT ${k} AS k, _row, left(CAST(${value} AS VARCHAR), ${QUOTED_CHARS * 4}) AS v FROM ${ident(staging)} AS t WHERE ${check.where} ORDER BY _row LIMIT ${EXAMPLES_PER_PROBLEM})`;
  });
  const rows = await engine.query<{ k: number; _row: number; v: string | null }>(
    `SELECT * FROM (${branches.join('\nUNION ALL\n')}) AS examples ORDER BY k, _row`,
  );
  return failing.flatMap(({ check, k, total }) => {
    const mine = rows.filter((r) => r.k === k);
    const severity = check.severity ?? 'error';
    const where = check.column ? { column: check.column } : {};
    const problems: Problem[] = mine.map((r) => ({
      file,
      severity,
      row: r._row,
      ...where,
      // A cell's own value is cut short; a value the check composes (codes and levels) is kept whole.
      message: check.message(r.v !== null && !check.valueSql ? clip(r.v, QUOTED_CHARS) : r.v),
      fix: check.fix,
    }));
    if (total > mine.length) {
      problems.push({
        file,
        severity,
        ...where,
        message: `and ${total - mine.length} more rows with the same problem.`,
        fix: check.fix,
      });
    }
    return problems;
  });
}

/** Up to this many columns of one kind are each a problem of their own; more are said in one problem. */
const ONE_BY_ONE = 5;
/** How many names a problem about many columns quotes. */
const NAMED = 3;

const TABLE_NOUN: Record<TableSpec<unknown>['kind'], string> = {
  extracts: 'an extract',
  areas: 'an areas lookup',
  population: 'a population file',
  area_deprivation: 'a deprivation file',
  benchmarks: 'a benchmarks file',
};

const count = (n: number) => n.toLocaleString('en-GB');
const names = (columns: readonly string[]) =>
  columns
    .slice(0, NAMED)
    .map((c) => quoted(c, 30))
    .join(', ');

/**
 * Unnamed, repeated, missing and unknown columns: checked on the header alone, before the file is read,
 * since nothing else can be checked without them. A few of a kind are named one by one; a header with thousands
 * of columns (a sheet exported whole) gets one problem that says what the table needs, not one per column.
 */
export function headerProblems(file: string, spec: TableSpec<unknown>, columns: readonly string[]): Problem[] {
  // Positions by name in one pass: a header can have hundreds of thousands of columns.
  const firstAt = new Map<string, number>();
  const unnamed: number[] = [];
  const repeated: { column: string; first: number; at: number }[] = [];
  columns.forEach((c, i) => {
    const first = firstAt.get(c);
    if (c === '') unnamed.push(i + 1);
    else if (first !== undefined) repeated.push({ column: c, first, at: i + 1 });
    else firstAt.set(c, i + 1);
  });
  const present = new Set(firstAt.keys());
  const declared = new Set(spec.columns.map((c) => c.name));
  const required = spec.columns.filter((c) => c.required);
  const optional = spec.columns.filter((c) => !c.required).map((c) => c.name);
  const missing = required.filter((c) => !present.has(c.name));
  const unknown = [...present].filter((p) => p !== '' && !declared.has(p));
  const expected = spec.columns.map((c) => `${c.name}${c.required ? '' : ' (optional)'}`).join(', ');
  const noun = TABLE_NOUN[spec.kind];
  const problems: Problem[] = [];

  if (unnamed.length > ONE_BY_ONE) {
    problems.push({
      file,
      severity: 'error',
      message: `has ${count(unnamed.length)} columns with no name, such as columns ${unnamed.slice(0, NAMED).join(', ')}.`,
      fix: 'Give every column a name in the header row, or delete the empty columns.',
    });
  } else {
    for (const i of unnamed) {
      problems.push({
        file,
        severity: 'error',
        message: `has a column with no name (column ${i} of ${count(columns.length)}).`,
        fix: 'Give every column a name in the header row, or delete the empty column (spreadsheets often add one at the end).',
      });
    }
  }
  const twice = repeated.slice(0, repeated.length > ONE_BY_ONE ? 1 : ONE_BY_ONE);
  for (const r of twice) {
    problems.push({
      file,
      severity: 'error',
      column: r.column,
      message:
        repeated.length > ONE_BY_ONE
          ? `repeats ${count(repeated.length)} column names, such as ${quoted(r.column, 30)} (columns ${r.first} and ${r.at}).`
          : `has the column ${quoted(r.column, 30)} twice (columns ${r.first} and ${r.at}).`,
      fix: 'Keep one of the two columns, or rename one of them.',
    });
  }

  if (unknown.length > ONE_BY_ONE) {
    const lacking =
      missing.length === 0
        ? ''
        : missing.length === required.length
          ? ' None of them is there.'
          : ` ${missing.map((c) => `"${c.name}"`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`;
    problems.push({
      file,
      severity: 'error',
      message:
        `has ${count(columns.length)} columns; ${noun} needs these ${required.length}: ${required.map((c) => c.name).join(', ')}` +
        `${optional.length ? ` (and optionally ${optional.join(', ')})` : ''}.${lacking}` +
        ` ${count(unknown.length)} are not in the data contract, such as ${names(unknown)}.`,
      fix: `Keep those columns and remove the others. Check the file is ${noun} of the data contract, not a whole sheet or another export.`,
    });
    return problems;
  }
  for (const c of missing) {
    const nearMiss = unknown.find((p) => p.toLowerCase().replace(/[\s-]+/g, '_') === c.name);
    problems.push({
      file,
      severity: 'error',
      column: c.name,
      message: `is missing the required column "${c.name}" (${c.description}).`,
      fix: nearMiss
        ? `Rename the column ${quoted(nearMiss, 30)} to "${c.name}".`
        : `Add a "${c.name}" column. A ${spec.title.toLowerCase()} has the columns: ${expected}.`,
    });
  }
  for (const p of unknown) {
    problems.push({
      file,
      severity: 'error',
      column: p,
      message: `has a column ${quoted(p, 40)} that the data contract does not know.`,
      fix: `Remove it or rename it. A ${spec.title.toLowerCase()} has the columns: ${expected}.`,
    });
  }
  return problems;
}

/**
 * Type and vocabulary checks for each declared column that is present. Columns in `numeric` were staged as
 * DOUBLE (a Parquet file's numbers): the same checks, on the number itself instead of parsed text.
 */
export function columnChecks(
  spec: TableSpec<unknown>,
  columns: readonly string[],
  numeric: ReadonlySet<string> = new Set(),
): RowCheck[] {
  const present = new Set(columns);
  return spec.columns.filter((c) => present.has(c.name)).flatMap((c) => checksFor(c, numeric.has(c.name)));
}

/**
 * A DOUBLE as JavaScript prints it, so that a message quotes a Parquet number as it quotes the same value
 * from CSV: -2 not -2.0, NaN not nan.
 */
export function numberAsWritten(sql: string): string {
  return `CASE WHEN isnan(${sql}) THEN 'NaN' WHEN ${sql} = 'inf'::DOUBLE THEN 'Infinity' WHEN ${sql} = '-inf'::DOUBLE THEN '-Infinity'
    WHEN ${sql} = floor(${sql}) AND abs(${sql}) < 1e18 THEN CAST(CAST(${sql} AS BIGINT) AS VARCHAR) ELSE CAST(${sql} AS VARCHAR) END`;
}

function checksFor(c: ColumnSpec, isNumber: boolean): RowCheck[] {
  const col = ident(c.name);
  const text = `trim(CAST(${col} AS VARCHAR))`;
  const blank = isNumber ? `${col} IS NULL` : `(${col} IS NULL OR ${text} = '')`;
  // The value as a number: the column itself, or its text parsed (NULL when it is not a number).
  const n = isNumber ? col : `TRY_CAST(${text} AS DOUBLE)`;
  const shown = isNumber ? { valueSql: numberAsWritten(col) } : {};
  const checks: RowCheck[] = [];
  if (c.required) {
    checks.push({
      column: c.name,
      where: blank,
      message: () => 'is empty.',
      fix: `Fill in ${c.description}.`,
    });
  }
  const notBlank = `NOT ${blank}`;
  switch (c.kind) {
    case 'period':
      checks.push({
        column: c.name,
        where: `${notBlank} AND NOT regexp_full_match(${text}, '\\d{4}-(0[1-9]|1[0-2])')`,
        message: (v) => `"${v}" is not a month written YYYY-MM.`,
        fix: 'Write periods as four-digit year, hyphen, two-digit month, for example 2024-03.',
      });
      break;
    case 'count':
      checks.push(
        {
          column: c.name,
          ...shown,
          // 'inf' and 'nan' cast to DOUBLE, so they need saying too, or they would fail at commit instead.
          where: `${notBlank} AND (${n} IS NULL OR NOT isfinite(${n}))`,
          message: (v) => `"${v}" is not a number.`,
          fix: 'Counts are whole numbers such as 0, 7 or 120, with no text, commas or symbols.',
        },
        {
          column: c.name,
          ...shown,
          where: `${n} < 0`,
          message: (v) => `${v} is negative.`,
          fix: 'Counts cannot be below zero; check how this value was produced.',
        },
        {
          column: c.name,
          ...shown,
          where: `isfinite(${n}) AND ${n} <> floor(${n})`,
          message: (v) => `${v} is not a whole number.`,
          fix: 'Counts of events or people are whole numbers; supply the count, not a rate or an average.',
        },
        {
          column: c.name,
          ...shown,
          where: `isfinite(${n}) AND ${n} > ${INT32_MAX}`,
          message: (v) => `${v} is too large to be a count (the largest is ${INT32_MAX}).`,
          fix: 'Check the column holds a count and not, say, a code or a total in pence.',
        },
      );
      break;
    case 'number':
      checks.push({
        column: c.name,
        ...shown,
        where: `${notBlank} AND (${n} IS NULL OR NOT isfinite(${n}) OR ${n} < 0)`,
        message: (v) => `"${v}" is not a number of 0 or more.`,
        fix: `Give ${c.description} as a plain number, or leave it empty.`,
      });
      break;
    case 'year':
      checks.push({
        column: c.name,
        ...shown,
        // Through DOUBLE, so that 2024.0 (a year from a spreadsheet) passes and 2024.5 does not round to a year.
        where: `${notBlank} AND coalesce(${n} NOT BETWEEN 1900 AND 2100 OR ${n} <> floor(${n}), true)`,
        message: (v) => `"${v}" is not a year.`,
        fix: 'Write the calendar year as four digits, for example 2024.',
      });
      break;
    case 'enum':
      checks.push({
        column: c.name,
        where: `${notBlank} AND ${text} NOT IN ${strList(c.values ?? [])}`,
        message: (v) => `"${v}" is not one of the allowed values.`,
        fix: `Use one of: ${(c.values ?? []).join(', ')}.`,
      });
      break;
    case 'text':
      break;
  }
  return checks;
}
