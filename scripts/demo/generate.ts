/**
 * Generates the embedded SYNTHETIC demo data of the dashboard: data/manifest.json, data/areas.csv,
 * data/population.csv, data/extracts.parquet and data/README.md.
 *
 * Deterministic: every random number comes from the seeded generator in ./prng (keyed by indicator and area),
 * rows are sorted with plain code-point comparisons, and nothing depends on the clock or the locale, so the
 * same source writes the same bytes on every run. The CLI is scripts/generate-demo-data.ts (`npm run demo-data`).
 *
 * Geography: codes and names of the real 2011 MSOAs/LSOAs (scripts/demo/lancashire-small-areas.json, derived
 * from ../shared/geo, whose real boundaries are for tests and local runs only). The manifest declares no
 * boundaries: the product loads boundary files that its user supplies.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { z } from 'zod';
import { DEFAULT_POLICIES, manifestSchema, type Manifest, type ManifestInput } from '../../src/contract/manifest-schema';
import { extractRowSchema, type ExtractRow } from '../../src/contract/table-schemas';
import { AGE_BANDS, SEXES, TIER_LABELS, type AgeBand, type Sex } from '../../src/contract/vocabularies';
import { DATASETS, GAPS } from './datasets';
import {
  buildGeography,
  districtPopulationCell,
  districtTotal,
  MOST_DEPRIVED_DECILE_THRESHOLD,
  SEED,
  VRU,
  YEARS,
  type District,
  type Geography,
  type Year,
} from './geography';
import {
  COVID_2021,
  INDICATORS,
  SEASONS,
  type EventModel,
  type IndicatorSpec,
  type NeetModel,
  type ReoffendingModel,
} from './indicators';
import { Rng } from './prng';

export const DATA_FILES = ['manifest.json', 'areas.csv', 'population.csv', 'extracts.parquet', 'README.md'] as const;

export interface Month {
  period: string;
  year: Year;
  /** 0 = January. */
  month: number;
  /** Years from the middle of the series (trends are centred, so the average level matches the rates). */
  t: number;
}

export const MONTHS: readonly Month[] = YEARS.flatMap((year, yi) =>
  Array.from({ length: 12 }, (_, m) => ({
    period: `${year}-${String(m + 1).padStart(2, '0')}`,
    year,
    month: m,
    t: (yi * 12 + m - 29.5) / 12,
  })),
);

export interface IndicatorSummary {
  id: string;
  tier: string;
  base: 'district' | 'lsoa';
  breakdown: string;
  rows: number;
  total: number;
  zero: number;
  small: number;
}

export interface DemoDataSummary {
  rows: number;
  /** Share of extract rows with a count from 1 to 9. */
  smallShare: number;
  zeroShare: number;
  indicators: IndicatorSummary[];
}

type Row = ExtractRow & { denominator: number | null };

const ageIndex = new Map<string, number>([...AGE_BANDS, 'all'].map((b, i) => [b, i]));
const sexIndex = new Map<string, number>([...SEXES, 'all'].map((s, i) => [s, i]));
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function normalised(values: readonly number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.map((v) => v / mean);
}

function covidFactor(model: { covid?: keyof typeof COVID_2021 }, m: Month): number {
  if (!model.covid || m.year !== 2021) return 1;
  return COVID_2021[model.covid][m.month] ?? 1;
}

function sexFactor(f: { female: number; male: number }, sex: Sex): number {
  return sex === 'female' ? f.female : sex === 'male' ? f.male : 1;
}

/** Deprivation multiplier, scaled so that the population-weighted mean over all districts is 1. */
function depMultipliers(geo: Geography, elasticity: number): Map<string, number> {
  const raw = geo.districts.map((d) => Math.pow(d.deprivation / geo.meanDeprivation, elasticity));
  let weighted = 0;
  let people = 0;
  geo.districts.forEach((d, i) => {
    const pop = geo.districtPopulation.get(d.code);
    const total = pop ? districtTotal(pop, 2021) : 0;
    weighted += (raw[i] ?? 1) * total;
    people += total;
  });
  return new Map(geo.districts.map((d, i) => [d.code, (raw[i] ?? 1) / (weighted / people)]));
}

