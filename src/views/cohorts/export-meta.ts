import { drawsOnSynthetic, rulesFor, sourceOf, type Audience, type Manifest } from '../../contract';
import type { ExportMeta } from '../../disclosure/export-csv';

/**
 * A cohort file's source, synthetic mark and rules, for the indicators whose figures it holds: each file draws
 * on its own (the profile on every indicator shown, the pyramid on one), and must name what those come from.
 */
export type ExportMetaFor = (indicatorIds: readonly string[]) => ExportMeta;

/**
 * A cohort is an area, ages and sex, not a dataset: a file's figures draw on its own indicators alone, so its
 * source, "synthetic" and rules are those of its indicators, not of everything loaded.
 */
export function cohortExportMeta(manifest: Manifest | null, audience: Audience): ExportMetaFor {
  return (indicatorIds) => ({
    source: sourceOf(
      manifest,
      (manifest?.indicators ?? []).filter((i) => indicatorIds.includes(i.id)),
    ),
    synthetic: drawsOnSynthetic(manifest, indicatorIds),
    rules: rulesFor(manifest, audience, indicatorIds),
  });
}
