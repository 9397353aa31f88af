import { castFromStaging } from '../engine/committed-tables';
import type { Engine } from '../engine/engine-types';
import { ident, str } from '../engine/sql-literals';
import { TABLE_SPECS, type TableKind } from '../contract';

/**
 * Rows per statement when a staged file is copied. The engine holds the rows a statement writes uncompressed
 * until the statement commits (about 120 bytes a row), then compresses them to a few bytes a row: one statement
 * over a 10M-row extract would need more than a gigabyte for that alone.
 */
export const SLICE_ROWS = 1_000_000;

/** `_row` ranges of at most SLICE_ROWS rows covering a staged table, as WHERE conditions. */
async function rowSlices(engine: Engine, table: string, size: number, knownLast?: number): Promise<string[]> {
  const [{ last } = { last: 0 }] =
    knownLast !== undefined
      ? [{ last: knownLast }]
      : await engine.query<{ last: number }>(`SELECT coalesce(max(_row), 0)::DOUBLE AS last FROM ${ident(table)}`);
  const slices: string[] = [];
  for (let from = 0; from < last; from += size) slices.push(`_row > ${from} AND _row <= ${from + size}`);
  return slices.length > 0 ? slices : ['true'];
}

/**
 * Replaces the staged table with `typed`, its values cast to the committed types, a slice of rows at a time,
 * and drops the staged one: from here to the commit the engine holds one copy of the file.
 *
 * When every column is staged as it will be committed (numbers staged as numbers, text already trimmed and never
 * blank: `asWritten`), `typed` is a view of the staged rows instead, narrowing numbers where the contract says
 * INTEGER: no second write of the file (at 1M rows the copy was the load's largest statement after the cube). Only
 * numbers are cast through the view, which costs the checks that read it nothing measurable; a view that had to
 * trim text made every check recast it, and was slower than the copy.
 */
export async function castStaged(
  engine: Engine,
  kind: TableKind,
  staging: string,
  typed: string,
  present: ReadonlySet<string>,
  numeric: ReadonlySet<string>,
  sliceRows = SLICE_ROWS,
  asWritten: ReadonlySet<string> = new Set(),
): Promise<void> {
  // A column staged as it is committed casts to its own type, which the engine leaves out.
  const asIs = new Set([...numeric, ...asWritten]);
  if ([...present].every((c) => asIs.has(c))) {
    await engine.exec(
      `CREATE OR REPLACE VIEW ${ident(typed)} AS SELECT _row, ${castFromStaging(kind, present, asIs)} FROM ${ident(staging)}`,
    );
    return;
  }
  const select = `SELECT _row, ${castFromStaging(kind, present, numeric)} FROM ${ident(staging)}`;
  for (const [i, where] of (await rowSlices(engine, staging, sliceRows)).entries()) {
    await engine.exec(
      i === 0
        ? `CREATE OR REPLACE TABLE ${ident(typed)} AS ${select} WHERE ${where}`
        : `INSERT INTO ${ident(typed)} ${select} WHERE ${where}`,
    );
  }
  await engine.exec(`DROP TABLE ${ident(staging)}`);
}

/**
 * Drops what a load staged under these names, tables or views. The engine drops each only as what it is, and
 * asking its catalogue which is which cost more than trying: a view of a dropped table is dropped as a view.
 */
export async function dropStaged(engine: Engine, names: readonly string[]): Promise<void> {
  for (const name of names) {
    try {
      await engine.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
    } catch {
      await engine.exec(`DROP VIEW IF EXISTS ${ident(name)}`);
    }
  }
}

/**
 * Commits a checked file's rows, replacing the rows an earlier version of the same file loaded. Written in
 * slices (see SLICE_ROWS), so not in one transaction: the earlier rows are set aside under another name first
 * and put back if any slice fails, so that a failure still leaves what was loaded before as it was.
 *
 * Extracts are stored ordered by (indicator, area, period) within each file, so the engine skips blocks by
 * their min/max when a view filters on those columns. A file already in that order (as upstream-extracts.md
 * asks) is copied as it is; any other is sorted one indicator at a time. Other tables keep the file's order.
 */
export async function commitTable(
  engine: Engine,
  kind: TableKind,
  typed: string,
  file: string,
  keyOrdered: boolean,
  sliceRows = SLICE_ROWS,
  /** The largest `_row` when the caller knows it (a view over a join need not be computed once more to find it). */
  lastRow?: number,
): Promise<void> {
  const table = ident(kind);
  const name = str(file);
  // A name no file can have (file names never hold control characters), for the rows being replaced.
  const aside = str(`${file}\u001freplaced`);
  const [{ n: earlier } = { n: 0 }] = await engine.query<{ n: number }>(
    `SELECT count(*)::DOUBLE AS n FROM ${table} WHERE source_file = ${name}`,
  );
  if (earlier > 0) await engine.exec(`UPDATE ${table} SET source_file = ${aside} WHERE source_file = ${name}`);
  const columns = TABLE_SPECS[kind].columns.map((c) => ident(c.name)).join(', ');
  try {
    for (const slice of await commitSlices(engine, kind, typed, keyOrdered, sliceRows, lastRow)) {
      await engine.exec(`INSERT INTO ${table} SELECT ${columns}, ${name} FROM ${ident(typed)} WHERE ${slice}`);
    }
  } catch (e) {
    await engine.exec(
      `DELETE FROM ${table} WHERE source_file = ${name}; UPDATE ${table} SET source_file = ${name} WHERE source_file = ${aside}`,
    );
    throw e;
  }
  if (earlier > 0) await engine.exec(`DELETE FROM ${table} WHERE source_file = ${aside}`);
}

/** WHERE conditions (with their ORDER BY) that write the file in the order it is stored in, in slices. */
async function commitSlices(
  engine: Engine,
  kind: TableKind,
  typed: string,
  keyOrdered: boolean,
  sliceRows: number,
  lastRow?: number,
): Promise<string[]> {
  if (kind !== 'extracts') return ['true ORDER BY _row'];
  if (keyOrdered) return rowSlices(engine, typed, sliceRows, lastRow);
  const indicators = await engine.query<{ id: string }>(`SELECT DISTINCT indicator_id AS id FROM ${ident(typed)} ORDER BY 1`);
  return indicators.map(({ id }) => `indicator_id = ${str(id)} ORDER BY area_code, period, _row`);
}
