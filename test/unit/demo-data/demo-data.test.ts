import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ETHICS_CANVAS_SECTIONS, manifestSchema, type Manifest } from '../../../src/contract/manifest-schema';
import {
  areaRowSchema,
  extractRowSchema,
  populationRowSchema,
  type AreaRow,
  type ExtractRow,
  type PopulationRow,
} from '../../../src/contract/table-schemas';
import { AGE_BANDS, SEXES, TIERS } from '../../../src/contract/vocabularies';
import { DATA_FILES, generateDemoData } from '../../../scripts/demo/generate';

const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url));

const DISTRICTS: readonly (readonly [string, string])[] = [
  ['E06000008', 'Blackburn with Darwen'],
  ['E06000009', 'Blackpool'],
  ['E07000117', 'Burnley'],
  ['E07000118', 'Chorley'],
  ['E07000119', 'Fylde'],
  ['E07000120', 'Hyndburn'],
  ['E07000121', 'Lancaster'],
  ['E07000122', 'Pendle'],
  ['E07000123', 'Preston'],
  ['E07000124', 'Ribble Valley'],
  ['E07000125', 'Rossendale'],
  ['E07000126', 'South Ribble'],
  ['E07000127', 'West Lancashire'],
  ['E07000128', 'Wyre'],
];

const EXPECTED_MONTHS = Array.from(
  { length: 60 },
  (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);

/** The demo CSVs hold no quoted fields (checked), so a plain split is enough. */
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(dataDir, file), 'utf8');
  expect(text).not.toContain('"');
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    expect(cells).toHaveLength(names.length);
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

