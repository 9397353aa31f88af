import { parquetRead } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { mayContain, openRemoteParquet, readRemoteParquet, type RowGroupInfo } from '../../../src/remote/remote-parquet';
import { startStaticServer, type StaticServer } from './static-server';

// A small extract in the contract's long format, sorted by (indicator, area, period) as the upstream guide asks,
// with row groups small enough that each indicator spans a few of them.
const INDICATORS = Array.from({ length: 16 }, (_, i) => `indicator_${String(i).padStart(2, '0')}`);
const AREAS = Array.from({ length: 40 }, (_, i) => `E0101${String(i).padStart(4, '0')}`);
const MONTHS = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
const AGES = ['0-9', '10-14', '15-17', '18-24', '25-34', '35-49', '50-64', '65+'];
const SEXES = ['female', 'male'];
const ROW_GROUP = 4_000;
const COLUMNS = ['indicator_id', 'period', 'area_code', 'age_band', 'sex', 'count'] as const;

function extract(): { bytes: Uint8Array; rows: Record<(typeof COLUMNS)[number], unknown[]> } {
  const rows = { indicator_id: [], period: [], area_code: [], age_band: [], sex: [], count: [] } as Record<
    (typeof COLUMNS)[number],
    unknown[]
  >;
  let seed = 7;
  for (const indicator of INDICATORS)
    for (const area of AREAS)
      for (const period of MONTHS)
        for (const age of AGES)
          for (const sex of SEXES) {
            seed = (seed * 1103515245 + 12345) % 2 ** 31;
            rows.indicator_id.push(indicator);
            rows.period.push(period);
            rows.area_code.push(area);
            rows.age_band.push(age);
            rows.sex.push(sex);
            rows.count.push((seed >> 8) % 40);
          }
  const buffer = parquetWriteBuffer({
    columnData: COLUMNS.map((name) => ({
      name,
      data: rows[name],
      type: name === 'count' ? ('INT32' as const) : ('STRING' as const),
    })),
    rowGroupSize: ROW_GROUP,
  });
  return { bytes: new Uint8Array(buffer), rows };
}

let file: ReturnType<typeof extract>;
let server: StaticServer;
beforeAll(async () => {
  file = extract();
  server = await startStaticServer({ 'extract.parquet': file.bytes });
});
afterAll(() => server.close());

/** The rows of one indicator, read locally from the whole file: the reference a range read must equal. */
async function localRows(indicator: string, columns: readonly string[]): Promise<unknown[][]> {
  const buffer = file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer;
  let rows: unknown[][] = [];
  await parquetRead({ file: buffer, columns: ['indicator_id', ...columns], onComplete: (r) => (rows = r as unknown[][]) });
  return rows.filter((r) => r[0] === indicator).map((r) => r.slice(1));
}

function tableRows(table: import('apache-arrow').Table, columns: readonly string[]): unknown[][] {
  const vectors = columns.map((c) => table.getChild(c)!);
  return Array.from({ length: table.numRows }, (_, i) => vectors.map((v) => v.get(i) as unknown));
}

