import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDashboard } from './helpers';

/*
 * What a person sees in each kind of chart, compared with a stored picture (test/e2e/__pictures__), as Observable
 * Plot's tests do: a change in a chart's drawing fails here and shows up in review. The tolerance
 * (playwright.config.ts) absorbs anti-aliasing, not a moved bar or line. After an intended change:
 *   npx vite build && npx playwright test test/e2e/chart-pictures.spec.ts --update-snapshots
 * and look at the new pictures before committing them.
 */

const FIRST_FIGURES = 240_000;

async function chart(page: Page, section: Locator): Promise<Locator> {
  const svg = section.locator('svg.recharts-surface').first();
  await expect(svg).toBeVisible({ timeout: FIRST_FIGURES });
  // Nothing is still being worked out (a chart redrawn mid-comparison would be a different picture).
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: FIRST_FIGURES });
  return svg;
}

test.describe('chart pictures', () => {
  test.setTimeout(300_000);

  test('trend chart: violence with injury, whole area, each month', async ({ page }) => {
    await openDashboard(page, '?view=trends&indicator=police_violence_with_injury');
    const figure = page.locator('section.trend-figure').filter({ has: page.getByRole('radio', { name: 'Each month' }) });
    const svgEl = await chart(page, figure);
    await expect(svgEl).toHaveScreenshot('trend-violence-with-injury.png');
  });

  test('population pyramid: assault attendances at the emergency department, Preston', async ({ page }) => {
    await openDashboard(page, '?view=cohorts&area=E07000123&indicator=ed_assault_attendances');
    const pyramid = page
      .locator('section.cohorts__section')
      .filter({ has: page.getByRole('heading', { level: 2, name: 'Age and sex' }) });
    await expect(pyramid.getByRole('img', { name: /Population pyramid/ })).toBeVisible({ timeout: FIRST_FIGURES });
    await expect(await chart(page, pyramid)).toHaveScreenshot('pyramid-ed-assault-preston.png');
  });

  test('overview sparkline: the first headline card', async ({ page }) => {
    await openDashboard(page, '?view=overview');
    const spark = page.getByRole('img', { name: /last 24 months/ }).first();
    await expect(spark).toBeVisible({ timeout: FIRST_FIGURES });
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: FIRST_FIGURES });
    await expect(spark).toHaveScreenshot('overview-sparkline.png');
  });
});
