// Boundaries and base-map tiles from other sites: allowed only when the deployment names the site at build time
// (VITE_ALLOWED_ORIGINS, written into the page's content security policy), and refused with a plain message
// otherwise, before any request. Builds its own copy of the app with one allowed origin.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../unit/remote/static-server';
import { expectNoAxeViolations } from './helpers';

const BASE = Number(process.env.E2E_PORT ?? 4173);
const APP_PORT = BASE + 11;
const ALLOWED_PORT = BASE + 12;
const OTHER_PORT = BASE + 13;
const APP = `http://127.0.0.1:${APP_PORT}`;
const ALLOWED = `http://127.0.0.1:${ALLOWED_PORT}`;
const OTHER = `http://127.0.0.1:${OTHER_PORT}`;
const DIST = `dist-allowed-${BASE}`;
const geo = (file: string) => readFileSync(path.resolve(process.cwd(), '../shared/geo', file));
const shots = path.resolve('test-results/screenshots');

let allowed: StaticServer;
let other: StaticServer;
let preview: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // The demo snapshot comes from the build's cache (scripts/demo-snapshot-cache.ts): the build under test made it.
  execFileSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, VITE_ALLOWED_ORIGINS: ALLOWED },
    stdio: 'inherit',
  });
  const boundaries = { 'lancashire-lad-2013.geojson': new Uint8Array(geo('lancashire-lad-2013.geojson')) };
  allowed = await startStaticServer(boundaries, { port: ALLOWED_PORT, cors: true });
  other = await startStaticServer(
    { 'lancashire-lsoa-2011.geojson': new Uint8Array(geo('lancashire-lsoa-2011.geojson')) },
    {
      port: OTHER_PORT,
      cors: true,
    },
  );
  preview = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(APP_PORT), '--strictPort', '--outDir', DIST],
    // Its own process group: npx starts vite as a child, which killing npx alone leaves running on the port.
    { stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 120; i++) {
    const up = await fetch(APP).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the preview server did not start');
});

test.afterAll(async () => {
  if (preview?.pid) process.kill(-preview.pid);
  await allowed?.close();
  await other?.close();
});

/** The demo manifest with district boundaries on the allowed site and LSOA boundaries on another. */
function manifest(): { name: string; mimeType: string; buffer: Buffer } {
  const m = JSON.parse(readFileSync('data/manifest.json', 'utf8')) as { geographies: { level: string; boundary: unknown }[] };
  for (const g of m.geographies) {
    if (g.level === 'district')
      g.boundary = {
        source: `${ALLOWED}/lancashire-lad-2013.geojson`,
        codeProperty: 'LAD13CD',
        nameProperty: 'LAD13NM',
        attribution: 'Boundaries: UK-GeoJSON by Martin Chorley (CC BY 4.0)',
      };
    if (g.level === 'lsoa')
      g.boundary = { source: `${OTHER}/lancashire-lsoa-2011.geojson`, codeProperty: 'LSOA11CD', nameProperty: 'LSOA11NM' };
  }
  return { name: 'manifest.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(m)) };
}

async function policy(page: Page): Promise<string> {
  return (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
}

test('the default build allows no other site', async ({ page }) => {
  await page.goto('/');
  const csp = await policy(page);
  expect(csp).toContain("connect-src 'self' data: blob:;");
  expect(csp).toContain("img-src 'self' data: blob:;");
  expect(csp).not.toContain('http://127.0.0.1');
});

test('boundaries and tiles come from an allowed site; another site is refused with a plain message and no request', async ({
  page,
}) => {
  test.setTimeout(400_000);
  const offSite: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(APP) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) offSite.push(r.url());
  });
  await page.goto(`${APP}/?view=import`);
  expect(await policy(page)).toContain(`connect-src 'self' data: blob: ${ALLOWED};`);
  await expect(page.getByRole('navigation', { name: 'Dashboard views' })).toBeVisible({ timeout: 60_000 });
  // Own files start a workspace without the demo: the demo's data come with the manifest, as a partner's would.
  await page.getByLabel('Choose files, or drag them here').setInputFiles([
    manifest(),
    ...['areas.csv', 'population.csv', 'extracts.parquet'].map((f) => ({
      name: f,
      mimeType: 'application/octet-stream',
      buffer: readFileSync(path.join('data', f)),
    })),
  ]);
  await expect(page.getByText(/^All \d+ files? loaded\.$/)).toBeVisible({ timeout: 300_000 });

  // Districts: fetched from the allowed site and drawn.
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  await expect(page.locator('.choropleth path.leaflet-interactive')).toHaveCount(14, { timeout: 240_000 });
  expect(allowed.served.requests.filter((r) => r.status === 200)).toHaveLength(1);

  // LSOAs: the other site is not allowed, so nothing is requested and the map says what to do.
  await page.getByLabel('Geography').selectOption('lsoa');
  await expect(
    page.getByText(
      `were not fetched. This dashboard was set up to fetch only from its own site and ${ALLOWED}, so the browser would block ${OTHER}.`,
      { exact: false },
    ),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(`VITE_ALLOWED_ORIGINS="${ALLOWED} ${OTHER}"`, { exact: false })).toBeVisible();
  expect(other.served.requests).toEqual([]);
  await page.screenshot({ path: path.join(shots, 'map-boundary-blocked.png'), fullPage: true });
  await expectNoAxeViolations(page, ['.map-table tbody tr', '.cartogram__tile']);

  // Tiles: an address on a site the build does not allow cannot be switched on; one on the allowed site can.
  await page.getByLabel('Geography').selectOption('district');
  await expect(page.locator('.choropleth path.leaflet-interactive')).toHaveCount(14, { timeout: 60_000 });
  await page.getByText('Base map (off)').click();
  const address = page.getByLabel(/Tile address/);
  await address.fill('https://tiles.example.org/{z}/{x}/{y}.png');
  await expect(page.getByText(/so the browser would block https:\/\/tiles\.example\.org/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show base map' })).toBeDisabled();
  await address.fill(`${ALLOWED}/tiles/{z}/{x}/{y}.png`);
  await page.getByRole('button', { name: 'Show base map' }).click();
  await expect.poll(() => allowed.served.requests.length, { timeout: 30_000 }).toBeGreaterThan(1);
  expect(offSite.every((u) => u.startsWith(ALLOWED))).toBe(true);
  expect(offSite.some((u) => u.includes('/tiles/'))).toBe(true);
});
