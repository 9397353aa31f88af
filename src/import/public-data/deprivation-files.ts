import { publishedNumber, readColumns } from './csv-scanner';
import type { AreaRefs, PopulationRef } from './public-data-state';

/**
 * The English Indices of Deprivation 2019 as MHCLG publishes them: File 1 (IMD rank and decile per LSOA 2011),
 * Files 5 and 7 (with the score), and File 6 (the mid-2015 population they used). Each also says which district
 * (2019 codes) an LSOA lies in, which is enough for an areas lookup.
 */

/** One row of the deprivation table other views read (1 = most deprived, nationally). */
export interface DeprivationRow {
  area_code: string;
  imd_rank: number;
  imd_decile: number;
  imd_score: number | null;
  source: string;
}

const find = (columns: readonly string[], pattern: RegExp) => columns.findIndex((c) => pattern.test(c.trim()));

const LSOA_CODE = /^LSOA code/i;
const LSOA_NAME = /^LSOA name/i;
const LAD_CODE = /^Local Authority District code/i;
const LAD_NAME = /^Local Authority District name/i;
const IMD_RANK = /^Index of Multiple Deprivation \(IMD\) Rank/i;
const IMD_DECILE = /^Index of Multiple Deprivation \(IMD\) Decile/i;
const IMD_SCORE = /^Index of Multiple Deprivation \(IMD\) Score/i;
const TOTAL_POPULATION = /^Total population: mid (\d{4})/i;

/** LSOAs in England (2011), which the IMD 2019 ranks: deciles are tenths of this ranking. */
const ENGLAND_LSOAS_2011 = 32_844;

export function isImdFile(columns: readonly string[]): boolean {
  return find(columns, LSOA_CODE) >= 0 && find(columns, IMD_RANK) >= 0;
}

export function isIodPopulationFile(columns: readonly string[]): boolean {
  return find(columns, LSOA_CODE) >= 0 && find(columns, TOTAL_POPULATION) >= 0 && !isImdFile(columns);
}

/** The district each LSOA (2011 edition: the IoD 2019 use it) lies in, with names, from any IoD file. */
function lookupFrom(rows: readonly string[][], at: (name: RegExp) => number): Partial<AreaRefs> {
  const [code, name, lad, ladName] = [at(LSOA_CODE), at(LSOA_NAME), at(LAD_CODE), at(LAD_NAME)];
  const lsoa: AreaRefs['lsoa'] = {};
  const district: AreaRefs['district'] = {};
  if (lad < 0) return {};
  for (const r of rows) {
    const c = r[code] ?? '';
    const d = r[lad] ?? '';
    if (!c || !d) continue;
    lsoa[c] = { name: (name >= 0 ? r[name] : '') || c, district: d, editions: [2011] };
    if (!district[d]) district[d] = { name: (ladName >= 0 ? r[ladName] : '') || d };
  }
  return { lsoa, district };
}

/** Reads IMD File 1 (or 5, or 7): the deprivation rows and the LSOA -> district lookup it carries. */
export function readImdFile(
  file: string,
  bytes: Uint8Array,
  columns: readonly string[],
): { deprivation: DeprivationRow[]; lookup: Partial<AreaRefs>; skipped: number } {
  const wanted = [LSOA_CODE, LSOA_NAME, LAD_CODE, LAD_NAME, IMD_RANK, IMD_DECILE, IMD_SCORE];
  const indexes = wanted.map((p) => find(columns, p));
  const present = indexes.filter((i) => i >= 0);
  const rows = readColumns(bytes, present);
  // Positions within each row read, or -1 for a column the file does not have.
  const at = (p: RegExp) => present.indexOf(indexes[wanted.indexOf(p)] as number);
  const [code, rank, decile, score] = [at(LSOA_CODE), at(IMD_RANK), at(IMD_DECILE), at(IMD_SCORE)];
  const deprivation: DeprivationRow[] = [];
  let skipped = 0;
  for (const r of rows) {
    const area = r[code] ?? '';
    const rk = publishedNumber(r[rank] ?? '');
    const dc = decile >= 0 ? publishedNumber(r[decile] ?? '') : Math.floor(((rk - 1) * 10) / ENGLAND_LSOAS_2011) + 1;
    const sc = score >= 0 ? publishedNumber(r[score] ?? '') : Number.NaN;
    if (!area || !Number.isInteger(rk) || !Number.isInteger(dc) || dc < 1 || dc > 10) {
      skipped++;
      continue;
    }
    deprivation.push({ area_code: area, imd_rank: rk, imd_decile: dc, imd_score: Number.isFinite(sc) ? sc : null, source: file });
  }
  return { deprivation, lookup: lookupFrom(rows, at), skipped };
}

/**
 * Reads IoD File 6: the total population per LSOA in mid-2015 (excluding prisoners). Its broad ages (0-15,
 * 16-59, 60+) do not divide into the dashboard's bands, so only the total is taken.
 */
export function readIodPopulationFile(
  bytes: Uint8Array,
  columns: readonly string[],
): { population: PopulationRef[]; lookup: Partial<AreaRefs> } {
  const total = find(columns, TOTAL_POPULATION);
  const year = Number(TOTAL_POPULATION.exec(columns[total]?.trim() ?? '')?.[1]);
  const wanted = [LSOA_CODE, LSOA_NAME, LAD_CODE, LAD_NAME, TOTAL_POPULATION];
  const indexes = wanted.map((p) => find(columns, p));
  const present = indexes.filter((i) => i >= 0);
  const rows = readColumns(bytes, present);
  const at = (p: RegExp) => present.indexOf(indexes[wanted.indexOf(p)] as number);
  const population: PopulationRef[] = [];
  for (const r of rows) {
    const n = publishedNumber(r[at(TOTAL_POPULATION)] ?? '');
    const lsoa = r[at(LSOA_CODE)] ?? '';
    if (lsoa && Number.isInteger(n) && n >= 0)
      population.push({ lsoa, year, ageBand: 'all', sex: 'all', population: n, priority: 0 });
  }
  return { population, lookup: lookupFrom(rows, at) };
}
