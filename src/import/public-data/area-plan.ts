import type { AreaRow, GeographyLevel } from '../../contract';
import { msoaByName } from './area-lookups';
import type { AreaRefs, PublicDataSettings } from './public-data-state';
import { listOf } from '../../contract/list-of';

/** An area already in the engine's lookup (loaded by the user, not built here). */
export interface LoadedArea {
  code: string;
  name: string;
  level: GeographyLevel;
  parent_code: string | null;
}

/** Where the public data go: the LSOAs counted in, the rows of the lookup built here, and the levels used. */
export interface AreaPlan {
  /** 'loaded': the user's own lookup has LSOAs; 'built': built here from reference files; 'none': cannot place yet. */
  mode: 'loaded' | 'built' | 'none';
  /** Why nothing could be placed (mode 'none'), said so the user knows what to load. */
  reason: string | null;
  vru: { code: string; name: string };
  districts: { code: string; name: string }[];
  /** The LSOAs records are counted in, each with the district it lies in; any other is "outside the loaded areas". */
  lsoas: Map<string, string>;
  /** Rows to add to the areas lookup (all of them when built; at most the "area not known" row otherwise). */
  rows: AreaRow[];
  /** Levels and how they nest, for the manifest. */
  levels: { level: GeographyLevel; parentLevel: GeographyLevel | null }[];
  /** The "Area not known" district-level area, when the user asked for one. */
  unknownArea: string | null;
  /** The LSOA edition (2011 or 2021) of the lookup built, when the reference files gave more than one. */
  lsoaEdition: number | null;
}

/** Share of located records a district needs to count as one the force covers (Lancashire's smallest: 1.7%; strays: < 0.1%). */
export const DISTRICT_SHARE = 0.005;

export const DEFAULT_VRU_CODE = 'VRU';
export const UNKNOWN_AREA_NAME = 'Area not known (no location, or outside the districts)';

/**
 * The districts police records fall in: every district holding at least DISTRICT_SHARE of the records whose
 * LSOA the lookup places. A force's records include a few located in neighbouring forces' areas.
 */
export function districtsOfRecords(located: ReadonlyMap<string, number>, refs: AreaRefs): string[] {
  const byDistrict = new Map<string, number>();
  let total = 0;
  for (const [lsoa, n] of located) {
    const d = districtOfLsoa(refs, lsoa);
    if (!d) continue;
    byDistrict.set(d, (byDistrict.get(d) ?? 0) + n);
    total += n;
  }
  return [...byDistrict]
    .filter(([, n]) => n >= DISTRICT_SHARE * total)
    .map(([d]) => d)
    .sort();
}

function districtOfLsoa(refs: AreaRefs, lsoa: string): string | undefined {
  const l = refs.lsoa[lsoa];
  if (!l) return undefined;
  return l.district ?? (l.msoa ? refs.msoa[l.msoa]?.district : undefined) ?? (l.ward ? refs.ward[l.ward]?.district : undefined);
}

/** "Blackpool", "Blackpool and Fylde", or "Lancashire (14 districts)" after the force, when there are many. */
function defaultVruName(districts: readonly { name: string }[], forces: readonly string[]): string {
  const names = districts.map((d) => d.name);
  if (names.length <= 3) return `${names.length > 0 ? listOf(names) : 'VRU'} area`;
  const force = forces.length === 1 ? forces[0]?.replace(/\s+(Constabulary|Police( Service| Force)?)$/i, '') : null;
  return `${force ?? `${names[0]} and ${names.length - 1} other districts`} area (${names.length} districts)`;
}

/**
 * The LSOA edition to build the lookup in, when the files gave LSOAs of two (IMD 2019 is 2011; an ONS lookup may
 * be 2021): the one most records' LSOAs are in, else the latest. Null when there is only one to use.
 */
export function lsoaEditionFor(refs: AreaRefs, located: ReadonlyMap<string, number>): number | null {
  const editions = [...new Set(Object.values(refs.lsoa).flatMap((l) => l.editions ?? []))].sort();
  if (editions.length < 2) return null;
  const inEdition = new Map(editions.map((e) => [e, 0]));
  for (const [lsoa, n] of located) {
    for (const e of refs.lsoa[lsoa]?.editions ?? []) inEdition.set(e, (inEdition.get(e) ?? 0) + n);
  }
  return [...inEdition].reduce((best, e) => (e[1] >= best[1] ? e : best))[0];
}

const levelsFor = (middle: 'msoa' | 'ward' | null): AreaPlan['levels'] => [
  { level: 'vru', parentLevel: null },
  { level: 'district', parentLevel: 'vru' },
  ...(middle ? [{ level: middle, parentLevel: 'district' as const }] : []),
  { level: 'lsoa', parentLevel: middle ?? 'district' },
];

/**
 * Decides where public data go. The user's own areas lookup wins when it has LSOAs; otherwise a lookup is built
 * from the reference files for the chosen districts: LSOA -> MSOA (or ward) -> district -> VRU area, with the
 * middle level only where every LSOA has one (a lookup has one parent per area).
 */