function districtPop(geo: Geography, d: District): Map<string, number> {
  const pop = geo.districtPopulation.get(d.code);
  if (!pop) throw new Error(`no population for ${d.code}`);
  return pop;
}

function cellPopulation(geo: Geography, d: District, year: Year, band: AgeBand, sex: Sex): number {
  const pop = districtPop(geo, d);
  return band === 'all' ? districtTotal(pop, year) : districtPopulationCell(pop, year, band, sex);
}

function breakdownCells(spec: IndicatorSpec): { band: AgeBand; sex: Sex }[] {
  if (spec.breakdown === 'all') return [{ band: 'all', sex: 'all' }];
  return spec.breakdown.flatMap((band) => SEXES.map((sex) => ({ band, sex })));
}

function districtEvents(geo: Geography, spec: IndicatorSpec, model: EventModel, emit: (r: Row) => void): void {
  const season = normalised(SEASONS[model.season]);
  const dep = depMultipliers(geo, model.elasticity);
  for (const d of geo.districts) {
    const rng = new Rng(SEED, spec.manifest.id, d.code);
    const slope = rng.normal(model.trend.mean, model.trend.sd);
    const level = Math.exp(rng.normal(0, model.levelSd) - (model.levelSd * model.levelSd) / 2);
    for (const { band, sex } of breakdownCells(spec)) {
      const rate = model.per1000[band === 'all' ? 'all' : band];
      if (rate === undefined) throw new Error(`${spec.manifest.id}: no rate for age band ${band}`);
      for (const m of MONTHS) {
        const mean =
          ((cellPopulation(geo, d, m.year, band, sex) * rate) / 1000 / 12) *
          sexFactor(model.sex, sex) *
          (dep.get(d.code) ?? 1) *
          level *
          Math.exp(slope * m.t) *
          (season[m.month] ?? 1) *
          covidFactor(model, m);
        const count = rng.negativeBinomial(mean, model.dispersion);
        emit({
          indicator_id: spec.manifest.id,
          period: m.period,
          area_code: d.code,
          age_band: band,
          sex,
          count,
          denominator: null,
        });
      }
    }
  }
}

function lsoaEvents(geo: Geography, spec: IndicatorSpec, model: EventModel, emit: (r: Row) => void): void {
  const season = normalised(SEASONS[model.season]);
  const districtSlope = new Map<string, number>();
  const districtLevel = new Map<string, number>();
  for (const d of geo.districts) {
    const rng = new Rng(SEED, spec.manifest.id, d.code);
    districtSlope.set(d.code, rng.normal(model.trend.mean, model.trend.sd));
    districtLevel.set(d.code, Math.exp(rng.normal(0, model.levelSd) - (model.levelSd * model.levelSd) / 2));
  }
  const lsoaRng = new Map(geo.lsoas.map((l) => [l.code, new Rng(SEED, spec.manifest.id, l.code)]));
  const effect = new Map(
    geo.lsoas.map((l) => {
      const rng = lsoaRng.get(l.code);
      const noise = rng ? rng.gamma(2, 1 / 2) : 1;
      return [l.code, Math.pow(l.deprivation / geo.meanDeprivation, model.elasticity) * l.hotspot * noise];
    }),
  );
  let weighted = 0;
  let people = 0;
  for (const l of geo.lsoas) {
    weighted += (effect.get(l.code) ?? 1) * l.population[2021];
    people += l.population[2021];
  }
  const norm = weighted / people;
  const rate = model.per1000.all;
  if (rate === undefined) throw new Error(`${spec.manifest.id}: LSOA indicators need an all-ages rate`);
  for (const l of geo.lsoas) {
    const rng = lsoaRng.get(l.code);
    if (!rng) continue;
    const slope = (districtSlope.get(l.district) ?? 0) + rng.normal(0, 0.02);
    const mult = ((effect.get(l.code) ?? 1) / norm) * (districtLevel.get(l.district) ?? 1);
    for (const m of MONTHS) {
      const mean =
        ((l.population[m.year] * rate) / 1000 / 12) *
        mult *
        Math.exp(slope * m.t) *
        (season[m.month] ?? 1) *
        covidFactor(model, m);
      const count = rng.negativeBinomial(mean, model.dispersion);
      emit({
        indicator_id: spec.manifest.id,
        period: m.period,
        area_code: l.code,
        age_band: 'all',
        sex: 'all',
        count,
        denominator: null,
      });
    }
  }
}

