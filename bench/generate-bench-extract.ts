import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';

const AGES = ['0-9', '10-14', '15-17', '18-24', '25-34', '35-49', '50-64', '65+'];
const SEXES = ['female', 'male'];

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
  csv: string;
  parquet: string;
  rows: number;
}

/**
 * An extract of about `rows` cells at LSOA x month x age band x sex for benchmark-only indicators, plus a
 * manifest that adds those indicators to the demo's. Uses the LSOA codes of the demo's areas lookup.
 */
export function generateBenchExtract(outDir: string, rows: number): BenchFiles {
  mkdirSync(outDir, { recursive: true });
  const tag = `${Math.round(rows / 1000)}k`;
  const files: BenchFiles = {
    manifest: path.join(outDir, `bench-manifest-${tag}.json`),
    csv: path.join(outDir, `bench-extract-${tag}.csv`),
    parquet: path.join(outDir, `bench-extract-${tag}.parquet`),
    rows: 0,
  };
  const lsoas = readFileSync('data/areas.csv', 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[2] === 'lsoa')
    .map((c) => c[0] as string);
  const months: string[] = [];
  for (let y = 2021; y <= 2025; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
  const perIndicator = lsoas.length * months.length * AGES.length * SEXES.length;
  const indicators = Math.max(1, Math.round(rows / perIndicator));
  files.rows = indicators * perIndicator;
  if (existsSync(files.csv) && existsSync(files.parquet) && existsSync(files.manifest)) return files;

  const demo = JSON.parse(readFileSync('data/manifest.json', 'utf8')) as { datasets: { id: string }[] };
  const manifest = {
    ...demo,
    indicators: Array.from({ length: indicators }, (_, i) => ({
      id: `bench_${i}`,
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

  const rand = mulberry32(20261126);
  const cols = { indicator_id: [] as string[], period: [] as string[], area_code: [] as string[], age_band: [] as string[], sex: [] as string[], count: [] as number[] };
  const lines: string[] = ['indicator_id,period,area_code,age_band,sex,count'];
  for (let i = 0; i < indicators; i++) {
    for (const area of lsoas) {
      for (const period of months) {
        for (const age of AGES) {
          for (const sex of SEXES) {
            const count = Math.floor(-Math.log(1 - rand()) * 3);
            cols.indicator_id.push(`bench_${i}`);
            cols.period.push(period);
            cols.area_code.push(area);
            cols.age_band.push(age);
            cols.sex.push(sex);
            cols.count.push(count);
            lines.push(`bench_${i},${period},${area},${age},${sex},${count}`);
          }
        }
      }
    }
  }
  writeFileSync(files.csv, lines.join('\n') + '\n');
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'indicator_id', data: cols.indicator_id, type: 'STRING' },
      { name: 'period', data: cols.period, type: 'STRING' },
      { name: 'area_code', data: cols.area_code, type: 'STRING' },
      { name: 'age_band', data: cols.age_band, type: 'STRING' },
      { name: 'sex', data: cols.sex, type: 'STRING' },
      { name: 'count', data: cols.count, type: 'INT32' },
    ],
  });
  writeFileSync(files.parquet, new Uint8Array(buffer));
  return files;
}
