/**
 * `npm run bench`: builds the app, serves it, and drives it in headless Chromium, printing figures.
 * Benchmarks are not tests: nothing here fails on a slow machine. `--ci` runs the demo size only.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';
import { generateBenchExtract } from './generate-bench-extract';

const args = new Set(process.argv.slice(2));
const CI = args.has('--ci');
const PORT = 4179;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OUT = path.resolve('bench/out');

type Row = [string, string];
const results: { section: string; rows: Row[] }[] = [];
const ms = (n: number) => `${Math.round(n).toLocaleString('en-GB')} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  if (!args.has('--no-build')) execSync('npx vite build', { stdio: 'inherit' });
  bundleSizes();
  const server = await serve();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    await demoLoad(browser);
    if (!CI) await imports(browser, 1_000_000);
  } finally {
    await browser?.close();
    server.kill();
  }
  print();
}

function bundleSizes() {
  const dir = 'dist/assets';
  const rows: Row[] = [];
  let app = 0;
  let engine = 0;
  for (const f of readdirSync(dir)) {
    const bytes = readFileSync(path.join(dir, f));
    const gz = gzipSync(bytes).length;
    if (/duckdb/i.test(f)) engine += statSync(path.join(dir, f)).size;
    else if (f.endsWith('.js')) app += gz;
  }
  rows.push(['app JavaScript, gzipped (without DuckDB files)', `${(app / 1024).toFixed(0)} KB`]);
  rows.push(['DuckDB wasm and worker files, uncompressed', mb(engine)]);
  results.push({ section: 'Bundle', rows });
}

function serve(): Promise<ChildProcess> {
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      try {
        await fetch(ORIGIN);
        resolve(child);
      } catch {
        if (Date.now() - started > 30_000) reject(new Error('preview server did not start'));
        else setTimeout(poll, 200);
      }
    };
    void poll();
  });
}

async function marks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
}

async function memory(page: Page): Promise<{ heap: number; total: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  // Total: resident memory of every Chromium process (renderer, DuckDB's worker and wasm memory included).
  let total = 0;
  for (const line of execSync('ps -eo rss,args').toString().split('\n')) {
    if (line.includes(CHROMIUM_PATH) || line.includes('chromium')) total += Number(line.trim().split(/\s+/)[0] ?? 0) * 1024;
  }
  return { heap, total };
}

async function openAndWait(page: Page, search: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(`${ORIGIN}/${search}`);
  await page.waitForFunction(() => performance.getEntriesByType('mark').some((m) => m.name.startsWith('view-ready:')), null, {
    timeout: 120_000,
  });
  return Date.now() - t0;
}

async function demoLoad(browser: Browser) {
  const rows: Row[] = [];
  for (const run of ['cold', 'cached engine files'] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (run !== 'cold') await openAndWait(page, '?view=data');
    const wall = await openAndWait(page, '?view=data');
    const m = await marks(page);
    const engineStart = (m['engine-ready'] ?? 0) - (m['engine-start'] ?? 0);
    const demo = (m['demo-loaded'] ?? 0) - (m['engine-ready'] ?? 0);
    rows.push([`${run}: engine start`, ms(engineStart)]);
    rows.push([`${run}: demo load (fetch, validate, prepare)`, ms(demo)]);
    rows.push([`${run}: page open to first view ready`, ms(m['view-ready:data'] ?? wall)]);
    rows.push([`${run}: wall clock, navigation to view ready`, ms(wall)]);
    if (run !== 'cold') {
      const mem = await memory(page);
      rows.push(['JavaScript heap after demo load', mb(mem.heap)]);
      rows.push(['Chromium total resident memory', mb(mem.total)]);
    }
    await context.close();
  }
  results.push({ section: 'Demo data', rows });
}

async function imports(browser: Browser, size: number) {
  const files = generateBenchExtract(OUT, size);
  const rows: Row[] = [];
  for (const [label, file] of [
    ['CSV', files.csv],
    ['Parquet', files.parquet],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openAndWait(page, '?view=import');
    const t0 = Date.now();
    await page.getByLabel('Choose files, or drag them here').setInputFiles([files.manifest, file]);
    await page.getByText('Result of this load').waitFor({ timeout: 600_000 });
    const elapsed = Date.now() - t0;
    const outcome = await page.locator('.outcomes').innerText();
    const ok = /All 2 files loaded/.test(outcome);
    rows.push([`${(files.rows / 1e6).toFixed(2)}M-row ${label} (${mb(statSync(file).size)}): import to views ready`, ok ? ms(elapsed) : `failed: ${outcome.slice(0, 200)}`]);
    const mem = await memory(page);
    rows.push([`  memory after ${label} import (heap / total)`, `${mb(mem.heap)} / ${mb(mem.total)}`]);
    await context.close();
  }
  results.push({ section: 'Imports', rows });
}

function print() {
  console.log(`\nBenchmark (${CI ? 'CI: demo size only' : 'demo and 1M rows'}), ${new Date().toISOString()}, ${os.cpus().length} cores`);
  for (const r of results) {
    console.log(`\n${r.section}`);
    const width = Math.max(...r.rows.map(([k]) => k.length));
    for (const [k, v] of r.rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
