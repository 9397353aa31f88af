import { Int32, makeVector, Table, type Vector } from 'apache-arrow';
import { castFromStaging } from '../engine/committed-tables';
import type { Engine } from '../engine/engine-types';
import { ident, str } from '../engine/sql-literals';
import type { TableKind } from '../contract';
import { columnsToArrow } from './columns-to-arrow';
import type { RowCheck } from './column-checks';
import { runRowChecks } from './column-checks';
import { commitTable } from './commit-table';
import { FileRejected, type Problem } from './problems';
import { TABLE_KEYS } from './table-checks';
import type { ExtractGrid } from './public-data/police-uk-extracts';

/*
 * Tables the dashboard built itself (from public data): an areas lookup, population rows and extracts whose
 * shape, types, vocabularies, keys and hierarchy are right by construction. They skip the CSV staging, casting
 * and checks a user's file needs (at 100,000 rows, mostly fixed costs of a dozen statements), and keep the two
 * checks that depend on what else is loaded: every area code is in the areas lookup, and no row repeats a cell
 * another file has loaded.
 */

/** An extract as a grid of numbers (see ExtractGrid): only numbers cross to the engine, which joins the labels back. */
export interface PreparedExtract extends ExtractGrid {
  name: string;
}

/** A small table (areas lookup, population) as text columns named as the contract names them. */
export interface PreparedRows {
  kind: 'areas' | 'population';
  name: string;
  columns: Record<string, readonly (string | null)[]>;
}

/** The checks that depend on what else is loaded (see above). */
function leanChecks(kind: TableKind, name: string): RowCheck[] {
  const key = TABLE_KEYS[kind];
  const checks: RowCheck[] = [
    {
      column: key.includes('code') ? 'code' : 'area_code',
      where: `EXISTS (SELECT 1 FROM ${ident(kind)} c WHERE c.source_file <> ${str(name)} AND ${key.map((k) => `c.${ident(k)} = t.${ident(k)}`).join(' AND ')})`,
      valueSql: key.map((k) => `CAST(t.${ident(k)} AS VARCHAR)`).join(` || ' / ' || `),
      message: (v) => `the ${kind === 'areas' ? 'area' : 'cell'} ${v} was already loaded from another file.`,
      fix: 'Load each area and cell from one file only: the dashboard builds this one from the public files, so remove the other file, or load your own lookup or extract without these rows.',
    },
  ];
  if (kind !== 'areas') {
    checks.push({
      column: 'area_code',
      where: 't.area_code NOT IN (SELECT code FROM areas)',
      message: (v) => `area code "${v}" is not in the areas lookup.`,
      fix: 'Load the areas lookup these public files are placed in (it may have been refused: see its message).',
    });
  }
  return checks;
}

/**
 * Runs the lean checks, and commits. The row-by-row checks are skipped when a cheap count shows they cannot find
 * anything: no other file has rows of these indicators (or areas), and every area code the rows use is known.
 */
async function checkAndCommit(
  engine: Engine,
  kind: TableKind,
  typed: string,
  name: string,
  keyOrdered: boolean,
  grid?: { areas: string; indicators: string; rows: number },
): Promise<Problem[]> {
  const others =
    kind === 'extracts'
      ? `SELECT count(*) FROM extracts WHERE source_file <> ${str(name)} AND indicator_id IN ${grid ? `(SELECT label FROM ${ident(grid.indicators)})` : `(SELECT DISTINCT indicator_id FROM ${ident(typed)})`}`
      : `SELECT count(*) FROM ${ident(kind)} WHERE source_file <> ${str(name)}`;
  const codes = grid ? ident(grid.areas) : `(SELECT DISTINCT area_code AS label FROM ${ident(typed)})`;
  const unknown = kind === 'areas' ? 'SELECT 0' : `SELECT count(*) FROM ${codes} l WHERE l.label NOT IN (SELECT code FROM areas)`;
  const [{ clash, missing } = { clash: 0, missing: 0 }] = await engine.query<{ clash: number; missing: number }>(
    `SELECT (${others})::DOUBLE AS clash, (${unknown})::DOUBLE AS missing`,
  );
  const checks = leanChecks(kind, name).filter((c, i) => (i === 0 ? clash > 0 : missing > 0));
  const problems = await runRowChecks(engine, name, typed, checks);
  if (problems.some((p) => p.severity === 'error')) throw new FileRejected(problems);
  await commitTable(engine, kind, typed, name, keyOrdered, undefined, grid?.rows);
  return problems;
}

