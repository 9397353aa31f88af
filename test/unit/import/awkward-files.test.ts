// The files people really export, and the careless or hostile ones: each gets one short, true message that
// says how to get a file the dashboard reads, and nothing loaded before changes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isExcelWorkbook, isUtf16Text } from '../../../src/import/detect-file-kind';
import { problemText, type Problem } from '../../../src/import/problems';
import { splitCsvLine } from '../../fixtures/csv-line';
import {
  EXTRACT_HEADER,
  csvFile,
  expectRejected,
  load,
  loadOne,
  manifestWith,
  problemMatching,
  sharedBase,
  snapshot,
  unload,
} from '../../fixtures/import-helpers';
import { enc, manifestFile, miniManifest } from '../../fixtures/mini-contract';

const base = sharedBase();
const reject = async (name: string, bytes: Uint8Array) =>
  expectRejected(base.engine, await loadOne(base.engine, base.state, { name, bytes }), base.before);

/** "A few hundred characters": where, what and how to fix it, read in a glance. */
const SHORT = 600;
function expectShort(problems: readonly Problem[]): void {
  for (const p of problems) expect(problemText(p).length, problemText(p).slice(0, 200)).toBeLessThanOrEqual(SHORT);
}

/** The one problem of a file refused for one reason. */
function onlyProblem(problems: readonly Problem[]): Problem {
  expect(problems.map((p) => p.message)).toHaveLength(1);
  expectShort(problems);
  return problems[0]!;
}

function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[(bom ? 2 : 0) + 2 * i] = c & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = c >> 8;
  }
  return out;
}

const EXTRACT_ROWS = `${EXTRACT_HEADER}\nvwi,2024-03,D1,all,all,4,\nvwi,2024-03,D2,all,all,7,\n`;

describe('what Excel saves: a message that says how to get a CSV UTF-8 instead', () => {
  it('an Excel "Unicode Text" file (UTF-16 with a byte-order mark, tab-separated) is not called binary', async () => {
    const text = EXTRACT_ROWS.replaceAll(',', '\t').replaceAll('\n', '\r\n');
    const p = onlyProblem(await reject('extract.txt', utf16le(text)));
    expect(p.message).toMatch(/^is UTF-16 text \(what Excel calls "Unicode Text"\)/);
    expect(p.message).toContain('"CSV UTF-8 (Comma delimited) (*.csv)"');
    expect(p.message).not.toMatch(/binary/);
  });

  it('UTF-16 without a byte-order mark (a NUL in every other byte), little- and big-endian', async () => {
    const le = utf16le(EXTRACT_ROWS, false);
    const be = le.map((_, i) => le[i ^ 1]!);
    expect(isUtf16Text(le) && isUtf16Text(be)).toBe(true);
    expect(isUtf16Text(enc(EXTRACT_ROWS))).toBe(false);
    expect(onlyProblem(await reject('extract.csv', be)).message).toMatch(/^is UTF-16 text/);
    // A manifest saved as UTF-16 (PowerShell's default) is told to be saved as UTF-8, not as a CSV.
    const json = onlyProblem(await reject('manifest.json', utf16le(JSON.stringify(miniManifest))));
    expect(json.message).toBe('is JSON saved as UTF-16 text, which the dashboard does not read. Save it again as UTF-8.');
  });

  it('an .xlsx workbook (a zip holding xl/workbook.xml) gets the Excel message, whatever its name', async () => {
    const xlsx = zipSync({
      '[Content_Types].xml': enc('<Types/>'),
      'xl/workbook.xml': enc('<workbook/>'),
      'xl/worksheets/sheet1.xml': enc('<worksheet/>'),
    });
    expect(isExcelWorkbook(xlsx)).toBe(true);
    const p = onlyProblem(await reject('extract.csv', xlsx));
    expect(p.message).toMatch(
      /^is an Excel workbook, which the dashboard does not read\. In Excel choose File, Save As, "CSV UTF-8/,
    );
  });

  it('an .xls workbook (an Office 97-2003 compound file with a Workbook stream)', async () => {
    const xls = new Uint8Array(1024);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    xls.set(utf16le('Workbook', false), 512);
    expect(isExcelWorkbook(xls)).toBe(true);
    expect(onlyProblem(await reject('data.bin', xls)).message).toMatch(/^is an Excel workbook/);
  });

  it('a zip that is not a workbook is not called one (a zip of files the dashboard reads is unpacked and loaded)', async () => {
    const zip = zipSync({ 'notes.docx': enc('not a table') });
    expect(isExcelWorkbook(zip)).toBe(false);
    expect(onlyProblem(await reject('extracts.zip', zip)).message).toBe(
      'is a ZIP archive holding nothing the dashboard reads (it holds notes.docx).',
    );
  });
});

