import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';

// Real police.uk months and IMD 2019 File 1 from ../shared/real, never copied into the repository. A user has them
// as plain CSV (or the zip police.uk gives): they are decompressed into a temporary folder, as a download would be.
const REAL = path.resolve(process.cwd(), '../shared/real');
const shots = path.resolve('test-results/screenshots');

function plainFiles(): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'police-uk-'));
  const sources = [
    ...readdirSync(path.join(REAL, 'police-uk')).map((f) => path.join(REAL, 'police-uk', f)),
    path.join(REAL, 'reference/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz'),
  ];
  return sources.map((gz) => {
    const out = path.join(dir, path.basename(gz).replace(/\.gz$/, ''));
    writeFileSync(out, gunzipSync(readFileSync(gz)));
    return out;
  });
}

test.skip(!existsSync(path.join(REAL, 'police-uk')), `../shared/real is absent (${REAL}): no real police.uk files to drop`);

test('police.uk street files and IMD File 1, dropped with no other file, give the Overview, Map and Trends for Lancashire', async ({
  page,
}) => {
  test.setTimeout(900_000);
  const foreign = watchForeignRequests(page);
  await openDashboard(page, '?view=import');
  await page.getByLabel('Choose files, or drag them here').setInputFiles(plainFiles());
  await expect(page.getByText(/^All \d+ files loaded\.$/)).toBeVisible({ timeout: 600_000 });

  // The load summary: records per file, rows with no LSOA, LSOAs outside, the months missing from the run.
  await expect(
    page.getByText(
      '14,748 street-level crime records: 14,448 in the loaded areas, 276 with no location, 24 in LSOAs outside the loaded areas.',
    ),
  ).toBeVisible();
  await expect(
    page.getByText(/^Records with no location \(no LSOA\), in no area: 26,798\. By type: Violence and sexual offences 12,357;/),
  ).toBeVisible();
  await expect(
    page.getByText(
      'Months missing from the run (Lancashire Constabulary): June 2020, August 2020 and September 2020. They show as not available.',
    ),
  ).toBeVisible();
  const runs = page.getByRole('table', { name: 'police.uk files loaded' });
  await expect(
    runs.getByRole('row', {
      name: /street-level crime Lancashire Constabulary 19 346,763 December 2019 to September 2021 June 2020, August 2020, September 2020/,
    }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply these choices' })).toBeEnabled();
  await page.screenshot({ path: path.join(shots, 'public-data-import.png'), fullPage: true });
  await expectNoAxeViolations(page);

  const nav = page.getByRole('navigation', { name: 'Dashboard views' });
  const indicator = 'Violence and sexual offences recorded by the police';

  // Trends: the monthly series for the whole area, with the missing months as x (not available).
  await nav.getByRole('link', { name: 'Trends', exact: true }).click();
  await page.getByLabel('Indicator').selectOption({ label: indicator });
  await page.getByLabel('Latest month').selectOption({ label: 'September 2021' });
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Trends\\W*${indicator}`) })).toBeVisible();
  const monthly = page.getByText(/^Show the data table \(22 months\)$/);
  await expect(monthly).toBeVisible({ timeout: 300_000 });
  await expect(
    page.getByRole('img', { name: /3 months have no data \(x\): shown as gaps in the line, never as zero/ }),
  ).toBeVisible();
  await monthly.click();
  const trendTable = page.getByRole('table').filter({ hasText: 'June 2020' }).first();
  await expect(trendTable).toBeVisible();
  await expect(trendTable.getByRole('row', { name: /^June 2020\b/ })).toContainText('x');
  await expect(trendTable.getByRole('row', { name: /^May 2020\b/ })).toContainText(/\d,\d{3}/);
  await page.screenshot({ path: path.join(shots, 'public-data-trends.png'), fullPage: true });
  // For partners, no projection: not because their figures are rounded (open data are exact for every audience).
  await page.getByLabel('Disclosure rules for', { exact: true }).selectOption('partner');
  await page.getByRole('tab', { name: 'Projection and hotspots' }).click();
  const notice = page.getByText(/^Projections and hotspot tests are made for analysts only/);
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText('rounded');
  await page.getByRole('tab', { name: 'Trend over time' }).click();
  await page.getByLabel('Disclosure rules for', { exact: true }).selectOption('analyst');

  // Map: the districts with their figures in the table beside the map.
  await nav.getByRole('link', { name: 'Map', exact: true }).click();
  const mapTable = page.getByRole('table').filter({ hasText: 'Preston' }).first();
  await expect(mapTable).toBeVisible({ timeout: 300_000 });
  await expect(mapTable.getByRole('row', { name: /Preston/ }).first()).toContainText(/\d/);
  // Counts are classed at whole numbers: no legend range names a fraction of a crime.
  const legend = page.locator('.map-legend ul');
  await expect(legend.getByRole('listitem').first()).toContainText(/^[\d,]+ to [\d,]+/);
  expect(await legend.innerText()).not.toMatch(/\d\.\d/);
  await page.screenshot({ path: path.join(shots, 'public-data-map.png'), fullPage: true });

  // Overview: the police.uk headline measures, each with its monthly figures (2020 has gaps, so it is no full year).
  await nav.getByRole('link', { name: 'Overview', exact: true }).click();
  const card = page.getByRole('article', { name: 'Violence and sexual offences', exact: true });
  await expect(card).toBeVisible({ timeout: 300_000 });
  await expect(
    card.getByRole('img', {
      name: /Monthly crimes recorded from October 2019 to September 2021: lowest [\d,]+ \(\w+ \d{4}\), highest [\d,]+/,
    }),
  ).toBeVisible();
  // No calendar year is whole, so each card compares the 12 months to September 2021 with the 12 before, on the
  // months both have, and names the months left out (the same comparison as Trends' headline).
  await expect(
    page.getByRole('heading', { level: 1, name: /^Overview: headline measures for .+, the 12 months to September 2021$/ }),
  ).toBeVisible();
  await expect(card).toContainText('crimes recorded, the 12 months to September 2021');
  await expect(card).toContainText(/Change on the 12 months to September 2020: [+-]\d+%/);
  await expect(card).toContainText(
    'on the months both have data for: leaving out October and November 2020 and June, August and September 2021',
  );
  await expect(
    page.getByRole('table', { name: /All measures by prevention tier/ }).getByRole('row', { name: /^Robbery/ }),
  ).toContainText('the 12 months to September 2021');
  for (const name of ['Possession of weapons', 'Robbery'])
    await expect(page.getByRole('article', { name, exact: true })).toBeVisible();
  // police.uk is published open data: its counts are exact, and the rules line says so rather than "1 to 4 hidden".
  await expect(page.getByText('Published open data: exact counts, no disclosure rule needed')).toBeVisible();
  // The same for a bundle of them: each audience's choice says its counts stay exact, and the button names the
  // audience chosen.
  const publish = page.getByRole('region', { name: 'Publish a bundle for partners or the public' });
  await expect(publish.locator('.choice', { hasText: 'The public' })).toContainText(
    'published open data only: exact counts, as published',
  );
  await expect(publish).not.toContainText(/hidden, others rounded/);
  await publish.getByLabel(/^The public/).check();
  await expect(publish.getByRole('button', { name: 'Publish for the public' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'public-data-overview.png'), fullPage: true });
  await expectNoAxeViolations(page);

  // Cohorts: police.uk records no age or sex, and without population its counts have no rate. Each section says
  // which of these stops it, rather than blaming hidden figures (nothing is hidden) or working out for ever.
  await nav.getByRole('link', { name: 'Cohorts', exact: true }).click();
  // With no indicator recorded by age, the cohort shown until one is chosen is everyone, not people aged 15-24.
  await expect(page.getByText(/^Showing People of all ages in the .+ until you choose a cohort\.$/)).toBeVisible({
    timeout: 300_000,
  });
  await expect(
    page.getByText(/^No indicator can be followed for this cohort \(all \d+, shown as counts only \(no rate\)/),
  ).toBeVisible({ timeout: 300_000 });
  await expect(page.getByText('No pyramid: none of the loaded indicators is recorded by age band and sex.')).toBeVisible();
  await expect(
    page.getByText(
      /^Not shown: the loaded data have no universal \(primary\) indicator and no harm \(tertiary\) indicator with a rate/,
    ),
  ).toBeVisible();
  await expect(page.getByText(/Working out/)).toHaveCount(0);
  await expect(page.getByText(/hidden to protect privacy \(c\), include hidden figures/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Data and ethics: open data are nobody's partner extract, and the area-months are summed over the indicators.
  await nav.getByRole('link', { name: 'Data and ethics', exact: true }).click();
  await expect(page.getByText(/: 1 dataset of published open data, \d+ indicators, December 2019 to /)).toBeVisible({
    timeout: 300_000,
  });
  await expect(page.getByText('Area-months covered, summed over indicators')).toBeVisible();
  // No rule touches published open data: the disclosure table claims no hidden number and no audit.
  await expect(page.getByText(/^Every figure loaded is published open data, shown exactly as published/)).toBeVisible();
  await expect(page.getByRole('row', { name: /Analysts in the partnership/ })).toContainText(
    'Nothing to audit: no figure loaded is under these rules.',
  );

  // A choice on Load data: records with no location or outside the districts kept as "Area not known".
  await nav.getByRole('link', { name: 'Load data', exact: true }).click();
  await page.getByLabel(/Count records with no location, or outside the districts, as “Area not known”/).check();
  await page.getByRole('button', { name: 'Apply these choices' }).click();
  await expect(page.getByText(/^All \d+ files loaded\.$/)).toBeVisible({ timeout: 300_000 });
  await expect(page.getByText(/^Records with no location \(no LSOA\), counted in "Area not known": 26,798\./)).toBeVisible();
  await nav.getByRole('link', { name: 'Trends', exact: true }).click();
  await page.getByLabel('Area').selectOption({ label: 'Area not known (no location, or outside the districts)' });
  await expect(
    page
      .getByRole('heading', { level: 2, name: /Violence and sexual offences recorded by the police in Area not known/ })
      .first(),
  ).toBeVisible({ timeout: 300_000 });
  expect(foreign.map((r) => r.url())).toEqual([]);
});
