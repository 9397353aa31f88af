import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer/src/types.js';

const AGES = ['0-9', '10-14', '15-17', '18-24', '25-34', '35-49', '50-64', '65+'] as const;
const SEXES = ['female', 'male'] as const;
const MONTHS: readonly string[] = Array.from(
  { length: 60 },
  (_, k) => `${2021 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`,
);
/** Row groups of about 100k rows, as docs/upstream-extracts.md asks of a real extract. */
export const BENCH_ROW_GROUP = 100_000;
const SHARED_GEO = path.resolve('../shared/geo');
const SHARED_LSOAS = path.join(SHARED_GEO, 'lancashire-lsoa-2011.geojson');
const SHARED_LADS = path.join(SHARED_GEO, 'lancashire-lad-2013.geojson');
const ATTRIBUTION =
  'Boundaries: UK-GeoJSON by Martin Chorley (CC BY 4.0). Contains Ordnance Survey data © Crown copyright and database right 2014.';

/** A seeded generator so every benchmark run loads the same bytes. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchFiles {
  manifest: string;
  parquet: string;
  /** Written only when asked for (`csv: true`): at 10M rows it is half a gigabyte. */
  csv: string | null;
  rows: number;
  /** Benchmark indicator ids, in file order; the last may cover only some LSOAs so the total is near the size asked. */
  indicators: string[];
  lsoas: number;
  /** Where the LSOA codes came from. */
  lsoaSource: string;
  /** District and LSOA boundaries of ../shared/geo, declared in the manifest, when that folder is there. */
  boundaries: string[];
}

/**
 * The LSOA codes of ../shared/geo (the real Lancashire 2011 LSOAs), falling back to the demo's areas lookup
 * when that folder is not there. Either way every code must be in the demo's areas lookup, or the extract
 * would be refused at import for naming unknown areas.
 */
