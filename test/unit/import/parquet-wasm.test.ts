import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Float64, Int64, Table, Utf8, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import * as pw from 'parquet-wasm/esm/parquet_wasm.js';
import { describe, expect, it } from 'vitest';
import { loadFiles, type InputFile, type LoadProgress } from '../../../src/import/load-files';
import { rowProgressText } from '../../../src/import/row-progress';
import type { Problem } from '../../../src/import/problems';
import { NOW, expectRejected, extracts, loadOne, sharedBase, unload } from '../../fixtures/import-helpers';

// Parquet as other tools write it (Arrow's own writer: plain or dictionary pages, Snappy or Zstandard, several
// row groups, nulls), read by parquet-wasm straight to Arrow. hyparquet alone cannot decode Zstandard, so a
// Zstandard file that loads went the WebAssembly way; its rows and problems must be those of the same CSV.

const base = sharedBase();
pw.initSync({ module: readFileSync(createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')) });

type Cell = string | number | null;
const NAMES = ['indicator_id', 'period', 'area_code', 'age_band', 'sex', 'count', 'denominator'] as const;
type Columns = Record<(typeof NAMES)[number], Cell[]>;

/** Seven rows, not in key order, with a null denominator and a row blank in every column. */
const good: Columns = {
  indicator_id: ['vwi', 'reoff', 'vwi', null, 'vwi', 'reoff', 'vwi'],
  period: ['2024-03', '2024-02', '2024-04', null, '2024-03', '2024-03', '2024-02'],
  area_code: ['D2', 'D1', 'D1', null, 'D1', 'D1', 'D2'],
  age_band: ['all', 'all', 'all', null, 'all', 'all', 'all'],
  sex: ['all', 'all', 'all', null, 'all', 'all', 'all'],
  count: [4, 5, 7, null, 0, 3, 12],
  denominator: [null, 40, null, null, null, 38, null],
};

interface Written {
  compression: pw.Compression;
  dictionary: boolean;
  /** Text columns as Arrow dictionaries (as pandas categoricals are written), not plain strings. */
  arrowDictionary?: boolean;
  countAs?: 'DOUBLE' | 'INT64';
}

function arrowTable(c: Columns, w: Written): Table {
  if (w.arrowDictionary) {
    const text = Object.fromEntries(NAMES.slice(0, 5).map((k) => [k, c[k] as (string | null)[]]));
    const input = { ...text, count: c.count, denominator: c.denominator } as Parameters<typeof tableFromArrays>[0];
    return tableFromArrays(input) as unknown as Table;
  }
  const vectors = Object.fromEntries(
    NAMES.map((k) => {
      if (k === 'count' && w.countAs === 'INT64')
        return [
          k,
          vectorFromArray(
            c.count.map((v) => (v === null ? null : BigInt(v))),
            new Int64(),
          ),
        ];
      return [k, k === 'count' || k === 'denominator' ? vectorFromArray(c[k], new Float64()) : vectorFromArray(c[k], new Utf8())];
    }),
  );
  return new Table(vectors);
}

function parquet(name: string, c: Columns, w: Written): InputFile {
  const props = new pw.WriterPropertiesBuilder()
    .setCompression(w.compression)
    .setDictionaryEnabled(w.dictionary)
    .setMaxRowGroupSize(3)
    .build();
  return { name, bytes: pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(arrowTable(c, w), 'stream')), props) };
}

const csv = (name: string, c: Columns): InputFile =>
  extracts(name, ...c.period.map((_, i) => NAMES.map((k) => c[k][i] ?? '').join(',')));

const committed = (file: string) =>
  base.engine.query(`SELECT * EXCLUDE (source_file) FROM extracts WHERE source_file = '${file}' ORDER BY ALL`);

const whereAndWhat = (problems: readonly Problem[]) =>
  problems.map(({ row, column, message, fix, severity }) => ({ row, column, message, fix, severity }));

const WRITTEN: [string, Written][] = [
  ['plain, uncompressed', { compression: pw.Compression.UNCOMPRESSED, dictionary: false }],
  ['dictionary pages, Snappy', { compression: pw.Compression.SNAPPY, dictionary: true }],
  ['plain, Zstandard, counts as INT64', { compression: pw.Compression.ZSTD, dictionary: false, countAs: 'INT64' }],
  ['dictionary pages, Zstandard', { compression: pw.Compression.ZSTD, dictionary: true }],
  ['Arrow dictionary columns, Zstandard', { compression: pw.Compression.ZSTD, dictionary: true, arrowDictionary: true }],
];

describe('Parquet read to Arrow by parquet-wasm', () => {
  it('commits the same rows as the same CSV, however the file was written', async () => {
    expect((await loadOne(base.engine, base.state, csv('same.csv', good))).status).toBe('loaded');
    const fromCsv = await committed('same.csv');
    await unload(base.engine, 'same.csv');
    expect(fromCsv).toHaveLength(6);
    for (const [label, w] of WRITTEN) {
      const outcome = await loadOne(base.engine, base.state, parquet('same.parquet', good, w));
      expect(outcome, label).toMatchObject({ status: 'loaded', rows: 6, problems: [] });
      expect(await committed('same.parquet'), label).toEqual(fromCsv);
      await unload(base.engine, 'same.parquet');
    }
  });

  it('gives the rows, columns and messages CSV gets for wrong values, across row groups', async () => {
    const bad: Columns = {
      ...good,
      period: ['2024-03', '2024-13', '2024-04', null, '2024-03', '24-03', '2024-02'],
      sex: ['all', 'all', 'both', null, 'all', 'all', 'all'],
      count: [-2, 2.5, 3_000_000_000, null, Number.NaN, null, Number.POSITIVE_INFINITY],
    };
    const fromCsv = await expectRejected(base.engine, await loadOne(base.engine, base.state, csv('bad.csv', bad)), base.before);
    for (const [label, w] of WRITTEN.filter(([, x]) => x.countAs !== 'INT64')) {
      const fromParquet = await expectRejected(
        base.engine,
        await loadOne(base.engine, base.state, parquet('bad.parquet', bad, w)),
        base.before,
      );
      expect(whereAndWhat(fromParquet), label).toEqual(whereAndWhat(fromCsv));
    }
    expect(fromCsv.map((p) => `${p.row}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        '1: -2 is negative.',
        '2: "2024-13" is not a month written YYYY-MM.',
        '2: 2.5 is not a whole number.',
        '3: "both" is not one of the allowed values.',
        '5: "NaN" is not a number.',
        '6: is empty.',
        '7: "Infinity" is not a number.',
      ]),
    );
  });

  it('refuses a repeated cell with the row numbers of the file, blank rows counted', async () => {
    const twice: Columns = { ...good, period: ['2024-03', '2024-02', '2024-04', null, '2024-03', '2024-03', '2024-03'] };
    const problems = await expectRejected(
      base.engine,
      await loadOne(base.engine, base.state, parquet('twice.parquet', twice, WRITTEN[3]![1])),
      base.before,
    );
    const fromCsv = await expectRejected(
      base.engine,
      await loadOne(base.engine, base.state, csv('twice.csv', twice)),
      base.before,
    );
    expect(whereAndWhat(problems)).toEqual(whereAndWhat(fromCsv));
    expect(problems).toEqual([
      expect.objectContaining({ row: 7, message: expect.stringMatching(/appears more than once \(rows 1, 7\)\.$/) }),
    ]);
  });
});

describe('the typed rows of a Parquet file', () => {
  /** The engine, remembering every statement it is sent. */
  const recording = () => {
    const sent: string[] = [];
    const engine = { ...base.engine, exec: (sql: string) => (sent.push(sql), base.engine.exec(sql)) };
    return { engine, sent };
  };
  const leftovers = () =>
    base.engine.query(`SELECT table_name, table_type FROM information_schema.tables WHERE table_name LIKE 'stg%'`);

  it('are a view of the staged rows when its text needs no trimming: the file is written once before the commit', async () => {
    const { engine, sent } = recording();
    const outcome = await loadOne(engine, base.state, parquet('clean.parquet', good, WRITTEN[1]![1]));
    expect(outcome).toMatchObject({ status: 'loaded', rows: 6, problems: [] });
    expect(sent.filter((q) => /^CREATE OR REPLACE VIEW "stg_\d+_typed"/.test(q))).toHaveLength(1);
    expect(sent.filter((q) => /^CREATE OR REPLACE TABLE "stg_\d+_typed"/.test(q))).toEqual([]);
    expect(await leftovers()).toEqual([]);
    await unload(base.engine, 'clean.parquet');
  });

  it('are a trimmed copy when a value has spaces round it (a no-break space too), and commit as the same CSV does', async () => {
    const spaced: Columns = {
      ...good,
      indicator_id: [' vwi', 'reoff ', 'vwi', null, 'vwi', 'reoff', 'vwi'],
      area_code: ['D2', '\u00a0D1', 'D1', null, 'D1', 'D1', 'D2\u3000'],
    };
    const { engine, sent } = recording();
    const outcome = await loadOne(engine, base.state, parquet('spaced.parquet', spaced, WRITTEN[1]![1]));
    expect(outcome).toMatchObject({ status: 'loaded', rows: 6, problems: [] });
    expect(sent.filter((q) => /^CREATE OR REPLACE TABLE "stg_\d+_typed"/.test(q))).toHaveLength(1);
    expect(sent.filter((q) => /^CREATE OR REPLACE VIEW/.test(q))).toEqual([]);
    expect(await leftovers()).toEqual([]);
    const fromParquet = await committed('spaced.parquet');
    await unload(base.engine, 'spaced.parquet');
    expect((await loadOne(base.engine, base.state, csv('clean.csv', good))).status).toBe('loaded');
    expect(fromParquet).toEqual(await committed('clean.csv'));
    await unload(base.engine, 'clean.csv');
  });
});

describe('the progress of a large file', () => {
  it("says the rows read after each row group, within the file's Reading step", async () => {
    const seen: LoadProgress[] = [];
    const file = parquet('progress.parquet', good, WRITTEN[1]![1]);
    const { outcomes } = await loadFiles(base.engine, base.state, [file], (p) => seen.push(p), NOW);
    expect(outcomes[0]).toMatchObject({ status: 'loaded', rows: 6 });
    // Three row groups of at most 3 rows: 3, 6 and 7 of 7 (the blank row is read, then left out).
    expect(seen.map((p) => p.step).filter((s) => s.includes('rows read'))).toEqual([
      'Reading progress.parquet: 3 of 7 rows read',
      'Reading progress.parquet: 6 of 7 rows read',
      'Reading progress.parquet: 7 of 7 rows read',
    ]);
    await unload(base.engine, 'progress.parquet');
  });

  it('gives the speed and the time left once reading has gone on for a second', () => {
    expect(rowProgressText(200_000, 1_000_000, 500)).toBe('200,000 of 1,000,000 rows read');
    expect(rowProgressText(300_000, 1_000_000, 2000)).toBe(
      '300,000 of 1,000,000 rows read, 150,000 rows a second, about 5 s left to read',
    );
    expect(rowProgressText(1_000_000, 1_000_000, 4000)).toBe('1,000,000 of 1,000,000 rows read');
  });
});
