import { toFeatureCollection } from '../boundary-file';
import { readColumns } from './csv-scanner';
import { emptyAreaRefs, type AreaRefs } from './public-data-state';

/**
 * Lookups from small areas to the areas they lie in, from ONS lookup files (LSOA11CD, MSOA11CD, WD19CD,
 * LAD19CD ... columns) or from boundary files whose features carry such codes. Both name their columns the
 * ONS way: a geography, a two-digit year and CD (code) or NM (name).
 */
type Geo = 'lsoa' | 'msoa' | 'ward' | 'district';
const ONS_COLUMN = /^(lsoa|msoa|wd|lad|ltla)(\d{2})(cd|nm)$/i;
const GEO: Record<string, Geo> = { lsoa: 'lsoa', msoa: 'msoa', wd: 'ward', lad: 'district', ltla: 'district' };

type Columns = Partial<Record<Geo, { code: number; name: number; year: number }>>;

/** Which columns hold each geography's code and name, per two-digit year. */
function onsColumnsByYear(columns: readonly string[]): Partial<Record<Geo, Map<number, { code: number; name: number }>>> {
  const found: Partial<Record<Geo, Map<number, { code: number; name: number }>>> = {};
  columns.forEach((c, i) => {
    const m = ONS_COLUMN.exec(c.trim());
    if (!m) return;
    const geo = GEO[(m[1] as string).toLowerCase()] as Geo;
    const years = (found[geo] ??= new Map());
    const year = Number(m[2]);
    const at = years.get(year) ?? { code: -1, name: -1 };
    if ((m[3] as string).toLowerCase() === 'cd') at.code = i;
    else if (at.name < 0) at.name = i;
    years.set(year, at);
  });
  for (const years of Object.values(found)) for (const [y, at] of years) if (at.code < 0) years.delete(y);
  return found;
}

/**
 * The columns to read for each geography: the LSOA code of `lsoaYear` (default the latest), and for the others
 * the same year where the file has it, else their latest (a lookup from LSOA 2011 to LAD 2022 is one edition).
 */
function onsColumns(columns: readonly string[], lsoaYear?: number): Columns {
  const byYear = onsColumnsByYear(columns);
  const out: Columns = {};
  for (const [geo, years] of Object.entries(byYear) as [Geo, Map<number, { code: number; name: number }>][]) {
    const latest = Math.max(...years.keys());
    const year = lsoaYear !== undefined && years.has(lsoaYear) ? lsoaYear : latest;
    if (years.size > 0) out[geo] = { ...(years.get(year) as { code: number; name: number }), year };
  }
  return out;
}

/** The two-digit years a file gives LSOA codes for (ONS's 2011 -> 2021 lookups give both). */
const lsoaYears = (columns: readonly string[]) => [...(onsColumnsByYear(columns).lsoa?.keys() ?? [])].sort();

/** An ONS lookup: LSOA codes and the code of at least one area they lie in. */
export function isOnsLookup(columns: readonly string[]): boolean {
  const c = onsColumns(columns);
  return c.lsoa !== undefined && (c.msoa !== undefined || c.ward !== undefined || c.district !== undefined);
}

/** Adds one row's codes and names (by geography) to the refs; `edition`: the year of the LSOA codes (2011, 2021). */
function addRow(refs: AreaRefs, row: Partial<Record<Geo, { code: string; name: string }>>, edition: number): void {
  const { lsoa, msoa, ward, district } = row;
  if (district?.code)
    refs.district[district.code] = { name: district.name || refs.district[district.code]?.name || district.code };
  for (const [geo, area] of [
    ['msoa', msoa],
    ['ward', ward],
  ] as const) {
    if (!area?.code) continue;
    const prev = refs[geo][area.code];
    refs[geo][area.code] = { name: area.name || prev?.name || area.code, district: district?.code || prev?.district };
  }
  if (lsoa?.code) {
    const prev = refs.lsoa[lsoa.code];
    refs.lsoa[lsoa.code] = {
      name: lsoa.name || prev?.name || lsoa.code,
      msoa: msoa?.code || prev?.msoa,
      ward: ward?.code || prev?.ward,
      district: district?.code || prev?.district,
      editions: unionEditions(prev?.editions, [edition]),
    };
  }
}

const unionEditions = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
  a || b ? [...new Set([...(a ?? []), ...(b ?? [])])].sort() : undefined;

/**
 * Reads an ONS lookup CSV (one row per output area or per LSOA; repeats add nothing). A lookup between LSOA
 * editions (LSOA11CD and LSOA21CD) gives the areas of both: each LSOA code is read with its own edition.
 */
