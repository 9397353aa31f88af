import { madeWith } from '../contract';
import type { FigureFlag } from './protected-tables';
import { SUPPRESSED_SYMBOL } from './suppression-text';

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
  /**
   * The column holds a figure derived from counts of people (a count, a rate or its limits, a mean of counts):
   * protectedCsv writes the row's `c` or `x` in it whenever the row's figure is hidden or missing, whatever `value`
   * returns. The one declaration that decides which columns are masked: no column is masked for its name.
   */
  figure?: true;
}

/** What every export says of its figures besides its title: their source, whether they are made up, their rules. */
export interface ExportMeta {
  source: string;
  synthetic: boolean;
  /**
   * The rules its figures follow, as rulesFor names them for exactly the indicators in the export: published open
   * data keep their exact counts under every audience, so the audience alone does not say which rules applied.
   */
  rules: string;
}

export interface CsvMeta extends ExportMeta {
  title: string;
  /** Explains the flag column's codes. */
  notes?: string[];
}

/** What the value column holds for a row that has no figure to show. */
const MARK = { c: SUPPRESSED_SYMBOL, x: 'x' } as const;

/** A text cell a spreadsheet would run as a formula: OWASP's list of leading characters (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that is nothing but a number ("-5", "+12%", "-0.25"): it holds no reference or function to run, and a
 * spreadsheet reads it as the number it is, so a change of -5 stays a number rather than gaining a quote.
 */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;

/**
 * One CSV cell, safe to open in a spreadsheet. Numbers are written as they are (a negative figure is a number,
 * not a formula); text beginning with =, +, -, @, tab or carriage return gets a leading single quote and is
 * quoted, as OWASP's CSV injection guidance says, so that Excel, LibreOffice and Sheets show it as text. Every
 * CSV the dashboard writes goes through this function.
 */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : csvCell(String(v));
  if (startsFormula(v)) return `"'${v.replaceAll('"', '""')}"`;
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Some spreadsheets trim a cell before reading it, so " =1+1" counts as a formula too. */
function startsFormula(text: string): boolean {
  return (FORMULA_START.test(text) || FORMULA_START.test(text.trimStart())) && !PLAIN_NUMBER.test(text.trim());
}

/** One CSV line of escaped cells. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * A `# ...` line of context above the header. It is left unquoted so that tools which skip comment lines (pandas'
 * comment="#", R's comment.char) still do; a spreadsheet splits it at commas, so each piece after a comma that
 * would start a formula gets the same single quote as a cell, and double quotes (which would open a quoted cell
 * running on into the next lines) become typographic ones.
 */
export function csvComment(text: string): string {
  const flat = `# ${text}`
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/"([^"]*)"/g, '\u201c$1\u201d')
    .replaceAll('"', '\u201d');
  return flat
    .split(',')
    .map((piece, i) => (i > 0 && startsFormula(piece) ? `'${piece}` : piece))
    .join(',');
}

/**
 * CSV of protected figures only: in every column declared a figure (CsvColumn.figure), suppressed values are
 * written as `c` and missing ones as `x` (never as an empty or zero), and a flag column says which figures are suppressed, rounded or missing. Comment lines at the top carry the title,
 * source, date and whether the data are synthetic, so a file that travels keeps its context.
 */
export function protectedCsv<Row>(
  meta: CsvMeta,
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  flagOf: (row: Row) => FigureFlag,
  now: Date = new Date(),
): string {
  const lines = [
    meta.title,
    `Source: ${meta.source}`,
    `Produced: ${now.toISOString().slice(0, 10)} ${madeWith(meta.rules)}`,
    ...(meta.synthetic ? ['SYNTHETIC DATA: made-up figures for demonstration, not real people'] : []),
    `flag: c = suppressed to protect privacy; rounded = rounded to protect privacy; shown = as recorded; x = no figure in the loaded data`,
    ...(meta.notes ?? []),
  ].map(csvComment);
  lines.push(csvLine([...columns.map((c) => c.header), 'flag']));
  for (const row of rows) {
    const flag = flagOf(row);
    lines.push(
      csvLine([...columns.map((c) => (c.figure && flag !== 'shown' && flag !== 'rounded' ? MARK[flag] : c.value(row))), flag]),
    );
  }
  return lines.join('\n') + '\n';
}