describe('files too big or too wide to list: one short message each', () => {
  // 60 MB through the real reader, public readers first (not a timed test: under a second since they leave a file
  // with no short header line alone, 20-30 s before, when they split its one line into millions of columns).
  it('a 60 MB file on one line says it has no line breaks, not that it has no rows', async () => {
    // The header and rows joined by ";" where the line breaks should be.
    const chunk = enc('vwi,2024-03,D1,all,all,4,;'.repeat(40_000));
    const bytes = new Uint8Array(60_000_000).fill(0x20);
    for (let at = 0; at + chunk.length <= bytes.length; at += chunk.length) bytes.set(chunk, at);
    bytes.set(enc(`${EXTRACT_HEADER};`));
    const p = onlyProblem(await reject('one-line.csv', bytes));
    expect(p.message).toMatch(/^is 60\.0 MB on one line: it has no line breaks/);
    expect(p.message).not.toMatch(/no rows/);
  });

  it('a header of 200,000 columns gives one message naming the 6 columns an extract needs', async () => {
    const header = Array.from({ length: 200_000 }, (_, i) => `col_${i + 1}`).join(',');
    const p = onlyProblem(await reject('wide.csv', enc(`${header}\n${'1,'.repeat(199_999)}1\n`)));
    expect(p.message).toBe(
      'has 200,000 columns; an extract needs these 6: indicator_id, period, area_code, age_band, sex, count (and optionally denominator). None of them is there. 200,000 are not in the data contract, such as "col_1", "col_2", "col_3".',
    );
  });

  it('a wide file that has the right columns among many others says which are missing', async () => {
    const header = ['indicator_id', 'period', 'area_code', 'count', ...Array.from({ length: 40 }, (_, i) => `Q${i}`)].join(',');
    const p = onlyProblem(await reject('wide2.csv', enc(`${header}\n${Array(44).fill('1').join(',')}\n`)));
    expect(p.message).toMatch(
      /^has 44 columns; an extract needs these 6: .*\. "age_band", "sex" are missing\. 40 are not in the data contract, such as "Q0", "Q1", "Q2"\.$/,
    );
  });

  it('a few unknown columns are still named one by one', async () => {
    const problems = await reject('extra.csv', enc(`${EXTRACT_HEADER},notes,checked\nvwi,2024-03,D1,all,all,4,,a,b\n`));
    expect(problems.map((p) => p.column)).toEqual(['notes', 'checked']);
  });

  it('thousands of unnamed columns (a sheet with trailing commas) are one problem', async () => {
    const p = onlyProblem(
      await reject('trailing.csv', enc(`${EXTRACT_HEADER}${','.repeat(5000)}\nvwi,2024-03,D1,all,all,4,${','.repeat(5000)}\n`)),
    );
    expect(p.message).toBe('has 5,000 columns with no name, such as columns 8, 9, 10.');
  });

  it('a megabyte in one cell is quoted by its start', async () => {
    const problems = await reject('big-cell.csv', enc(`${EXTRACT_HEADER}\nvwi,2024-03,D1,all,all,${'9x'.repeat(500_000)},\n`));
    expectShort(problems);
    expect(problemMatching(problems, /is not a number/).message).toMatch(/^"(9x){29}9…" is not a number\.$/);
  });
});

