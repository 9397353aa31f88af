import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { splitCsvLine } from '../fixtures/csv-line';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';

const shots = path.resolve('test-results/screenshots');
const DIST = process.env.E2E_DIST ?? 'dist';
const BUNDLE_DIR = path.resolve(DIST, 'bundles/test');
const SUMMARY = /All measures by prevention tier/;

async function openOverview(page: Page, search: string) {
  await openDashboard(page, search);
  await expect(page.getByRole('heading', { level: 1, name: /Overview: headline measures for/ })).toBeVisible({
    timeout: 240_000,
  });
  await expect(page.getByRole('table', { name: SUMMARY })).toBeVisible({ timeout: 240_000 });
}

/** The per-tier table as text, row by row: what a person reads on screen. */
async function summaryRows(page: Page): Promise<string[][]> {
  const rows = page.getByRole('table', { name: SUMMARY }).locator('tbody tr:not(.group-row)');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => {
        // Figures carry screen-reader text beside the symbol; read what is shown.
        const copy = c.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.visually-hidden, sup').forEach((n) => n.remove());
        return (copy.textContent ?? '').trim();
      }),
    ),
  );
}

async function cardValues(page: Page): Promise<string[]> {
  return page.locator('.measure-card__value').evaluateAll((ps) =>
    ps.map((p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.visually-hidden, sup').forEach((n) => n.remove());
      return (copy.textContent ?? '').trim();
    }),
  );
}

/** Reads a protectedCsv file: its comment lines and its rows as objects. */
function parseCsv(text: string): { comments: string[]; rows: Record<string, string>[] } {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const comments = lines.filter((l) => l.startsWith('#'));
  const data = lines.filter((l) => !l.startsWith('#'));
  const header = splitCsvLine(data[0]!);
  return { comments, rows: data.slice(1).map((l) => Object.fromEntries(splitCsvLine(l).map((v, i) => [header[i]!, v]))) };
}

const plain = (s: string) => s.replaceAll(',', '');

test('a copied link opens the same view with the same numbers in a fresh browser', async ({ browser }) => {
  test.setTimeout(480_000);
  const analyst = await browser.newContext();
  await analyst.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await analyst.newPage();
  await openOverview(page, '?view=overview');
  // An analyst sets up a view: an earlier month (so the latest full year is 2023), a district, and sex.
  await page.getByLabel('Latest month', { exact: true }).selectOption('2024-06');
  const district = await page.getByLabel('Area', { exact: true }).locator('option').nth(3).getAttribute('value');
  await page.getByLabel('Area', { exact: true }).selectOption(district!);
  await page.getByLabel('Sex', { exact: true }).selectOption('female');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(', 2023', { timeout: 60_000 });
  await expect(page.getByRole('table', { name: SUMMARY })).toHaveAttribute('class', /tier-summary/);
  await expect(page.locator('article.briefing')).toHaveAttribute('aria-busy', 'false');
  const heading = await page.getByRole('heading', { level: 1 }).textContent();
  const rows = await summaryRows(page);
  const cards = await cardValues(page);
  expect(rows.length).toBe(18);

  await page.getByRole('button', { name: 'Copy link to this view' }).click();
  const status = page.getByRole('status').filter({ hasText: /Link copied|did not let the page copy/ });
  await expect(status).toBeVisible();
  const link = (await status.textContent())?.includes('Link copied')
    ? await page.evaluate(() => navigator.clipboard.readText())
    : await page.getByLabel('Link to this view').inputValue();
  const url = new URL(link);
  // The link holds the view settings and nothing else: no figures.
  expect(Object.fromEntries(url.searchParams)).toEqual({ area: district, period: '2024-06', sex: 'female' });
  for (const row of rows)
    for (const cell of row.slice(2, 3)) if (/\d{3,}/.test(plain(cell))) expect(link).not.toContain(plain(cell));

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const foreign = watchForeignRequests(other);
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: /Overview: headline measures for/ })).toBeVisible({
    timeout: 240_000,
  });
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(heading!);
  await expect(other.locator('article.briefing')).toHaveAttribute('aria-busy', 'false');
  expect(await summaryRows(other)).toEqual(rows);
  expect(await cardValues(other)).toEqual(cards);
  await expect(other.getByLabel('Latest month', { exact: true })).toHaveValue('2024-06');
  await expect(other.getByLabel('Sex', { exact: true })).toHaveValue('female');
  await other.screenshot({ path: path.join(shots, 'share-round-trip.png'), fullPage: false });
  expect(foreign.map((r) => r.url())).toEqual([]);

  // A stale or unknown setting gives a notice and the default, never a crash.
  await other.goto('/?view=overview&area=E99999999&period=2099-13&audience=nobody');
  await expect(other.getByText(/period "2099-13" is not a month/)).toBeVisible({ timeout: 240_000 });
  await expect(other.getByText(/audience "nobody" is not recognised/)).toBeVisible();
  await expect(other.getByText(/The area in the link is not in the data loaded/)).toBeVisible({ timeout: 120_000 });
  await analyst.close();
  await fresh.close();
});

