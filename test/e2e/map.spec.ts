import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { generateBenchExtract } from '../../bench/generate-bench-extract';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';

const shots = path.resolve('test-results/screenshots');
// Real Lancashire boundaries, used from ../shared/geo and never copied into the repository.
const geo = (file: string) => path.resolve(process.cwd(), '../shared/geo', file);
const LAD = geo('lancashire-lad-2013.geojson');
const LSOA = geo('lancashire-lsoa-2011.geojson');
// Own files start a workspace without the demo: the demo's files come with the manifest, as a partner's would.
const DEMO_DATA = ['data/areas.csv', 'data/population.csv', 'data/extracts.parquet'];
const ATTRIBUTION =
  'Boundaries: UK-GeoJSON by Martin Chorley (CC BY 4.0). Contains Ordnance Survey data © Crown copyright and database right 2014.';

// The demo's whole-dataset protection runs in the browser on every page load: allow for it.
const SLOW = { timeout: 240_000 };

/** The demo manifest, declaring the district and LSOA boundary files and their attribution. */
function manifestWithBoundaries(base = 'data/manifest.json'): FilePayload {
  const manifest = JSON.parse(readFileSync(base, 'utf8')) as { geographies: { level: string; boundary: unknown }[] };
  for (const g of manifest.geographies) {
    if (g.level === 'district')
      g.boundary = {
        source: 'lancashire-lad-2013.geojson',
        codeProperty: 'LAD13CD',
        nameProperty: 'LAD13NM',
        attribution: ATTRIBUTION,
      };
    if (g.level === 'lsoa')
      g.boundary = {
        source: 'lancashire-lsoa-2011.geojson',
        codeProperty: 'LSOA11CD',
        nameProperty: 'LSOA11NM',
        attribution: ATTRIBUTION,
      };
  }
  return { name: 'manifest.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(manifest)) };
}

type FilePayload = { name: string; mimeType: string; buffer: Buffer };

/** A file from disk, as the file input would receive it. */
function fromDisk(file: string): FilePayload {
  return {
    name: path.basename(file),
    mimeType: file.endsWith('json') ? 'application/json' : 'application/octet-stream',
    buffer: readFileSync(file),
  };
}

/** Loads files through the Load data view's file input and waits until every one has loaded. */
async function loadThroughImport(page: Page, files: (FilePayload | string)[]) {
  await page.getByRole('link', { name: 'Load data' }).click();
  await page
    .getByLabel('Choose files, or drag them here')
    .setInputFiles(files.map((f) => (typeof f === 'string' ? fromDisk(f) : f)));
  await expect(page.getByText(/^All \d+ files loaded\.$/)).toBeVisible({ timeout: 600_000 });
}

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((m) => m.duration), name);
}

/** From the figures query starting to the last path restyled: query, React render and setStyle together. */
async function filterToRecolour(page: Page): Promise<number> {
  return page.evaluate(() => {
    const last = (n: string) => performance.getEntriesByName(n, 'mark').at(-1)?.startTime ?? Number.NaN;
    return last('map-recolour-end') - last('map-query-start');
  });
}

