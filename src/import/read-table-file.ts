import { tableFromIPC, type Table } from 'apache-arrow';
import type { Engine } from '../engine/engine-types';
import { ident, str } from '../engine/sql-literals';
import { columnsToArrow, rowsToColumns } from './columns-to-arrow';
import type { DetectedFile } from './detect-file-kind';
import { readParquetIntoStaging, type StagedColumns } from './parquet-staging';
import { FileRejected, type Problem } from './problems';
import type { OnRows } from './row-progress';
import { FORMAT_LABEL, type TableHeader } from './table-header';

/**
 * Reads a tabular file into a staging table `name` with a 1-based `_row` column, without validating it. CSV is
 * read by the engine itself, every column as text; Parquet is decoded in JavaScript a row group at a time, its
 * numeric columns staged as numbers (see parquet-staging.ts); Arrow and JSON are parsed in JavaScript and
 * handed over as text Arrow, because the engine's own readers for them are extensions it would download from
 * the internet. Rows that are blank in every column (a spreadsheet's trailing ",,,,") are left out; they keep
 * their numbers, so later rows are still reported by their place in the file.
 */
export async function readTableFile(
  engine: Engine,
  file: DetectedFile,
  bytes: Uint8Array,
  header: TableHeader,
  staging: string,
  wantsNumber: ReadonlySet<string> = new Set(),
  onRows: OnRows = () => {},
): Promise<StagedColumns> {
  const allText: StagedColumns = { numeric: new Set(), keyOrdered: false, asWritten: new Set() };
  const anyValue = header.columns.map((c) => `coalesce(trim(${ident(c)}), '') <> ''`).join(' OR ') || 'true';
  // Numbered and filtered in the statement that reads, so the file is never held twice.
  const numbered = (source: string) =>
    `CREATE OR REPLACE TABLE ${ident(staging)} AS SELECT * FROM (SELECT row_number() OVER () AS _row, * FROM ${source}) WHERE ${anyValue}`;
  const raw = `${staging}_raw`;
  try {
    if (file.format === 'csv') {
      const vfile = `${staging}.csv`;
      await engine.registerFile(vfile, bytes);
      try {
        // The dialect and column names come from the header already read, so the engine does not sniff:
        // its sniffer, faced with a ragged row, falls back to reading each line as one column.
        const columns = `{${header.columns.map((c) => `${str(c)}: 'VARCHAR'`).join(', ')}}`;
        await engine.exec(
          numbered(
            `read_csv(${str(vfile)}, auto_detect = false, header = true, delim = ${str(header.delimiter)}, quote = '"', escape = '"', columns = ${columns})`,
          ),
        );
      } finally {
        await engine.dropFile(vfile);
      }
      return allText;
    }
    if (file.format === 'parquet')
      return await readParquetIntoStaging(engine, bytes, header.columns, wantsNumber, staging, onRows);
    const table =
      file.format === 'arrow' ? arrowAsText(tableFromIPC(bytes)) : columnsToArrow(rowsToColumns(file.json as unknown[]));
    await engine.insertArrow(table, raw, 'create');
  } catch (e) {
    if (e instanceof FileRejected) throw e;
    throw new FileRejected([readProblem(file, e)]);
  }
  await engine.exec(`${numbered(ident(raw))}; DROP TABLE ${ident(raw)}`);
  return allText;
}

/** Arrow IPC keeps its own types; turned into text like the other formats so that one set of checks applies. */
function arrowAsText(table: Table): Table {
  const columns: Record<string, Iterable<unknown>> = {};
  for (const field of table.schema.fields) columns[field.name] = table.getChild(field.name) ?? [];
  return columnsToArrow(columns);
}

/** Turns a reader's error into a problem that says where, what and how to fix it. */
function readProblem(file: DetectedFile, e: unknown): Problem {
  const text = e instanceof Error ? e.message : String(e);
  const label = FORMAT_LABEL[file.format];
  const line = /CSV Error on Line:\s*(\d+)/i.exec(text)?.[1];
  // The engine counts the header as line 1; our rows are data rows, numbered from 1.
  const where = line ? { row: Math.max(1, Number(line) - 1) } : {};
  const fields = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/i.exec(text);
  if (fields) {
    return {
      file: file.name,
      severity: 'error',
      ...where,
      message: `could not be read as CSV: this row has ${fields[2]} fields, but the header has ${fields[1]} columns.`,
      fix: 'Every row needs one field per column (an empty field for a missing value). A value that contains a comma must be in double quotes.',
    };
  }
  if (/unterminated quote/i.test(text)) {
    return {
      file: file.name,
      severity: 'error',
      ...where,
      message: 'could not be read as CSV: this row opens a double quote that is never closed.',
      fix: 'Close the quote, or write a double quote inside a quoted value as two double quotes ("").',
    };
  }
  if (/not utf-8 encoded|invalid unicode/i.test(text)) {
    return {
      file: file.name,
      severity: 'error',
      ...where,
      message: 'could not be read as CSV: it is not UTF-8 text (for example a £ sign or an accent saved in another encoding).',
      fix: 'Save the file as "CSV UTF-8" (in Excel: File, Save As, CSV UTF-8).',
    };
  }
  return {
    file: file.name,
    severity: 'error',
    ...where,
    message: `could not be read as ${label}: ${shortError(text)}.`,
    fix:
      file.format === 'csv'
        ? 'Check the file is complete, has one header row, and the same number of fields on every line.'
        : file.format === 'parquet'
          ? 'Check the file is complete; write it uncompressed or with Snappy compression if it uses another codec.'
          : `Check the file is complete and was saved as ${label}.`,
  };
}

function shortError(text: string): string {
  return text.split('\n')[0]?.replace(/\.$/, '').slice(0, 300) ?? 'unknown error';
}
