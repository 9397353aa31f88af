import type { ProtectionSummary } from './protect-cube';

/**
 * What may be said about one audience's protection outside the disclosure layer (the session, views, the demo
 * snapshot): how many cells the table has, how many show `c` (anyone holding the table can count them), and
 * whether the audit passed and by which method. Never how many hidden cells are small or were hidden to protect
 * another, nor why a cell is hidden: an attacker who knew those could narrow the hidden cells.
 */
export interface PublishedProtection {
  cells: number;
  /** Cells shown as `c`, small or not. */
  hidden: number;
  audit: { pass: boolean; method: string };
}

export function publishedProtection(summary: ProtectionSummary): PublishedProtection {
  return {
    cells: summary.cells,
    hidden: summary.primary + summary.secondary,
    audit: { pass: summary.audit.pass, method: summary.audit.method },
  };
}