test.describe('map without boundaries', () => {
  test('the demo, which declares no boundaries, is drawn as a tile-grid cartogram of the 14 districts', async ({ page }) => {
    test.setTimeout(300_000);
    const foreign = watchForeignRequests(page);
    await openDashboard(page, '?view=map');
    const cartogram = page.getByRole('group', { name: /tile-grid cartogram/ });
    await expect(cartogram).toBeVisible(SLOW);
    const squares = cartogram.getByRole('button');
    await expect(squares).toHaveCount(14);
    await expect(page.getByText(/No boundary file is loaded for districts/)).toBeVisible();
    await expect(page.locator('.leaflet-container')).toHaveCount(0);
    // Keyboard: a square takes focus and shows its tooltip, arrows move, Enter selects for every view.
    const preston = cartogram.getByRole('button', { name: /^Preston\./ });
    await preston.focus();
    await expect(page.getByRole('tooltip')).toContainText('Preston');
    await page.keyboard.press('ArrowRight');
    await expect(cartogram.getByRole('button', { name: /^Blackburn with Darwen\./ })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/area=E07000123/);
    await expect(preston).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Area', { exact: true })).toHaveValue('E07000123');
    // The table has the same areas, and the CSV export goes through the disclosure layer.
    const table = page.getByRole('table', { name: /by district/ });
    await expect(table.locator('tbody tr')).toHaveCount(14);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download this table (CSV)' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv).toMatch(/^# .+ by district/);
    expect(csv).toContain('# flag: c = suppressed to protect privacy');
    expect(csv).toContain(',value,rate,rate_lower_95,rate_upper_95,rate_flag,compared_with_whole_area,low_count,partial,flag');
    expect(csv.split('\n').filter((l) => /^E0[67]/.test(l))).toHaveLength(14);
    // How the map is drawn is in the link: reloading it draws the same map.
    const settings = page.getByRole('form', { name: 'Map settings' });
    await settings.getByRole('radio', { name: 'Count' }).check();
    await settings.getByLabel('Classes', { exact: true }).selectOption('equal');
    await expect(page).toHaveURL(/measure=count/);
    await expect(page).toHaveURL(/method=equal/);
    await page.reload();
    await expect(cartogram.getByRole('button')).toHaveCount(14, SLOW);
    await expect(settings.getByRole('radio', { name: 'Count' })).toBeChecked();
    await expect(settings.getByLabel('Classes', { exact: true })).toHaveValue('equal');
    await settings.getByRole('radio', { name: 'Rate' }).check();
    await settings.getByLabel('Classes', { exact: true }).selectOption('quantile');
    await expect(page).not.toHaveURL(/measure=|method=/);
    await page.mouse.move(0, 0);
    await page.locator('main').evaluate((m) => (m as HTMLElement).focus());
    await page.screenshot({ path: path.join(shots, 'map-cartogram.png'), fullPage: true });
    await expectNoAxeViolations(page);

    // Residents of the most deprived tenth are counted each month: a year is mapped as the average month, in people.
    await page.getByLabel('Indicator').selectOption('imd_most_deprived_decile');
    await expect(table.getByRole('columnheader', { name: /Average month/ })).toBeVisible(SLOW);
    await expect(page.getByText(/shown as the average month \(people\), not the sum \(person-months\)/)).toBeVisible();

    // LSOAs without boundaries: small squares grouped in their districts, one Tab stop, arrows between.
    await page.getByLabel('Area', { exact: true }).selectOption('');
    await page.getByLabel('Geography').selectOption('lsoa');
    await page.getByLabel('Indicator').selectOption('police_violence_with_injury');
    const small = page.getByRole('group', { name: /tile-grid cartogram, one square per LSOA/ });
    await expect(small.getByRole('button')).toHaveCount(941, SLOW);
    await expect(small.locator('[tabindex="0"]')).toHaveCount(1);
    await expect(small.locator('text.cartogram__group')).toHaveCount(14);
    // Small areas are published for all ages and persons only: a band chosen above is explained, not blank.
    await page.getByLabel('Age band').selectOption('10-14');
    await expect(page.getByText(/LSOA figures are published for all ages and persons only/)).toBeVisible();
    await expect(small.getByRole('button')).toHaveCount(941);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(shots, 'map-cartogram-lsoa.png'), fullPage: true });
    await expectNoAxeViolations(page, ['.map-table tbody tr', '.cartogram__tile']);
    await page.getByRole('button', { name: 'Set the filters to all ages and persons' }).click();
    await expect(page).not.toHaveURL(/age=/);
    expect(foreign.map((r) => r.url())).toEqual([]);
  });
});

