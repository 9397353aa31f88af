import type { ExportMeta } from './ChartFigure';
import type { FlagExplanations } from './TrendFigure';

/** What every section of the Trends view is given: how to export, explain flags and name the rules. */
export interface SectionContext {
  exportMeta: ExportMeta;
  explanations: FlagExplanations;
  lowCountBelow: number;
  /** The rules the figures follow, as named beside them (rulesFor). */
  rules: string;
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
  return { title, source: ctx.exportMeta.source, synthetic: ctx.exportMeta.synthetic, audience: ctx.exportMeta.audience };
}
