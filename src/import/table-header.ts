import { RecordBatchReader } from 'apache-arrow';
import { parquetMetadata, parquetSchema } from 'hyparquet';
import type { TableKind } from '../contract';
import { rowsToColumns } from './columns-to-arrow';
import type { DetectedFile } from './detect-file-kind';

/** A table file's column names, read in JavaScript without handing any of its rows to the engine. */
export interface TableHeader {
  columns: string[];
  /** For CSV: the field delimiter found in the header line, passed to the engine so it does not guess. */
  delimiter: string;
}

/** Human names of the formats, for messages. */
export const FORMAT_LABEL: Record<DetectedFile['format'], string> = {
  csv: 'CSV',
  parquet: 'Parquet',
  arrow: 'Arrow IPC',
  json: 'JSON',
};

/**
 * Reads only the header: the first line of a CSV, the schema of a Parquet or Arrow file, the keys of a
 * JSON table. Person-level and header checks run on this, so a refused file never enters the engine.
 * Throws an Error when the header cannot be read.
 */
export function readTableHeader(file: DetectedFile, bytes: Uint8Array): TableHeader {
  switch (file.format) {
    case 'csv':
      return csvHeader(bytes);
    case 'parquet': {
      const schema = parquetSchema(parquetMetadata(bytes));
      return { columns: schema.children.map((c) => c.element.name), delimiter: ',' };
    }
    case 'arrow': {
      const reader = RecordBatchReader.from(bytes);
      reader.open();
      return { columns: reader.schema.fields.map((f) => f.name), delimiter: ',' };
    }
    case 'json': {
      const rows = file.json as unknown[];
      if (rows.length === 0) throw new Error('the JSON table is an empty array, with no rows');
      return { columns: Object.keys(rowsToColumns(rows)), delimiter: ',' };
    }
  }
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The first CSV record (quotes respected), split on whichever delimiter it uses most. */
export function csvHeader(bytes: Uint8Array): TableHeader {
  // 64 KiB is far more than any header line; decoding the whole file here would double the work.
  const text = new TextDecoder().decode(bytes.subarray(0, 65_536)).replace(/^\uFEFF/, '');
  let end = text.length;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      end = i;
      break;
    }
  }
  const line = text.slice(0, end);
  let delimiter: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = splitCsvLine(line, d).length - 1;
    if (n > most) {
      most = n;
      delimiter = d;
    }
  }
  return { columns: splitCsvLine(line, delimiter).map((c) => c.trim()), delimiter };
}

/** One line's fields, with RFC 4180 quotes (a quote left open runs to the end of the line). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === delimiter) {
      out.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  out.push(field);
  return out;
}

/** A first guess from the file name, used only when the columns do not say. */
export function guessTableKind(name: string): TableKind {
  const n = name.toLowerCase();
  if (n.includes('population') || n.includes('denominator')) return 'population';
  if (n.includes('area') || n.includes('lookup')) return 'areas';
  return 'extracts';
}

/** Which table a file is for, from its columns first and its name second. */
export function tableKindOf(name: string, columns: readonly string[]): TableKind {
  if (columns.includes('indicator_id') || columns.includes('count')) return 'extracts';
  if (columns.includes('population')) return 'population';
  if (columns.includes('code') && columns.includes('level')) return 'areas';
  return guessTableKind(name);
}
