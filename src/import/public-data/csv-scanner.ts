import { splitCsvLine } from '../csv-fields';
/**
 * A CSV scanner over bytes for the large public files (police.uk months are ~3 MB and ~17,000 records each).
 * It reads only the columns asked for and hands each record over as small integer ids, one per column, from
 * an interner per column: a value's text is decoded once per distinct value, not once per record, so a
 * month of records costs no string per record. RFC 4180 quoting ("a, b" and "" inside quotes) is honoured.
 */

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Distinct values of one column, each given a small id in order of first appearance (0 is the empty value). */
export class ValueInterner {
  readonly values: string[] = [''];
  private readonly byHash = new Map<number, number[]>();
  private readonly bytes: Uint8Array[] = [new Uint8Array(0)];
  private readonly decoder = new TextDecoder();

  /** The id of the value in `source[start, end)` (unquoted, so its bytes are the value). */
  idOf(source: Uint8Array, start: number, end: number, hash: number): number {
    if (end === start) return 0;
    const ids = this.byHash.get(hash);
    if (ids) {
      for (const id of ids) if (sameBytes(this.bytes[id] as Uint8Array, source, start, end)) return id;
    }
    const copy = source.slice(start, end);
    const id = this.values.length;
    this.values.push(this.decoder.decode(copy).trim());
    this.bytes.push(copy);
    if (ids) ids.push(id);
    else this.byHash.set(hash, [id]);
    return id;
  }

  /** The id of a value that needed unquoting (rare in these files, so decoded as text). */
  idOfText(text: string): number {
    const bytes = new TextEncoder().encode(text);
    return this.idOf(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length));
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[start + i]) return false;
  return true;
}

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), FNV_PRIME);
  return h;
}

/** Where the header ends: the index of the first byte of the first data record. */
function headerEnd(bytes: Uint8Array): number {
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) {
      if (c === CR && bytes[i + 1] === LF) return i + 2;
      return i + 1;
    }
  }
  return bytes.length;
}

export interface ScanResult {
  /** Data records read (blank lines are not records). */
  records: number;
}

/**
 * Calls `onRecord` for every data record after the header, with `ids[k]` the interned id of column
 * `columns[k]` (0 when the record has no such field or it is empty). `ids` is reused between calls.
 * `prefixes[k]`, when given, interns only the first that many bytes of the column (the month of a timestamp).
 */
export function scanCsv(
  bytes: Uint8Array,
  columns: readonly number[],
  interners: readonly ValueInterner[],
  onRecord: (ids: Int32Array) => void,
  prefixes: readonly (number | undefined)[] = [],
): ScanResult {
  const maxColumn = Math.max(-1, ...columns);
  // slot[column] = which of `ids` it fills, or -1 for a column nobody asked for.
  const slot = new Int32Array(maxColumn + 1).fill(-1);
  columns.forEach((c, k) => (slot[c] = k));
  const limit = Int32Array.from(columns, (_, k) => prefixes[k] ?? 0x7fffffff);
  const ids = new Int32Array(columns.length);
  const n = bytes.length;
  let i = headerEnd(bytes);
  let records = 0;
  let col = 0;
  let recordHasContent = false;

  while (i < n) {
    const k = col <= maxColumn ? (slot[col] as number) : -1;
    let c = bytes[i] as number;
    if (c === QUOTE) {
      // Quoted field: find its end; unquote only a wanted field, and only through text when it holds "".
      const start = i + 1;
      let j = start;
      let escaped = false;
      for (;;) {
        if (j >= n) break;
        if (bytes[j] === QUOTE) {
          if (bytes[j + 1] === QUOTE) {
            escaped = true;
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      if (k >= 0) {
        const interner = interners[k] as ValueInterner;
        const end = Math.min(j, start + (limit[k] as number));
        ids[k] = escaped
          ? interner.idOfText(new TextDecoder().decode(bytes.subarray(start, j)).replaceAll('""', '"').slice(0, limit[k]))
          : interner.idOf(bytes, start, end, hashBytes(bytes, start, end));
      }
      recordHasContent = true;
      i = j + 1;
      // Anything between the closing quote and the delimiter is not valid CSV; it is skipped.
      while (i < n && (c = bytes[i] as number) !== COMMA && c !== LF && c !== CR) i++;
    } else if (k >= 0) {
      const start = i;
      const stop = start + (limit[k] as number);
      let h = FNV_OFFSET;
      while (i < n && (c = bytes[i] as number) !== COMMA && c !== LF && c !== CR) {
        if (i < stop) h = Math.imul(h ^ c, FNV_PRIME);
        i++;
      }
      if (i > start) recordHasContent = true;
      ids[k] = (interners[k] as ValueInterner).idOf(bytes, start, Math.min(i, stop), h);
    } else {
      const start = i;
      while (i < n && (c = bytes[i] as number) !== COMMA && c !== LF && c !== CR) i++;
      if (i > start) recordHasContent = true;
    }
    if (i < n && bytes[i] === COMMA) {
      col++;
      i++;
      recordHasContent = true;
      if (i < n) continue;
      // A comma that ends the bytes leaves a last, empty field, and the record ends with it.
      const k2 = col <= maxColumn ? (slot[col] as number) : -1;
      if (k2 >= 0) ids[k2] = 0;
    }
    // The record ends (inlined rather than a closure: captured variables would slow every byte of the loop).
    if (recordHasContent) {
      // Columns the record did not reach are empty.
      for (let c2 = col + 1; c2 <= maxColumn; c2++) {
        const k2 = slot[c2] as number;
        if (k2 >= 0) ids[k2] = 0;
      }
      records++;
      onRecord(ids);
    }
    col = 0;
    recordHasContent = false;
    // Past the line break: \r\n, \n or a lone \r.
    if (i < n && bytes[i] === CR) i++;
    if (i < n && bytes[i] === LF) i++;
  }
  return { records };
}

/**
 * The values of some columns of every record, as text: for the reference files (tens of thousands of rows), where
 * each row is wanted whole and most values are unique (ranks, names), so interning would cost more than it saves.
 * The text is decoded once and split by lines; a file with a line break inside quotes takes the byte scanner.
 */
export function readColumns(bytes: Uint8Array, columns: readonly number[]): string[][] {
  const lines = new TextDecoder()
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .split('\n');
  const rows: string[][] = [];
  for (let li = 1; li < lines.length; li++) {
    let line = lines[li] as string;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '') continue;
    let fields: string[];
    if (!line.includes('"')) fields = line.split(',');
    // An odd number of quotes leaves one open: the record goes on past the line.
    else if ((line.match(/"/g)?.length ?? 0) % 2 === 1) return readColumnsByScanner(bytes, columns);
    else fields = splitCsvLine(line, ',');
    rows.push(columns.map((c) => (fields[c] ?? '').trim()));
  }
  return rows;
}

function readColumnsByScanner(bytes: Uint8Array, columns: readonly number[]): string[][] {
  const interners = columns.map(() => new ValueInterner());
  const rows: string[][] = [];
  scanCsv(bytes, columns, interners, (ids) => {
    const row = new Array<string>(columns.length);
    for (let k = 0; k < columns.length; k++) row[k] = (interners[k] as ValueInterner).values[ids[k] as number] ?? '';
    rows.push(row);
  });
  return rows;
}

/** A number as published: "1,296" (ONS and MHCLG write thousands separators) -> 1296; NaN when it is not one. */
export function publishedNumber(text: string): number {
  const t = text.replaceAll(',', '').trim();
  return t === '' ? Number.NaN : Number(t);
}