function neet(geo: Geography, spec: IndicatorSpec, model: NeetModel, emit: (r: Row) => void): void {
  const season = normalised(SEASONS.neet);
  const dep = depMultipliers(geo, model.elasticity);
  for (const d of geo.districts) {
    const rng = new Rng(SEED, spec.manifest.id, d.code);
    const slope = rng.normal(model.trend.mean, model.trend.sd);
    for (const { band, sex } of breakdownCells(spec)) {
      for (const m of MONTHS) {
        // 16-17 year olds are about two thirds of the 15-17 band; a few are not known to the council.
        const known = Math.round(cellPopulation(geo, d, m.year, '15-17', sex) * (2 / 3) * (0.985 + rng.normal(0, 0.004)));
        const p = model.p * sexFactor(model.sex, sex) * (dep.get(d.code) ?? 1) * Math.exp(slope * m.t) * (season[m.month] ?? 1);
        const count = rng.betaBinomial(known, p, 400);
        emit({
          indicator_id: spec.manifest.id,
          period: m.period,
          area_code: d.code,
          age_band: band,
          sex,
          count,
          denominator: known,
        });
      }
    }
  }
}

function reoffending(geo: Geography, spec: IndicatorSpec, model: ReoffendingModel, emit: (r: Row) => void): void {
  const cohortDep = depMultipliers(geo, 0.9);
  for (const d of geo.districts) {
    const rng = new Rng(SEED, spec.manifest.id, d.code);
    const slope = rng.normal(-0.01, 0.03);
    const pDep = Math.pow(d.deprivation / geo.meanDeprivation, 0.15);
    for (const { band, sex } of breakdownCells(spec)) {
      if (band === 'all') throw new Error('reoffending needs age bands');
      const cohortRate = model.cohortPer1000[band];
      const p0 = model.p[band];
      if (cohortRate === undefined || p0 === undefined) throw new Error(`${spec.manifest.id}: no parameters for ${band}`);
      for (const m of MONTHS) {
        if (m.period > model.lastPeriod) continue;
        const expected =
          ((cellPopulation(geo, d, m.year, band, sex) * cohortRate) / 1000 / 12) *
          sexFactor(model.cohortSex, sex) *
          (cohortDep.get(d.code) ?? 1);
        const cohort = rng.negativeBinomial(expected, 10);
        const p = p0 * sexFactor(model.pSex, sex) * pDep * Math.exp(slope * m.t);
        const count = rng.betaBinomial(cohort, p, 40);
        emit({
          indicator_id: spec.manifest.id,
          period: m.period,
          area_code: d.code,
          age_band: band,
          sex,
          count,
          denominator: cohort,
        });
      }
    }
  }
}

function deprivation(geo: Geography, spec: IndicatorSpec, emit: (r: Row) => void): void {
  for (const d of geo.districts) {
    const mine = geo.lsoas.filter((l) => l.district === d.code);
    for (const m of MONTHS) {
      const residents = mine.reduce((a, l) => a + l.population[m.year], 0);
      const inDecile = mine.reduce((a, l) => a + (l.deprivation >= MOST_DEPRIVED_DECILE_THRESHOLD ? l.population[m.year] : 0), 0);
      emit({
        indicator_id: spec.manifest.id,
        period: m.period,
        area_code: d.code,
        age_band: 'all',
        sex: 'all',
        count: inDecile,
        denominator: residents,
      });
    }
  }
}