test('exports carry title, source, date, flags and "synthetic", and match the screen', async ({ page }) => {
  test.setTimeout(300_000);
  await openOverview(page, '?view=overview');
  const rows = await summaryRows(page);

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^CSV of All measures by prevention tier/ }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^all-measures-by-prevention-tier.*\.csv$/);
  const csv = parseCsv(readFileSync((await csvDownload.path())!, 'utf8'));
  expect(csv.comments[0]).toMatch(/^# All measures by prevention tier/);
  expect(csv.comments.join('\n')).toMatch(/# Source: /);
  expect(csv.comments.join('\n')).toMatch(/# Produced: \d{4}-\d{2}-\d{2} .*analyst disclosure rules/);
  expect(csv.comments.join('\n')).toMatch(/SYNTHETIC DATA/);
  expect(csv.rows.length).toBe(rows.length);
  csv.rows.forEach((r, i) => {
    const screen = rows[i]!;
    expect(r.measure).toBe(screen[0]);
    expect(r.period).toBe(screen[1]);
    // The number on screen (with thousands separators, or c / x) is the CSV's value, flag alongside.
    // A measure of people counted each month reads "(average month)" beside its number on screen.
    expect(r.value).toBe(plain(screen[2]!.replace(/ \(average month\)$/, '')));
    expect(['shown', 'rounded', 'c', 'x']).toContain(r.flag);
    if (r.flag === 'c') expect(r.value).toBe('c');
    expect(r.significance).toBe(screen[6]);
    expect(r.change).toBe(screen[5]);
  });

  const card = page.getByRole('article', { name: /Knife serious violence, under 25/ });
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /^SVG of/ }).click()]);
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('Knife serious violence, under 25');
  expect(svg).toMatch(/Source: /);
  expect(svg).toMatch(/Produced \d{1,2} [A-Z][a-z]+ \d{4}/);
  expect(svg).toContain('SYNTHETIC DATA');
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /^PNG of/ }).click()]);
  const png = readFileSync((await pngDownload.path())!);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.byteLength).toBeGreaterThan(5_000);

  const [monthly] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /^CSV of/ }).click()]);
  const series = parseCsv(readFileSync((await monthly.path())!, 'utf8'));
  await card.getByText(/^Monthly figures for/).click();
  const tableRows = await card
    .getByRole('table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const td = tr.querySelector('td')!.cloneNode(true) as HTMLElement;
        td.querySelectorAll('.visually-hidden, sup').forEach((n) => n.remove());
        return (td.textContent ?? '').trim();
      }),
    );
  expect(series.rows.filter((r) => r.period_type === 'month').map((r) => r.value)).toEqual(tableRows.map(plain));
});

