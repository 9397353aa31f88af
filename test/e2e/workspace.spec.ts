// Own data in a workspace of its own, kept on this device between visits (closing and reopening the browser on the
// same profile), forgotten on request; storage that is blocked; boundary files that are broken or added to shapes
// loaded before; and an error inside one view that stays in it. The own data are real public data built from
// ../shared/real (never copied into the repository).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { buildRealWorkspace, REAL_AVAILABLE, REAL_SKIP_REASON, type RealWorkspaceFiles } from '../fixtures/real-police-workspace';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';

const shots = path.resolve('test-results/screenshots');
const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const GEO = path.resolve(process.cwd(), '../shared/geo');
const LOADED = { timeout: 300_000 };
const FIGURES = { timeout: 300_000 };

type Payload = { name: string; mimeType: string; buffer: Buffer };
const payload = (name: string, text: string): Payload => ({
  name,
  mimeType: name.endsWith('json') ? 'application/json' : 'text/csv',
  buffer: Buffer.from(text),
});

let real: RealWorkspaceFiles;
const realFiles = (): Payload[] => [
  payload('manifest.json', real.manifest),
  payload('areas.csv', real.areas),
  payload('population.csv', real.population),
  payload('police-uk-crimes.csv', real.extracts),
];
/** Every demo indicator's title, none of which may appear in an own workspace. */
const DEMO_TITLES = (
  JSON.parse(readFileSync('data/manifest.json', 'utf8')) as { indicators: { title: string }[] }
).indicators.map((i) => i.title);

test.skip(!REAL_AVAILABLE, REAL_SKIP_REASON);
test.beforeAll(() => {
  real = buildRealWorkspace();
});

/** A browser on a profile of its own: closing it and opening it again on the same folder is a later visit. */
async function openBrowser(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL: BASE,
    viewport: { width: 1280, height: 900 },
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

async function chooseFiles(page: Page, files: Payload[]): Promise<void> {
  await page.getByLabel('Choose files, or drag them here').setInputFiles(files);
}

const goTo = (page: Page, view: string) =>
  page.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: view, exact: true }).click();

/** What the page keeps in this browser's storage for the site: OPFS entries and IndexedDB databases. */
async function storageEntries(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    const root = await navigator.storage.getDirectory();
    for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(`opfs:${name}`);
    for (const db of await indexedDB.databases()) names.push(`idb:${db.name}`);
    return names;
  });
}

