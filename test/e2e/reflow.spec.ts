// WCAG 2.2 reflow (1.4.10) and whole chart pictures: every view at 320 CSS px with no sideways scrolling of the
// page (wide tables scroll in their own region), on the demo's wide tables and with a 500-character area name;
// and exported SVG/PNG charts whose every line of text lies inside the picture, measured by Chromium itself.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';
import { LONG_CODE, LONG_NAME, longNameFiles } from './long-name-data';

const shots = path.resolve('test-results/screenshots');
const pictures = path.resolve('test-results/chart-export');
mkdirSync(shots, { recursive: true });
mkdirSync(pictures, { recursive: true });

/** The first figures wait for protection in a worker; on a busy 2-core machine that can take minutes. */
const SLOW = { timeout: 300_000 };
const PHONE = { width: 320, height: 800 };

type View = 'Overview' | 'Map' | 'Trends' | 'Deprivation' | 'Concentration' | 'Cohorts' | 'Data and ethics' | 'Load data';
const VIEWS: View[] = ['Overview', 'Map', 'Trends', 'Deprivation', 'Concentration', 'Cohorts', 'Data and ethics', 'Load data'];
/** Views of the whole area's small areas: the area filter does not apply (the long-named district is not shown). */
const SMALL_AREA_VIEWS: View[] = ['Deprivation', 'Concentration'];

/** What shows that a view has drawn its figures (and so its widest parts). */
function ready(page: Page, view: View): Locator {
  switch (view) {
    case 'Overview':
      return page.locator('article.measure-card').first();
    case 'Map':
      return page.locator('.map-table').first();
    case 'Trends':
      return page.locator('section.trend-figure .trend-figure__chart svg.recharts-surface').first();
    case 'Deprivation':
      // The demo has no deprivation lookup: the view says what to load.
      return page.getByText(/No deprivation lookup is loaded for these small areas/);
    case 'Concentration':
      return page.getByRole('table', { name: /Share in the most affected/ });
    case 'Cohorts':
      return page.locator('.spine').first();
    case 'Data and ethics':
      return page.getByRole('table', { name: /Months with data, by indicator/ });
    case 'Load data':
      return page.getByRole('table', { name: /Areas and months covered per indicator/ });
  }
}

async function openView(page: Page, view: View): Promise<void> {
  await page.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: view, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(ready(page, view)).toBeVisible(SLOW);
}

/**
 * The page is no wider than the screen, and anything wider inside it scrolls in a region a keyboard can reach
 * (tabindex 0) and a screen reader can name.
 */
async function expectReflow(page: Page, label: string): Promise<void> {
  const { width, unreachable } = await page.evaluate(() => {
    const unreachable: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const style = getComputedStyle(el);
      if (!['auto', 'scroll'].includes(style.overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
      const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (el.tabIndex !== 0 || el.getAttribute('role') !== 'region' || !named) unreachable.push(`${el.tagName}.${el.className}`);
    }
    return { width: document.documentElement.scrollWidth, unreachable };
  });
  expect(width, `${label}: page width at 320 px`).toBeLessThanOrEqual(320);
  expect(unreachable, `${label}: wide parts that scroll without a keyboard-reachable region`).toEqual([]);
}

/** Filters say when a view does not use them, and the Indicator filter names the indicator a view shows by default. */
async function expectFilterNotes(page: Page, view: View): Promise<void> {
  const filters = page.getByRole('form', { name: 'Filters' });
  if (view === 'Data and ethics' || view === 'Load data') return expect(filters).toHaveCount(0);
  const indicator = filters.getByLabel('Indicator');
  const firstOption = indicator.locator('option').first();
  if (view === 'Map' || view === 'Trends' || view === 'Cohorts') {
    // No indicator is in the link, yet the view shows one: the filter names it rather than asking to choose.
    await expect(firstOption).toHaveText(/ \(shown by default\)$/);
  }
  if (SMALL_AREA_VIEWS.includes(view)) {
    if (view === 'Concentration') await expect(firstOption).toHaveText(/ \(shown by default\)$/);
    await expect(filters.getByLabel('Area', { exact: true })).toHaveAccessibleDescription(/^Not used on this page/);
    await expect(filters.getByLabel('Sex')).toHaveAccessibleDescription(/^Not used on this page/);
    return;
  }
  if (view === 'Overview' || view === 'Cohorts') {
    await expect(filters.getByLabel('Age band')).toHaveAccessibleDescription(/^Not used on this page/);
    await expect(filters.getByLabel('Sex')).toHaveAccessibleDescription(/^Not used on this page/);
  } else {
    await expect(filters.getByLabel('Age band')).toHaveAccessibleDescription('');
  }
  if (view === 'Overview') await expect(indicator).toHaveAccessibleDescription(/^Not used on this page/);
}

test('every view fits 320 CSS px: the demo with its wide tables, then a 500-character area name', async ({ page }) => {
  test.setTimeout(1_800_000);
  const foreign = watchForeignRequests(page);
  await page.setViewportSize(PHONE);
  await openDashboard(page, '?view=overview');
  for (const view of VIEWS) {
    await openView(page, view);
    await expectFilterNotes(page, view);
    await expectReflow(page, `${view} (demo)`);
    await page.screenshot({
      path: path.join(shots, `reflow-320-${view.toLowerCase().replaceAll(' ', '-')}.png`),
      fullPage: true,
    });
  }

  // Own files with a district whose name is 500 characters long.
  expect(LONG_NAME).toHaveLength(500);
  await openView(page, 'Load data');
  await page.getByLabel('Choose files, or drag them here').setInputFiles(longNameFiles());
  await expect(page.getByText(/^All 4 files loaded\.$/)).toBeVisible(SLOW);
  const expected = page.getByRole('status').filter({ hasText: 'The manifest lists a file that is not loaded yet' });
  await expect(expected).toContainText('ln-extracts-2025.csv (extract)');
  await expectReflow(page, 'Load data (long name)');
  await expectNoAxeViolations(page);
  for (const view of VIEWS.filter((v) => v !== 'Load data' && !SMALL_AREA_VIEWS.includes(v))) {
    await page.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: view, exact: true }).click();
    if (view !== 'Data and ethics') {
      const filters = page.getByRole('form', { name: 'Filters' });
      await filters.getByLabel('Area', { exact: true }).selectOption(LONG_CODE);
      if (view !== 'Overview') await filters.getByLabel('Indicator').selectOption('ln_vwi');
      // The Area filter moves only the pyramid, which these indicators (not recorded by age and sex) cannot draw: the
      // cohort itself is put in the long-named district, so its name heads the profile and the pathway.
      if (view === 'Cohorts') {
        const builder = page.getByRole('form', { name: 'Cohort', exact: true });
        await builder.getByLabel('Area').selectOption(LONG_CODE);
        await builder.getByRole('button', { name: 'Show cohort' }).click();
      }
      await expect(ready(page, view)).toBeVisible(SLOW);
      // The name is on the page (a heading, a table, the pyramid's area), wrapped rather than cut or overflowing.
      await expect(page.locator('main').getByText(/X{20}/).filter({ visible: true }).first()).toBeVisible();
    } else await expect(ready(page, view)).toBeVisible(SLOW);
    await expectReflow(page, `${view} (long name)`);
    await page.screenshot({ path: path.join(shots, `reflow-320-long-name-${view.toLowerCase().replaceAll(' ', '-')}.png`) });
    await expectNoAxeViolations(page);
  }

  // The Trends chart for the long-named district, as SVG and PNG, drawn at a phone's width.
  await page.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: 'Trends', exact: true }).click();
  const figure = page.locator('section.trend-figure').filter({ has: page.getByRole('radio', { name: 'Each month' }) });
  await expect(figure.locator('svg.recharts-surface')).toBeVisible(SLOW);
  const title = (await figure.getByRole('heading', { level: 2 }).textContent()) ?? '';
  expect(title).toContain(LONG_NAME.slice(0, 40));
  await expectWholePicture(page, figure.getByRole('button', { name: 'Download the chart (SVG)' }), title);
  await savePicture(page, figure.getByRole('button', { name: 'Download the chart (PNG)' }), 'trends-long-name-320.png');
  expect(foreign.map((r) => r.url())).toEqual([]);
});

