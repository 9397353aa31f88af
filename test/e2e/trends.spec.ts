import { readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LONG_MONTHS } from '../../src/ui/format';
import { splitCsvLine } from '../fixtures/csv-line';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';

const shots = path.resolve('test-results/screenshots');
mkdirSync(shots, { recursive: true });

/** Protection runs once per audience in a worker; the first figures can take a while on a slow machine. */
const FIRST_FIGURES = 240_000;

/** The main chart's section: the one with the month / rolling choice (another section may come first while it is absent). */
function mainFigure(page: Page): Locator {
  return page.locator('section.trend-figure').filter({ has: page.getByRole('radio', { name: 'Each month' }) });
}

async function download(page: Page, button: Locator): Promise<{ name: string; file: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = await d.path();
  return { name: d.suggestedFilename(), file };
}

/** CSV rows (without the # comment lines) as arrays of cells. */
function parseCsv(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map(splitCsvLine);
}

function periodOf(label: string): string {
  const [month, year] = label.split(' ');
  return `${year}-${String(LONG_MONTHS.indexOf(month ?? '') + 1).padStart(2, '0')}`;
}

test('trends: chart and table, toggles, c for small numbers, CSV/SVG/PNG downloads, accessible and local', async ({ page }) => {
  test.setTimeout(600_000);
  const foreign = watchForeignRequests(page);
  await openDashboard(page, '?view=trends&indicator=ed_assault_attendances&area=E07000123');
  await expect(
    page.getByRole('heading', { level: 1, name: /Trends\W*Emergency department attendances after assault/ }),
  ).toBeVisible();
  const figure = mainFigure(page);
  await expect(figure.locator('.trend-figure__chart svg.recharts-surface')).toBeVisible({ timeout: FIRST_FIGURES });
  await expect(figure.getByRole('heading', { level: 2 })).toHaveText(
    /^Emergency department attendances after assault in Preston (rose|fell) \d+% in 2025 compared with 2024/,
  );
  expect(await page.evaluate(() => performance.getEntriesByName('view-ready:trends', 'mark').length)).toBe(1);
  // The line has points, and the hidden months are marked c above the axis.
  expect(await figure.locator('.recharts-line-dots > *').count()).toBeGreaterThan(40);
  await page.screenshot({ path: path.join(shots, 'trends-main.png') });

  // Toggle to rates without limits, then with limits: real radios and a checkbox.
  await figure.getByRole('radio', { name: /Rate \(per 1,000 residents\)/ }).check();
  await expect(figure.getByRole('heading', { level: 2 })).toHaveText(
    /^The rate of emergency department attendances after assault in Preston/,
  );
  await expect(figure.locator('.recharts-area')).toHaveCount(1);
  await figure.getByRole('checkbox', { name: 'Show 95% confidence limits' }).uncheck();
  await expect(figure.locator('.recharts-area')).toHaveCount(0);
  // How the chart is drawn is in the link too: reloading it draws the same chart.
  await expect(page).toHaveURL(/measure=rate/);
  await expect(page).toHaveURL(/limits=off/);
  await page.reload();
  await expect(figure.getByRole('radio', { name: /Rate \(per 1,000 residents\)/ })).toBeChecked({ timeout: FIRST_FIGURES });
  await expect(figure.getByRole('checkbox', { name: 'Show 95% confidence limits' })).not.toBeChecked();
  await expect(figure.locator('.recharts-area')).toHaveCount(0);
  await figure.getByRole('checkbox', { name: 'Show 95% confidence limits' }).check();
  await expect(figure.locator('.trend-figure__subtitle')).toContainText('Rate per 1,000 residents, in the month');
  await figure.screenshot({ path: path.join(shots, 'trends-rate-limits.png') });
  await figure.getByRole('radio', { name: 'Count' }).check();
  await expect(page).not.toHaveURL(/measure=/);

  // The table behind the chart, and its CSV, agree figure for figure (flags included).
  await figure.getByText(/Show the data table/).click();
  const table = figure.getByRole('table');
  await expect(table).toBeVisible();
  const tableRows = await table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('th')?.textContent ?? '', (r.querySelector('td') as HTMLElement | null)?.innerText ?? '']),
    );
  expect(tableRows).toHaveLength(60);
  const csvFile = await download(page, figure.getByRole('button', { name: 'Download the data (CSV)' }));
  expect(csvFile.name).toBe('ed-assault-attendances-preston-all-all-monthly.csv');
  const csvText = readFileSync(csvFile.file, 'utf8');
  expect(csvText).toContain('# SYNTHETIC DATA');
  const [header, ...csvRows] = parseCsv(csvText);
  expect(header?.[0]).toBe('period');
  expect(header?.[1]).toBe('value');
  expect(header?.at(-1)).toBe('flag');
  const csvByPeriod = new Map(csvRows.map((r) => [r[0], r]));
  for (const [label, shown] of tableRows) {
    const row = csvByPeriod.get(periodOf(label ?? ''));
    expect(row, label).toBeDefined();
    const text = (shown ?? '').trim();
    if (text.startsWith('c')) {
      expect(row?.[1]).toBe('c');
      expect(row?.at(-1)).toBe('c');
    } else {
      expect(row?.[1]).toBe(text.replace(/,/g, '').replace(/r$/, ''));
      expect(row?.at(-1)).not.toBe('c');
    }
  }

  // SVG and PNG of the chart, with title, source and the synthetic-data warning.
  const svg = await download(page, figure.getByRole('button', { name: 'Download the chart (SVG)' }));
  const svgText = readFileSync(svg.file, 'utf8');
  expect(svgText).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svgText).toContain('SYNTHETIC DATA');
  // The source names the dataset, then its agency (the line may wrap between them).
  expect(svgText).toContain('Source: Emergency department attendances');
  expect(svgText).toContain('NHS emergency departments');
  const png = await download(page, figure.getByRole('button', { name: 'Download the chart (PNG)' }));
  expect(readFileSync(png.file).subarray(1, 4).toString()).toBe('PNG');
  copyFileSync(png.file, path.join(shots, 'trends-download.png'));

  // A narrow age band and one sex in a district: its months are not published (too small to show safely); the
  // view says so and offers the whole area by age band, where small months are hidden and shown as c, never 0.
  await page.getByLabel('Age band').selectOption('65+');
  await page.getByLabel('Sex').selectOption('female');
  await expect(page).toHaveURL(/age=65/);
  await expect(
    page.getByRole('paragraph').filter({ hasText: /^Monthly figures for females aged 65\+ in Preston are not published/ }),
  ).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('button', { name: /^Show aged 65\+, persons for / }).click();
  await expect(page).not.toHaveURL(/area=/);
  await expect(page).not.toHaveURL(/sex=/);
  await expect(figure.locator('.trend-figure__subtitle')).toContainText('aged 65+, persons', { timeout: 60_000 });
  await expect(page.getByText('Updating the figures for your new choice…')).toHaveCount(0);
  // Another area is another chart, with its table folded again: open it (again, if a redraw folds it).
  const tableToggle = figure
    .locator('details')
    .filter({ hasText: /Show the data table/ })
    .first();
  await expect(async () => {
    if (!(await tableToggle.evaluate((d) => (d as HTMLDetailsElement).open))) await tableToggle.locator('summary').click();
    await expect(figure.getByRole('table')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(figure.getByRole('table')).toContainText('suppressed (c)');
  const hiddenCells = figure.getByRole('table').locator('.figure--suppressed');
  expect(await hiddenCells.count()).toBeGreaterThan(0);
  await expect(figure.locator('.gap-mark--c').first()).toBeAttached();
  await figure.screenshot({ path: path.join(shots, 'trends-small-numbers.png') });

  // Back to all ages in Preston: the other figures.
  await page.getByLabel('Age band').selectOption('all');
  await page.getByLabel('Area', { exact: true }).selectOption('E07000123');
  await expect(figure.locator('.trend-figure__subtitle')).toContainText('all ages, persons', { timeout: 60_000 });
  await expect(figure.getByRole('heading', { level: 2 })).toHaveText(/in Preston (rose|fell) \d+% in 2025/);
  const years = page.locator('section.trend-figure').nth(1);
  await expect(years.getByRole('table')).toContainText('2025');
  await years.screenshot({ path: path.join(shots, 'trends-years.png') });
  await page
    .locator('section.trend-figure')
    .nth(2)
    .screenshot({ path: path.join(shots, 'trends-seasonality.png') });

  await expectNoAxeViolations(page);

  // The other parts are tabs: from the keyboard, the arrow keys move between them and show each at once.
  const tabs = page.getByRole('tablist', { name: 'Parts of the trends view' });
  await expect(tabs.getByRole('tab')).toHaveText(['Trend over time', 'Indicators side by side', 'Projection and hotspots']);
  await expect(tabs.getByRole('tab', { name: 'Trend over time' })).toHaveAttribute('aria-selected', 'true');
  await tabs.getByRole('tab', { name: 'Trend over time' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Indicators side by side' })).toBeFocused();
  await expect(tabs.getByRole('tab', { name: 'Indicators side by side' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/part=compare/);
  // Only the chosen part is drawn.
  await expect(mainFigure(page)).toHaveCount(0);
  await expect(page.getByRole('tabpanel', { name: 'Indicators side by side' })).toBeVisible();
  const compare = page.locator('section.trend-figure').filter({ has: page.getByText(/Choose the indicators to compare/) });
  await expect(compare.locator('svg.recharts-surface')).toBeVisible({ timeout: 60_000 });
  await compare.screenshot({ path: path.join(shots, 'trends-compare.png') });

  await expectNoAxeViolations(page);

  // The link holds the part: reloading shows the same tab, with the same area.
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/part=predictions/);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Projection and hotspots' })).toHaveAttribute('aria-selected', 'true', {
    timeout: FIRST_FIGURES,
  });
  await expect(page.getByRole('heading', { name: 'What a projection can and cannot tell you' })).toBeVisible();
  const projection = page
    .locator('section.trend-figure')
    .filter({ has: page.getByRole('heading', { level: 3, name: /^If the pattern since 2021 continued/ }) });
  await expect(projection.locator('svg.recharts-surface')).toBeVisible({ timeout: 60_000 });
  await expect(projection.getByText(/Refitted without the last 12 recorded months/)).toBeVisible();
  await page.locator('.projection-caveat').screenshot({ path: path.join(shots, 'trends-caveat.png') });
  await projection.screenshot({ path: path.join(shots, 'trends-projection.png') });
  const hotspots = page
    .locator('section.trend-figure')
    .filter({ has: page.getByRole('table', { name: /Emerging hotspot tests/ }) });
  await expect(hotspots.getByRole('row')).toHaveCount(15);
  await expect(hotspots.getByText('Preston (selected)')).toBeVisible();
  await hotspots.screenshot({ path: path.join(shots, 'trends-hotspots.png') });

  await page.screenshot({ path: path.join(shots, 'trends-predictions.png'), fullPage: true });
  await expectNoAxeViolations(page);

  // Home goes back to the first part, where the default part leaves the link.
  await page.getByRole('tab', { name: 'Projection and hotspots' }).focus();
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Trend over time' })).toBeFocused();
  await expect(mainFigure(page).locator('.trend-figure__chart svg.recharts-surface')).toBeVisible({ timeout: 60_000 });
  expect(page.url()).not.toContain('part=');
  expect(foreign.map((r) => r.url())).toEqual([]);
});

test('trends: the default indicator stays out of the URL, and projections are for analysts only', async ({ page }) => {
  test.setTimeout(600_000);
  const foreign = watchForeignRequests(page);
  await openDashboard(page, '?view=trends');
  await expect(
    page.getByRole('heading', { level: 1, name: /Trends\W*Knife-enabled serious violence against people aged under 25/ }),
  ).toBeVisible();
  await expect(page.getByText('Showing the first headline indicator.', { exact: false })).toBeVisible();
  await expect(mainFigure(page).getByRole('heading', { level: 2 })).toBeVisible({ timeout: FIRST_FIGURES });
  expect(page.url()).not.toContain('indicator=');
  await page.screenshot({ path: path.join(shots, 'trends-default.png') });

  await page.getByLabel('Disclosure rules for').selectOption('partner');
  await page.getByRole('tab', { name: 'Projection and hotspots' }).click();
  await expect(page.getByText(/Projections and hotspot tests are made under analyst disclosure rules only/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('tab', { name: 'Trend over time' }).click();
  await expect(mainFigure(page).getByRole('heading', { level: 2 })).toBeVisible({ timeout: FIRST_FIGURES });
  await expect(page.getByText('Updating the figures for your new choice…')).toHaveCount(0, { timeout: FIRST_FIGURES });
  await expect(page.getByText(/Partner disclosure rules/)).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'trends-partner.png'), fullPage: true });
  await expectNoAxeViolations(page);
  expect(foreign.map((r) => r.url())).toEqual([]);
});