test('own data: a workspace without the demo, kept on this device between visits, and forgotten', async () => {
  test.setTimeout(1_200_000);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'vrn-workspace-'));
  try {
    let { context, page } = await openBrowser(profile);
    let foreign = watchForeignRequests(page);
    await openDashboard(page, '?view=import');
    await expect(page.locator('.header').getByText('Synthetic demo data', { exact: true })).toBeVisible();
    await expect(page.getByTestId('workspace-statement')).toContainText(
      'Your files start a workspace of your own; the demo is put away',
    );

    await chooseFiles(page, realFiles());
    await expect(page.getByText(/^All 4 files loaded\.$/)).toBeVisible(LOADED);
    await expect(page.getByTestId('workspace-statement')).toContainText('This is your own workspace');
    await expect(page.getByTestId('storage-statement')).toContainText(
      /Stored on this device only \((\d+(\.\d)? MB|less than 0\.1 MB)\)/,
    );
    await expect(page.getByTestId('workspace-indicator')).toHaveText('Your own data');
    await expect(page.locator('.tag--synthetic')).toHaveCount(0);
    const loaded = page.getByRole('table', { name: /Areas and months covered per indicator/ });
    await expect(loaded.locator('tbody tr')).toHaveCount(2);
    await expect(loaded).toContainText('Police recorded violence and sexual offences');
    await page.screenshot({ path: path.join(shots, 'workspace-own-loaded.png'), fullPage: true });
    await expectNoAxeViolations(page);

    // The Overview: the partner's own figures only, with no synthetic label and no demo indicator.
    await goTo(page, 'Overview');
    await expect(
      page.getByRole('heading', { level: 1, name: /Overview: headline measures for Lancashire police force area/ }),
    ).toBeVisible(FIGURES);
    await expect(page.locator('article.briefing')).toHaveAttribute('aria-busy', 'false', FIGURES);
    const text = await page.locator('body').innerText();
    for (const title of DEMO_TITLES) expect(text, title).not.toContain(title);
    expect(text).not.toMatch(/synthetic/i);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^CSV of All measures by prevention tier/ }).click(),
    ]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText).toContain('Police recorded violence and sexual offences');
    expect(csvText).not.toMatch(/SYNTHETIC/);
    await page.screenshot({ path: path.join(shots, 'workspace-own-overview.png'), fullPage: true });
    await expectNoAxeViolations(page);
    expect(foreign.map((r) => r.url())).toEqual([]);

    // Close the browser and open it again: the workspace is there.
    await context.close();
    ({ context, page } = await openBrowser(profile));
    foreign = watchForeignRequests(page);
    await openDashboard(page, '?view=overview');
    await expect(
      page.getByRole('heading', { level: 1, name: /Overview: headline measures for Lancashire police force area/ }),
    ).toBeVisible(FIGURES);
    await expect(page.getByTestId('workspace-indicator')).toHaveText('Your own data');
    await expect(page.locator('.tag--synthetic')).toHaveCount(0);

    // Back to the demo: synthetic again; the own workspace stays stored.
    await goTo(page, 'Load data');
    await page.getByRole('button', { name: 'Back to the demo' }).click();
    await expect(page.locator('.header').getByText('Synthetic demo data', { exact: true })).toBeVisible(FIGURES);
    // The button pressed is gone with the workspace it belonged to: focus is on the panel's heading, not lost.
    await expect(page.getByRole('heading', { level: 2, name: 'Your workspace' })).toBeFocused();
    await expect(
      page.getByText(
        /A workspace of yours is stored on this device: Lancashire police\.uk crime \(real public data\) \(4 files, /,
      ),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: /Areas and months covered per indicator/ }).locator('tbody tr')).toHaveCount(18);
    await expectNoAxeViolations(page);

    // A visit after going back to the demo opens the demo, and offers the stored workspace.
    await context.close();
    ({ context, page } = await openBrowser(profile));
    foreign = watchForeignRequests(page);
    await openDashboard(page, '?view=import');
    await expect(page.locator('.header').getByText('Synthetic demo data', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Open your stored workspace' }).click();
    await expect(page.getByTestId('workspace-statement')).toContainText('This is your own workspace', FIGURES);
    await expect(page.getByRole('table', { name: /Areas and months covered per indicator/ }).locator('tbody tr')).toHaveCount(2);
    // Once the workspace has opened, focus is on the panel's heading (not the page's top); only then is Forget
    // pressed, so the keypress is not taken by that move.
    await expect(page.locator('#workspace-title')).toBeFocused(FIGURES);

    // Forget, from the keyboard: asked first (Cancel returns), then every trace goes, and the demo is shown.
    await page.getByRole('button', { name: 'Forget this data' }).focus();
    await page.keyboard.press('Enter');
    const question = page.getByText(/Forget this data\? Your files and settings are removed from this device/);
    await expect(question).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Forget this data' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Yes, forget this data' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('.header').getByText('Synthetic demo data', { exact: true })).toBeVisible(FIGURES);
    await expect(page.getByRole('button', { name: 'Open your stored workspace' })).toHaveCount(0);
    expect((await storageEntries(page)).filter((n) => n.includes('vrn-workspace'))).toEqual([]);
    expect(foreign.map((r) => r.url())).toEqual([]);

    // And on the next visit nothing is left to open.
    await context.close();
    ({ context, page } = await openBrowser(profile));
    await openDashboard(page, '?view=import');
    await expect(page.locator('.header').getByText('Synthetic demo data', { exact: true })).toBeVisible();
    await expect(page.getByText(/A workspace of yours is stored/)).toHaveCount(0);
    expect((await storageEntries(page)).filter((n) => n.includes('vrn-workspace'))).toEqual([]);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('storage blocked (as in some private windows): a plain message, and the load still works for the visit', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.addInitScript(() => {
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(StorageManager.prototype, 'getDirectory', {
      value: () => Promise.reject(new DOMException('The request was denied.', 'SecurityError')),
      configurable: true,
    });
    IDBFactory.prototype.open = refuse as never;
  });
  const foreign = watchForeignRequests(page);
  await openDashboard(page, '?view=import');
  await expect(page.getByTestId('storage-problem')).toContainText('This browser does not let the page store data');
  await chooseFiles(page, realFiles());
  await expect(page.getByText(/^All 4 files loaded\.$/)).toBeVisible(LOADED);
  await expect(page.getByTestId('workspace-statement')).toContainText('This is your own workspace');
  await expect(page.getByTestId('storage-problem')).toContainText('files you load are kept for this visit only');
  await expect(page.getByText(/Stored on this device only/)).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'workspace-storage-blocked.png'), fullPage: true });
  await expectNoAxeViolations(page);
  // Every view says so, so nobody closes the page believing the files are kept.
  await goTo(page, 'Trends');
  await expect(page.getByTestId('storage-notice')).toContainText('does not let the page store data');
  await expect(page.getByRole('heading', { level: 1, name: /Trends/ })).toBeVisible();
  // Nothing was stored: the next visit opens the demo.
  await page.reload();
  await expect(page.locator('.header').getByText('Synthetic demo data', { exact: true })).toBeVisible({ timeout: 120_000 });
  expect(foreign.map((r) => r.url())).toEqual([]);
});

