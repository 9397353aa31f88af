import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';

const shots = path.resolve('test-results/screenshots');

test('the demo data load and the catalogue shows datasets, indicators, coverage and ethics canvases', async ({ page }) => {
  const foreign = watchForeignRequests(page);
  await openDashboard(page, '?view=data');
  await expect(page.getByRole('heading', { level: 1, name: 'Data and ethics' })).toBeVisible();
  await expect(page.getByText('Synthetic demo data', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: /Indicators by prevention tier/ })).toBeVisible();
  const indicatorRows = page.getByRole('table', { name: /Indicators by prevention tier/ }).locator('tbody tr:not(.group-row)');
  expect(await indicatorRows.count()).toBeGreaterThanOrEqual(15);
  await expect(page.getByRole('table', { name: /Months with data, by indicator/ })).toBeVisible();
  // The demo has deliberate gaps, and the matrix shows them in text.
  await expect(
    page
      .getByRole('table', { name: /Months with data/ })
      .getByText('no data')
      .first(),
  ).toBeAttached();
  const canvases = page.locator('details.canvas');
  expect(await canvases.count()).toBeGreaterThanOrEqual(6);
  await canvases.first().locator('summary').click();
  await expect(canvases.first().getByText('Negative effects on people')).toBeVisible();
  // The build protected the demo for every audience (its snapshot holds each protected table): each row says the
  // audit passed and by which method, and never how many hidden numbers are small.
  const rules = page.getByRole('table', { name: /Disclosure rules and the audit/ });
  const row = (name: RegExp) => rules.getByRole('row', { name });
  for (const audience of [/Analysts in the partnership/, /Partner organisations/, /The public/]) {
    await expect(row(audience).getByText('Passed')).toBeVisible({ timeout: 120_000 });
    await expect(row(audience)).toContainText('exact LP over all relations of each indicator (HiGHS)');
  }
  await expect(rules).not.toContainText(/small numbers checked|to stop subtraction/);
  await page.screenshot({ path: path.join(shots, 'data-ethics.png'), fullPage: false });
  await expectNoAxeViolations(page);
  expect(foreign.map((r) => r.url())).toEqual([]);
});

test('a bad file gives its message and the data loaded before still show', async ({ page }) => {
  const foreign = watchForeignRequests(page);
  await openDashboard(page, '?view=import');
  const loadedTable = page.getByRole('table', { name: /Areas and months covered per indicator/ });
  await expect(loadedTable).toBeVisible();
  const before = await loadedTable.innerText();
  await page.getByLabel('Choose files, or drag them here').setInputFiles([
    {
      name: 'bad-extract.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('indicator_id,period,area_code,age_band,sex,count\nno_such_indicator,2024-01,E07000123,all,all,2.5\n'),
    },
    {
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name,date_of_birth,postcode,count\nA Person,2010-01-01,PR1 1AA,1\n'),
    },
  ]);
  const result = page.getByRole('alert');
  await expect(result).toContainText('2 of 2 files could not be loaded');
  await expect(page.getByText(/2\.5 is not a whole number/)).toBeVisible();
  await expect(page.getByText(/looks like person-level data/).first()).toBeVisible();
  await expect(page.getByText(/aggregated extracts only/).first()).toBeVisible();
  // The same rows as before the rejected files: nothing from them was added.
  expect(await loadedTable.innerText()).toBe(before);
  await page.screenshot({ path: path.join(shots, 'import-rejected.png'), fullPage: true });
  await expectNoAxeViolations(page);
  expect(foreign.map((r) => r.url())).toEqual([]);
});

test('filters live in the URL and a link with unknown settings gives a notice, not a crash', async ({ page }) => {
  await openDashboard(page, '?view=trends&age=banana&colour=blue');
  await expect(page.getByText(/age band "banana" is not recognised/)).toBeVisible();
  await expect(page.getByText(/"colour" is not used/)).toBeVisible();
  await page.getByLabel('Sex').selectOption('female');
  await expect(page).toHaveURL(/sex=female/);
  await page.getByRole('link', { name: 'Data and ethics' }).click();
  await expect(page).toHaveURL(/view=data/);
  await expect(page).toHaveURL(/sex=female/);
  await page.goBack();
  await expect(page).toHaveURL(/view=trends/);
  await expectNoAxeViolations(page);
});

test('every view can be reached from the keyboard', async ({ page }) => {
  await openDashboard(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  expect(focused).toBeTruthy();
  await page.getByRole('link', { name: 'Load data' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Load data' })).toBeVisible();
});

test("once the first view is drawn, the other views' code arrives in idle time, so opening one shows no loading step", async ({
  page,
}) => {
  const foreign = watchForeignRequests(page);
  const fetched: string[] = [];
  page.on('requestfinished', (r) => fetched.push(new URL(r.url()).pathname));
  await openDashboard(page);
  await page.waitForFunction(() => performance.getEntriesByName('view-ready:overview', 'mark').length > 0);
  const chunk = (name: string) => fetched.some((p) => new RegExp(`/assets/${name}-[\\w-]+\\.js$`).test(p));
  await expect.poll(() => ['TrendsView', 'MapView', 'CohortsView'].filter((c) => !chunk(c)), { timeout: 30_000 }).toEqual([]);
  // The demo has no boundaries: the map draws its cartogram, and Leaflet is not fetched.
  expect(chunk('ChoroplethMap')).toBe(false);
  // Every text the main area shows from here on, to catch a loading step however briefly it shows.
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = []);
    new MutationObserver(() => seen.push(document.getElementById('main')?.textContent ?? '')).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  for (const [link, heading] of [
    ['Trends', /Trends/],
    ['Map', /Map/],
    ['Cohorts', /Cohorts/],
  ] as const) {
    await page.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((t) => /Loading the \w+ view/.test(t))).toEqual([]);
  expect(foreign.map((r) => r.url())).toEqual([]);
});
