import { TABLE_SPECS, type TableKind } from '../contract';
import type { Engine } from './engine-types';
import { ident, str } from './sql-literals';

/**
 * The tables that hold what has been loaded, typed as the data contract declares. Each row remembers
 * the file it came from, so loading a corrected file replaces that file's rows and nothing else.
 */
export function createTableSql(kind: TableKind): string {
  const cols = TABLE_SPECS[kind].columns.map((c) => `${ident(c.name)} ${c.sqlType}`);
  return `CREATE TABLE IF NOT EXISTS ${ident(kind)} (${[...cols, 'source_file VARCHAR'].join(', ')})`;
}

/**
 * Lookups that many sessions never load, created by the first file of their kind rather than up front: the demo
 * snapshot cannot yet restore an empty table whose text columns are dictionary-encoded (DuckDB expects their
 * dictionaries in the stream), and queries of them check first that they exist (committedTableExists).
 */
const ON_FIRST_LOAD: ReadonlySet<TableKind> = new Set(['area_deprivation', 'benchmarks']);

export async function ensureCommittedTables(engine: Engine): Promise<void> {
  for (const kind of Object.keys(TABLE_SPECS) as TableKind[])
    if (!ON_FIRST_LOAD.has(kind)) await engine.exec(createTableSql(kind));
}

/** Creates one committed table if it is not there yet (a file of its kind is about to be checked and committed). */
export async function ensureCommittedTable(engine: Engine, kind: TableKind): Promise<void> {
  await engine.exec(createTableSql(kind));
}

/** Whether a committed table created on first load exists yet. */
export async function committedTableExists(engine: Engine, kind: TableKind): Promise<boolean> {
  const rows = await engine.query<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = ${str(kind)} AND schema_name = current_schema()`,
  );
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * SELECT list that casts a validated staging table into the committed types: text is trimmed and parsed,
 * and columns in `numeric`, staged as DOUBLE already, are only narrowed where the contract says INTEGER.
 */
export function castFromStaging(kind: TableKind, present: ReadonlySet<string>, numeric: ReadonlySet<string> = new Set()): string {
  return TABLE_SPECS[kind].columns
    .map((c) => {
      if (!present.has(c.name)) return `NULL::${c.sqlType} AS ${ident(c.name)}`;
      if (numeric.has(c.name)) return `CAST(${ident(c.name)} AS ${c.sqlType}) AS ${ident(c.name)}`;
      const text = `NULLIF(trim(CAST(${ident(c.name)} AS VARCHAR)), '')`;
      return `CAST(${c.sqlType === 'VARCHAR' ? text : `CAST(${text} AS DOUBLE)`} AS ${c.sqlType}) AS ${ident(c.name)}`;
    })
    .join(', ');
}

/**
 * Empties the engine for another workspace: every table dropped (what was loaded, the cube, the protected
 * tables, lookups derived from them), then the committed tables made again, empty. Nothing of one workspace can
 * reach the next.
 */
export async function clearAllTables(engine: Engine): Promise<void> {
  const tables = await engine.query<{ name: string; temporary: boolean }>(
    `SELECT table_name AS name, temporary FROM duckdb_tables()
     WHERE (database_name = current_database() AND schema_name = current_schema()) OR temporary`,
  );
  if (tables.length > 0) {
    await engine.exec(tables.map((t) => `DROP TABLE IF EXISTS ${t.temporary ? 'temp.' : ''}${ident(t.name)}`).join(';\n'));
  }
  await ensureCommittedTables(engine);
}
