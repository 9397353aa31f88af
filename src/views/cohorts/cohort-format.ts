import { kindNamed } from '../../indicator-kinds';
import type { Indicator } from '../../contract';
import type { BenchmarkOutcome, NotCompared } from '../../stats';
import type { CohortFigure } from '../../queries/figures/cohort-figures';
import { enGB } from '../../ui/format';
import type { CohortFlag } from '../../disclosure/protected-tables';
import { listOf } from '../../contract/list-of';

/**
 * What to do when a cohort's figures are hidden. It does not say the cohort is small: a hidden figure may be a
 * small number or one that would reveal another, and a total that includes a hidden figure may be large.
 */
export const WIDEN_MESSAGE = 'a wider cohort (more age bands, both sexes, or the whole VRU area) is more likely to be shown';

/** Rates to one decimal place (two below 1, none from 1,000), as Fingertips shows them. */
export function formatRate(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs < 1 && abs > 0 ? 2 : 1;
  return enGB(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A value as the indicator's statistic reads: whole numbers for counts, rates to one decimal place. */
export function formatValue(value: number, statistic: Indicator['statistic']): string {
  return kindNamed(statistic).hasRate ? formatRate(value) : enGB(Math.round(value));
}

export function indicatorName(indicator: Pick<Indicator, 'shortTitle' | 'title'>): string {
  return indicator.shortTitle ?? indicator.title;
}

export const OUTCOME_TEXT: Record<BenchmarkOutcome | NotCompared, string> = {
  better: 'Better',
  similar: 'Similar',
  worse: 'Worse',
  higher: 'Higher',
  lower: 'Lower',
  'not-compared': 'Not compared',
};

/** What `x` and `z` mean, for notes under tables and in CSV files. */
export const SYMBOL_NOTES = [
  'c = hidden to protect privacy (a cohort figure that adds up several cells is hidden when one of them is)',
  'x = not available (not recorded for these ages or sexes, or months are missing)',
  'z = not applicable (the indicator does not cover any of the cohort’s ages)',
];

export function isSymbol(flag: CohortFlag): flag is 'c' | 'x' | 'z' {
  return flag === 'c' || flag === 'x' || flag === 'z';
}

/** A note that may be absent, for a list of CSV notes. */
export function noteList(note: string | null): string[] {
  return note === null ? [] : [note];
}

/** Says which population year stood in for figures whose own year has none; null when none did. */
export function populationYearNote(figures: readonly Pick<CohortFigure, 'populationYear'>[]): string | null {
  const years = [...new Set(figures.flatMap((f) => (f.populationYear ? [f.populationYear] : [])))].sort();
  if (years.length === 0) return null;
  return `Where a year has no population figure, its rates use the ${listOf(years)} population, the nearest year loaded.`;
}