/** Downloads the SVG and measures each line of its own text with Chromium's fonts: none runs past the edge. */
async function expectWholePicture(page: Page, button: Locator, title: string): Promise<void> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const svg = readFileSync((await download.path())!, 'utf8');
  const { width, lines } = await page.evaluate((text) => {
    const host = document.createElement('div');
    host.innerHTML = text;
    document.body.append(host);
    const root = host.querySelector('svg')!;
    const lines = [...root.children]
      .filter((el): el is SVGTextElement => el.tagName === 'text')
      .map((t) => ({
        text: t.textContent ?? '',
        left: Number(t.getAttribute('x')),
        right: Number(t.getAttribute('x')) + t.getComputedTextLength(),
      }));
    host.remove();
    return { width: Number(root.getAttribute('width')), lines };
  }, svg);
  for (const line of lines)
    expect(line.right, `"${line.text}" ends inside the ${width}-px picture`).toBeLessThanOrEqual(width - 8);
  const all = lines.map((l) => l.text).join(' ');
  expect(all.replaceAll(' ', '')).toContain(title.replaceAll(' ', ''));
  expect(all).toContain('Source: ');
  expect(all).toMatch(/Produced .+ \((analyst|partner|public) disclosure rules\)\./);
  expect(all).toContain('c = hidden to protect privacy');
  expect(all).toContain('SYNTHETIC DATA');
}

async function savePicture(page: Page, button: Locator, name: string): Promise<void> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = (await download.path())!;
  expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  copyFileSync(file, path.join(pictures, name));
}

test('the Trends chart and an Overview card export whole: title, chart, source, rules, symbols and synthetic notice', async ({
  page,
}) => {
  test.setTimeout(900_000);
  await openDashboard(page, '?view=trends&indicator=police_violence_with_injury&area=E07000123');
  const figure = page.locator('section.trend-figure').filter({ has: page.getByRole('radio', { name: 'Each month' }) });
  await expect(figure.locator('svg.recharts-surface')).toBeVisible(SLOW);
  const title = (await figure.getByRole('heading', { level: 2 }).textContent()) ?? '';
  expect(title).toMatch(/\d+% in \d{4}/);
  await expectWholePicture(page, figure.getByRole('button', { name: 'Download the chart (SVG)' }), title);
  await savePicture(page, figure.getByRole('button', { name: 'Download the chart (PNG)' }), 'trends-chart.png');

  await page.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: 'Overview', exact: true }).click();
  const card = page.locator('article.measure-card').first();
  await expect(card).toBeVisible(SLOW);
  const cardTitle = `${(await card.getByRole('heading', { level: 3 }).textContent()) ?? ''}: `;
  await expectWholePicture(page, card.getByRole('button', { name: /^SVG of/ }), cardTitle.trim().replace(/:$/, ''));
  await savePicture(page, card.getByRole('button', { name: /^PNG of/ }), 'overview-card.png');
});