function fileBuffer(path: string): ArrayBuffer {
  const bytes = readFileSync(path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

let manifest: Manifest;
let extracts: ExtractRow[];
let areas: AreaRow[];
let population: PopulationRow[];

beforeAll(async () => {
  manifest = manifestSchema.parse(JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')));
  const rows = await parquetReadObjects({ file: fileBuffer(join(dataDir, 'extracts.parquet')) });
  extracts = z.array(extractRowSchema).parse(rows);
  areas = readCsv('areas.csv').map((r) =>
    areaRowSchema.parse({ ...r, parent_code: r.parent_code === '' ? null : r.parent_code }),
  );
  population = readCsv('population.csv').map((r) =>
    populationRowSchema.parse({ ...r, year: Number(r.year), population: Number(r.population) }),
  );
});

describe('demo manifest', () => {
  it('parses with manifestSchema and is marked synthetic', () => {
    expect(manifest.synthetic).toBe(true);
    expect(manifest.title).toMatch(/synthetic/i);
    expect(manifest.area.code).toBe('VRN-LANCS');
    expect(manifest.datasets.every((d) => d.synthetic)).toBe(true);
    expect(manifest.files).toEqual({ extracts: ['extracts.parquet'], areas: ['areas.csv'], population: ['population.csv'] });
  });

  it('has at least 15 indicators over all three tiers and at least 6 agencies', () => {
    expect(manifest.indicators.length).toBeGreaterThanOrEqual(15);
    expect(new Set(manifest.indicators.map((i) => i.tier))).toEqual(new Set(TIERS));
    expect(new Set(manifest.datasets.map((d) => d.agency)).size).toBeGreaterThanOrEqual(6);
  });

  it('marks the three Home Office success measures as headline', () => {
    expect(
      manifest.indicators
        .filter((i) => i.headline)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['hes_sharp_object_admissions', 'homicides_u25', 'knife_serious_violence_u25']);
  });

  it('has a filled-in ethics canvas per dataset, different for each dataset, mentioning that it is synthetic', () => {
    for (const [key] of ETHICS_CANVAS_SECTIONS) {
      const answers = manifest.datasets.map((d) => d.ethics[key]);
      expect(new Set(answers).size).toBe(manifest.datasets.length);
      for (const answer of answers) expect(answer.length).toBeGreaterThan(60);
    }
    for (const d of manifest.datasets) expect(Object.values(d.ethics).join(' ')).toMatch(/SYNTHETIC/);
  });

  it('uses people-first labels', () => {
    for (const ind of manifest.indicators) expect(`${ind.title} ${ind.unit}`).not.toMatch(/offender/i);
  });

  it('declares vru > district > msoa > lsoa with no bundled boundaries', () => {
    expect(manifest.geographies.map((g) => [g.level, g.parentLevel, g.boundary])).toEqual([
      ['vru', null, null],
      ['district', 'vru', null],
      ['msoa', 'district', null],
      ['lsoa', 'msoa', null],
    ]);
  });
});

describe('demo areas and population', () => {
  it('has the VRN area and the 14 districts with their real codes and names', () => {
    expect(areas.filter((a) => a.level === 'vru')).toEqual([
      { code: 'VRN-LANCS', name: 'Lancashire Violence Reduction Network area', level: 'vru', parent_code: null },
    ]);
    const districts = areas.filter((a) => a.level === 'district');
    expect(districts.map((d) => [d.code, d.name])).toEqual(DISTRICTS);
    expect(districts.every((d) => d.parent_code === 'VRN-LANCS')).toBe(true);
  });

  it('has 191 MSOAs and 941 LSOAs nested by name', () => {
    const byCode = new Map(areas.map((a) => [a.code, a]));
    expect(new Set(areas.map((a) => a.code)).size).toBe(areas.length);
    const msoas = areas.filter((a) => a.level === 'msoa');
    const lsoas = areas.filter((a) => a.level === 'lsoa');
    expect(msoas).toHaveLength(191);
    expect(lsoas).toHaveLength(941);
    for (const m of msoas) expect(byCode.get(m.parent_code ?? '')?.level).toBe('district');
    for (const l of lsoas) {
      const parent = byCode.get(l.parent_code ?? '');
      expect(parent?.level).toBe('msoa');
      expect(l.name.slice(0, -1)).toBe(parent?.name);
    }
  });

  it('has district populations by age band and sex, and LSOA totals that add up to them', () => {
    const districtCodes = new Set(DISTRICTS.map(([c]) => c));
    const lsoaDistrict = new Map<string, string>();
    const parent = new Map(areas.map((a) => [a.code, a.parent_code ?? null]));
    for (const a of areas.filter((x) => x.level === 'lsoa')) lsoaDistrict.set(a.code, parent.get(a.parent_code ?? '') ?? '');
    const districtTotals = new Map<string, number>();
    const lsoaTotals = new Map<string, number>();
    for (const p of population) {
      if (districtCodes.has(p.area_code)) {
        expect(AGE_BANDS as readonly string[]).toContain(p.age_band);
        expect(SEXES as readonly string[]).toContain(p.sex);
        const k = `${p.area_code}|${p.year}`;
        districtTotals.set(k, (districtTotals.get(k) ?? 0) + p.population);
      } else {
        expect([p.age_band, p.sex]).toEqual(['all', 'all']);
        expect(p.population).toBeGreaterThan(500);
        expect(p.population).toBeLessThan(4000);
        const k = `${lsoaDistrict.get(p.area_code)}|${p.year}`;
        lsoaTotals.set(k, (lsoaTotals.get(k) ?? 0) + p.population);
      }
    }
    expect(districtTotals.size).toBe(14 * 5);
    for (const [k, total] of districtTotals) {
      expect(total).toBeGreaterThan(55_000);
      expect(total).toBeLessThan(165_000);
      expect(lsoaTotals.get(k)).toBe(total);
    }
  });
});

describe('demo extracts', () => {
  it('has exactly the contract columns with the right parquet types', () => {
    const meta = parquetMetadata(fileBuffer(join(dataDir, 'extracts.parquet')));
    const columns = meta.schema.slice(1).map((s) => [s.name, s.type, s.repetition_type]);
    expect(columns).toEqual([
      ['indicator_id', 'BYTE_ARRAY', 'REQUIRED'],
      ['period', 'BYTE_ARRAY', 'REQUIRED'],
      ['area_code', 'BYTE_ARRAY', 'REQUIRED'],
      ['age_band', 'BYTE_ARRAY', 'REQUIRED'],
      ['sex', 'BYTE_ARRAY', 'REQUIRED'],
      ['count', 'INT32', 'REQUIRED'],
      ['denominator', 'DOUBLE', 'OPTIONAL'],
    ]);
  });

  it('names only known areas and indicators, and every indicator has rows', () => {
    const areaCodes = new Set(areas.map((a) => a.code));
    const ids = new Set(manifest.indicators.map((i) => i.id));
    expect([...new Set(extracts.map((r) => r.area_code))].filter((c) => !areaCodes.has(c))).toEqual([]);
    expect(new Set(extracts.map((r) => r.indicator_id))).toEqual(ids);
  });

  it('covers 60 months, 2021-01 to 2025-12', () => {
    expect([...new Set(extracts.map((r) => r.period))].sort()).toEqual(EXPECTED_MONTHS);
  });

  it('uses one base geography level per indicator and has no duplicate cells', () => {
    const level = new Map(areas.map((a) => [a.code, a.level]));
    const levels = new Map<string, Set<string>>();
    const keys = new Set<string>();
    for (const r of extracts) {
      const set = levels.get(r.indicator_id) ?? new Set<string>();
      set.add(level.get(r.area_code) ?? '?');
      levels.set(r.indicator_id, set);
      keys.add(`${r.indicator_id}|${r.period}|${r.area_code}|${r.age_band}|${r.sex}`);
    }
    expect(keys.size).toBe(extracts.length);
    for (const [id, set] of levels)
      expect([id, [...set]]).toEqual([id, [id === 'police_violence_with_injury' ? 'lsoa' : 'district']]);
  });

  it('is sorted by indicator_id, area_code, period', () => {
    const key = (r: ExtractRow): string => `${r.indicator_id}\u0000${r.area_code}\u0000${r.period}`;
    for (let i = 1; i < extracts.length; i++) {
      const a = extracts[i - 1];
      const b = extracts[i];
      if (a && b && key(a) > key(b)) throw new Error(`rows ${i - 1} and ${i} are out of order`);
    }
  });

  it('carries denominators exactly for proportions, with count <= denominator', () => {
    const source = new Map(manifest.indicators.map((i) => [i.id, i.denominatorSource]));
    const bad = extracts.filter((r) =>
      source.get(r.indicator_id) === 'extract'
        ? typeof r.denominator !== 'number' || r.count > r.denominator
        : r.denominator !== null,
    );
    expect(bad).toEqual([]);
    const proportions = extracts.filter((r) => source.get(r.indicator_id) === 'extract');
    expect(new Set(proportions.map((r) => r.indicator_id))).toEqual(
      new Set(['imd_most_deprived_decile', 'neet_16_17', 'proven_reoffending']),
    );
  });

  it('has a realistic share of small counts (1-9), so suppression is visible', () => {
    const small = extracts.filter((r) => r.count >= 1 && r.count <= 9).length / extracts.length;
    expect(small).toBeGreaterThan(0.1);
    expect(small).toBeLessThan(0.5);
  });

  it('has the documented deliberate gaps and no others for those datasets', () => {
    const has = (id: string, area: string, period: string): boolean =>
      extracts.some((r) => r.indicator_id === id && r.area_code === area && r.period === period);
    expect(has('ed_assault_attendances', 'E07000121', '2022-10')).toBe(false);
    expect(has('ed_assault_attendances', 'E07000121', '2022-12')).toBe(true);
    expect(has('ambulance_assault_callouts', 'E07000122', '2023-04')).toBe(false);
    expect(has('csc_referrals', 'E06000009', '2021-05')).toBe(false);
    expect(has('proven_reoffending', 'E06000009', '2024-06')).toBe(true);
    expect(has('proven_reoffending', 'E06000009', '2024-07')).toBe(false);
  });
});

describe('demo data files', () => {
  let tmp = '';
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('regenerates byte for byte (determinism)', () => {
    tmp = mkdtempSync(join(tmpdir(), 'demo-data-'));
    generateDemoData(tmp);
    for (const file of DATA_FILES) {
      const committed = readFileSync(join(dataDir, file));
      const fresh = readFileSync(join(tmp, file));
      expect(fresh.equals(committed), `${file} differs from the committed file: run npm run demo-data`).toBe(true);
    }
  });

  it('stays small', () => {
    const total = DATA_FILES.reduce((sum, f) => sum + statSync(join(dataDir, f)).size, 0);
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });
});
