import { tableFromIPC, type Table } from 'apache-arrow';
import { parquetMetadata, parquetRead } from 'hyparquet';
import type { Engine } from '../engine/engine-types';
import { ident, str } from '../engine/sql-literals';
import { columnsToArrow, rowsToColumns } from './columns-to-arrow';
import type { DetectedFile } from './detect-file-kind';
import { FileRejected, type Problem } from './problems';
import { FORMAT_LABEL, type TableHeader } from './table-header';

/**
 * Reads a tabular file into a staging table `name` with a 1-based `_row` column and every other column as
 * text, without validating it. CSV is read by the engine itself; Parquet, Arrow and JSON are parsed in
 * JavaScript and handed over as Arrow, because the engine's own readers for them are extensions it would
 * download from the internet. Rows that are blank in every column (a spreadsheet's trailing ",,,,") are
 * left out; they keep their numbers, so later rows are still reported by their place in the file.
 */
export async function readTableFile(
  engine: Engine,
  file: DetectedFile,
  bytes: Uint8Array,
  header: TableHeader,
  staging: string,
): Promise<void> {
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
          `CREATE OR REPLACE TABLE ${ident(raw)} AS SELECT * FROM read_csv(${str(vfile)}, auto_detect = false, header = true, delim = ${str(header.delimiter)}, quote = '"', escape = '"', columns = ${columns})`,
        );
      } finally {
        await engine.dropFile(vfile);
      }
    } else if (file.format === 'parquet') {
      await engine.insertArrow(columnsToArrow(await parquetColumns(bytes, header.columns)), raw, 'create');
    } else if (file.format === 'arrow') {
      await engine.insertArrow(arrowAsText(tableFromIPC(bytes)), raw, 'create');
    } else {
      await engine.insertArrow(columnsToArrow(rowsToColumns(file.json as unknown[])), raw, 'create');
    }
  } catch (e) {
    if (e instanceof FileRejected) throw e;
    throw new FileRejected([readProblem(file, e)]);
  }
  const anyValue = header.columns.map((c) => `coalesce(trim(${ident(c)}), '') <> ''`).join(' OR ');
  await engine.exec(
    `CREATE OR REPLACE TABLE ${ident(staging)} AS SELECT * FROM (SELECT row_number() OVER () AS _row, * FROM ${ident(raw)}) WHERE ${anyValue || 'true'};
     DROP TABLE ${ident(raw)}`,
  );
}

/** Arrow IPC keeps its own types; turned into text like the other formats so that one set of checks applies. */
function arrowAsText(table: Table): Table {
  const columns: Record<string, Iterable<unknown>> = {};
  for (const field of table.schema.fields) columns[field.name] = table.getChild(field.name) ?? [];
  return columnsToArrow(columns);
}

async function parquetColumns(bytes: Uint8Array, names: readonly string[]): Promise<Record<string, unknown[]>> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const meta = parquetMetadata(buffer);
  const total = Number(meta.num_rows);
  const columns: Record<string, unknown[]> = Object.fromEntries(names.map((n) => [n, new Array<unknown>(total).fill(null)]));
  await parquetRead({
    file: buffer,
    metadata: meta,
    onChunk({ columnName, columnData, rowStart }) {
      const target = columns[columnName];
      if (!target) return;
      for (let i = 0; i < columnData.length && rowStart + i < total; i++) target[rowStart + i] = columnData[i];
    },
  });
  return columns;
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