test('damaged storage: the stored workspace is not opened, every view says so, and it can be forgotten', async ({ page }) => {
  test.setTimeout(300_000);
  await openDashboard(page, '?view=overview');
  // What a half-finished write or another program could leave: settings that are not JSON.
  await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('vrn-workspace', { create: true });
    const stream = await (await dir.getFileHandle('settings', { create: true })).createWritable();
    await stream.write('{"version": 1, "files": [');
    await stream.close();
  });
  await page.reload();
  await expect(page.getByTestId('storage-notice')).toContainText(
    'The workspace stored on this device could not be read, so it was not opened',
    {
      timeout: 120_000,
    },
  );
  await expect(page.locator('.header').getByText('Synthetic demo data', { exact: true })).toBeVisible();
  await goTo(page, 'Load data');
  await expect(page.getByTestId('storage-problem')).toContainText('Forget the stored data, then load your files again');
  await page.getByRole('button', { name: 'Forget this data' }).click();
  await page.getByRole('button', { name: 'Yes, forget this data' }).click();
  await expect(page.getByTestId('storage-problem')).toHaveCount(0);
  expect((await storageEntries(page)).filter((n) => n.includes('vrn-workspace'))).toEqual([]);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Dashboard views' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('storage-problem')).toHaveCount(0);
});

/** How many writes of the person's files the page has begun and holdFileWrites holds. */
const heldWrites = () => (window as unknown as { heldFileWrites?: number }).heldFileWrites ?? 0;

/**
 * Holds the store of the person's files open until the page is left, as storing a large load on a slow disk does:
 * their content never finishes writing, while the small records the page makes itself go through. The page's own
 * code runs as it always does.
 */
async function holdFileWrites(page: Page): Promise<void> {
  await page.evaluate(() => {
    const held = window as unknown as { heldFileWrites: number };
    held.heldFileWrites = 0;
    const write = FileSystemWritableFileStream.prototype.write;
    FileSystemWritableFileStream.prototype.write = function (this: FileSystemWritableFileStream, data: FileSystemWriteChunkType) {
      if (!(data instanceof Blob)) return write.call(this, data);
      held.heldFileWrites++;
      return new Promise<void>(() => undefined);
    };
  });
}

/** The entries of the workspace's directory in the origin private file system. */
async function workspaceDirectory(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('vrn-workspace');
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names.sort();
  });
}

