import { Int32, makeVector, Table, type Vector } from 'apache-arrow';
import type { Manifest } from '../contract';
import type { Engine } from '../engine/engine-types';
import { ident } from '../engine/sql-literals';
import { columnsToArrow } from './columns-to-arrow';
import { commitTable } from './commit-table';
import { FileRejected, type Problem } from './problems';
import type { ExtractGrid } from './public-data/police-uk-extracts';
import { meaningProblems } from './table-checks';

/**
 * An extract the dashboard built itself (from public data), as a grid of numbers (see ExtractGrid). Its types
 * and vocabularies are right by construction, so it skips the text staging, casting and shape checks a user's
 * file needs (most of the time at 300,000 rows), but not the checks of meaning: indicators and areas known, no
 * cell given twice, here or by another file. Only numbers cross to the engine, which joins the labels back.
 */
export interface PreparedExtract extends ExtractGrid {
  name: string;
}

const ints = (values: Int32Array): Vector<Int32> => makeVector(values);

/** Rows with their number, cell position and count: integer columns only. */
export function preparedCellsTable(x: PreparedExtract): Table {
  return new Table({ _row: ints(Int32Array.from(x.cell, (_, j) => j + 1)), cell: ints(x.cell), count: ints(x.count) });
}

/**
 * The typed staging table the meaning checks and the commit read. The labels are joined on positions worked
 * out first (a join on an expression was several times slower), and rows keep the `_row` given in key order.
 */
function typedSql(
  x: PreparedExtract,
  cells: string,
  labels: Record<'indicators' | 'areas' | 'months' | 'sexes', string>,
  typed: string,
): string {
  const [nA, nM, nS] = [x.areas.length, x.months.length, x.sexes.length];
  return `CREATE OR REPLACE TABLE ${ident(typed)} AS
    SELECT c._row, i.label AS indicator_id, m.label AS period, a.label AS area_code, 'all' AS age_band, s.label AS sex,
           c.count AS count, NULL::DOUBLE AS denominator
    FROM (SELECT _row, count, cell // ${nA * nM * nS} AS ip, (cell // ${nM * nS}) % ${nA} AS ap, (cell // ${nS}) % ${nM} AS mp,
                 cell % ${nS} AS sp FROM ${ident(cells)}) c
    JOIN ${ident(labels.indicators)} i ON i.pos = c.ip
    JOIN ${ident(labels.areas)} a ON a.pos = c.ap
    JOIN ${ident(labels.months)} m ON m.pos = c.mp
    JOIN ${ident(labels.sexes)} s ON s.pos = c.sp`;
}

/** Checks a prepared extract's meaning and commits it under its name (replacing what that name loaded before). */
export async function loadPreparedExtract(
  engine: Engine,
  x: PreparedExtract,
  staging: string,
  manifest: Manifest | null,
  latestPeriod: string,
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
    const problems = await meaningProblems(engine, 'extracts', typed, { manifest, latestPeriod, file: x.name });
    if (problems.some((p) => p.severity === 'error')) throw new FileRejected(problems);
    await commitTable(engine, 'extracts', typed, x.name, true);
    return { rows: x.count.length, problems };
  } finally {
    await engine.exec([typed, cells, ...Object.values(labels)].map((t) => `DROP TABLE IF EXISTS ${ident(t)}`).join('; '));
  }
}
