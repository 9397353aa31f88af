import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';

// SHOTS_DIR lets a run keep its screenshots elsewhere while other runs clear test-results.
const shots = path.resolve(process.env.SHOTS_DIR ?? 'test-results/screenshots');
// Protection of the whole demo for an audience runs in a worker after the shell shows, and takes a while.
const SLOW = { timeout: 240_000 };
/** Scrolls so the element is at the top of the window, moves the mouse away (no tooltips), and saves a screenshot. */
async function shot(page: Page, top: Locator, name: string) {
  await top.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.mouse.move(1270, 890);
  await page.screenshot({ path: path.join(shots, `cohorts-${name}.png`), fullPage: false });
}

const YOUNG_MEN_IN_PRESTON = '?view=cohorts&cohort=15-17%2B18-24|male|E07000123|Young%20men%20in%20Preston';

/** Waits for a profile's spine charts: one per tier, for the cohort named. */
async function expectProfile(page: Page, name: RegExp) {
  const profile = page.locator('section.cohort-profile').filter({ has: page.getByRole('heading', { level: 3, name }) });
  await expect(profile.getByRole('heading', { level: 4 })).toHaveText(
    ['Primary prevention (universal)', 'Secondary prevention (early warning)', 'Tertiary prevention (harm and justice)'],
    SLOW,
  );
  await expect(profile.getByRole('img', { name: /Spine chart of/ })).toHaveCount(3);
  return profile;
}

