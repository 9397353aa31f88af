import type { Table } from 'apache-arrow';
import {
  asyncBufferFromUrl,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type FileMetaData,
} from 'hyparquet';
import { columnsToTable, type ColumnKind } from './arrow-columns';

/**
 * Extracts hosted on any static web server or object store (S3, Azure Blob, GCS, SharePoint's static files...),
 * read with HTTP range requests: only the footer, then the column chunks of the columns asked for, in the row
 * groups whose min/max statistics can hold the values asked for. An extract sorted by indicator_id (see
 * docs/upstream-extracts.md) therefore costs a view roughly its one indicator's share of the file.
 *
 * Parquet is decoded in JavaScript (hyparquet): the engine's own Parquet reader is an extension it would download
 * from the internet, which the dashboard never does. The result is an Arrow table for `engine.insertArrow`.
 * The page's Content Security Policy must allow the host in `connect-src`, and the host must allow the `Range`
 * header (CORS), as docs/upstream-extracts.md explains.
 */

/** Every request made, so a caller (and the tests) can show what reading cost. */
export interface FetchLog {
  requests: number;
  /** Body bytes received. */
  bytes: number;
  entries: { method: string; range: string | null; status: number; bytes: number }[];
}

/** A fetch that counts the bytes of every response body it passes on. */
export function countingFetch(base: typeof fetch = globalThis.fetch.bind(globalThis)): { fetch: typeof fetch; log: FetchLog } {
  const log: FetchLog = { requests: 0, bytes: 0, entries: [] };
  const counted = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const res = await base(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const range = new Headers(init?.headers).get('Range');
    // Read the body here to count it; the reader reads every body whole anyway.
    const body = method === 'HEAD' ? null : await res.arrayBuffer();
    const bytes = body?.byteLength ?? 0;
    log.requests++;
    log.bytes += bytes;
    log.entries.push({ method, range, status: res.status, bytes });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  return { fetch: counted as typeof fetch, log };
}

export interface RowGroupInfo {
  index: number;
  rowStart: number;
  rowEnd: number;
  /** Per column: min and max from the statistics, when written. */
  stats: Record<string, { min: unknown; max: unknown; exact: boolean } | undefined>;
  /** Compressed bytes per column chunk. */
  bytes: Record<string, number>;
}

export interface RemoteParquet {
  url: string;
  byteLength: number;
  metadata: FileMetaData;
  columns: { name: string; kind: ColumnKind }[];
  rowGroups: RowGroupInfo[];
  numRows: number;
  /** Requests and bytes so far, footer included. */
  log: FetchLog;
  /** @internal the range-reading file for parquetRead */
  file: Awaited<ReturnType<typeof asyncBufferFromUrl>>;
}

export interface OpenOptions {
  /** Defaults to the global fetch; wrapped to count bytes either way. */
  fetch?: typeof fetch;
  requestInit?: RequestInit;
  /** Known size, to save the HEAD request. */
  byteLength?: number;
  /**
   * Bytes first fetched from the end of the file for the footer; the rest is fetched if the footer is larger.
   * Default: 1/64 of the file, between 8 bytes and 64 KiB (a footer is about 1 KB per row group and column).
   */
  footerGuess?: number;
}

const kindOf = (type: string, converted?: string): ColumnKind =>
  type === 'INT32' && !converted
    ? 'int32'
    : type === 'INT32' || type === 'INT64' || type === 'FLOAT' || type === 'DOUBLE'
      ? 'float64'
      : 'utf8';

/** Reads only the footer: schema, row groups and their statistics. */
export async function openRemoteParquet(url: string, opts: OpenOptions = {}): Promise<RemoteParquet> {
  const { fetch: counted, log } = countingFetch(opts.fetch);
  const file = await asyncBufferFromUrl({ url, byteLength: opts.byteLength, requestInit: opts.requestInit, fetch: counted });
  const guess = opts.footerGuess ?? Math.min(65_536, Math.max(8, Math.floor(file.byteLength / 64)));
  const metadata = await parquetMetadataAsync(file, { initialFetchSize: guess });
  const schema = parquetSchema(metadata);
  const columns = schema.children.map((c) => ({
    name: c.element.name,
    kind: kindOf(String(c.element.type), c.element.converted_type ? String(c.element.converted_type) : undefined),
  }));
  let start = 0;
  const rowGroups = metadata.row_groups.map((g, index): RowGroupInfo => {
    const rows = Number(g.num_rows);
    const stats: RowGroupInfo['stats'] = {};
    const bytes: RowGroupInfo['bytes'] = {};
    for (const c of g.columns) {
      const name = c.meta_data?.path_in_schema[0];
      if (!name || !c.meta_data) continue;
      const s = c.meta_data.statistics;
      const min = s?.min_value ?? s?.min;
      const max = s?.max_value ?? s?.max;
      const exact = s?.is_min_value_exact !== false && s?.is_max_value_exact !== false;
      stats[name] = min !== undefined && max !== undefined ? { min, max, exact } : undefined;
      bytes[name] = Number(c.meta_data.total_compressed_size);
    }
    const info = { index, rowStart: start, rowEnd: start + rows, stats, bytes };
    start += rows;
    return info;
  });
  return { url, byteLength: file.byteLength, metadata, columns, rowGroups, numRows: Number(metadata.num_rows), log, file };
}

/**
 * Could this row group hold `value` in `column`? Undefined statistics mean "perhaps". A writer that cuts long
 * string statistics short either rounds the maximum up (as the Parquet format asks, and hyparquet-writer and
 * DuckDB do) or says the maximum is not exact; in that case the cut maximum is a prefix of the true one, and a
 * value that starts with it may still be in the group.
 */
export function mayContain(group: RowGroupInfo, column: string, value: string | number): boolean {
  const s = group.stats[column];
  if (!s) return true;
  const { min, max } = s;
  if (typeof value === 'number') return Number(min) <= value && value <= Number(max);
  const lo = String(min);
  const hi = String(max);
  return lo <= value && (value <= hi || (!s.exact && value.startsWith(hi)));
}

export interface ReadRequest {
  /** Columns wanted, in this order; all when omitted. */
  columns?: readonly string[];
  /** Keep only rows whose column equals one of the values: row groups are skipped by their statistics. */
  where?: { column: string; values: readonly (string | number)[] };
}

export interface ReadResult {
  table: Table;
  rows: number;
  rowGroupsRead: number[];
  rowGroupsTotal: number;
  /** Body bytes fetched by this read (the footer was fetched on opening). */
  bytesFetched: number;
  requests: number;
}

/** Reads the rows and columns asked for, fetching only their column chunks in the row groups that may hold them. */
export async function readRemoteParquet(remote: RemoteParquet, req: ReadRequest = {}): Promise<ReadResult> {
  const known = new Set(remote.columns.map((c) => c.name));
  const wanted = [...(req.columns ?? remote.columns.map((c) => c.name))];
  for (const c of [...wanted, ...(req.where ? [req.where.column] : [])]) {
    if (!known.has(c)) throw new Error(`the file has no column "${c}" (it has ${[...known].join(', ')})`);
  }
  const where = req.where;
  const groups = where
    ? remote.rowGroups.filter((g) => where.values.some((v) => mayContain(g, where.column, v)))
    : remote.rowGroups;
  const bytesBefore = remote.log.bytes;
  const requestsBefore = remote.log.requests;

  const parts: Record<string, unknown>[] = [];
  const keep: number[][] = [];
  for (const g of groups) {
    // A group whose statistics say every row matches (min = max = a wanted value) needs no filter column.
    const s = where ? g.stats[where.column] : undefined;
    const uniform = where && s && s.exact && s.min === s.max && where.values.some((v) => v === s.min);
    const read = where && !uniform && !wanted.includes(where.column) ? [...wanted, where.column] : wanted;
    const data = await readGroup(remote, g, read);
    const length = g.rowEnd - g.rowStart;
    let rows: number[];
    if (where && !uniform) {
      const filterValues = data[where.column] as ArrayLike<unknown>;
      const set = new Set<unknown>(where.values);
      rows = [];
      for (let i = 0; i < length; i++) if (set.has(filterValues[i])) rows.push(i);
    } else rows = Array.from({ length }, (_, i) => i);
    parts.push(data);
    keep.push(rows);
  }

  const total = keep.reduce((n, k) => n + k.length, 0);
  const columns = wanted.map((name) => {
    const kind = remote.columns.find((c) => c.name === name)!.kind;
    const values: unknown[] = new Array<unknown>(total);
    let at = 0;
    parts.forEach((p, k) => {
      const src = p[name] as ArrayLike<unknown>;
      for (const i of keep[k]!) values[at++] = src[i];
    });
    return { name, kind, values };
  });
  return {
    table: columnsToTable(columns),
    rows: total,
    rowGroupsRead: groups.map((g) => g.index),
    rowGroupsTotal: remote.rowGroups.length,
    bytesFetched: remote.log.bytes - bytesBefore,
    requests: remote.log.requests - requestsBefore,
  };
}

/** One row group's columns, as the decoder gives them (typed arrays for numbers, arrays of strings). */
function readGroup(remote: RemoteParquet, g: RowGroupInfo, columns: readonly string[]): Promise<Record<string, unknown[]>> {
  return readRowGroupColumns(remote, g.rowStart, g.rowEnd, columns);
}

/** Rows rowStart to rowEnd of the columns asked for, from a file whose footer has been read. */
export async function readRowGroupColumns(
  source: { file: AsyncBuffer; metadata: FileMetaData },
  rowStart: number,
  rowEnd: number,
  columns: readonly string[],
): Promise<Record<string, unknown[]>> {
  const length = rowEnd - rowStart;
  const out: Record<string, unknown[]> = {};
  for (const c of columns) out[c] = new Array<unknown>(length);
  await parquetRead({
    file: source.file,
    metadata: source.metadata,
    columns: [...columns],
    rowStart,
    rowEnd,
    onChunk({ columnName, columnData, rowStart: chunkStart }) {
      const target = out[columnName];
      if (!target) return;
      // Chunks may run outside the range asked for: keep the rows asked for only.
      for (let i = 0; i < columnData.length; i++) {
        const row = chunkStart + i - rowStart;
        if (row >= 0 && row < length) target[row] = columnData[i];
      }
    },
  });
  return out;
}