/** Loads a prepared areas lookup or population table under its name (replacing what that name loaded before). */
export async function loadPreparedRows(
  engine: Engine,
  x: PreparedRows,
  staging: string,
): Promise<{ rows: number; problems: Problem[] }> {
  const raw = `${staging}_raw`;
  const typed = `${staging}_typed`;
  const rows = Object.values(x.columns)[0]?.length ?? 0;
  try {
    const table = columnsToArrow({ ...x.columns });
    await engine.insertArrow(
      new Table({
        _row: makeVector(Int32Array.from({ length: rows }, (_, i) => i + 1)),
        ...Object.fromEntries(table.schema.fields.map((f) => [f.name, table.getChild(f.name) as Vector])),
      }),
      raw,
      'create',
    );
    await engine.exec(
      `CREATE OR REPLACE TABLE ${ident(typed)} AS SELECT _row, ${castFromStaging(x.kind, new Set(Object.keys(x.columns)))} FROM ${ident(raw)}`,
    );
    return { rows, problems: await checkAndCommit(engine, x.kind, typed, x.name, false) };
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${ident(raw)}; DROP TABLE IF EXISTS ${ident(typed)}`);
  }
}

const ints = (values: Int32Array): Vector<Int32> => makeVector(values);

/** Rows with their number, cell position and count: integer columns only. */
export function preparedCellsTable(x: PreparedExtract): Table {
  return new Table({ _row: ints(Int32Array.from(x.cell, (_, j) => j + 1)), cell: ints(x.cell), count: ints(x.count) });
}

/**
 * The typed rows the checks and the commit read, as a view: the commit computes the join once, straight into the
 * extracts (a table in between cost as much again). The labels are joined on positions worked out first (a join
 * on an expression was several times slower); rows keep the `_row` given in key order, and are written in it.
 */
function typedSql(
  x: PreparedExtract,
  cells: string,
  labels: Record<'indicators' | 'areas' | 'months' | 'sexes', string>,
  typed: string,
): string {
  const [nA, nM, nS] = [x.areas.length, x.months.length, x.sexes.length];
  return `CREATE OR REPLACE VIEW ${ident(typed)} AS
    SELECT c._row, i.label AS indicator_id, m.label AS period, a.label AS area_code, 'all' AS age_band, s.label AS sex,
           c.count AS count, NULL::DOUBLE AS denominator
    FROM (SELECT _row, count, cell // ${nA * nM * nS} AS ip, (cell // ${nM * nS}) % ${nA} AS ap, (cell // ${nS}) % ${nM} AS mp,
                 cell % ${nS} AS sp FROM ${ident(cells)}) c
    JOIN ${ident(labels.indicators)} i ON i.pos = c.ip
    JOIN ${ident(labels.areas)} a ON a.pos = c.ap
    JOIN ${ident(labels.months)} m ON m.pos = c.mp
    JOIN ${ident(labels.sexes)} s ON s.pos = c.sp
    ORDER BY c._row`;
}

/** Loads a prepared extract under its name (replacing what that name loaded before). */
export async function loadPreparedExtract(
  engine: Engine,
  x: PreparedExtract,
  staging: string,
): Promise<{ rows: number; problems: Problem[] }> {
  const typed = `${staging}_typed`;
  const cells = `${staging}_cells`;
  const labels = {
    indicators: `${staging}_indicators`,
    areas: `${staging}_areas`,
    months: `${staging}_months`,
    sexes: `${staging}_sexes`,
  };
  try {
    await engine.insertArrow(preparedCellsTable(x), cells, 'create');
    for (const [key, table] of Object.entries(labels) as [keyof typeof labels, string][]) {
      const values = x[key];
      const t = columnsToArrow({ label: values });
      await engine.insertArrow(
        new Table({ pos: ints(Int32Array.from(values, (_, i) => i)), label: t.getChild('label') as Vector }),
        table,
        'create',
      );
    }
    await engine.exec(typedSql(x, cells, labels, typed));
    const grid = { areas: labels.areas, indicators: labels.indicators, rows: x.count.length };
    return { rows: x.count.length, problems: await checkAndCommit(engine, 'extracts', typed, x.name, true, grid) };
  } finally {
    await engine.exec(
      [
        `DROP VIEW IF EXISTS ${ident(typed)}`,
        ...[cells, ...Object.values(labels)].map((t) => `DROP TABLE IF EXISTS ${ident(t)}`),
      ].join('; '),
    );
  }
}