export function readOnsLookup(bytes: Uint8Array, columns: readonly string[]): { lookup: AreaRefs; rows: number } {
  const refs = emptyAreaRefs();
  for (const year of lsoaYears(columns)) {
    const c = onsColumns(columns, year);
    const geos = Object.keys(c) as Geo[];
    const wanted = geos.flatMap((g) => [c[g]?.code ?? -1, c[g]?.name ?? -1]).map((i) => (i < 0 ? columns.length : i));
    for (const r of readColumns(bytes, wanted)) {
      const row = Object.fromEntries(geos.map((g, k) => [g, { code: r[2 * k] ?? '', name: r[2 * k + 1] ?? '' }]));
      addRow(refs, row, 2000 + year);
    }
  }
  return { lookup: refs, rows: Object.keys(refs.lsoa).length };
}

/**
 * Reads the codes and names a boundary file's features carry (../shared/geo's LSOA file has LSOA11CD,
 * LSOA11NM and LAD13CD). Null when the features carry no ONS codes of the four geographies.
 */
export function readBoundaryLookup(json: unknown): { lookup: AreaRefs; rows: number } | null {
  let features;
  try {
    features = toFeatureCollection(json).features;
  } catch {
    return null;
  }
  const props = [...new Set(features.slice(0, 50).flatMap((f) => Object.keys(f.properties ?? {})))];
  const c = onsColumns(props);
  const geos = Object.keys(c) as Geo[];
  if (geos.length === 0) return null;
  const refs = emptyAreaRefs();
  for (const f of features) {
    const p = f.properties ?? {};
    const text = (i: number | undefined) => (i === undefined || i < 0 ? '' : String(p[props[i] as string] ?? '').trim());
    const row = Object.fromEntries(geos.map((g) => [g, { code: text(c[g]?.code), name: text(c[g]?.name) }]));
    addRow(refs, row, 2000 + (c.lsoa?.year ?? 11));
  }
  // A boundary file is drawn for the partnership's own area: its districts say where that is.
  refs.boundaryDistricts = [
    ...new Set([
      ...Object.keys(refs.district),
      ...Object.values(refs.lsoa).map((l) => l.district),
      ...Object.values(refs.msoa).map((m) => m.district),
    ]),
  ].filter((d): d is string => Boolean(d));
  const rows =
    Object.keys(refs.lsoa).length +
    Object.keys(refs.msoa).length +
    Object.keys(refs.ward).length +
    Object.keys(refs.district).length;
  return { lookup: refs, rows };
}

/** Adds `next` to `refs`: codes already known keep what `next` does not say, and take what it does. */
export function mergeAreaRefs(refs: AreaRefs, next: Partial<AreaRefs>): AreaRefs {
  const out: AreaRefs = {
    lsoa: { ...refs.lsoa },
    msoa: { ...refs.msoa },
    ward: { ...refs.ward },
    district: { ...refs.district },
    boundaryDistricts: [...new Set([...refs.boundaryDistricts, ...(next.boundaryDistricts ?? [])])],
  };
  for (const geo of ['lsoa', 'msoa', 'ward', 'district'] as const) {
    for (const [code, value] of Object.entries(next[geo] ?? {})) {
      const prev = out[geo][code] as Record<string, unknown> | undefined;
      if (!prev) {
        (out[geo] as Record<string, unknown>)[code] = value;
        continue;
      }
      const merged: Record<string, unknown> = { ...prev };
      for (const [k, v] of Object.entries(value)) if (v && (k !== 'name' || v !== code || !prev?.name)) merged[k] = v;
      if (geo === 'lsoa') {
        merged.editions = unionEditions(prev.editions as number[] | undefined, (value as AreaRefs['lsoa'][string]).editions);
      }
      (out[geo] as Record<string, unknown>)[code] = merged;
    }
  }
  return out;
}

/**
 * The MSOA an LSOA lies in when no lookup says so: ONS names an LSOA after its MSOA plus a letter ("Preston
 * 013A" lies in "Preston 013"), which boundary files for both levels make usable.
 */
export function msoaByName(refs: AreaRefs): Record<string, string> {
  const byName = new Map<string, string>();
  for (const [code, m] of Object.entries(refs.msoa)) byName.set(m.name, code);
  const out: Record<string, string> = {};
  for (const [code, l] of Object.entries(refs.lsoa)) {
    if (l.msoa) out[code] = l.msoa;
    else {
      const m = /^(.*\d{3})[A-Z]$/.exec(l.name);
      const msoa = m ? byName.get(m[1] as string) : undefined;
      if (msoa) out[code] = msoa;
    }
  }
  return out;
}
