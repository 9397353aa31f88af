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

/** Where the page keeps the repeated parts taken out for a scan, with the comments that hold their places. */
const SET_ASIDE = '__axeSetAside';

/**
 * WCAG 2.2 AA, as the UK public-sector accessibility regulations require.
 *
 * `repeated` names parts a page shows hundreds of times, built alike (the 941 LSOAs' rows, squares or shapes):
 * axe's time grows with them (50 s for one scan of the LSOA map on an idle core, most of a map test), so of each
 * only the first `keep` are scanned, plus one of every other kind (its elements' tags, classes, fills and styles: a
 * suppressed row, a square with another colour of text). Rows made by the same code with the same classes pass or
 * fail alike; everything else on the page is scanned whole. The others are set aside during the scan (each
 * replaced by a comment, then put back, the same element, so React and Leaflet keep theirs): excluding them by
 * selector instead costs axe more than scanning them (23 s against 8 s at load 8, for 1,840 excluded elements).
 */
export async function expectNoAxeViolations(page: Page, repeated: readonly string[] = [], keep = 20): Promise<void> {
  if (repeated.length) await setAsideRepeated(page, repeated, keep);
  let results;
  try {
    results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  } finally {
    if (repeated.length)
      await page.evaluate((key) => {
        const w = window as unknown as Record<string, [Comment, Element][] | undefined>;
        for (const [mark, el] of w[key] ?? []) mark.replaceWith(el);
        delete w[key];
      }, SET_ASIDE);
  }
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(summary).toEqual([]);
}

/** Sets aside all but the sample of each repeated part; fails if a selector matches nothing. */
async function setAsideRepeated(page: Page, repeated: readonly string[], keep: number): Promise<void> {
  const counts = await page.evaluate(
    ({ repeated, keep, key }) => {
      const aside: [Comment, Element][] = [];
      const counts = repeated.map((selector) => {
        const kinds = new Set<string>();
        const all = [...document.querySelectorAll(selector)];
        all.forEach((el, i) => {
          const kind = [el, ...el.querySelectorAll('*')]
            .map((d) => ['class', 'fill', 'style'].reduce((k, a) => `${k}.${d.getAttribute(a) ?? ''}`, d.tagName))
            .join('|');
          if (i < keep || !kinds.has(kind)) kinds.add(kind);
          else aside.push([document.createComment('set aside for the axe scan'), el]);
        });
        return all.length;
      });
      for (const [mark, el] of aside) el.replaceWith(mark);
      (window as unknown as Record<string, unknown>)[key] = aside;
      return counts;
    },
    { repeated, keep, key: SET_ASIDE },
  );
  // A selector that no longer matches would quietly scan everything (slow) or, worse, hide a renamed part's sampling.
  expect(
    counts.every((n) => n > 0),
    `repeated parts found: ${repeated.join(', ')} → ${counts.join(', ')}`,
  ).toBe(true);
}
