// Benchmark values loaded beside the demo: Trends compares the area with each one by year, and the Map compares
// every district with a chosen benchmark instead of the VRU area, naming the method; nothing by colour alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';

const shots = path.resolve('test-results/screenshots');
const SLOW = { timeout: 240_000 };
const IND = 'police_violence_with_injury';
const DEMO_DATA = ['data/manifest.json', 'data/areas.csv', 'data/population.csv', 'data/extracts.parquet'];

test('loaded benchmark values are compared with in Trends and on the Map', async ({ page }) => {
  test.setTimeout(900_000);
  const foreign = watchForeignRequests(page);
  await openDashboard(page);
  await page.getByRole('link', { name: 'Load data' }).click();
  // Values on the indicator's scale (per 1,000): one far below every district, one far above, for 2025.
  const csv = `indicator_id,benchmark,period,value,lower95,upper95\n${IND},England,2025,1.0,0.9,1.1\n${IND},Most similar group,2025,500,490,510\n${IND},England,2024/25,1.1,,\n`;
  // Own files start a workspace without the demo: the demo's files come with the benchmarks, as a partner's would.
  await page
    .getByLabel('Choose files, or drag them here')
    .setInputFiles([
      ...DEMO_DATA.map((f) => ({ name: path.basename(f), mimeType: 'application/octet-stream', buffer: readFileSync(f) })),
      { name: 'benchmarks.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
    ]);
  await expect(page.getByText(/^All 5 files loaded\.$/)).toBeVisible(SLOW);

  // Loaded data live in the page only: move through the app, never reload it.
  await page.getByRole('link', { name: 'Trends' }).click();
  await page.getByLabel('Indicator').selectOption(IND);
  const table = page.getByRole('table', { name: /compared with benchmarks, by year/ });
  await expect(table).toBeVisible(SLOW);
  await expect(table.getByRole('row', { name: /2025 England 1\.0 .* Worse/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /2025 Most similar group 500\.0 .* Better/ })).toBeVisible();
  await expect(page.getByText(/as Fingertips does/).first()).toBeVisible();
  await expect(
    page.getByText(/Benchmark periods not compared, as they are not calendar years with figures here: 2024\/25/),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: /2025: better than Most similar group$/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/trends-benchmarks.png`, fullPage: true });

  await page.getByRole('link', { name: 'Map' }).click();
  await page
    .getByRole('form', { name: 'Map settings' })
    .getByRole('radio', { name: /^Compared with/ })
    .check();
  await page.getByLabel('Compare areas with').selectOption('England');
  await expect(page).toHaveURL(/bench=England/);
  await expect(page.getByText(/Compared with England \(2025\)/).first()).toBeVisible(SLOW);
  const mapTable = page.getByRole('table', { name: /by district/ });
  await expect(mapTable.locator('tbody tr')).toHaveCount(14);
  await expect(mapTable.getByRole('columnheader', { name: /Compared with England \(2025\)/ })).toBeVisible();
  await expect(page.getByText(/lies above or below the value for England \(2025\)\./)).toBeVisible();
  // Every district's rate is far above 1.0 per 1,000: all are worse than this benchmark, and said in words.
  await expect(mapTable.locator('tbody tr', { hasText: 'Significantly higher (worse)' })).toHaveCount(14);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/map-benchmark.png`, fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download this table (CSV)' }).click();
  const file = readFileSync(await (await download).path(), 'utf8');
  expect(file).toContain('compared with England (2025) by those limits');
  expect(file).toContain(',compared_with_benchmark,');
  expect(file).toMatch(/\nbenchmark:England,England \(2025\),benchmark,.*,benchmark,/);
  expect(foreign.map((r) => r.url())).toEqual([]);
});
