// The files people really export, dropped on the import at a phone's width: one short, true message each, and
// a long list of problems shown 20 at a time, grouped, with every problem in a formula-safe CSV download.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { parseCsvText } from '../fixtures/csv-line';
import { expectNoAxeViolations, openDashboard, watchForeignRequests } from './helpers';

const shots = path.resolve('test-results/screenshots');
mkdirSync(shots, { recursive: true });

const HEADER = 'indicator_id,period,area_code,age_band,sex,count,denominator';

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

test('UTF-16, a 60 MB line, 200,000 columns and a workbook each get one short message; 30 problems list 20 and download all', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const foreign = watchForeignRequests(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await openDashboard(page, '?view=import');
  await expect(page.getByRole('table', { name: /Areas and months covered per indicator/ })).toBeVisible({
    timeout: 120_000,
  });

  // 60 MB with no line break is passed from disk, as a person's file would be.
  const oneLine = path.join(os.tmpdir(), 'one-line-extract.csv');
  writeFileSync(oneLine, Buffer.alloc(60_000_000, 'vwi,2024-03,E07000123,all,all,4,;'));
  const bad = Array.from(
    { length: 30 },
    (_, i) => `police_violence_with_injury,2024/${i + 1},E07000123,15 to 17,F,=HYPERLINK("x"),-${i}`,
  );
  await page.getByLabel('Choose files, or drag them here').setInputFiles(oneLine);
  await expect(page.getByRole('alert')).toContainText('1 of 1 files could not be loaded');
  const oneLineOutcome = page.locator('li.outcome').filter({ hasText: 'one-line-extract.csv' });
  await expect(oneLineOutcome).toContainText('is 60.0 MB on one line: it has no line breaks');
  expect((await oneLineOutcome.innerText()).length).toBeLessThan(500);

  await page.getByLabel('Choose files, or drag them here').setInputFiles([
    {
      name: 'unicode.txt',
      mimeType: 'text/plain',
      buffer: utf16le(`${HEADER.replaceAll(',', '\t')}\r\nvwi\t2024-03\tE07000123\tall\tall\t4\t\r\n`),
    },
    {
      name: 'wide.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${Array.from({ length: 200_000 }, (_, i) => `c${i + 1}`).join(',')}\n${'1,'.repeat(199_999)}1\n`),
    },
    {
      name: 'book.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(zipSync({ 'xl/workbook.xml': new Uint8Array([60, 47, 62]) })),
    },
    { name: 'many-problems.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${bad.join('\n')}\n`) },
  ]);
  await expect(page.getByRole('alert')).toContainText('4 of 4 files could not be loaded');
  const outcome = (file: string) => page.locator('li.outcome').filter({ hasText: file });
  const expectations: [string, RegExp][] = [
    ['unicode.txt', /is UTF-16 text \(what Excel calls "Unicode Text"\).*"CSV UTF-8 \(Comma delimited\) \(\*\.csv\)"/],
    ['wide.csv', /has 200,000 columns; an extract needs these 6: indicator_id, period, area_code, age_band, sex, count/],
    ['book.xlsx', /is an Excel workbook, which the dashboard does not read\. In Excel choose File, Save As/],
  ];
  for (const [file, message] of expectations) {
    await expect(outcome(file)).toContainText(message);
    // One problem, said in a few hundred characters at most.
    await expect(outcome(file).locator('li.problem-group')).toHaveCount(1);
    expect((await outcome(file).innerText()).length, file).toBeLessThan(500);
  }

  const many = outcome('many-problems.csv');
  await expect(many).toContainText(/\d+ errors\. The first 20 are listed, grouped by how to fix them\./);
  const total = Number((await many.locator('.problem-list__total').innerText()).match(/^(\d+) errors/)?.[1]);
  expect(total).toBeGreaterThan(20);
  await expect(many.locator('li.problem')).toHaveCount(20);
  await expect(many.getByText(/^How to fix: /)).not.toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    many.getByRole('button', { name: `Download all ${total} problems (CSV) found in many-problems.csv` }).click(),
  ]);
  const rows = parseCsvText(readFileSync((await download.path())!, 'utf8')).filter((r) => !r[0]?.startsWith('#'));
  expect(rows[0]).toEqual(['file', 'severity', 'row', 'column', 'problem', 'how_to_fix']);
  expect(rows.slice(1)).toHaveLength(total);
  expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: path.join(shots, 'import-messages-320.png'), fullPage: true });
  await outcome('wide.csv').screenshot({ path: path.join(shots, 'import-message-wide-320.png') });
  await many.screenshot({ path: path.join(shots, 'import-problem-list-320.png') });
  await expectNoAxeViolations(page);
  expect(foreign.map((r) => r.url())).toEqual([]);
});
