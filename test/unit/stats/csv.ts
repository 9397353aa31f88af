// Minimal CSV reader for the reference files (handles double-quoted fields with commas).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitCsvLine } from '../../fixtures/csv-line';

export const PHE_REFERENCE_DIR = path.resolve(__dirname, '../../../../shared/reference/phe');

export type CsvRow = Record<string, string>;

export function readReferenceCsv(file: string): CsvRow[] {
  const text = readFileSync(path.join(PHE_REFERENCE_DIR, file), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    const row: CsvRow = {};
    header.forEach((h, i) => {
      row[h] = (cells[i] ?? '').trim();
    });
    return row;
  });
}

/** Empty cell = no value. */
export function num(cell: string | undefined): number | null {
  if (cell === undefined || cell === '' || cell === 'NA') return null;
  const v = Number(cell);
  if (!Number.isFinite(v)) throw new Error(`not a number: ${cell}`);
  return v;
}

/** |a - b| <= tol x max(|a|, |b|), or both null. */
export function relClose(actual: number | null, expected: number | null, tol = 1e-6): boolean {
  if (expected === null || actual === null) return actual === expected;
  if (expected === actual) return true;
  return Math.abs(actual - expected) <= tol * Math.max(Math.abs(actual), Math.abs(expected));
}
