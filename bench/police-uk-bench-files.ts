import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The real files of ../shared/real (police.uk Lancashire street months, IMD 2019 File 1), when present. */
export const REAL_DIR = path.resolve(process.cwd(), '../shared/real');

/**
 * Plain CSV files as a user downloads them: 24 months of Lancashire's police.uk street files (the 19 real
 * months, with the 3 missing months and 2 more at the end made from the real month a year apart, its Month
 * column rewritten) and IMD 2019 File 1 to place them. Null when ../shared/real is absent.
 */
export function policeUkBenchFiles(outDir: string): { paths: string[]; records: number; months: number; made: string[] } | null {
  const police = path.join(REAL_DIR, 'police-uk');
  if (!existsSync(police)) return null;
  const dir = path.join(outDir, 'police-uk-24-months');
  mkdirSync(dir, { recursive: true });
  const real = new Map(
    readdirSync(police)
      .filter((f) => f.endsWith('-street.csv.gz'))
      .map((f) => [f.slice(0, 7), gunzipSync(readFileSync(path.join(police, f))).toString('utf8')]),
  );
  // Each made month copies the same month of the other year, so the seasons stay right.
  const made: [string, string][] = [
    ['2020-06', '2021-06'],
    ['2020-08', '2021-08'],
    ['2020-09', '2021-09'],
    ['2021-10', '2020-10'],
    ['2021-11', '2020-11'],
  ];
  for (const [month, from] of made) {
    const text = real.get(from);
    if (text) real.set(month, text.replaceAll(`,${from},Lancashire Constabulary,`, `,${month},Lancashire Constabulary,`));
  }
  const paths: string[] = [];
  let records = 0;
  for (const [month, text] of [...real].sort()) {
    const file = path.join(dir, `${month}-lancashire-street.csv`);
    writeFileSync(file, text);
    paths.push(file);
    records += text.split('\n').filter((l) => l.trim() !== '').length - 1;
  }
  const imd = path.join(dir, 'File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv');
  writeFileSync(
    imd,
    gunzipSync(readFileSync(path.join(REAL_DIR, 'reference/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz'))),
  );
  return { paths: [...paths, imd], records, months: real.size, made: made.map(([m, f]) => `${m} (from ${f})`) };
}
