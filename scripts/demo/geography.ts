/**
 * Areas, synthetic deprivation scores and synthetic populations for the demo data.
 *
 * District codes and names are the real ONS ones. MSOA and LSOA codes and names (2011 geographies) come
 * from scripts/demo/lancashire-small-areas.json, which was derived once from the real boundaries in
 * ../shared/geo by scripts/demo/build-small-areas.ts (no boundaries are stored in this repository).
 * Every number attached to an area here (population, deprivation score) is SYNTHETIC: plausible in size,
 * not an official estimate.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AGE_BANDS, SEXES, type AgeBand } from '../../src/contract/vocabularies';
import { Rng } from './prng';

export const SEED = 'lancashire-vrn-demo-2026';
export const VRU = { code: 'VRN-LANCS', name: 'Lancashire Violence Reduction Network area' } as const;
export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
export type Year = (typeof YEARS)[number];

export interface District {
  code: string;
  name: string;
  /** Synthetic total population in 2021 (close to the real order of size). */
  population2021: number;
  /** Synthetic yearly population growth (fraction per year). */
  growth: number;
  /** Synthetic deprivation score on an IMD-like scale (population-weighted mean of its LSOAs). */
  deprivation: number;
  /** 0 = older age structure (coastal and rural), 1 = young age structure. */
  youth: number;
  /** Extra share of 18-24 year olds (university towns). */
  students: number;
}

/** The 14 districts of the Lancashire VRN area: real codes and names; synthetic numbers. */
export const DISTRICTS: readonly District[] = [
  {
    code: 'E06000008',
    name: 'Blackburn with Darwen',
    population2021: 154_800,
    growth: 0.004,
    deprivation: 29.0,
    youth: 1.0,
    students: 0,
  },
  { code: 'E06000009', name: 'Blackpool', population2021: 141_100, growth: -0.001, deprivation: 34.0, youth: 0.5, students: 0 },
  { code: 'E07000117', name: 'Burnley', population2021: 94_700, growth: 0.003, deprivation: 30.0, youth: 0.75, students: 0 },
  { code: 'E07000118', name: 'Chorley', population2021: 118_200, growth: 0.008, deprivation: 14.5, youth: 0.55, students: 0 },
  { code: 'E07000119', name: 'Fylde', population2021: 81_000, growth: 0.006, deprivation: 14.0, youth: 0.1, students: 0 },
  { code: 'E07000120', name: 'Hyndburn', population2021: 82_000, growth: 0.002, deprivation: 28.0, youth: 0.75, students: 0 },
  {
    code: 'E07000121',
    name: 'Lancaster',
    population2021: 142_900,
    growth: 0.005,
    deprivation: 21.5,
    youth: 0.45,
    students: 0.05,
  },
  { code: 'E07000122', name: 'Pendle', population2021: 96_300, growth: 0.003, deprivation: 25.5, youth: 0.75, students: 0 },
  { code: 'E07000123', name: 'Preston', population2021: 147_800, growth: 0.009, deprivation: 25.0, youth: 0.8, students: 0.04 },
  { code: 'E07000124', name: 'Ribble Valley', population2021: 61_600, growth: 0.007, deprivation: 9.0, youth: 0.2, students: 0 },
  { code: 'E07000125', name: 'Rossendale', population2021: 70_900, growth: 0.004, deprivation: 20.0, youth: 0.55, students: 0 },
  { code: 'E07000126', name: 'South Ribble', population2021: 111_000, growth: 0.005, deprivation: 11.5, youth: 0.5, students: 0 },
  {
    code: 'E07000127',
    name: 'West Lancashire',
    population2021: 117_400,
    growth: 0.004,
    deprivation: 18.0,
    youth: 0.45,
    students: 0.025,
  },
  { code: 'E07000128', name: 'Wyre', population2021: 112_000, growth: 0.005, deprivation: 17.5, youth: 0.1, students: 0 },
];

