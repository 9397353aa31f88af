import type { ExportMeta } from '../../disclosure/export-csv';
import type { FlagExplanations } from './TrendFigure';

/** What every section of the Trends view is given: how to export (and name the rules) and explain flags. */
export interface SectionContext {
  /** Its `rules` are named beside the figures on screen too. */
  exportMeta: ExportMeta;
  explanations: FlagExplanations;
  lowCountBelow: number;
}

/** A file name stem from its parts. */
export function stem(...parts: string[]): string {
  return parts.join(' ');
}

/** Says how many points are hidden (c) or have no data (x), which the chart shows as gaps. */
export function gapNote(hidden: number, missing: number, unit: string): string | null {
  const parts = [
    hidden > 0 ? `${hidden} ${unit}${hidden === 1 ? ' is' : 's are'} hidden to protect privacy (c)` : null,
    missing > 0 ? `${missing} ${unit}${missing === 1 ? ' has' : 's have'} no data (x)` : null,
  ].filter(Boolean);
  return parts.length === 0 ? null : `${parts.join(' and ')}: shown as gaps in the line, never as zero.`;
}

/** The export metadata of a section, under its own title. */
export function meta(ctx: SectionContext, title: string) {
  return { title, ...ctx.exportMeta };
}