export function planAreas(
  refs: AreaRefs,
  loaded: readonly LoadedArea[],
  located: ReadonlyMap<string, number>,
  settings: PublicDataSettings,
  forces: readonly string[],
): AreaPlan {
  const loadedVru = loaded.filter((a) => a.level === 'vru');
  const vruOf = (districts: readonly { name: string }[]) =>
    loadedVru.length === 1 && loadedVru[0]
      ? { code: loadedVru[0].code, name: loadedVru[0].name }
      : {
          code: settings.vruCode?.trim() || DEFAULT_VRU_CODE,
          name: settings.vruName?.trim() || defaultVruName(districts, forces),
        };
  const unknownRow = (vru: { code: string }): AreaRow[] =>
    settings.unknownArea
      ? [{ code: `${vru.code}-UNKNOWN`, name: UNKNOWN_AREA_NAME, level: 'district', parent_code: vru.code }]
      : [];

  const loadedLsoas = loaded.filter((a) => a.level === 'lsoa');
  if (loadedLsoas.length > 0) {
    const districts = loaded.filter((a) => a.level === 'district').map((a) => ({ code: a.code, name: a.name }));
    const vru = vruOf(districts);
    const rows = loadedVru.length === 1 ? unknownRow(vru).filter((r) => !loaded.some((a) => a.code === r.code)) : [];
    const byCode = new Map(loaded.map((a) => [a.code, a]));
    const levelOf = new Map(loaded.map((a) => [a.code, a.level]));
    // Each LSOA's district: up its parents until one is a district (or the top, for a lookup without districts).
    const districtOf = (code: string): string => {
      let a = byCode.get(code);
      for (let depth = 0; a && a.level !== 'district' && a.parent_code && depth < 8; depth++) a = byCode.get(a.parent_code);
      return a?.code ?? code;
    };
    const pairs = new Map<GeographyLevel, GeographyLevel | null>();
    for (const a of loaded)
      if (!pairs.has(a.level)) pairs.set(a.level, a.parent_code ? (levelOf.get(a.parent_code) ?? null) : null);
    return {
      mode: 'loaded',
      reason: null,
      vru,
      districts,
      lsoas: new Map(loadedLsoas.map((a) => [a.code, districtOf(a.code)])),
      rows,
      levels: [...pairs].map(([level, parentLevel]) => ({ level, parentLevel })),
      unknownArea:
        rows[0]?.code ??
        (settings.unknownArea && loaded.some((a) => a.code === `${vru.code}-UNKNOWN`) ? `${vru.code}-UNKNOWN` : null),
      lsoaEdition: null,
    };
  }

  const chosen = settings.districts?.length
    ? settings.districts
    : located.size > 0
      ? districtsOfRecords(located, refs)
      : refs.boundaryDistricts;
  const districtSet = new Set(chosen);
  // One LSOA edition only: a 2011 LSOA and the 2021 LSOAs it became would count the same place twice.
  const lsoaEdition = lsoaEditionFor(refs, located);
  const lsoaCodes = Object.keys(refs.lsoa)
    .filter((c) => districtSet.has(districtOfLsoa(refs, c) ?? ''))
    .filter((c) => lsoaEdition === null || (refs.lsoa[c]?.editions ?? [lsoaEdition]).includes(lsoaEdition))
    .sort();
  const none = (reason: string): AreaPlan => ({
    mode: 'none',
    reason,
    vru: vruOf([]),
    districts: [],
    lsoas: new Map(),
    rows: [],
    levels: [],
    unknownArea: null,
    lsoaEdition: null,
  });
  if (Object.keys(refs.lsoa).length === 0) {
    return none(
      'No areas lookup places LSOAs in districts yet. Load IMD 2019 File 1 (or an ONS LSOA lookup, or LSOA boundary files) with these files.',
    );
  }
  if (lsoaCodes.length === 0) {
    return none(
      located.size > 0
        ? "None of the records' LSOAs is in the lookup loaded. Check the lookup is for the same LSOAs (2011 or 2021) as the police files."
        : 'No police.uk files or boundary files say which districts the area covers. Load police.uk files, or choose the districts.',
    );
  }
  const districts = chosen.map((code) => ({ code, name: refs.district[code]?.name ?? code }));
  const vru = vruOf(districts);
  const msoaOf = msoaByName(refs);
  const middle: 'msoa' | 'ward' | null = lsoaCodes.every((c) => msoaOf[c])
    ? 'msoa'
    : lsoaCodes.every((c) => refs.lsoa[c]?.ward)
      ? 'ward'
      : null;
  const known = new Set(loaded.map((a) => a.code));
  const rows: AreaRow[] = [{ code: vru.code, name: vru.name, level: 'vru', parent_code: null }];
  for (const d of districts) rows.push({ code: d.code, name: d.name, level: 'district', parent_code: vru.code });
  rows.push(...unknownRow(vru));
  const middles = new Map<string, string>();
  for (const c of lsoaCodes) {
    const l = refs.lsoa[c] as AreaRefs['lsoa'][string];
    const district = districtOfLsoa(refs, c) as string;
    let parent = district;
    if (middle) {
      parent = (middle === 'msoa' ? msoaOf[c] : l.ward) as string;
      if (!middles.has(parent)) {
        middles.set(parent, district);
        rows.push({ code: parent, name: refs[middle][parent]?.name ?? parent, level: middle, parent_code: district });
      }
    }
    rows.push({ code: c, name: l.name, level: 'lsoa', parent_code: parent });
  }
  return {
    mode: 'built',
    reason: null,
    vru,
    districts,
    lsoas: new Map(lsoaCodes.map((c) => [c, districtOfLsoa(refs, c) as string])),
    // Areas the user's own lookup has already are not given twice.
    rows: rows.filter((r) => !known.has(r.code)),
    levels: levelsFor(middle),
    unknownArea: settings.unknownArea ? `${vru.code}-UNKNOWN` : null,
    lsoaEdition,
  };
}