/** Age shares for a young and an older population; a district's shares blend the two. */
const YOUNG_SHARES = [0.14, 0.072, 0.041, 0.09, 0.135, 0.19, 0.172, 0.16] as const;
const OLDER_SHARES = [0.09, 0.052, 0.03, 0.062, 0.1, 0.16, 0.216, 0.29] as const;
/** Share of each age band who are female. */
const FEMALE_SHARES = [0.488, 0.487, 0.486, 0.492, 0.502, 0.506, 0.508, 0.545] as const;

/** England's most deprived decile of LSOAs starts at about this IMD 2019 score (used as a synthetic threshold). */
export const MOST_DEPRIVED_DECILE_THRESHOLD = 34.2;

export interface Msoa {
  code: string;
  name: string;
  district: string;
}
export interface Lsoa {
  code: string;
  name: string;
  msoa: string;
  district: string;
  /** Synthetic deprivation score. */
  deprivation: number;
  /** Synthetic "night-time economy / town centre" violence multiplier (1 for most LSOAs). */
  hotspot: number;
  population: Record<Year, number>;
}

/** A population cell: key `${year}|${ageBand}|${sex}`. */
export type DistrictPopulation = Map<string, number>;

export interface Geography {
  districts: readonly District[];
  msoas: readonly Msoa[];
  lsoas: readonly Lsoa[];
  districtPopulation: ReadonlyMap<string, DistrictPopulation>;
  /** Population-weighted mean deprivation score of the whole area (2021). */
  meanDeprivation: number;
}

const smallAreasSchema = z.object({
  note: z.string(),
  msoas: z.array(z.tuple([z.string(), z.string(), z.string()])),
  lsoas: z.array(z.tuple([z.string(), z.string(), z.string()])),
});

export function popKey(year: number, band: AgeBand, sex: string): string {
  return `${year}|${band}|${sex}`;
}

export function districtPopulationCell(pop: DistrictPopulation, year: number, band: AgeBand, sex: string): number {
  const value = pop.get(popKey(year, band, sex));
  if (value === undefined) throw new Error(`no population for ${year} ${band} ${sex}`);
  return value;
}

export function districtTotal(pop: DistrictPopulation, year: number): number {
  let total = 0;
  for (const band of AGE_BANDS) for (const sex of SEXES) total += districtPopulationCell(pop, year, band, sex);
  return total;
}

function synthesiseDistrictPopulation(d: District): DistrictPopulation {
  const rng = new Rng(SEED, 'population', d.code);
  const pop: DistrictPopulation = new Map();
  // A fixed small wobble per cell so that the bands are not exact multiples of each other.
  const wobble = AGE_BANDS.map(() => SEXES.map(() => 1 + rng.normal(0, 0.012)));
  YEARS.forEach((year, yi) => {
    const total = d.population2021 * Math.pow(1 + d.growth, yi);
    let shares = AGE_BANDS.map((_, b) => {
      const young = YOUNG_SHARES[b] ?? 0;
      const older = OLDER_SHARES[b] ?? 0;
      // Slow ageing: fewer young children and more people aged 65+ each year.
      const ageing = b === 0 ? 1 - 0.012 * yi : b === 7 ? 1 + 0.01 * yi : 1;
      return (older + d.youth * (young - older)) * ageing;
    });
    const sum = shares.reduce((a, b) => a + b, 0);
    shares = shares.map((s) => s / sum);
    // University towns: move a share of the population into 18-24 from the other bands.
    shares = shares.map((s, b) => (b === 3 ? s * (1 - d.students) + d.students : s * (1 - d.students)));
    AGE_BANDS.forEach((band, b) => {
      SEXES.forEach((sex, s) => {
        const femaleShare = (FEMALE_SHARES[b] ?? 0.5) + (b === 3 ? d.students * 0.2 : 0);
        const sexShare = sex === 'female' ? femaleShare : 1 - femaleShare;
        const w = wobble[b]?.[s] ?? 1;
        pop.set(popKey(year, band, sex), Math.round(total * (shares[b] ?? 0) * sexShare * w));
      });
    });
  });
  return pop;
}