function lsoaCodes(): { codes: string[]; source: string } {
  const lookup = new Set(
    readFileSync('data/areas.csv', 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .filter((c) => c[2] === 'lsoa')
      .map((c) => c[0] as string),
  );
  if (existsSync(SHARED_LSOAS)) {
    const geo = JSON.parse(readFileSync(SHARED_LSOAS, 'utf8')) as { features: { properties: { LSOA11CD: string } }[] };
    const codes = geo.features.map((f) => f.properties.LSOA11CD).sort();
    const unknown = codes.filter((c) => !lookup.has(c));
    if (unknown.length === 0) return { codes, source: '../shared/geo/lancashire-lsoa-2011.geojson' };
    console.warn(`${unknown.length} LSOAs of ../shared/geo are not in data/areas.csv; using the demo's LSOAs instead.`);
  }
  return { codes: [...lookup].sort(), source: 'data/areas.csv' };
}

/**
 * An extract of about `rows` cells at LSOA x month x age band x sex for benchmark-only indicators, plus a
 * manifest that adds those indicators to the demo's. Sorted by (indicator, area, period) and written as
 * Parquet with row groups of ~100k rows, as the upstream guide asks. Files are cached in `outDir` by size.
 */
export function generateBenchExtract(outDir: string, rows: number, opts: { csv?: boolean; sparse?: boolean } = {}): BenchFiles {
  mkdirSync(outDir, { recursive: true });
  const size = rows >= 1e6 && rows % 1e6 === 0 ? `${rows / 1e6}m` : `${Math.round(rows / 1000)}k`;
  const tag = opts.sparse ? `${size}-sparse` : size;
  const { codes: lsoas, source } = lsoaCodes();
  const perArea = MONTHS.length * AGES.length * SEXES.length;
  const perIndicator = lsoas.length * perArea;
  // Whole indicators, then part of one more (whole LSOAs of it) to come close to the size asked for.
  const full = Math.floor(rows / perIndicator);
  const partAreas = Math.round((rows - full * perIndicator) / perArea);
  const areasOf = (i: number) => (i < full ? lsoas.length : partAreas);
  const count = full + (partAreas > 0 ? 1 : 0);
  const indicators = Array.from({ length: count }, (_, i) => `bench_${i}`);
  const files: BenchFiles = {
    manifest: path.join(outDir, `bench-manifest-${tag}-v2.json`),
    parquet: path.join(outDir, `bench-extract-${tag}-v2.parquet`),
    csv: opts.csv ? path.join(outDir, `bench-extract-${tag}-v2.csv`) : null,
    rows: full * perIndicator + partAreas * perArea,
    indicators,
    lsoas: lsoas.length,
    lsoaSource: source,
    boundaries: existsSync(SHARED_LADS) && existsSync(SHARED_LSOAS) ? [SHARED_LADS, SHARED_LSOAS] : [],
  };

  if (!existsSync(files.manifest)) {
    const demo = JSON.parse(readFileSync('data/manifest.json', 'utf8')) as {
      datasets: { id: string }[];
      geographies: { level: string; boundary?: unknown }[];
    };
    // The real boundaries are declared so the map draws LSOAs and districts, as in test/e2e/map.spec.ts.
    if (files.boundaries.length > 0) {
      for (const g of demo.geographies) {
        if (g.level === 'district')
          g.boundary = {
            source: path.basename(SHARED_LADS),
            codeProperty: 'LAD13CD',
            nameProperty: 'LAD13NM',
            attribution: ATTRIBUTION,
          };
        if (g.level === 'lsoa')
          g.boundary = {
            source: path.basename(SHARED_LSOAS),
            codeProperty: 'LSOA11CD',
            nameProperty: 'LSOA11NM',
            attribution: ATTRIBUTION,
          };
      }
    }
    const manifest = {
      ...demo,
      indicators: indicators.map((id, i) => ({
        id,
        title: `Benchmark indicator ${i + 1} (synthetic)`,
        dataset: demo.datasets[0]?.id,
        tier: 'tertiary',
        polarity: 'higher-is-worse',
        unit: 'events',
        multiplier: 1000,
        rateLabel: 'per 1,000 population',
        numerator: 'Synthetic events',
        denominator: 'Resident population',
        method: 'Synthetic benchmark data',
      })),
    };
    writeFileSync(files.manifest, JSON.stringify(manifest));
  }

  /** Calls `emit` once per indicator with its columns; the same seed gives the same counts for both formats. */
  type TextColumns = Record<'indicator_id' | 'period' | 'area_code' | 'age_band' | 'sex', string[]>;
  const eachIndicator = (emit: (id: string, cols: TextColumns, counts: Int32Array) => void) => {
    const rand = mulberry32(20261126);
    // In the order of their ids as text (bench_1, bench_10, bench_11, bench_2...), so the file is sorted by
    // indicator_id as a reader comparing row-group statistics expects.
    const order = indicators.map((id, i) => [id, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [id, i] of order) {
      const n = areasOf(i) * perArea;
      const cols: TextColumns = {
        indicator_id: new Array<string>(n),
        period: new Array<string>(n),
        area_code: new Array<string>(n),
        age_band: new Array<string>(n),
        sex: new Array<string>(n),
      };
      const counts = new Int32Array(n);
      let r = 0;
      for (let a = 0; a < areasOf(i); a++) {
        const area = lsoas[a] as string;
        for (const period of MONTHS) {
          for (const age of AGES) {
            for (const sex of SEXES) {
              cols.indicator_id[r] = id;
              cols.period[r] = period;
              cols.area_code[r] = area;
              cols.age_band[r] = age;
              cols.sex[r] = sex;
              // Small counts, as LSOA cells are: mostly 0 to 5, with a long tail. Sparse: rare events (homicide,
              // knife admissions of children), 1 cell in 30 non-zero, so that district months by age and sex are
              // small too and the published cells' relations link small counts for the exact audit to certify.
              counts[r] = opts.sparse
                ? rand() < 1 / 30
                  ? 1 + Math.floor(-Math.log(1 - rand()))
                  : 0
                : Math.floor(-Math.log(1 - rand()) * 3);
              r++;
            }
          }
        }
      }
      emit(id, cols, counts);
    }
  };

  if (!existsSync(files.parquet)) {
    // Written to a temporary name first, so an interrupted run never leaves a truncated file to be reused.
    const tmp = `${files.parquet}.tmp`;
    let writer: ParquetWriter | null = null;
    eachIndicator((_id, cols, counts) => {
      const columnData: ColumnSource[] = [
        ...Object.entries(cols).map(([name, data]) => ({ name, data, type: 'STRING' as const })),
        { name: 'count', data: counts, type: 'INT32' as const },
      ];
      writer ??= new ParquetWriter({ writer: fileWriter(tmp), schema: schemaFromColumnData({ columnData }) });
      // One indicator per write, so no row group straddles two indicators and readers can skip by indicator.
      void writer.write({ columnData, rowGroupSize: BENCH_ROW_GROUP });
    });
    void (writer as ParquetWriter | null)?.finish();
    renameSync(tmp, files.parquet);
  }

  if (files.csv && !existsSync(files.csv)) {
    const tmp = `${files.csv}.tmp`;
    const fd = openSync(tmp, 'w');
    writeSync(fd, 'indicator_id,period,area_code,age_band,sex,count\n');
    eachIndicator((_id, cols, counts) => {
      const lines: string[] = [];
      for (let r = 0; r < counts.length; r++) {
        lines.push(
          `${cols.indicator_id[r]},${cols.period[r]},${cols.area_code[r]},${cols.age_band[r]},${cols.sex[r]},${counts[r]}`,
        );
        if (lines.length === 100_000) writeSync(fd, lines.splice(0).join('\n') + '\n');
      }
      if (lines.length > 0) writeSync(fd, lines.join('\n') + '\n');
    });
    closeSync(fd);
    renameSync(tmp, files.csv);
  }
  return files;
}