test('closed while storing: the next visit says the files were not stored and asks for them again, never passing the demo off as them', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const foreign = watchForeignRequests(page);
  // The browser asks "Leave site?" while the files are being stored; the person leaves.
  page.on('dialog', (dialog) => void dialog.accept());
  const header = page.locator('.header').getByText('Synthetic demo data', { exact: true });
  const unfinished = page.getByTestId('unfinished-store');
  const closeWhileStoring = async () => {
    await holdFileWrites(page);
    await chooseFiles(page, realFiles());
    await expect(page.getByText(/^All 4 files loaded\.$/)).toBeVisible(LOADED);
    await expect(page.getByTestId('storage-statement')).toContainText('Storing your files on this device…');
    // Left once the files themselves are being written: whatever the page writes before them is on the device.
    await page.waitForFunction(heldWrites, undefined, { timeout: 60_000 });
    await page.reload({ timeout: 120_000 });
    await expect(page.getByRole('navigation', { name: 'Dashboard views' })).toBeVisible({ timeout: 120_000 });
  };
  await openDashboard(page, '?view=import');
  await closeWhileStoring();

  // Said plainly, and the demo shown is labelled as the demo: nothing passes for the files loaded.
  await expect(unfinished.getByRole('alert')).toHaveText(
    'The files you loaded last time (manifest.json, areas.csv, population.csv and 1 other file) were not stored ' +
      'completely, because the page was closed while they were being stored. They were not opened: choose them again to use them.',
  );
  await expect(header).toBeVisible();
  await expect(page.getByTestId('workspace-indicator')).toHaveCount(0);
  await expect(page.getByTestId('workspace-statement')).toContainText('You are looking at the synthetic demo');
  await page.screenshot({ path: path.join(shots, 'workspace-closed-while-storing.png'), fullPage: true });
  await expectNoAxeViolations(page);
  // Every view says so.
  await goTo(page, 'Overview');
  await expect(page.getByTestId('storage-notice')).toContainText(
    'were not stored completely, because the page was closed while they were being stored',
  );
  await expect(header).toBeVisible();
  await goTo(page, 'Load data');

  // Chosen again from the keyboard: the page's file chooser opens, and this time they are stored whole.
  // Listened for before the key is pressed, so the chooser is caught rather than opened for real.
  const chooser = page.waitForEvent('filechooser', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Choose the files again' }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(realFiles());
  await expect(page.getByText(/^All 4 files loaded\.$/)).toBeVisible(LOADED);
  await expect(page.getByTestId('storage-statement')).toContainText('Stored on this device only', LOADED);
  await expect(unfinished).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('workspace-indicator')).toHaveText('Your own data', { timeout: 120_000 });
  await expect(unfinished).toHaveCount(0);
  const whole = await workspaceDirectory(page);
  expect(whole).toHaveLength(5);

  // A new workspace cut off in the same way does not cost the one stored whole before: it is kept and offered.
  await page.getByRole('button', { name: 'Back to the demo' }).click();
  await expect(header).toBeVisible(FIGURES);
  await closeWhileStoring();
  await expect(unfinished.getByRole('alert')).toContainText(
    'They were not opened: choose them again to use them. The workspace you stored before them is still kept on this device.',
  );
  await expect(header).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open your stored workspace' })).toBeVisible();
  expect((await workspaceDirectory(page)).length).toBeGreaterThan(whole.length);
  // Removing the parts, from the keyboard, leaves that workspace as it was.
  await page.getByRole('button', { name: 'Remove the partly stored files' }).focus();
  await page.keyboard.press('Enter');
  await expect(unfinished).toHaveCount(0);
  await expect(page.locator('#workspace-title')).toBeFocused();
  expect(await workspaceDirectory(page)).toEqual(whole);
  await page.getByRole('button', { name: 'Open your stored workspace' }).click();
  await expect(page.getByTestId('workspace-indicator')).toHaveText('Your own data', FIGURES);
  await expect(page.getByRole('table', { name: /Areas and months covered per indicator/ }).locator('tbody tr')).toHaveCount(2);
  expect(foreign.map((r) => r.url())).toEqual([]);
});

