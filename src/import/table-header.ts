import { RecordBatchReader } from 'apache-arrow';
import { parquetMetadata, parquetSchema } from 'hyparquet';
import type { TableKind } from '../contract';
import { rowsToColumns } from './columns-to-arrow';
import type { DetectedFile } from './detect-file-kind';
import { splitCsvLine } from './csv-fields';
import { isFingertipsDownload } from './fingertips-download';

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
  const line = firstLine(bytes);
  // Counted in one pass, outside quotes, so that a header of 200,000 columns is split once, not four times.
  const seen = new Map<string, number>();
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(c)) seen.set(c, (seen.get(c) ?? 0) + 1);
  }
  let delimiter: string = ',';
  for (const d of DELIMITERS) if ((seen.get(d) ?? 0) > (seen.get(delimiter) ?? 0)) delimiter = d;
  return { columns: splitCsvLine(line, delimiter).map((c) => c.trim()), delimiter };
}

/**
 * The first record's text. 64 KiB holds any sensible header, and decoding the whole file here would double the
 * work; a longer one (a sheet exported with thousands of columns) is read on until its end, so that it is counted
 * and described as what it is rather than cut into a header of partial names.
 */
function firstLine(bytes: Uint8Array): string {
  for (let window = 65_536; ; window *= 4) {
    const text = new TextDecoder().decode(bytes.subarray(0, window)).replace(/^\uFEFF/, '');
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i);
    }
    if (window >= bytes.length) return text;
  }
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
  if (columns.includes('benchmark') || isFingertipsDownload(columns)) return 'benchmarks';
  if (columns.includes('indicator_id') || columns.includes('count')) return 'extracts';
  if (columns.includes('imd_decile') || columns.includes('imd_rank')) return 'area_deprivation';
  if (columns.includes('population')) return 'population';
  if (columns.includes('code') && columns.includes('level')) return 'areas';
  return guessTableKind(name);
}