describe('remote Parquet over HTTP range requests (local static server)', () => {
  it('opening reads the footer only', async () => {
    const remote = await openRemoteParquet(server.url('extract.parquet'));
    expect(remote.numRows).toBe(INDICATORS.length * AREAS.length * MONTHS.length * 16);
    expect(remote.rowGroups.length).toBe(Math.ceil(remote.numRows / ROW_GROUP));
    expect(remote.columns.map((c) => c.name)).toEqual([...COLUMNS]);
    const share = remote.log.bytes / file.bytes.byteLength;
    console.log(
      `footer: ${remote.log.bytes} of ${file.bytes.byteLength} bytes (${(100 * share).toFixed(1)}%) in ${remote.log.requests} requests`,
    );
    // The footer and little else: at most the metadata, its 8-byte trailer and the first guess.
    expect(remote.log.bytes).toBeLessThanOrEqual(remote.metadata.metadata_length + 8 + Math.floor(file.bytes.byteLength / 64));
    // Small here because the test file is small (31 row groups in 137 KB); bench/run-bench.ts shows it for 1M rows.
    expect(share).toBeLessThan(0.15);
  });

  it("one indicator's columns fetch a small fraction of the file, and equal a full read", async () => {
    const remote = await openRemoteParquet(server.url('extract.parquet'));
    const served0 = server.served.bytes;
    const columns = ['period', 'area_code', 'count'];
    const result = await readRemoteParquet(remote, { columns, where: { column: 'indicator_id', values: ['indicator_03'] } });
    const share = result.bytesFetched / file.bytes.byteLength;
    const footer = remote.log.bytes - result.bytesFetched;
    console.log(
      `one indicator, 3 of 6 columns: ${result.bytesFetched} bytes (${(100 * share).toFixed(1)}% of ${file.bytes.byteLength}) in ${result.requests} requests, ` +
        `row groups ${result.rowGroupsRead.join(', ')} of ${result.rowGroupsTotal}; plus ${footer} bytes of footer`,
    );
    // The server agrees with the client's count.
    expect(server.served.bytes - served0).toBe(result.bytesFetched);
    expect(result.rowGroupsRead.length).toBeLessThan(result.rowGroupsTotal / 3);
    expect(share).toBeLessThan(0.1);
    expect(result.rows).toBe(AREAS.length * MONTHS.length * 16);
    expect(result.table.numRows).toBe(result.rows);
    expect(tableRows(result.table, columns)).toEqual(await localRows('indicator_03', columns));
  });

  it('a full read over HTTP equals the local read', async () => {
    const remote = await openRemoteParquet(server.url('extract.parquet'));
    const result = await readRemoteParquet(remote);
    expect(result.rows).toBe(remote.numRows);
    expect(result.bytesFetched).toBeGreaterThan(0.8 * file.bytes.byteLength);
    const count = result.table.getChild('count')!;
    let sum = 0;
    for (let i = 0; i < count.length; i++) sum += count.get(i) as number;
    expect(sum).toBe((file.rows.count as number[]).reduce((a, b) => a + b, 0));
    expect(result.table.getChild('indicator_id')!.get(12_345)).toBe(file.rows.indicator_id[12_345]);
  });

  it('still reads correctly from a server that ignores Range (the whole file, once)', async () => {
    const plain = await startStaticServer({ 'extract.parquet': file.bytes }, { ranges: false });
    try {
      const remote = await openRemoteParquet(plain.url('extract.parquet'));
      const result = await readRemoteParquet(remote, {
        columns: ['count'],
        where: { column: 'indicator_id', values: ['indicator_07'] },
      });
      expect(tableRows(result.table, ['count'])).toEqual(await localRows('indicator_07', ['count']));
      expect(plain.served.bytes).toBe(file.bytes.byteLength);
    } finally {
      await plain.close();
    }
  });

  it('the Arrow table goes into the engine as it is', async () => {
    const remote = await openRemoteParquet(server.url('extract.parquet'));
    const result = await readRemoteParquet(remote, {
      where: { column: 'indicator_id', values: ['indicator_01', 'indicator_09'] },
    });
    const engine = await createNodeEngine();
    try {
      await engine.insertArrow(result.table, 'remote_extract', 'create');
      const rows = await engine.query<{ indicator_id: string; n: number; total: number }>(
        'SELECT indicator_id, count(*)::DOUBLE AS n, sum("count")::DOUBLE AS total FROM remote_extract GROUP BY 1 ORDER BY 1',
      );
      const expected = (id: string) =>
        (file.rows.count as number[]).filter((_, i) => file.rows.indicator_id[i] === id).reduce((a, b) => a + b, 0);
      expect(rows).toEqual([
        { indicator_id: 'indicator_01', n: 7_680, total: expected('indicator_01') },
        { indicator_id: 'indicator_09', n: 7_680, total: expected('indicator_09') },
      ]);
    } finally {
      await engine.close();
    }
  });

  it('an unknown column is refused before anything is fetched', async () => {
    const remote = await openRemoteParquet(server.url('extract.parquet'));
    const before = remote.log.requests;
    await expect(readRemoteParquet(remote, { columns: ['persons'] })).rejects.toThrow(/no column "persons"/);
    expect(remote.log.requests).toBe(before);
  });
});

describe('row-group statistics', () => {
  const group = (min: string, max: string, exact = true): RowGroupInfo => ({
    index: 0,
    rowStart: 0,
    rowEnd: 1,
    stats: { id: { min, max, exact } },
    bytes: {},
  });
  it('skips groups whose range cannot hold the value', () => {
    expect(mayContain(group('a', 'c'), 'id', 'b')).toBe(true);
    expect(mayContain(group('a', 'c'), 'id', 'd')).toBe(false);
    expect(mayContain(group('b', 'c'), 'id', 'a')).toBe(false);
    // "bench_11" sorts after "bench_1": a group holding only bench_1 is skipped.
    expect(mayContain(group('bench_1', 'bench_1'), 'id', 'bench_11')).toBe(false);
  });
  it('treats a maximum flagged as not exact as a prefix (a value starting with it may be in the group)', () => {
    expect(mayContain(group('imd_most_depriv', 'imd_most_depriv', false), 'id', 'imd_most_deprived_decile')).toBe(true);
    expect(mayContain(group('imd_most_depriv', 'imd_most_depriv', true), 'id', 'imd_most_deprived_decile')).toBe(false);
  });
  it('reads every group without statistics', () => {
    expect(mayContain({ index: 0, rowStart: 0, rowEnd: 1, stats: {}, bytes: {} }, 'id', 'x')).toBe(true);
  });
});
