import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';

const shots = path.resolve('test-results/screenshots');
const HOME_OFFICE = [/Sharp-object admissions, aged under 25/, /Knife serious violence, under 25/, /Homicides, under 25/];

async function openOverview(page: Page, search = '?view=overview') {
  await openDashboard(page, search);
  await expect(page.getByRole('heading', { level: 1, name: /Overview: headline measures for/ })).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByRole('region', { name: 'Home Office success measures' }).getByRole('article')).toHaveCount(3);
}

test('the overview leads with the three Home Office measures, each with a sparkline and a summary', async ({ page }) => {
  test.setTimeout(240_000);
  const foreign = watchForeignRequests(page);
  await openOverview(page);
  const section = page.getByRole('region', { name: 'Home Office success measures' });
  for (const name of HOME_OFFICE) {
    const card = section.getByRole('article', { name });
    await expect(card).toBeVisible();
    // The sparkline is an image with a text alternative giving the range, lowest and highest months.
    await expect(card.getByRole('img', { name: /last 24 months/ })).toBeVisible();
    const desc = await card.locator('svg.sparkline desc').textContent();
    expect(desc).toMatch(/^Monthly .* from .* 20\d\d to .* 20\d\d/);
    // The summary says what the test found, in words, and never a cause.
    const summary = await card.locator('.measure-card__summary').textContent();
    expect(summary).toMatch(/The number of .* in Lancashire Violence Reduction Network area in 20\d\d (was|is hidden)/);
    expect(summary).not.toMatch(/because of|due to|caused|driven by/i);
    await expect(card.getByText(/statistically significant|Not tested/).first()).toBeVisible();
  }
  // Headline cards first, then every measure by tier.
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.slice(0, 2)).toEqual(['Home Office success measures', 'All measures by prevention tier']);
  await expect(
    page.getByRole('table', { name: /All measures by prevention tier/ }).locator('tbody tr:not(.group-row)'),
  ).toHaveCount(18);
  expect(await page.evaluate(() => performance.getEntriesByName('view-ready:overview').length)).toBe(1);
  await page.screenshot({ path: path.join(shots, 'overview.png'), fullPage: true });
  await expectNoAxeViolations(page);
  expect(foreign.map((r) => r.url())).toEqual([]);
});

test('the briefing prints to an A4 PDF', async ({ page }) => {
  test.setTimeout(240_000);
  await openOverview(page);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(shots, 'overview-print-media.png'), fullPage: true });
  mkdirSync('test-results', { recursive: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: 'test-results/briefing.pdf' });
  // A real document with text and charts, a few pages long: not blank, not the whole app.
  expect(pdf.byteLength).toBeGreaterThan(20_000);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(5);
});

test('the demo opens from the snapshot the build made, showing exactly what loading its files shows', async ({ browser }) => {
  test.setTimeout(240_000);
  const figures = async (page: Page) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await openOverview(page);
    const table = page.getByRole('table', { name: /All measures by prevention tier/ });
    await expect(table.locator('tbody tr:not(.group-row)')).toHaveCount(18);
    const text = [
      await page.getByRole('region', { name: 'Home Office success measures' }).innerText(),
      await table.innerText(),
    ].join('\n');
    return { text, requested: requested.map((p) => p.split('/').pop() ?? '') };
  };
  const fromSnapshot = await figures(await (await browser.newContext()).newPage());
  expect(fromSnapshot.requested).toContain('demo-snapshot.bin');
  expect(fromSnapshot.requested.filter((f) => /^extracts.*\.parquet$/.test(f))).toEqual([]);

  // Without the snapshot (an old or missing file) the page loads and protects the demo files itself.
  const context = await browser.newContext();
  await context.route('**/demo-snapshot.bin', (route) => route.fulfill({ status: 404, body: '' }));
  const fromFiles = await figures(await context.newPage());
  expect(fromFiles.requested.filter((f) => /^extracts.*\.parquet$/.test(f))).toHaveLength(1);
  expect(fromFiles.text).toBe(fromSnapshot.text);
  expect(fromSnapshot.text).toMatch(/\d/);
});