test('a partner bundle is published, hosted, and opened in partner mode with nothing else', async ({ browser }) => {
  test.setTimeout(600_000);
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  mkdirSync(BUNDLE_DIR, { recursive: true });

  const analyst = await browser.newContext();
  const page = await analyst.newPage();
  await openOverview(page, '?view=overview');
  const publish = page.getByRole('region', { name: 'Publish a bundle for partners or the public' });
  await expect(publish.getByLabel(/^Partner organisations/)).toBeChecked();
  await expect(publish.getByLabel('VRU area')).toBeChecked();
  await expect(publish.getByLabel('Districts')).toBeChecked();
  await publish.getByRole('button', { name: 'Publish for partners' }).click();
  await expect(publish.getByText(/The bundle is ready/)).toBeVisible({ timeout: 400_000 });
  const audit = publish.getByTestId('publish-audit');
  await expect(audit.getByText('passed')).toHaveCount(2);
  await expect(audit).not.toContainText('failed');
  const links = publish.getByRole('link', { name: /^Download / });
  await expect(links).toHaveCount(5);
  const names: string[] = [];
  for (let i = 0; i < 5; i++) {
    const [download] = await Promise.all([page.waitForEvent('download'), links.nth(i).click()]);
    names.push(download.suggestedFilename());
    await download.saveAs(path.join(BUNDLE_DIR, download.suggestedFilename()));
  }
  expect(names).toEqual(['bundle.json', 'bundle-manifest.json', 'cells.parquet', 'areas.parquet', 'population.parquet']);
  const meta = JSON.parse(readFileSync(path.join(BUNDLE_DIR, 'bundle.json'), 'utf8'));
  expect(meta).toMatchObject({ audience: 'partner', levels: ['vru', 'district'] });
  await page.screenshot({ path: path.join(shots, 'publish-bundle.png'), fullPage: true });

  // What the analyst would see under partner rules, to compare with the bundle.
  await page.getByLabel('Disclosure rules for', { exact: true }).selectOption('partner');
  await expect(page.getByText(/Partner view: counts of 1 to 7 hidden, others rounded to the nearest 5/)).toBeVisible();
  await expect(page.locator('article.briefing')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1, name: /Overview: headline measures for/ })).toBeVisible();
  const partnerRows = await summaryRows(page);

  const partner = await browser.newContext();
  await partner.grantPermissions(['clipboard-read', 'clipboard-write']);
  const view = await partner.newPage();
  const foreign = watchForeignRequests(view);
  const requests: string[] = [];
  view.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await view.goto('/?bundle=./bundles/test/bundle.json&view=overview');
  await expect(view.getByRole('heading', { level: 1, name: /Overview: headline measures for/ })).toBeVisible({
    timeout: 240_000,
  });
  await expect(view.getByText('Partner view: counts of 1 to 7 hidden, others rounded to the nearest 5.')).toBeVisible();
  await expect(view.getByTestId('bundle-audit')).toContainText('Disclosure audit on opening: passed');
  await expect(view.getByTestId('audience-indicator')).toHaveText('Partner bundle: audience fixed');
  await expect(view.locator('article.briefing')).toHaveAttribute('aria-busy', 'false');
  const rows = await summaryRows(view);
  expect(rows).toEqual(partnerRows);
  // Every count a partner sees is rounded to 5 (or hidden, or zero).
  for (const row of rows) {
    const n = plain(row[2]!);
    if (/^\d+$/.test(n)) expect(Number(n) % 5).toBe(0);
  }
  // Only the bundle was fetched: never the demo's extracts or manifest.
  // (Code chunks are not data: a module may be named population-years.)
  expect(requests.filter((p) => !p.endsWith('.js') && /extracts|manifest-|areas-|population-/.test(p))).toEqual([]);
  expect(requests).toContain('/bundles/test/cells.parquet');

  // The audience is fixed: the other rules cannot be chosen, and the field says why.
  const rulesField = view.getByLabel('Disclosure rules for', { exact: true });
  await expect(rulesField).toHaveValue('partner');
  await expect(rulesField.locator('option[value="analyst"]')).toBeDisabled();
  await expect(rulesField.locator('option[value="public"]')).toBeDisabled();
  await expect(view.getByText('This bundle holds the partner figures only.')).toBeVisible();
  // The month list comes from the bundle's cells (it has no extracts).
  const latestMonth = view.getByLabel('Latest month', { exact: true });
  await expect(latestMonth.locator('option').first()).not.toHaveText(/none loaded/);
  expect(await latestMonth.locator('option').count()).toBeGreaterThan(12);
  expect(new URL(view.url()).searchParams.get('audience')).toBe('partner');
  await view.screenshot({ path: path.join(shots, 'bundle-partner-overview.png'), fullPage: true });
  await expectNoAxeViolations(view);

  // A link made in partner mode points at the bundle and the view.
  await view.getByRole('button', { name: 'Copy link to this view' }).click();
  const status = view.getByRole('status').filter({ hasText: /Link copied|did not let the page copy/ });
  await expect(status).toBeVisible();
  const link = (await status.textContent())?.includes('Link copied')
    ? await view.evaluate(() => navigator.clipboard.readText())
    : await view.getByLabel('Link to this view').inputValue();
  expect(Object.fromEntries(new URL(link).searchParams)).toEqual({ bundle: './bundles/test/bundle.json', audience: 'partner' });
  await view.getByRole('link', { name: 'Data and ethics' }).click();
  expect(new URL(view.url()).searchParams.get('bundle')).toBe('./bundles/test/bundle.json');
  // The bundle has no extracts; the catalogue, the coverage matrix and the month list read its cells instead.
  await expect(view.getByRole('table', { name: /Months with data, by indicator/ })).toBeVisible();
  expect(foreign.map((r) => r.url())).toEqual([]);
  await analyst.close();
  await partner.close();
});

test('a link to a bundle that is not there says so plainly, and loads nothing else', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/?bundle=./bundles/no-such-bundle/&view=overview');
  await expect(page.getByRole('alert')).toContainText(
    /The bundle (was not found at|could not be fetched from) .*\/bundles\/no-such-bundle\/bundle\.json/,
    {
      timeout: 60_000,
    },
  );
  await expect(page.getByRole('alert')).toContainText('The link names a partner bundle that could not be opened');
  await expect(page.getByRole('link', { name: 'Open the dashboard with its synthetic demo data instead' })).toBeVisible();
  expect(requests.filter((p) => /extracts|manifest-/.test(p))).toEqual([]);
  await expectNoAxeViolations(page);
});