describe('manifests that are deeply nested, huge, or name files not loaded', () => {
  it('a manifest nested 100,000 deep gives short messages', async () => {
    const nested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = JSON.stringify({ ...miniManifest, title: '__NESTED__' }).replace('"__NESTED__"', nested);
    const problems = await reject('manifest.json', enc(text));
    expectShort(problems);
    expect(problemMatching(problems, /^"title" must be a string, but is \[\[\[/).message.length).toBeLessThan(120);
  });

  it('a 10 MB manifest of 5,000 wrong indicators: 20 short problems and a count of the rest', async () => {
    const indicators = Array.from({ length: 5000 }, (_, i) => ({
      ...miniManifest.indicators[0],
      id: `i${i}`,
      tier: 'x'.repeat(2000),
    }));
    const problems = await reject('manifest.json', enc(JSON.stringify({ ...miniManifest, indicators })));
    expect(problems).toHaveLength(21);
    expectShort(problems);
    expect(problems.at(-1)!.message).toBe('and 4980 more problems.');
  });

  it('a manifest that names files not loaded lists them as still expected, until they are', async () => {
    const m = manifestWith((x) => {
      x.files = { extracts: ['extracts.csv', 'data/extracts-2025.csv'], areas: ['areas.csv'], population: ['population.csv'] };
      x.geographies[1]!.boundary = { source: 'districts.geojson', codeProperty: 'code' };
    });
    const before = await snapshot(base.engine);
    const first = await load(base.engine, [manifestFile(m)], base.state);
    expect(first.outcomes[0]).toMatchObject({ status: 'loaded', problems: [] });
    // extracts.csv and areas.csv are loaded (by the shared base); the others are not.
    expect(first.state.stillExpected).toEqual([
      { name: 'extracts-2025.csv', kind: 'extracts' },
      { name: 'population.csv', kind: 'population' },
      { name: 'districts.geojson', kind: 'boundary' },
    ]);
    const next = await load(
      base.engine,
      [csvFile('extracts-2025.csv', `${EXTRACT_HEADER}\nvwi,2024-04,D1,all,all,4,\n`)],
      first.state,
    );
    expect(next.outcomes[0]?.status).toBe('loaded');
    expect(next.state.stillExpected?.map((f) => f.name)).toEqual(['population.csv', 'districts.geojson']);
    await unload(base.engine, 'extracts-2025.csv');
    expect(await snapshot(base.engine)).toEqual(before);
  });
});

const REAL = path.resolve(__dirname, '../../../../shared/real/police-uk/2020-01-lancashire-street.csv.gz');

describe.skipIf(!existsSync(REAL))('a real police.uk download (../shared/real), as people re-save it', () => {
  // Skipped when ../shared/real is absent: the real files are not part of the repository.
  const text = existsSync(REAL) ? new TextDecoder().decode(gunzipSync(readFileSync(REAL))) : '';
  const lines = text.split(/\r?\n/).filter(Boolean);

  // As published (with , or ; separators) it loads as police.uk counts (test/unit/import/public-data/); a copy
  // with a column added is not the published layout, and its crime references make it record-level data.
  it('with a column added, it is no longer the published layout and is refused as record-level data, briefly', async () => {
    const edited = lines.map((l, i) => `${l},${i === 0 ? 'Notes' : ''}`).join('\n');
    const problems = await reject('2020-01-edited.csv', enc(edited));
    expectShort(problems);
    problemMatching(problems, /looks like person-level data/);
  });

  it('saved as Excel "Unicode Text", it gets the UTF-16 message', async () => {
    const p = onlyProblem(await reject('2020-01.txt', utf16le(lines.map((l) => splitCsvLine(l).join('\t')).join('\r\n'))));
    expect(p.message).toMatch(/^is UTF-16 text/);
  });

  it('with its line breaks lost, it gets the one-line message with its size', async () => {
    const joined = enc(lines.join(' '));
    const p = onlyProblem(await reject('2020-01-joined.csv', joined));
    expect(p.message).toContain(`is ${(joined.length / 1_000_000).toFixed(1)} MB on one line`);
  });
});
