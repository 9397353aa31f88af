import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type Request } from '@playwright/test';

/** Records every request the page makes that is not to its own origin. */
export function watchForeignRequests(page: Page, origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`): Request[] {
  const foreign: Request[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(r);
  });
  return foreign;
}

/** Opens the dashboard and waits until the demo data are loaded and the shell is showing. */
export async function openDashboard(page: Page, search = ''): Promise<void> {
  await page.goto(`/${search}`);
  await expect(page.getByRole('navigation', { name: 'Dashboard views' })).toBeVisible({ timeout: 60_000 });
}

/** WCAG 2.2 AA, as the UK public-sector accessibility regulations require. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(summary).toEqual([]);
}
