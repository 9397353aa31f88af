import type { PublicFlag } from './protected-tables';
import { SUPPRESSED_SYMBOL } from './suppression-text';

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
}

export interface CsvMeta {
  title: string;
  source: string;
  synthetic: boolean;
  audience: string;
  /** Explains the flag column's codes. */
  notes?: string[];
}

/** What the value column holds for a row that has no figure to show. */
const MARK = { c: SUPPRESSED_SYMBOL, x: 'x' } as const;

function cell(v: string | number | null): string {
  if (v === null) return '';
  const text = typeof v === 'number' ? String(v) : v;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A row's flag: the published flag of its cell, or `x` when the loaded data have no figure for it. */
export type CsvFlag = PublicFlag | 'x';

/**
 * CSV of protected figures only: suppressed values are written as `c` and missing ones as `x` (never as an
 * empty or zero), and a flag column says which figures are suppressed, rounded or missing. Comment lines at the top carry the title,
 * source, date and whether the data are synthetic, so a file that travels keeps its context.
 */
export function protectedCsv<Row>(
  meta: CsvMeta,
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  flagOf: (row: Row) => CsvFlag,
  now: Date = new Date(),
): string {
  const lines = [
    `# ${meta.title}`,
    `# Source: ${meta.source}`,
    `# Produced: ${now.toISOString().slice(0, 10)} with the violence needs assessment dashboard (${meta.audience} disclosure rules)`,
    ...(meta.synthetic ? ['# SYNTHETIC DATA: made-up figures for demonstration, not real people'] : []),
    `# flag: c = suppressed to protect privacy; rounded = rounded to protect privacy; shown = as recorded; x = no figure in the loaded data`,
    ...(meta.notes ?? []).map((n) => `# ${n}`),
    [...columns.map((c) => c.header), 'flag'].map(cell).join(','),
  ];
  for (const row of rows) {
    const flag = flagOf(row);
    lines.push(
      [...columns.map((c) => (c.header === 'value' && flag !== 'shown' && flag !== 'rounded' ? MARK[flag] : c.value(row))), flag]
        .map(cell)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}