test.describe.serial('map with the real Lancashire boundaries', () => {
  let context: BrowserContext;
  let page: Page;
  let foreign: Request[];
  test.beforeAll(async ({ browser }: { browser: Browser }) => {
    test.setTimeout(600_000);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    foreign = watchForeignRequests(page);
    await openDashboard(page, '?view=import');
    await loadThroughImport(page, [manifestWithBoundaries(), ...DEMO_DATA, LAD, LSOA]);
    await expect(page.locator('.outcome__file').getByText('lancashire-lad-2013.geojson', { exact: true }).first()).toBeVisible();
    await expect(page.getByText(/lancashire-lsoa-2011\.geojson.*941 shapes/)).toBeVisible();
  });
  test.afterAll(async () => {
    await context.close();
  });

  test('district boundaries: 14 Leaflet paths, attribution, and a click on Preston filters the other views', async () => {
    test.setTimeout(300_000);
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Map' })).toBeVisible();
    const paths = page.locator('.choropleth path.leaflet-interactive');
    await expect(paths).toHaveCount(14, SLOW);
    await expect(page.locator('.leaflet-control-attribution')).toContainText('UK-GeoJSON by Martin Chorley (CC BY 4.0)');
    await expect(page.getByRole('group', { name: /tile-grid cartogram/ })).toHaveCount(0);
    // No tile layer unless the person configures one.
    await expect(page.locator('.leaflet-tile-pane img')).toHaveCount(0);
    // Hover shows the tooltip; the paths are focusable buttons named with their figures.
    const preston = page.locator('path[data-code="E07000123"]');
    await expect(preston).toHaveAttribute('role', 'button');
    await expect(preston).toHaveAttribute('aria-label', /^Preston\. Count: /);
    await preston.hover();
    await expect(page.locator('.leaflet-tooltip')).toContainText('Preston');
    await page.screenshot({ path: path.join(shots, 'map-districts.png'), fullPage: true });
    await preston.click();
    await expect(page).toHaveURL(/area=E07000123/);
    await expect(preston).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('row', { name: /^Preston/ })).toHaveClass(/is-selected/);
    await expect(page.getByLabel('Area', { exact: true })).toHaveValue('E07000123');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(shots, 'map-districts-preston.png'), fullPage: true });
    // Keyboard: Enter on a focused path selects it too.
    const burnley = page.locator('path[data-code="E07000117"]');
    await burnley.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/area=E07000117/);
    await preston.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/area=E07000123/);
    await expectNoAxeViolations(page);
    // The Trends link keeps the selected area, and the trends view opens filtered by it.
    const trends = page.getByRole('link', { name: 'Trends' });
    await expect(trends).toHaveAttribute('href', /area=E07000123/);
    await trends.click();
    await expect(page).toHaveURL(/view=trends.*area=E07000123|area=E07000123.*view=trends/);
    await expect(page.getByLabel('Area', { exact: true })).toHaveValue('E07000123');
    expect(foreign.map((r) => r.url())).toEqual([]);
  });

  test('LSOA boundaries: a year of figures with the suppressed LSOAs hatched and labelled c', async () => {
    test.setTimeout(300_000);
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    await page.getByLabel('Area', { exact: true }).selectOption('');
    await page.getByLabel('Geography').selectOption('lsoa');
    await page.getByLabel('Indicator').selectOption('police_violence_with_injury');
    await page.getByLabel('Latest month').selectOption('2024-06');
    const paths = page.locator('.choropleth path.leaflet-interactive');
    await expect(paths).toHaveCount(941, SLOW);
    // LSOAs are published for calendar years only: the year holding the chosen month is mapped, and the map says so.
    await expect(page.getByRole('heading', { level: 2, name: /2024/ })).toBeVisible(SLOW);
    await expect(page.getByText(/LSOAs are published for calendar years only/)).toBeVisible();
    const hatched = page.locator('.choropleth path[fill="url(#map-hatch)"]');
    await expect.poll(() => hatched.count(), SLOW).toBeGreaterThan(0);
    const nHatched = await hatched.count();
    await expect(page.locator('.choropleth path.map-area--suppressed')).toHaveCount(nHatched);
    // The legend counts the same suppressed LSOAs, and the table labels them c.
    await expect(page.locator('.map-legend li[data-legend="c"]')).toContainText(`(${nHatched} LSOA`);
    const firstHatched = (await hatched.first().getAttribute('data-code'))!;
    const row = page.locator(`.map-table tr[data-code="${firstHatched}"]`);
    await expect(row.locator('td').nth(1)).toContainText('c');
    // Everything in the lookup matches a shape, so no data problems are listed.
    await expect(page.getByRole('heading', { name: /Data problems/ })).toHaveCount(0);
    await expect(page.locator('.leaflet-control-attribution')).toContainText('UK-GeoJSON by Martin Chorley');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(shots, 'map-lsoa-suppressed.png'), fullPage: true });
    // Zoom into one LSOA's hatching to look at it closely.
    await page.locator('.choropleth__map').screenshot({ path: path.join(shots, 'map-lsoa-map-only.png') });
    await expectNoAxeViolations(page, ['.map-table tbody tr', '.choropleth path.leaflet-interactive']);
    expect(foreign.map((r) => r.url())).toEqual([]);
  });

  test('first draw and recolouring of the 941 LSOAs, timed by the marks the benchmark reads', async () => {
    test.setTimeout(300_000);
    const draws = await measures(page, 'map-draw');
    expect(draws.length).toBeGreaterThan(0);
    const before = (await measures(page, 'map-recolour')).length;
    // A filter change recolours the same paths (no new layer is built).
    await page.getByLabel('Latest month').selectOption('2023-05');
    await expect.poll(async () => (await measures(page, 'map-recolour')).length, SLOW).toBeGreaterThan(before);
    await expect(page.getByRole('heading', { level: 2, name: /2023/ })).toBeVisible();
    const afterDraws = await measures(page, 'map-draw');
    expect(afterDraws.length).toBe(draws.length);
    const recolours = await measures(page, 'map-recolour');
    const queries = await measures(page, 'map-query');
    const figures = {
      lsoaFirstDrawMs: Math.round(draws.at(-1)!),
      lsoaRecolourMs: Math.round(recolours.at(-1)!),
      lsoaQueryMs: Math.round(queries.at(-1)!),
      lsoaFilterChangeToRecolouredMs: Math.round(await filterToRecolour(page)),
    };
    console.log('map timings (demo data):', figures);
    writeFileSync(path.resolve('test-results/map-timings-demo.json'), JSON.stringify(figures, null, 2));
    // Back to the default period, the latest full year, compared with the whole area.
    await page.getByLabel('Latest month').selectOption('');
    await page.getByLabel(/^Compared with/).check();
    await expect(
      page.getByRole('heading', { level: 2, name: /In \d{4}, \d+ of 941 LSOAs had a rate significantly higher/ }),
    ).toBeVisible(SLOW);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(shots, 'map-lsoa-year-compared.png'), fullPage: true });
    // Timings are reported (test-results/map-timings-demo.json, and by the benchmark), never asserted: tests must
    // not depend on the machine's speed.
    expect(figures.lsoaFirstDrawMs).toBeGreaterThan(0);
    expect(figures.lsoaRecolourMs).toBeGreaterThan(0);
    expect(foreign.map((r) => r.url())).toEqual([]);
  });
});