test.describe('boundaries that cannot break the page', () => {
  test.skip(!existsSync(GEO), `needs the real boundaries at ${GEO}`);
  const lad = () =>
    JSON.parse(readFileSync(path.join(GEO, 'lancashire-lad-2013.geojson'), 'utf8')) as {
      type: string;
      features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
    };
  const geojson = (name: string, features: unknown[]) => payload(name, JSON.stringify({ type: 'FeatureCollection', features }));

  test('an invalid GeoJSON is repaired or refused by name, the map draws the rest, and shapes are added or replaced as chosen', async () => {
    test.setTimeout(1_200_000);
    const profile = mkdtempSync(path.join(os.tmpdir(), 'vrn-workspace-'));
    try {
      let { context, page } = await openBrowser(profile);
      const foreign = watchForeignRequests(page);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await openDashboard(page, '?view=import');
      const all = lad().features;
      const broken = structuredClone(all);
      // Blackburn with Darwen: a point that is not a number; Blackpool: a point, not an area; Burnley: a ring left open.
      (broken[0]!.geometry.coordinates as unknown[][][])[0]![3] = [null, 'NaN'];
      broken[1]!.geometry = { type: 'Point', coordinates: [-3.05, 53.8] };
      const burnley = broken[2]!.geometry.coordinates as number[][][];
      burnley[0]!.pop();
      await chooseFiles(page, [...realFiles(), geojson('districts-broken.geojson', broken)]);
      await expect(page.getByText(/^All 5 files loaded\.$/)).toBeVisible(LOADED);
      const outcome = page.locator('.outcome').filter({ hasText: 'districts-broken.geojson' });
      await expect(outcome).toContainText('12 shapes');
      await expect(outcome).toContainText(
        '2 shapes were left out because they cannot be drawn: shape 1 (Blackburn with Darwen, E06000008)',
      );
      await expect(outcome).toContainText('shape 2 (Blackpool, E06000009): it is a Point, not an area');
      await expect(outcome).toContainText(
        '1 shape was repaired to be drawn: shape 3 (Burnley, E07000117): a ring that did not end where it started was closed',
      );

      // A file with no drawable shape is refused, and what was loaded stays.
      await chooseFiles(page, [
        geojson(
          'points.geojson',
          all.map((f) => ({ ...f, geometry: { type: 'Point', coordinates: [-2.7, 53.8] } })),
        ),
      ]);
      await expect(page.getByRole('alert').filter({ hasText: '1 of 1 files could not be loaded' })).toBeVisible(LOADED);
      await expect(
        page.getByText(/has no shape that can be drawn: shape 1 \(Blackburn with Darwen, E06000008\): it is a Point/),
      ).toBeVisible();
      await expect(page.getByTestId('workspace-statement')).toContainText('This is your own workspace');
      await expectNoAxeViolations(page);

      await goTo(page, 'Map');
      const paths = page.locator('.choropleth path.leaflet-interactive');
      await expect(paths).toHaveCount(12, FIGURES);
      await page.screenshot({ path: path.join(shots, 'workspace-map-broken-boundaries.png'), fullPage: true });

      // The two districts left out, from a good file: added to the shapes loaded before (the default).
      await goTo(page, 'Load data');
      const mode = page.getByRole('group', { name: /Boundary files for districts, which already have shapes/ });
      await expect(mode.getByLabel(/Add to the shapes loaded before/)).toBeChecked();
      await chooseFiles(page, [geojson('two-districts.geojson', all.slice(0, 2))]);
      await expect(page.getByText('Added to the district shapes loaded before: 12 kept, 2 from this file.')).toBeVisible(LOADED);
      await goTo(page, 'Map');
      await expect(paths).toHaveCount(14, FIGURES);

      // Replace, when chosen: Preston's shape alone.
      await goTo(page, 'Load data');
      await mode.getByLabel(/Replace all the shapes loaded before/).check();
      await chooseFiles(page, [
        geojson(
          'preston.geojson',
          all.filter((f) => f.properties.LAD13CD === 'E07000123'),
        ),
      ]);
      await expect(page.getByText("Replaced the 14 district shapes loaded before with this file's 1.")).toBeVisible(LOADED);
      await expect(page.getByTestId('storage-statement')).toContainText('Stored on this device only');
      await expectNoAxeViolations(page);
      await goTo(page, 'Map');
      await expect(paths).toHaveCount(1, FIGURES);

      // The choices are kept with the files: the next visit draws the same single shape.
      await goTo(page, 'Load data');
      await expect(page.getByTestId('storage-statement')).toContainText('Stored on this device only');
      await context.close();
      ({ context, page } = await openBrowser(profile));
      await openDashboard(page, '?view=map');
      await expect(page.locator('.choropleth path.leaflet-interactive')).toHaveCount(1, FIGURES);
      await expect(page.locator('path[data-code="E07000123"]')).toHaveCount(1);
      expect(errors).toEqual([]);
      expect(foreign.map((r) => r.url())).toEqual([]);
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

test('an error inside one view shows its message in that view, and the session and other views go on', async ({ page }) => {
  test.skip(!existsSync(GEO), `needs the real boundaries at ${GEO}`);
  test.setTimeout(600_000);
  // The Cohorts view's code cannot be fetched (a dropped connection, a deployment swapped underneath the page).
  await page.route('**/assets/CohortsView-*.js', (route) => route.abort('connectionreset'));
  await page.route('**/assets/ChoroplethMap-*.js', (route) => route.abort('connectionreset'));
  await openDashboard(page, '?view=overview');
  await goTo(page, 'Cohorts');
  const failed = page.getByTestId('part-failed');
  await expect(failed).toContainText('The cohorts view could not be shown.', { timeout: 60_000 });
  await expect(failed).toContainText('Everything you loaded is kept.');
  await expect(page.getByRole('heading', { level: 1, name: 'Cohorts' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Dashboard views' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'view-error-contained.png'), fullPage: true });
  await expectNoAxeViolations(page);
  // Another view works, on the same session.
  await goTo(page, 'Trends');
  await expect(page.getByRole('heading', { level: 1, name: /Trends/ })).toBeVisible();
  await expect(failed).toHaveCount(0);

  // The map's drawing fails inside the Map view: the table of the same figures is still there.
  await goTo(page, 'Load data');
  await chooseFiles(page, [
    ...realFiles(),
    payload('lancashire-lad-2013.geojson', readFileSync(path.join(GEO, 'lancashire-lad-2013.geojson'), 'utf8')),
  ]);
  await expect(page.getByText(/^All 5 files loaded\.$/)).toBeVisible(LOADED);
  await goTo(page, 'Map');
  await expect(page.getByTestId('part-failed')).toContainText('The map drawing could not be shown.', FIGURES);
  await expect(page.getByRole('heading', { level: 1, name: 'Map' })).toBeVisible();
  await expect(page.getByRole('table', { name: /by district/ }).locator('tbody tr')).toHaveCount(14, FIGURES);
});
