import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { build, type Rolldown } from 'vite';
import { startStaticServer, type StaticServer } from '../unit/remote/static-server';

// The range reader in Chromium itself: its fetch, Range headers and Response handling, against a static server
// on the page's own origin (as a deployment would host extracts, or any host its CSP allows).

const INDICATORS = Array.from({ length: 12 }, (_, i) => `ind_${String(i).padStart(2, '0')}`);

function extract(): Uint8Array {
  const cols: Record<string, unknown[]> = { indicator_id: [], period: [], area_code: [], count: [] };
  for (const id of INDICATORS)
    for (let a = 0; a < 200; a++)
      for (let m = 1; m <= 24; m++) {
        cols.indicator_id!.push(id);
        cols.period!.push(`${2023 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`);
        cols.area_code!.push(`E0100${String(a).padStart(4, '0')}`);
        cols.count!.push((a * 31 + m * 7) % 23);
      }
  const buffer = parquetWriteBuffer({
    columnData: Object.entries(cols).map(([name, data]) => ({
      name,
      data,
      type: name === 'count' ? ('INT32' as const) : ('STRING' as const),
    })),
    rowGroupSize: 1_600,
  });
  return new Uint8Array(buffer);
}

/** src/remote bundled for the page, as the app's build would include it. */
async function readerScript(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: path.resolve('src/remote/remote-parquet.ts'), formats: ['iife'], name: 'remoteParquet' },
    },
  })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput;
  const first = Array.isArray(out) ? out[0]! : out;
  const chunk = first.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('no chunk built');
  return chunk.code;
}

let server: StaticServer;
let file: Uint8Array;
test.beforeAll(async () => {
  file = extract();
  server = await startStaticServer({
    'index.html': new TextEncoder().encode('<!doctype html><title>remote</title>'),
    'extract.parquet': file,
  });
});
test.afterAll(() => server.close());

test("reads one indicator's columns with range requests, fetching a small part of the file", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(server.url('index.html'));
  await page.addScriptTag({ content: await readerScript() });
  const result = await page.evaluate(async (url) => {
    type Reader = typeof import('../../src/remote/remote-parquet');
    const reader = (window as unknown as { remoteParquet: Reader }).remoteParquet;
    const remote = await reader.openRemoteParquet(url);
    const footer = remote.log.bytes;
    const one = await reader.readRemoteParquet(remote, {
      columns: ['period', 'count'],
      where: { column: 'indicator_id', values: ['ind_07'] },
    });
    const counts = one.table.getChild('count')!;
    let sum = 0;
    for (let i = 0; i < counts.length; i++) sum += counts.get(i) as number;
    return {
      byteLength: remote.byteLength,
      footer,
      fetched: one.bytesFetched,
      rows: one.rows,
      groups: one.rowGroupsRead.length,
      of: one.rowGroupsTotal,
      sum,
    };
  }, server.url('extract.parquet'));
  console.log('remote Parquet in Chromium:', result);
  expect(result.byteLength).toBe(file.byteLength);
  expect(result.rows).toBe(200 * 24);
  let expected = 0;
  for (let a = 0; a < 200; a++) for (let m = 1; m <= 24; m++) expected += (a * 31 + m * 7) % 23;
  expect(result.sum).toBe(expected);
  expect(result.groups).toBeLessThan(result.of / 4);
  expect(result.fetched / file.byteLength).toBeLessThan(0.2);
  expect(server.served.requests.filter((r) => r.status === 206).length).toBeGreaterThan(1);
});
