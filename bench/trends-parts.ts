import type { Page } from '@playwright/test';

/**
 * The Trends view's parts, shown as tabs: each is timed as a view of its own (`trends`, `trends/compare`,
 * `trends/predictions`), and switching between them is timed as the interaction kind `part`. A part's panel
 * carries `data-trends-part`; its tab is `#trends-tab-<part>` (a `button[role="tab"]` in the tab list).
 */
export const TRENDS_PARTS = ['trend', 'compare', 'predictions'] as const;
export type TrendsPart = (typeof TRENDS_PARTS)[number];

/** A view as the interactions open it. */
export interface ViewEntry {
  /** As printed: the view's name, or `trends/<part>` for a Trends part other than the default. */
  label: string;
  /** The view's own query string, without the size's base settings. */
  search: string;
  /** The Trends part the page must then show; its view is skipped when it does not (before the parts land). */
  part?: TrendsPart;
}

export const VIEW_ENTRIES: readonly ViewEntry[] = [
  { label: 'overview', search: '?view=overview' },
  // The default part is what `?view=trends` opens, as a user's link would.
  { label: 'trends', search: '?view=trends', part: 'trend' },
  { label: 'trends/compare', search: '?view=trends&part=compare', part: 'compare' },
  { label: 'trends/predictions', search: '?view=trends&part=predictions', part: 'predictions' },
  { label: 'map', search: '?view=map' },
  { label: 'cohorts', search: '?view=cohorts' },
  { label: 'data', search: '?view=data' },
];

/** Every ordered pair of parts once, so each part is arrived at from both others. */
export const PART_SWITCHES: readonly [TrendsPart, TrendsPart][] = [
  ['trend', 'compare'],
  ['compare', 'predictions'],
  ['predictions', 'trend'],
  ['trend', 'predictions'],
  ['compare', 'trend'],
  ['predictions', 'compare'],
];

/** The parts whose panels the page shows now. */
export async function partsShown(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-trends-part]')].map((e) => e.getAttribute('data-trends-part') ?? ''),
  );
}

/** Clicks a part's tab, as a user would (the probes start the clock on the click). */
export async function clickPartTab(page: Page, part: TrendsPart): Promise<void> {
  await page.locator(`[role="tablist"] button[role="tab"]#trends-tab-${part}`).click();
}
