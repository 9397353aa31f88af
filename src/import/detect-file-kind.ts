import { clip } from './problems';

export type FileFormat = 'csv' | 'parquet' | 'arrow' | 'json';
export type FileRole = 'manifest' | 'table' | 'boundary';

export interface DetectedFile {
  name: string;
  format: FileFormat;
  role: FileRole;
  /** Parsed JSON when the file is JSON, so it is parsed once. */
  json?: unknown;
}

const PARQUET_MAGIC = 'PAR1';

function startsWith(bytes: Uint8Array, text: string, at = 0): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Where `text` (bytes 0-255) first occurs in `bytes`, or -1. */
function indexOfText(bytes: Uint8Array, text: string): number {
  const first = text.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, text, i)) return i;
  }
  return -1;
}

const isZip = (bytes: Uint8Array) => startsWith(bytes, 'PK\x03\x04');
/** The compound file that Office 97-2003 documents (.xls, .doc) are stored in. */
const isCompoundFile = (bytes: Uint8Array) => startsWith(bytes, '\xd0\xcf\x11\xe0');
/** A stream name in a compound file's directory, which is UTF-16LE. */
const utf16le = (name: string) => [...name].map((c) => `${c}\0`).join('');

/**
 * True for an Excel workbook: a ZIP archive holding xl/workbook.xml (.xlsx, .xlsm), or an Office 97-2003 compound
 * file with a "Workbook" or "Book" stream (.xls). Archive handling calls this before unpacking a dropped zip, so
 * that a workbook gets the Excel message rather than being opened as an archive of XML files.
 */
export function isExcelWorkbook(bytes: Uint8Array): boolean {
  if (isZip(bytes)) return indexOfText(bytes, 'xl/workbook.xml') >= 0;
  if (!isCompoundFile(bytes)) return false;
  return indexOfText(bytes, utf16le('Workbook')) >= 0 || indexOfText(bytes, utf16le('Book\0')) >= 0;
}

/** How to get the file the dashboard reads out of Excel. */
export const SAVE_AS_CSV_UTF8 = 'In Excel choose File, Save As, "CSV UTF-8 (Comma delimited) (*.csv)" and load that file.';

/**
 * UTF-16 text, as Excel writes "Unicode Text": a byte-order mark, or (without one) a NUL byte in every other
 * place, which is how the ASCII letters of a header look in UTF-16.
 */
export function isUtf16Text(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (odd > 0.4 * half && even < 0.05 * half) || (even > 0.4 * half && odd < 0.05 * half);
}

/** A CSV longer than this with no line break at all is not a header alone, whatever its first bytes say. */
const ONE_LINE_BYTES = 65_536;

/**
 * A file too long to be a header alone with no line break at all: refused with its own message (detectFileKind)
 * and never split into "columns" first, which for 60 MB of joined-up rows means millions of them (20 s of a frozen
 * page before the message).
 */
function isOneLongLine(bytes: Uint8Array): boolean {
  return bytes.length > ONE_LINE_BYTES && bytes.indexOf(0x0a) < 0 && bytes.indexOf(0x0d) < 0;
}

export function sizeText(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

const NOT_A_KIND =
  'is JSON but neither a manifest (with "datasets" and "indicators"), a table (an array of rows), nor a GeoJSON/TopoJSON boundary file.';

/** Spreadsheets and what Excel saves are the likeliest wrong files: each message says how to get a CSV instead. */
function refuseOfficeFiles(lower: string, bytes: Uint8Array): void {
  // By name too, for a workbook cut short in copying (its list of parts is at the end).
  if (isExcelWorkbook(bytes) || ((isZip(bytes) || isCompoundFile(bytes)) && /\.xl(s[xmb]?|t[xm]?)$/.test(lower))) {
    throw new Error(
      `is an Excel workbook, which the dashboard does not read. ${SAVE_AS_CSV_UTF8.replace(' and', ' for each sheet and')}`,
    );
  }
  if (isZip(bytes) && indexOfText(bytes.subarray(0, 200), 'opendocument.spreadsheet') >= 0) {
    throw new Error('is an OpenDocument spreadsheet, which the dashboard does not read. Save each sheet as "Text CSV" in UTF-8.');
  }
  if (isZip(bytes)) throw new Error('is a ZIP archive. Unzip it and load the files inside.');
  if (isCompoundFile(bytes)) {
    throw new Error('is an Office 97-2003 document, which the dashboard does not read. Save the data as "CSV UTF-8".');
  }
  if (isUtf16Text(bytes)) {
    if (/\.(geo|topo)?json$/.test(lower))
      throw new Error('is JSON saved as UTF-16 text, which the dashboard does not read. Save it again as UTF-8.');
    throw new Error(`is UTF-16 text (what Excel calls "Unicode Text"), which the dashboard does not read. ${SAVE_AS_CSV_UTF8}`);
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    // A structure nested thousands deep is valid JSON that no reader can hold; no manifest or table looks like it.
    if (e instanceof RangeError)
      throw new Error('is JSON nested too deeply to read; no manifest, table or boundary file is.', { cause: e });
    throw new Error(`is not valid JSON (${clip((e as Error).message, 120)}). Check the file was saved completely as JSON.`, {
      cause: e,
    });
  }
}

/**
 * Decides what a dropped file is from its bytes first and its name second, so a mis-named file is still
 * read as what it is. Throws an Error with a plain message when the file is none of the supported kinds.
 */
export function detectFileKind(name: string, bytes: Uint8Array): DetectedFile {
  const lower = name.toLowerCase();
  if (bytes.length === 0) throw new Error('is empty (0 bytes). Check the export finished before the file was copied.');
  refuseOfficeFiles(lower, bytes);
  if (startsWith(bytes, PARQUET_MAGIC)) return { name, format: 'parquet', role: 'table' };
  if (startsWith(bytes, 'ARROW1') || lower.endsWith('.arrow') || lower.endsWith('.feather')) {
    return { name, format: 'arrow', role: 'table' };
  }
  // Arrow IPC streams start with a continuation marker (0xFFFFFFFF).
  if (bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff) {
    return { name, format: 'arrow', role: 'table' };
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (head.startsWith('{') || head.startsWith('[') || /\.(geo|topo)?json$/.test(lower)) {
    const json = parseJson(bytes);
    if (Array.isArray(json)) return { name, format: 'json', role: 'table', json };
    if (json === null || typeof json !== 'object') throw new Error(NOT_A_KIND);
    const obj = json as Record<string, unknown>;
    if (obj.type === 'FeatureCollection' || obj.type === 'Topology') return { name, format: 'json', role: 'boundary', json };
    if ('datasets' in obj || 'indicators' in obj || 'schemaVersion' in obj)
      return { name, format: 'json', role: 'manifest', json };
    throw new Error(NOT_A_KIND);
  }
  // Text never holds a NUL byte; anything that does is binary of a kind none of the readers understand.
  if (bytes.includes(0)) {
    throw new Error(
      'is a binary file of a kind the dashboard does not read (not CSV, Parquet, Arrow, JSON, GeoJSON or TopoJSON).',
    );
  }
  // A CSV is a header line and a line per row: a large file with no line break is one joined-up line, and
  // saying "no rows" or listing its "columns" would not help.
  if (isOneLongLine(bytes)) {
    throw new Error(
      `is ${sizeText(bytes.length)} on one line: it has no line breaks, so its header and rows cannot be told apart. A CSV has the header on its first line and one row on each line after; export it again as CSV.`,
    );
  }
  return { name, format: 'csv', role: 'table' };
}
