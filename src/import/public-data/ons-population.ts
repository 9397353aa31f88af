import { AGE_BANDS, type AgeBand, type Sex } from '../../contract';
import { publishedNumber, readColumns } from './csv-scanner';
import type { PopulationRef } from './public-data-state';

/**
 * ONS small-area population estimates as people download them: the long form (`Year, LSOA Code, Population`)
 * and ONS's published wide form, one column per single year of age ("0" ... "90+", or "F0" ... "M90" in the
 * 2021-based series) with "All Ages"/"Total". Single years add up exactly into the dashboard's age bands.
 */

const norm = (c: string) => c.trim().toLowerCase().replace(/\s+/g, ' ');
const LSOA_CODE = /^(lsoa code|lsoa ?(11|21)cd|lsoa (2011|2021) code)$/;
const AGE_COLUMN = /^([fm])?(\d{1,2})(\+)?$/i;
const ALL_AGES = /^(all ages|total)$/;

function lsoaColumn(columns: readonly string[]): number {
  return columns.findIndex((c) => LSOA_CODE.test(norm(c)));
}

export function isOnsPopulationLong(columns: readonly string[]): boolean {
  const n = columns.map(norm);
  return lsoaColumn(columns) >= 0 && n.includes('year') && n.includes('population');
}

export function isOnsPopulationWide(columns: readonly string[]): boolean {
  const n = columns.map(norm);
  return lsoaColumn(columns) >= 0 && (n.some((c) => ALL_AGES.test(c)) || n.filter((c) => AGE_COLUMN.test(c)).length >= 10);
}

/** The band a single year of age falls in. */
export function ageBandOf(age: number): AgeBand {
  for (const band of [...AGE_BANDS].reverse()) {
    const from = Number(band.split(/[-+]/)[0]);
    if (age >= from) return band;
  }
  return '0-9';
}

export function readOnsPopulationLong(bytes: Uint8Array, columns: readonly string[]): PopulationRef[] {
  const n = columns.map(norm);
  const rows = readColumns(bytes, [n.indexOf('year'), lsoaColumn(columns), n.indexOf('population')]);
  const out: PopulationRef[] = [];
  for (const [y = '', lsoa = '', p = ''] of rows) {
    const year = publishedNumber(y);
    const population = publishedNumber(p);
    if (lsoa && Number.isInteger(year) && Number.isInteger(population) && population >= 0) {
      out.push({ lsoa, year, ageBand: 'all', sex: 'all', population, priority: 1 });
    }
  }
  return out;
}

/** The year a wide file is for, which ONS gives only in the file (or sheet) name: "mid-2019", "sapelsoasyoa2022". */
export function populationYearFromName(name: string): number | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const mid = /mid[-_ ]?(\d{4})/i.exec(base) ?? /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(base);
  return mid ? Number(mid[1]) : null;
}

/** Persons, unless the file name says the file is for one sex (ONS publishes males and females as sheets). */
function sexFromName(name: string): Sex {
  const base = (name.split(/[\\/]/).pop() ?? name).toLowerCase();
  if (/(^|[^a-z])females?([^a-z]|$)/.test(base)) return 'female';
  if (/(^|[^a-z])males?([^a-z]|$)/.test(base)) return 'male';
  return 'all';
}

/**
 * Reads the wide form for `year`: by age band (and by sex when the columns are F/M) where single years are
 * given, else the all-ages total only.
 */
export function readOnsPopulationWide(
  name: string,
  bytes: Uint8Array,
  columns: readonly string[],
  year: number,
): PopulationRef[] {
  const n = columns.map(norm);
  const fileSex = sexFromName(name);
  const ages = n
    .map((c, i) => ({ i, m: AGE_COLUMN.exec(c) }))
    .filter((a): a is { i: number; m: RegExpExecArray } => a.m !== null)
    .map(({ i, m }) => ({
      i,
      band: ageBandOf(Number(m[2])),
      sex: (m[1] ? (m[1].toLowerCase() === 'f' ? 'female' : 'male') : fileSex) as Sex,
    }));
  const total = n.findIndex((c) => ALL_AGES.test(c));
  const useAges = ages.length >= 10;
  const wanted = [lsoaColumn(columns), ...(useAges ? ages.map((a) => a.i) : [total])];
  const out: PopulationRef[] = [];
  for (const r of readColumns(bytes, wanted)) {
    const lsoa = r[0] ?? '';
    if (!lsoa) continue;
    if (!useAges) {
      const population = publishedNumber(r[1] ?? '');
      if (Number.isInteger(population)) out.push({ lsoa, year, ageBand: 'all', sex: fileSex, population, priority: 1 });
      continue;
    }
    const sums = new Map<string, { band: AgeBand; sex: Sex; population: number }>();
    ages.forEach((a, k) => {
      const v = publishedNumber(r[k + 1] ?? '');
      if (!Number.isFinite(v)) return;
      const key = `${a.band}|${a.sex}`;
      const s = sums.get(key) ?? { band: a.band, sex: a.sex, population: 0 };
      s.population += v;
      sums.set(key, s);
    });
    for (const s of sums.values())
      out.push({ lsoa, year, ageBand: s.band, sex: s.sex, population: Math.round(s.population), priority: 1 });
  }
  return out;
}
