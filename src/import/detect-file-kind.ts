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

function startsWith(bytes: Uint8Array, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * Decides what a dropped file is from its bytes first and its name second, so a mis-named file is still
 * read as what it is. Throws an Error with a plain message when the file is none of the supported kinds.
 */
export function detectFileKind(name: string, bytes: Uint8Array): DetectedFile {
  const lower = name.toLowerCase();
  if (bytes.length === 0) throw new Error('is empty (0 bytes). Check the export finished before the file was copied.');
  // Spreadsheets are the likeliest wrong file, so they get a message of their own rather than "unreadable".
  if (startsWith(bytes, 'PK\x03\x04') || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) {
    throw new Error(
      `is ${/\.xls[xmb]?$/.test(lower) ? 'an Excel workbook' : 'a ZIP archive or Excel workbook'}, which the dashboard does not read. Save each sheet as "CSV UTF-8", or unzip the archive and load the files inside.`,
    );
  }
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
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new Error(`is not valid JSON (${(e as Error).message}). Check the file was saved completely as JSON.`, { cause: e });
    }
    if (Array.isArray(json)) return { name, format: 'json', role: 'table', json };
    const obj = json as Record<string, unknown>;
    if (obj.type === 'FeatureCollection' || obj.type === 'Topology') return { name, format: 'json', role: 'boundary', json };
    if ('datasets' in obj || 'indicators' in obj || 'schemaVersion' in obj)
      return { name, format: 'json', role: 'manifest', json };
    throw new Error(
      'is JSON but neither a manifest (with "datasets" and "indicators"), a table (an array of rows), nor a GeoJSON/TopoJSON boundary file.',
    );
  }
  // Text never holds a NUL byte; anything that does is binary of a kind none of the readers understand.
  if (bytes.includes(0)) {
    throw new Error(
      'is a binary file of a kind the dashboard does not read (not CSV, Parquet, Arrow, JSON, GeoJSON or TopoJSON).',
    );
  }
  return { name, format: 'csv', role: 'table' };
}