test('a cohort from a link shows its tier profile, compares with a second cohort, and is accessible', async ({ page }) => {
  test.setTimeout(400_000);
  const foreign = watchForeignRequests(page);
  await openDashboard(page, YOUNG_MEN_IN_PRESTON);
  await expect(page.getByRole('heading', { level: 1, name: 'Cohorts' })).toBeVisible();
  const profile = await expectProfile(page, /^Young men in Preston/);
  await expect(profile.getByText(/Males, aged 15-24, in Preston/)).toBeVisible();
  await expect(profile.getByText(/Calendar year \d{4}, the latest full year loaded/)).toBeVisible();

  // The builder shows the cohort from the link.
  const builder = page.getByRole('form', { name: 'Cohort', exact: true });
  await expect(builder.getByLabel('15-17')).toBeChecked();
  await expect(builder.getByLabel('18-24')).toBeChecked();
  await expect(builder.getByLabel('25-34')).not.toBeChecked();
  await expect(builder.getByLabel('Male', { exact: true })).toBeChecked();
  await expect(builder.getByLabel('Area')).toHaveValue('E07000123');
  await expect(builder.getByLabel('Cohort name')).toHaveValue('Young men in Preston');

  // The table behind the spine charts, with every tier and symbols rather than zeros for hidden figures.
  await profile.getByText('Table of figures for Young men in Preston').click();
  const table = profile.getByRole('table', { name: /Figures for Young men in Preston by prevention tier/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: /First-time entrants/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Compared with VRU area' })).toBeVisible();
  await shot(page, profile, 'profile');
  await shot(page, table, 'profile-table');
  await expectNoAxeViolations(page);

  // Compare with a second cohort: young women in Preston, suggested from the first.
  await page.getByRole('button', { name: 'Compare with another cohort' }).click();
  const second = page.getByRole('form', { name: 'Comparison cohort' });
  await expect(second.getByRole('heading', { name: 'Comparison cohort' })).toBeFocused();
  await expect(second.getByLabel('Female', { exact: true })).toBeChecked();
  await expect(second.getByLabel('Cohort name')).toHaveValue('Females aged 15-24 in Preston');
  await second.getByLabel('Persons').check();
  await second.getByLabel('Area').selectOption({ label: 'Blackpool' });
  await expect(second.getByLabel('Cohort name')).toHaveValue('People aged 15-24 in Blackpool');
  await second.getByRole('button', { name: 'Show comparison' }).click();
  await expect(page).toHaveURL(/compare=15-17%2B18-24%7Call%7CE06000009%7CPeople/);
  await expectProfile(page, /^People aged 15-24 in Blackpool/);
  const sideBySide = page.getByRole('table', { name: /Young men in Preston and People aged 15-24 in Blackpool side by side/ });
  await expect(sideBySide).toBeVisible();
  await shot(page, page.getByRole('form', { name: 'Cohort', exact: true }), 'compare-builders');
  await shot(page, page.getByRole('heading', { level: 2, name: 'Tier profile' }), 'compare');
  await shot(page, sideBySide, 'compare-table');
  await expectNoAxeViolations(page);
  expect(foreign.map((r) => r.url())).toEqual([]);
});

test('the pathway, the age and sex pyramid and need and harm each have a chart and a table', async ({ page }) => {
  test.setTimeout(400_000);
  const foreign = watchForeignRequests(page);
  await openDashboard(page, `${YOUNG_MEN_IN_PRESTON}&compare=15-17%2B18-24|all||Young%20people%20aged%2015-24&area=E07000123`);

  const pathway = page
    .locator('section.cohorts__section')
    .filter({ has: page.getByRole('heading', { level: 2, name: 'Pathway over time' }) });
  // One chart per cohort, each with its table.
  await expect(pathway.getByRole('figure')).toHaveCount(2, SLOW);
  await expect(pathway.getByRole('img', { name: /^Line chart/ }).first()).toBeVisible();
  await shot(page, pathway, 'pathway');
  await pathway.getByText('Table of the pathway for Young people aged 15-24').click();
  const pathwayTable = pathway.getByRole('table', { name: /Index by tier for Young people aged 15-24, by year/ });
  await expect(pathwayTable).toBeVisible();
  await expect(pathwayTable.getByRole('columnheader')).toHaveText([
    'Year',
    'Primary prevention (universal)',
    'Secondary prevention (early warning)',
    'Tertiary prevention (harm and justice)',
  ]);
  await shot(page, pathwayTable, 'pathway-table');
  await pathway.getByLabel('Quarters').check();
  await expect(pathway.getByRole('table', { name: /Index by tier for Young people aged 15-24, by quarter/ })).toBeVisible();
  await shot(page, pathway, 'pathway-quarters');

  const pyramid = page
    .locator('section.cohorts__section')
    .filter({ has: page.getByRole('heading', { level: 2, name: 'Age and sex' }) });
  await expect(pyramid.getByRole('img', { name: /Population pyramid/ })).toBeVisible();
  await expect(pyramid.getByText('Area: Preston')).toBeVisible();
  await pyramid.getByLabel('Indicator for the pyramid').selectOption('ed_assault_attendances');
  await expect(page).toHaveURL(/indicator=ed_assault_attendances/);
  await pyramid.getByText('Table of the pyramid').click();
  const pyramidTable = pyramid.getByRole('table', {
    name: /Emergency department attendances after assault by age band and sex, Preston/,
  });
  await expect(pyramidTable).toBeVisible();
  await expect(pyramidTable.getByRole('rowheader')).toHaveCount(8);
  await shot(page, pyramid, 'pyramid');

  const needHarm = page
    .locator('section.cohorts__section')
    .filter({ has: page.getByRole('heading', { level: 2, name: 'Need and harm' }) });
  await expect(needHarm.getByRole('img', { name: /Scatter chart/ })).toBeVisible();
  await needHarm.getByText('Table of need and harm by district').click();
  const nhTable = needHarm.getByRole('table', { name: /by district, all ages and both sexes/ });
  await expect(nhTable).toBeVisible();
  await expect(nhTable.getByRole('rowheader')).toHaveCount(15);
  await needHarm.getByLabel('Risk indicator (primary prevention)').selectOption('persistent_absence');
  await expect(needHarm.getByRole('table', { name: /^Persistent absence and/ })).toBeVisible();
  await shot(page, needHarm.getByRole('figure'), 'need-harm');
  await expectNoAxeViolations(page);
  expect(foreign.map((r) => r.url())).toEqual([]);
});

test('a cohort whose rates are all hidden says so, without calling it small, and suggests widening it', async ({ page }) => {
  test.setTimeout(400_000);
  await openDashboard(
    page,
    '?view=cohorts&cohort=65%2B|female|E07000124|Women%2065%20and%20over%20in%20Ribble%20Valley&audience=public',
  );
  const profile = await expectProfile(page, /^Women 65 and over in Ribble Valley/);
  await expect(profile.getByRole('status')).toContainText(
    /No rate can be shown for this cohort\..*A wider cohort \(more age bands, both sexes, or the whole VRU area\) is more likely to be shown/,
  );
  await expect(profile.getByRole('status')).not.toContainText('too small');
  await shot(page, profile, 'too-small');
  await expectNoAxeViolations(page);
});
