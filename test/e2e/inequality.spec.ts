// The Deprivation and Concentration views in Chromium: on the real police.uk Lancashire files with IMD 2019 File 1
// and ONS LSOA population (converted in test/fixtures/police-uk-real.ts, never copied into the repository), and on
// the synthetic demo, where analyst rules hide a third of the LSOAs and so every deprivation group.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { INDICATOR, REAL_MISSING_REASON, REAL_PRESENT, realInputs } from '../fixtures/police-uk-real';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';

const shots = path.resolve('test-results/screenshots');
const SLOW = { timeout: 240_000 };
const DEMO_DATA = ['data/manifest.json', 'data/areas.csv', 'data/population.csv', 'data/extracts.parquet'];

type FilePayload = { name: string; mimeType: string; buffer: Buffer };
const payload = (name: string, bytes: Uint8Array | string): FilePayload => ({
  name,
  mimeType: name.endsWith('.json') ? 'application/json' : name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
  buffer: Buffer.from(bytes),
});

async function loadThroughImport(page: Page, files: FilePayload[]) {
  await page.getByRole('link', { name: 'Load data' }).click();
  await page.getByLabel('Choose files, or drag them here').setInputFiles(files);
  await expect(page.getByText(/^All \d+ files loaded\.$/)).toBeVisible({ timeout: 600_000 });
}

/**
 * Nothing in the view's own content reaches past the screen (WCAG 1.4.10), tables excepted: they scroll inside
 * their own region. The shared filter bar is measured by its own tests.
 */
async function viewFitsWidth(page: Page) {
  const past = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main *')]
      .filter((e) => !e.closest('.table-scroll'))
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
  });
  expect(past).toEqual([]);
}

test.describe('deprivation and concentration on real police.uk data', () => {
  test.skip(!REAL_PRESENT, `skipped: ${REAL_MISSING_REASON}`);

  test('an inequality chart for Lancashire from the police.uk files and the IMD file, and its concentration', async ({
    page,
  }) => {
    test.setTimeout(900_000);
    const foreign = watchForeignRequests(page);
    await openDashboard(page);
    const inputs = realInputs('published');
    await loadThroughImport(page, [
      ...inputs.files.map((f) => payload(f.name, f.bytes)),
      payload('imd2019-deprivation.csv', inputs.deprivationCsv),
    ]);
    await page.getByRole('link', { name: 'Deprivation' }).click();
    // The files are added to the demo already loaded: choose their indicator.
    await page.getByLabel('Indicator').selectOption(INDICATOR);
    const national = page.getByRole('heading', {
      level: 2,
      name: /^Violence and sexual offences: \d+\.\d times as common in the most deprived tenth of areas as in the least, 2021$/,
    });
    await expect(national).toBeVisible(SLOW);
    await expect(page.getByText(/2021 \(9 months of data, January to September\)/).first()).toBeVisible();
    await expect(page.getByText(/per head of the 2020 population/)).toBeVisible();
    const deciles = page.getByRole('table', { name: 'By national deprivation decile' });
    await expect(deciles.locator('tbody tr')).toHaveCount(10);
    await expect(deciles.getByRole('rowheader', { name: 'Decile 1 (most deprived)' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'By local deprivation quintile' }).locator('tbody tr')).toHaveCount(5);
    await expect(page.getByText(/^Slope index of inequality: /).first()).toBeVisible();
    await expect(page.getByText(/^Relative index of inequality: /).first()).toBeVisible();
    await expect(page.getByText(/Published open data: exact counts\./)).toBeVisible();
    // The 2020 year through the shared "Latest month" filter.
    await page.getByLabel('Latest month').selectOption('2020-12');
    await expect(
      page.getByRole('heading', { level: 2, name: /times as common in the most deprived tenth of areas as in the least, 2020$/ }),
    ).toBeVisible(SLOW);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the table (CSV)' }).first().click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv).toMatch(/^# Violence and sexual offences: .* 2020 \(national deprivation deciles\)/);
    expect(csv).toContain('# Slope index of inequality (national deciles):');
    expect(csv).toContain('group,small areas,small areas hidden,value,population,rate,lower 95% limit,upper 95% limit,flag');
    expect(csv.split('\n').filter((l) => l.startsWith('Decile '))).toHaveLength(10);
    expect(csv).not.toContain('SYNTHETIC');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${shots}/deprivation-real.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await viewFitsWidth(page);
    await page.screenshot({ path: `${shots}/deprivation-real-320.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('link', { name: 'Concentration' }).click();
    await expect(
      page.getByRole('heading', {
        level: 2,
        name: /^The most affected tenth of LSOAs had \d+\.\d% of the crimes recorded, 2021 \(9 months of data\)$/,
      }),
    ).toBeVisible(SLOW);
    const years = page.getByRole('table', { name: /Share in the most affected LSOAs, by year/ });
    await expect(years.locator('tbody tr')).toHaveCount(3);
    await expect(page.getByText(/between 2020 and 2021 \(Gini change/)).toBeVisible();
    const persistent = page.getByRole('table', { name: 'LSOAs persistently among the most affected tenth' });
    await expect(persistent).toBeVisible();
    expect(await persistent.locator('tbody tr').count()).toBeGreaterThan(40);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${shots}/concentration-real.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await viewFitsWidth(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    // The public's rules do not allow lists that name small areas: a plain reason instead.
    await page.getByLabel('Disclosure rules for').selectOption('public');
    await expect(page.getByText(/The list of LSOAs is not shown: these rules do not allow lists/)).toBeVisible(SLOW);
    await expect(page.getByRole('table', { name: 'LSOAs persistently among the most affected tenth' })).toHaveCount(0);
    expect(foreign.map((r) => r.url())).toEqual([]);
  });
});

test('on the demo, deprivation groups hidden by the analyst rules are shown as c, with the reason', async ({ page }) => {
  test.setTimeout(900_000);
  await openDashboard(page, '?view=inequality');
  // No deprivation lookup yet: the view says what to load.
  await expect(page.getByText(/No deprivation lookup is loaded for these small areas/)).toBeVisible(SLOW);
  await expectNoAxeViolations(page);
  test.skip(!REAL_PRESENT, `the rest needs the IMD file: ${REAL_MISSING_REASON}`);
  // Own files start a workspace without the demo: the demo's files come with the IMD file, as a partner's would.
  await loadThroughImport(page, [
    ...DEMO_DATA.map((f) => payload(path.basename(f), readFileSync(f))),
    payload('imd2019-deprivation.csv', realInputs('protected').deprivationCsv),
  ]);
  await page.getByRole('link', { name: 'Deprivation' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: /by deprivation, 2025: some groups are hidden to protect privacy$/ }).first(),
  ).toBeVisible(SLOW);
  await expect(
    page.getByText(/Slope and relative index of inequality: not given, because \d+ of 10 groups are hidden/),
  ).toBeVisible();
  const deciles = page.getByRole('table', { name: 'By national deprivation decile' });
  await expect(deciles.locator('tbody tr')).toHaveCount(10);
  await expect(deciles.getByText('c', { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/deprivation-demo.png`, fullPage: true });
  await page.getByRole('link', { name: 'Concentration' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /cannot be shown: in every year some LSOAs are hidden/ })).toBeVisible(
    SLOW,
  );
  await expectNoAxeViolations(page);
});
