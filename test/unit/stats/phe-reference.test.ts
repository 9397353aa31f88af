// Conformance with the PHEindicatormethods reference values in /work/shared/reference/phe
// (see SOURCES.md there): every row, value and all four limits, to 1e-6 relative difference.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  byarsLimits,
  crudeRate,
  directlyStandardisedRate,
  proportion,
  wilsonLimits,
  type StatisticWithLimits,
} from '../../../src/stats';
import { num, PHE_REFERENCE_DIR, readReferenceCsv, relClose, type CsvRow } from './csv';

const LIMIT_COLUMNS = [
  ['value', 'value'],
  ['lower95', 'lower95_0cl'],
  ['upper95', 'upper95_0cl'],
  ['lower998', 'lower99_8cl'],
  ['upper998', 'upper99_8cl'],
] as const;

/** Lists every mismatching field so a failure names the row and column. */
function mismatches(label: string, actual: StatisticWithLimits, row: CsvRow): string[] {
  return LIMIT_COLUMNS.flatMap(([field, column]) => {
    const expected = num(row[column]);
    const got = actual[field];
    return relClose(got, expected) ? [] : [`${label} ${column}: expected ${expected}, got ${got}`];
  });
}

describe('PHE reference data', () => {
  it('is present', () => {
    expect(existsSync(PHE_REFERENCE_DIR)).toBe(true);
  });
});

describe('crude rates (rates_byars_exact.csv, as phe_rate)', () => {
  const rows = readReferenceCsv('rates_byars_exact.csv');
  it('has the expected rows', () => {
    expect(rows.length).toBe(20);
  });
  it.each(rows.map((r) => [`${r.Area} per ${r.multiplier}`, r] as const))('%s', (label, row) => {
    const result = crudeRate(num(row.Numerator), num(row.Denominator), { multiplier: Number(row.multiplier) });
    expect(mismatches(label, result, row)).toEqual([]);
    if (result.value !== null) {
      expect(result.method).toBe((row.method ?? '').toLowerCase()); // 'Exact' below 10 events, 'Byars' from 10
      expect(row.statistic).toBe(`rate per ${row.multiplier}`);
    } else {
      expect(result.reason).toMatch(/missing/);
    }
  });
});

describe("Byar's and Wilson limits (byars_wilson_limits.csv)", () => {
  const rows = readReferenceCsv('byars_wilson_limits.csv');
  it('has the expected rows', () => {
    expect(rows.length).toBe(13);
  });
  it.each(rows.map((r) => [`${r.method} x=${r.x} n=${r.n || '-'} at ${r.confidence}`, r] as const))('%s', (_label, row) => {
    const confidence = row.confidence === '95%' ? 0.95 : row.confidence === '99.8%' ? 0.998 : NaN;
    expect(confidence).not.toBeNaN();
    const x = Number(row.x);
    const n = num(row.n);
    const lim =
      row.method === 'Byars'
        ? byarsLimits(x, confidence)
        : row.method === 'Wilson' && n !== null
          ? wilsonLimits(x, n, confidence)
          : null;
    expect(lim).not.toBeNull();
    expect(relClose(lim?.lower ?? null, num(row.lowercl)), `lower: ${lim?.lower} vs ${row.lowercl}`).toBe(true);
    expect(relClose(lim?.upper ?? null, num(row.uppercl)), `upper: ${lim?.upper} vs ${row.uppercl}`).toBe(true);
  });
});

describe('proportions (proportions_wilson.csv, as phe_proportion)', () => {
  const rows = readReferenceCsv('proportions_wilson.csv');
  it('has the expected rows', () => {
    expect(rows.length).toBe(19);
  });
  it.each(rows.map((r) => [`${r.Area} ${r.statistic}`, r] as const))('%s', (label, row) => {
    const result = proportion(num(row.Numerator), num(row.Denominator), { multiplier: Number(row.multiplier) });
    expect(mismatches(label, result, row)).toEqual([]);
    if (result.value !== null) expect(result.method).toBe('wilson');
  });
});

describe('directly standardised rates (dsr_expected.csv, as phe_dsr with ESP2013)', () => {
  const inputs = readReferenceCsv('dsr_inputs_multiarea.csv');
  // testdata_1976 and testdata_nonind_* need inputs that are not provided (SOURCES.md).
  const expected = readReferenceCsv('dsr_expected.csv').filter(
    (r) => r.area !== 'testdata_1976' && !(r.area ?? '').startsWith('testdata_nonind_'),
  );
  it('covers big, small and tiny at both multipliers', () => {
    expect(expected.map((r) => `${r.area}/${r.statistic}`)).toHaveLength(6);
  });
  it.each(expected.map((r) => [`${r.area} ${r.statistic}`, r] as const))('%s', (label, row) => {
    const bands = inputs.filter((r) => r.area === row.area);
    expect(bands).toHaveLength(19); // ESP2013 bands 0-4 ... 90+, in order
    const statistic = row.statistic ?? '';
    // The "dsr NA" rows carry no multiplier; their value is null whatever it is.
    const multiplier = Number(/per (\d+)/.exec(statistic)?.[1] ?? (statistic.includes('NA') ? 100000 : NaN));
    const result = directlyStandardisedRate(
      bands.map((b) => num(b.count)),
      bands.map((b) => Number(b.pop)),
      { multiplier },
    );
    expect(result.totalCount).toBe(Number(row.total_count));
    expect(result.totalPopulation).toBe(Number(row.total_pop));
    expect(mismatches(label, result, row)).toEqual([]);
    if (num(row.value) === null) expect(result.reason).toMatch(/under 10/);
    else expect(result.method).toBe('dobson');
  });
});