export function simulateExtracts(geo: Geography): Row[] {
  const lsoaDistrict = new Map(geo.lsoas.map((l) => [l.code, l.district]));
  const gaps = new Set(GAPS.flatMap((g) => g.periods.map((p) => `${g.dataset}|${g.district}|${p}`)));
  const rows: Row[] = [];
  for (const spec of INDICATORS) {
    const dataset = spec.manifest.dataset;
    const emit = (r: Row): void => {
      const district = lsoaDistrict.get(r.area_code) ?? r.area_code;
      if (gaps.has(`${dataset}|${district}|${r.period}`)) return;
      rows.push(r);
    };
    const model = spec.model;
    switch (model.kind) {
      case 'events':
        if (spec.base === 'lsoa') lsoaEvents(geo, spec, model, emit);
        else districtEvents(geo, spec, model, emit);
        break;
      case 'neet':
        neet(geo, spec, model, emit);
        break;
      case 'reoffending':
        reoffending(geo, spec, model, emit);
        break;
      case 'deprivation':
        deprivation(geo, spec, emit);
        break;
    }
  }
  rows.sort(
    (a, b) =>
      cmp(a.indicator_id, b.indicator_id) ||
      cmp(a.area_code, b.area_code) ||
      cmp(a.period, b.period) ||
      (ageIndex.get(a.age_band) ?? 0) - (ageIndex.get(b.age_band) ?? 0) ||
      (sexIndex.get(a.sex) ?? 0) - (sexIndex.get(b.sex) ?? 0),
  );
  return rows;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

export function areasCsv(geo: Geography): string {
  const rows: (string | null)[][] = [[VRU.code, VRU.name, 'vru', null]];
  for (const d of [...geo.districts].sort((a, b) => cmp(a.code, b.code))) rows.push([d.code, d.name, 'district', VRU.code]);
  for (const m of geo.msoas) rows.push([m.code, m.name, 'msoa', m.district]);
  for (const l of geo.lsoas) rows.push([l.code, l.name, 'lsoa', l.msoa]);
  return csv(['code', 'name', 'level', 'parent_code'], rows);
}

export function populationCsv(geo: Geography): string {
  const rows: (string | number)[][] = [];
  for (const d of [...geo.districts].sort((a, b) => cmp(a.code, b.code))) {
    const pop = districtPop(geo, d);
    for (const year of YEARS)
      for (const band of AGE_BANDS)
        for (const sex of SEXES) rows.push([d.code, year, band, sex, districtPopulationCell(pop, year, band, sex)]);
  }
  for (const l of geo.lsoas) for (const year of YEARS) rows.push([l.code, year, 'all', 'all', l.population[year]]);
  return csv(['area_code', 'year', 'age_band', 'sex', 'population'], rows);
}

export function buildManifest(): Manifest {
  const input: ManifestInput = {
    schemaVersion: 1,
    title: 'Lancashire Violence Reduction Network: SYNTHETIC demonstration data (not real people, not real rates)',
    area: { code: VRU.code, name: VRU.name },
    synthetic: true,
    // Declared coverage: absent rows are zero, except the deliberate gaps, which are declared not reported.
    datasets: DATASETS.map((d) => ({
      ...d,
      coverage: {
        ...d.coverage,
        notReported: GAPS.filter((g) => g.dataset === d.id).map((g) => ({
          areas: [g.district],
          from: g.periods[0] as string,
          to: g.periods[g.periods.length - 1] as string,
        })),
      },
    })),
    indicators: INDICATORS.map((i) => ({
      ...i.manifest,
      breakdowns: i.breakdown === 'all' ? { ageBands: [], bySex: false } : { ageBands: [...i.breakdown], bySex: true },
    })),
    // No boundaries are bundled: the product loads boundary files that its user supplies
    // (real Lancashire boundaries for tests and local runs are in ../shared/geo).
    geographies: [
      { level: 'vru', title: 'Violence Reduction Network area', parentLevel: null, boundary: null },
      { level: 'district', title: 'Local authority districts', parentLevel: 'vru', boundary: null },
      { level: 'msoa', title: 'Middle layer super output areas (2011)', parentLevel: 'district', boundary: null },
      { level: 'lsoa', title: 'Lower layer super output areas (2011)', parentLevel: 'msoa', boundary: null },
    ],
    disclosure: {
      analyst: { ...DEFAULT_POLICIES.analyst },
      partner: { ...DEFAULT_POLICIES.partner },
      public: { ...DEFAULT_POLICIES.public },
    },
    files: { extracts: ['extracts.parquet'], areas: ['areas.csv'], population: ['population.csv'] },
  };
  const parsed = manifestSchema.safeParse(input);
  if (!parsed.success) throw new Error(`demo manifest does not match manifestSchema:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Fail loudly if the simulated extract breaks the data contract or the demo's own rules. */
function checkExtracts(rows: readonly Row[], geo: Geography, manifest: Manifest): void {
  const areaLevel = new Map<string, string>([[VRU.code, 'vru']]);
  for (const d of geo.districts) areaLevel.set(d.code, 'district');
  for (const m of geo.msoas) areaLevel.set(m.code, 'msoa');
  for (const l of geo.lsoas) areaLevel.set(l.code, 'lsoa');
  const indicators = new Map(manifest.indicators.map((i) => [i.id, i]));
  const levels = new Map<string, Set<string>>();
  const keys = new Set<string>();
  for (const r of rows) {
    const parsed = extractRowSchema.safeParse(r);
    if (!parsed.success) throw new Error(`bad extract row ${JSON.stringify(r)}: ${z.prettifyError(parsed.error)}`);
    if (!Number.isInteger(r.count) || r.count > 2147483647) throw new Error(`count is not INT32: ${JSON.stringify(r)}`);
    const ind = indicators.get(r.indicator_id);
    if (!ind) throw new Error(`extract names unknown indicator ${r.indicator_id}`);
    const level = areaLevel.get(r.area_code);
    if (!level) throw new Error(`extract names unknown area ${r.area_code}`);
    const set = levels.get(r.indicator_id) ?? new Set<string>();
    set.add(level);
    levels.set(r.indicator_id, set);
    if (ind.denominatorSource === 'extract') {
      if (r.denominator === null || r.count > r.denominator) throw new Error(`bad proportion row ${JSON.stringify(r)}`);
    } else if (r.denominator !== null) throw new Error(`unexpected denominator ${JSON.stringify(r)}`);
    const key = `${r.indicator_id}|${r.period}|${r.area_code}|${r.age_band}|${r.sex}`;
    if (keys.has(key)) throw new Error(`duplicate extract cell ${key}`);
    keys.add(key);
  }
  for (const ind of manifest.indicators) {
    const set = levels.get(ind.id);
    if (!set) throw new Error(`indicator ${ind.id} has no rows`);
    if (set.size !== 1) throw new Error(`indicator ${ind.id} mixes geography levels: ${[...set].join(', ')}`);
  }
}

function extractsParquet(rows: readonly Row[]): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'indicator_id', data: rows.map((r) => r.indicator_id), type: 'STRING', nullable: false },
      { name: 'period', data: rows.map((r) => r.period), type: 'STRING', nullable: false },
      { name: 'area_code', data: rows.map((r) => r.area_code), type: 'STRING', nullable: false },
      { name: 'age_band', data: rows.map((r) => r.age_band), type: 'STRING', nullable: false },
      { name: 'sex', data: rows.map((r) => r.sex), type: 'STRING', nullable: false },
      { name: 'count', data: Int32Array.from(rows, (r) => r.count), type: 'INT32', nullable: false },
      { name: 'denominator', data: rows.map((r) => r.denominator), type: 'DOUBLE', nullable: true },
    ],
    codec: 'SNAPPY',
    rowGroupSize: 100_000,
    createdBy: 'vrn-needs-assessment-dashboard scripts/generate-demo-data.ts (hyparquet-writer)',
    kvMetadata: [
      { key: 'synthetic', value: 'true' },
      { key: 'description', value: 'SYNTHETIC demo extracts for the Lancashire VRN dashboard: not real people, not real rates.' },
    ],
  });
  return new Uint8Array(buffer);
}

function summarise(rows: readonly Row[]): DemoDataSummary {
  const byId = new Map<string, IndicatorSummary>();
  for (const spec of INDICATORS) {
    byId.set(spec.manifest.id, {
      id: spec.manifest.id,
      tier: spec.manifest.tier,
      base: spec.base,
      breakdown: spec.breakdown === 'all' ? 'all ages, all sexes' : `${spec.breakdown.join(', ')} x female, male`,
      rows: 0,
      total: 0,
      zero: 0,
      small: 0,
    });
  }
  let small = 0;
  let zero = 0;
  for (const r of rows) {
    const s = byId.get(r.indicator_id);
    if (!s) continue;
    s.rows++;
    s.total += r.count;
    if (r.count === 0) {
      s.zero++;
      zero++;
    } else if (r.count <= 9) {
      s.small++;
      small++;
    }
  }
  return { rows: rows.length, smallShare: small / rows.length, zeroShare: zero / rows.length, indicators: [...byId.values()] };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function readme(summary: DemoDataSummary, manifest: Manifest, geo: Geography): string {
  const indicatorRows = INDICATORS.map((spec) => {
    const s = summary.indicators.find((i) => i.id === spec.manifest.id);
    const periods = spec.model.kind === 'reoffending' ? `2021-01 to ${spec.model.lastPeriod}` : '2021-01 to 2025-12';
    return `| \`${spec.manifest.id}\` | ${spec.manifest.title} | ${spec.manifest.tier} | ${spec.manifest.headline ? 'yes' : ''} | ${spec.base} | ${s?.breakdown ?? ''} | ${periods} | ${s?.rows ?? 0} |`;
  });
  const datasetRows = manifest.datasets.map((d) => `| \`${d.id}\` | ${d.agency} | ${d.coverage.from} to ${d.coverage.to} |`);
  return `# Demo data (SYNTHETIC)

**Everything in this folder is synthetic.** The numbers were made up by \`scripts/generate-demo-data.ts\` from a
fixed seed. They describe no real people, and the rates, trends and differences between areas are not real
rates: they only have a plausible shape (seasonality, trends, a deprivation gradient, over-dispersed and often
small counts, a few deliberate gaps) so that the dashboard can be demonstrated and tested. Owners, legal bases
and ethics canvases in the manifest show what a real deployment records; the sharing agreement references are
illustrative, not real agreements. Do not quote any figure from here as a fact about Lancashire.

Only the area codes and names are real: the 14 districts of the Lancashire Violence Reduction Network area and
their 2011 MSOAs and LSOAs (ONS; the small-area lookup \`scripts/demo/lancashire-small-areas.json\` was derived
from the boundaries in \`../shared/geo\` by \`scripts/demo/build-small-areas.ts\`). No boundaries are stored in
this repository: the manifest declares \`boundary: null\` for every level and the product loads boundary files
that its user supplies. Real Lancashire boundaries for tests and local runs are in \`../shared/geo\`
(see its SOURCES.md for the CC BY 4.0 attribution).

## Regenerate

\`\`\`
npm run demo-data
\`\`\`

The output is byte-for-byte identical on every run (own seeded generator, sorted rows, no clock or locale);
\`test/unit/demo-data\` checks this by regenerating into a temporary folder and comparing bytes. The generator
validates the manifest with \`manifestSchema\` and every extract row with the contract before writing, and fails
loudly otherwise.

## Files

| file | what it is |
| --- | --- |
| \`manifest.json\` | The manifest (\`src/contract/manifest-schema.ts\`): ${manifest.datasets.length} datasets with owner, legal basis, sharing agreement, licence, coverage, caveats and a filled-in ODI Data Ethics Canvas; ${manifest.indicators.length} indicators; geography levels vru > district > msoa > lsoa; default disclosure policies. \`synthetic: true\` throughout. |
| \`areas.csv\` | \`code,name,level,parent_code\`: the VRN area (\`${VRU.code}\`, a made-up code), the 14 districts (real ONS codes), ${geo.msoas.length} MSOAs and ${geo.lsoas.length} LSOAs (2011, real codes and names). |
| \`population.csv\` | \`area_code,year,age_band,sex,population\`: synthetic mid-year populations 2021-2025. Districts by the 8 age bands x female/male (no 'all' rows: sum the bands); LSOAs as 'all'/'all' only, and each district's LSOAs add up exactly to its total. No MSOA or VRN rows: sum the parts. |
| \`extracts.parquet\` | ${summary.rows} rows, columns \`indicator_id\` (string), \`period\` (string YYYY-MM), \`area_code\`, \`age_band\`, \`sex\` (strings), \`count\` (INT32), \`denominator\` (DOUBLE, null unless the indicator takes its denominator from the extract). Sorted by indicator_id, area_code, period (then age band, sex). Snappy-compressed, written with hyparquet-writer. |
| \`README.md\` | This file (also generated). |

## Datasets

| id | agency | months |
| --- | --- | --- |
${datasetRows.join('\n')}

## Indicators

Each indicator has exactly one base geography level in the extract: violence with injury is by LSOA (the
dashboard rolls LSOAs up to MSOAs, districts and the VRN area); every other indicator is by district. Rows
with a count of 0 are present (a zero is not a gap).

| id | title | tier | headline | base level | breakdown | months | rows |
| --- | --- | --- | --- | --- | --- | --- | --- |
${indicatorRows.join('\n')}

Tiers: ${Object.entries(TIER_LABELS)
    .map(([k, v]) => `${k} = ${v}`)
    .join('; ')}. The three Home Office VRU success measures are marked headline.

## Modelling choices (all synthetic)

- Each district and LSOA has a synthetic deprivation score on an IMD-like scale (Blackpool, Blackburn with
  Darwen, Burnley and Hyndburn most deprived; Ribble Valley, Fylde and South Ribble least). Rates rise with
  deprivation with an indicator-specific gradient; a few town-centre LSOAs carry extra violence.
- Counts are gamma-Poisson (negative binomial) draws around an expected value = population x rate x
  deprivation x district level x district trend x season (x lockdown effect in 2021). Each district draws its
  own trend, so some rise and some fall.
- Seasonality: violence peaks in early summer and December; school measures follow term time (August near
  zero; January-February 2021 low because of school closures); NEET 'not known' rises in September-October.
- Persistent absence counts each pupil once per academic year, in the month they first pass the 10% absence
  threshold, so twelve months add up to a yearly number of pupils.
- Deprivation (\`imd_most_deprived_decile\`): residents of LSOAs scoring ${MOST_DEPRIVED_DECILE_THRESHOLD} or more, over all residents;
  an annual value repeated in every month of its year (so the proportion is the same for any period, and
  summed counts are resident-months). All ages, all sexes.
- NEET (\`neet_16_17\`, band 15-17 meaning 16-17 year olds) and proven reoffending (\`proven_reoffending\`, adult
  bands) are proportions with the denominator in the extract; count <= denominator always. Reoffending ends
  at the 2024-06 cohort (18-month lag) and some cohorts are empty (0 of 0).
- Homicides of under-25s are very rare at district level (almost all zeros) and are a count indicator.
- Deliberate gaps (rows absent, documented in the dataset caveats): ${GAPS.map((g) => `${g.dataset} in ${geo.districts.find((d) => d.code === g.district)?.name ?? g.district} (${g.periods.join(', ')})`).join('; ')}.
- Share of extract rows with a count from 1 to 9: ${pct(summary.smallShare)}; zero counts: ${pct(summary.zeroShare)}.
`;
}

/** Generate all demo files into outDir (created if needed). Returns a summary of the extract. */
export function generateDemoData(outDir: string): DemoDataSummary {
  const geo = buildGeography(new URL('./lancashire-small-areas.json', import.meta.url));
  const manifest = buildManifest();
  const rows = simulateExtracts(geo);
  checkExtracts(rows, geo, manifest);
  const summary = summarise(rows);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(outDir, 'areas.csv'), areasCsv(geo));
  writeFileSync(join(outDir, 'population.csv'), populationCsv(geo));
  writeFileSync(join(outDir, 'extracts.parquet'), extractsParquet(rows));
  writeFileSync(join(outDir, 'README.md'), readme(summary, manifest, geo));
  return summary;
}