// MAP_BENCH_ROWS=1000000: the same timings with the benchmark's synthetic LSOA extract in a workspace of its own.
test('map timings with a large extract (opt-in)', async ({ page }) => {
  const rows = Number(process.env.MAP_BENCH_ROWS ?? 0);
  test.skip(!rows, 'set MAP_BENCH_ROWS to run');
  test.setTimeout(3_600_000);
  const files = generateBenchExtract(path.resolve('test-results/map-bench'), rows);
  await openDashboard(page, '?view=import');
  await loadThroughImport(page, [manifestWithBoundaries(files.manifest), ...DEMO_DATA.slice(0, 2), files.parquet, LSOA]);
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  await page.getByLabel('Geography').selectOption('lsoa');
  await page.getByLabel('Indicator').selectOption('bench_0');
  await expect(page.locator('.choropleth path.leaflet-interactive')).toHaveCount(941, { timeout: 1_200_000 });
  await expect.poll(async () => (await measures(page, 'map-recolour')).length, { timeout: 600_000 }).toBeGreaterThan(0);
  const before = (await measures(page, 'map-recolour')).length;
  await page.getByLabel('Latest month').selectOption('2024-06');
  await expect.poll(async () => (await measures(page, 'map-recolour')).length, { timeout: 600_000 }).toBeGreaterThan(before);
  const figures = {
    rows: files.rows,
    lsoaFirstDrawMs: Math.round((await measures(page, 'map-draw')).at(-1)!),
    lsoaRecolourMs: Math.round((await measures(page, 'map-recolour')).at(-1)!),
    lsoaQueryMs: Math.round((await measures(page, 'map-query')).at(-1)!),
    lsoaFilterChangeToRecolouredMs: Math.round(await filterToRecolour(page)),
  };
  console.log('map timings (large extract):', figures);
  writeFileSync(path.resolve('test-results/map-timings-large.json'), JSON.stringify(figures, null, 2));
});