/** Split `total` into integer parts proportional to `weights` (largest remainder; ties by index). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

export function buildGeography(smallAreasPath: URL): Geography {
  const raw = smallAreasSchema.parse(JSON.parse(readFileSync(smallAreasPath, 'utf8')));
  const districtCodes = new Set(DISTRICTS.map((d) => d.code));
  const msoas: Msoa[] = raw.msoas.map(([code, name, district]) => {
    if (!districtCodes.has(district)) throw new Error(`MSOA ${code} names unknown district ${district}`);
    return { code, name, district };
  });
  const msoaByCode = new Map(msoas.map((m) => [m.code, m]));

  const districtPopulation = new Map(DISTRICTS.map((d) => [d.code, synthesiseDistrictPopulation(d)]));

  // Synthetic deprivation: an MSOA effect plus an LSOA effect around the district's score (log scale),
  // then rescaled so the population-weighted mean of each district's LSOAs equals the district score.
  const msoaEffect = new Map(msoas.map((m) => [m.code, new Rng(SEED, 'imd-msoa', m.code).normal(0, 0.38)]));
  // Relative LSOA size and its own slow yearly drift, used to share out the district total each year.
  const sizeWeight = new Map<string, number>();
  const sizeDrift = new Map<string, number>();
  const lsoas: Lsoa[] = raw.lsoas.map(([code, name, msoaCode]) => {
    const msoa = msoaByCode.get(msoaCode);
    if (!msoa) throw new Error(`LSOA ${code} names unknown MSOA ${msoaCode}`);
    const rng = new Rng(SEED, 'lsoa', code);
    const effect = (msoaEffect.get(msoaCode) ?? 0) + rng.normal(0, 0.3);
    sizeWeight.set(code, 0.75 + rng.gamma(6, 0.5 / 6) + rng.uniform() * 0.3);
    sizeDrift.set(code, rng.normal(0, 0.006));
    return {
      code,
      name,
      msoa: msoaCode,
      district: msoa.district,
      deprivation: Math.exp(effect),
      hotspot: 1,
      population: { 2021: 0, 2022: 0, 2023: 0, 2024: 0, 2025: 0 },
    };
  });

  for (const d of DISTRICTS) {
    const mine = lsoas.filter((l) => l.district === d.code);
    const pop = districtPopulation.get(d.code);
    if (!pop || mine.length === 0) throw new Error(`district ${d.code} has no LSOAs or population`);
    YEARS.forEach((year, yi) => {
      const parts = apportion(
        districtTotal(pop, year),
        mine.map((l) => (sizeWeight.get(l.code) ?? 1) * (1 + (sizeDrift.get(l.code) ?? 0) * yi)),
      );
      mine.forEach((l, i) => {
        l.population[year] = parts[i] ?? 0;
      });
    });
    const weighted = mine.reduce((a, l) => a + l.deprivation * l.population[2021], 0);
    const people = mine.reduce((a, l) => a + l.population[2021], 0);
    const scale = d.deprivation / (weighted / people);
    for (const l of mine) l.deprivation = Math.round(l.deprivation * scale * 100) / 100;
    // One or two busy town-centre LSOAs per district carry much more violence (night-time economy).
    const ranked = [...mine].sort((a, b) => b.deprivation - a.deprivation || (a.code < b.code ? -1 : 1));
    const hotRng = new Rng(SEED, 'hotspots', d.code);
    const nHot = d.population2021 > 120_000 ? 2 : 1;
    for (let k = 0; k < nHot; k++) {
      const pick = ranked[Math.floor(hotRng.uniform() * Math.min(8, ranked.length))];
      if (pick) pick.hotspot = 3.5 + hotRng.uniform() * 2.5;
    }
  }

  let weighted = 0;
  let people = 0;
  for (const d of DISTRICTS) {
    const pop = districtPopulation.get(d.code);
    if (!pop) continue;
    const total = districtTotal(pop, 2021);
    weighted += d.deprivation * total;
    people += total;
  }
  return { districts: DISTRICTS, msoas, lsoas, districtPopulation, meanDeprivation: weighted / people };
}
