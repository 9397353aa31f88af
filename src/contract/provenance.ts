import type { Dataset, DisclosurePolicy, Indicator, Manifest } from './manifest-schema';
import { rulesName, type Audience } from './vocabularies';

/**
 * Provenance is a property of each dataset, not of the manifest that described it: a manifest marked synthetic
 * makes every dataset in it synthetic, and that mark stays with the datasets when manifests are merged, opened
 * from a bundle or stored. Every label, notice and export asks `drawsOnSynthetic` about the indicators its
 * figures come from, so a synthetic figure says so whatever else is loaded beside it.
 */
export function withDatasetProvenance<M extends { synthetic: boolean; datasets: Dataset[] }>(manifest: M): M {
  if (!manifest.synthetic) return manifest;
  return { ...manifest, datasets: manifest.datasets.map((d) => (d.synthetic ? d : { ...d, synthetic: true })) };
}

/** The datasets whose figures are made up. */
export function syntheticDatasets(manifest: Manifest | null): Dataset[] {
  return manifest?.datasets.filter((d) => d.synthetic) ?? [];
}

/** True when any figure drawn from these indicators comes from a synthetic dataset. */
export function drawsOnSynthetic(manifest: Manifest | null, indicatorIds: Iterable<string>): boolean {
  if (!manifest) return false;
  const synthetic = new Set(syntheticDatasets(manifest).map((d) => d.id));
  if (synthetic.size === 0) return false;
  const datasetOf = new Map(manifest.indicators.map((i) => [i.id, i.dataset]));
  for (const id of indicatorIds) {
    const dataset = datasetOf.get(id);
    if (dataset !== undefined && synthetic.has(dataset)) return true;
  }
  return false;
}

/** Every indicator the manifest describes: for figures that draw on all of them (a profile, a bundle). */
export function allIndicatorIds(manifest: Manifest | null): string[] {
  return manifest?.indicators.map((i) => i.id) ?? [];
}

/** How much of what is loaded is synthetic: none of it, some of it, or all of it. */
export function syntheticShare(manifest: Manifest | null): 'none' | 'some' | 'all' {
  const n = syntheticDatasets(manifest).length;
  return n === 0 ? 'none' : n === manifest?.datasets.length ? 'all' : 'some';
}

/**
 * The indicators of datasets already published as open data (police.uk): every audience sees their exact counts
 * (the disclosure layer leaves them as they are) and every view that shows them says so.
 */
export function publishedIndicatorIds(manifest: Manifest | null): string[] {
  if (!manifest) return [];
  const published = new Set(manifest.datasets.filter((d) => d.published).map((d) => d.id));
  return manifest.indicators.filter((i) => published.has(i.dataset)).map((i) => i.id);
}

/**
 * The rules the figures of these indicators follow, named beside them: the audience's disclosure rules, or, for
 * published open data, that the counts are exact (no rule is applied to them, for any audience).
 */
export function rulesFor(manifest: Manifest | null, audience: Audience, indicatorIds: Iterable<string>): string {
  const share = openDataShare(manifest, indicatorIds);
  if (share === 'none') return rulesName(audience);
  if (share === 'all') return 'Published open data: exact counts';
  return `${rulesName(audience)}; published open data: exact counts`;
}

/**
 * The words an exported file or picture carries after "Produced <date>": where it was made and the rules its
 * figures follow, as rulesFor names them ("with the violence needs assessment dashboard (published open data:
 * exact counts)"). In brackets, so that each of rulesFor's answers reads as part of the sentence.
 */
export function madeWith(rules: string): string {
  return `with the violence needs assessment dashboard (${rules.charAt(0).toLowerCase()}${rules.slice(1)})`;
}

/**
 * The source named beside these indicators' figures and in their exports: each dataset they come from, once, as
 * "title, agency", in the order the indicators are given. A comparison of indicators from two agencies names both.
 */
export function sourceOf(manifest: Manifest | null, indicators: readonly Pick<Indicator, 'dataset'>[]): string {
  const names: string[] = [];
  for (const { dataset: id } of indicators) {
    const dataset = manifest?.datasets.find((d) => d.id === id);
    const name = dataset ? `${dataset.title}, ${dataset.agency}` : id;
    if (!names.includes(name)) names.push(name);
  }
  return names.join('; ');
}

/**
 * How many of these indicators (every one the manifest describes when none are given) are published open data,
 * whose counts no rule touches: none of them, some, or all.
 */
export function openDataShare(
  manifest: Manifest | null,
  indicatorIds: Iterable<string> = allIndicatorIds(manifest),
): 'none' | 'some' | 'all' {
  const published = new Set(publishedIndicatorIds(manifest));
  const ids = [...indicatorIds];
  const open = ids.filter((id) => published.has(id)).length;
  return open === 0 ? 'none' : open === ids.length ? 'all' : 'some';
}

/**
 * An audience's rule for counts in words, true of zeros too: "counts of 1 to 7 hidden, others rounded to the nearest
 * 5" ("counts of 0 to 7" when zeros are hidden as well). With `symbols`, each part names the symbol it leaves in a
 * table: "hidden (c)", "rounded ... (r)". The one wording of a policy: the header, Publish, the Overview's key and
 * Data and ethics all say it so. ("Counts under 8 hidden" was false of the zeros most policies show.)
 */
export function policyInWords(policy: DisclosurePolicy, symbols = false): string {
  const t = policy.suppressBelowOrEqual;
  const from = policy.showZeros ? 1 : 0;
  const range = from === t ? `of ${t}` : `of ${from} to ${t}`;
  const hidden = t < from ? 'no count hidden' : `counts ${range} hidden${symbols ? ' (c)' : ''}`;
  const rounded =
    policy.roundTo > 1
      ? `, ${t < from ? 'counts' : 'others'} rounded to the nearest ${policy.roundTo}${symbols ? ' (r)' : ''}`
      : '';
  return `${hidden}${rounded}`;
}

/**
 * An audience's rules in brief, true of every figure loaded: "counts of 1 to 7 hidden, others rounded to the nearest
 * 5", with published open data (exact for every audience) named as the exception, or alone when it is all there is.
 */
export function rulesInBrief(manifest: Manifest | null, policy: DisclosurePolicy): string {
  const share = openDataShare(manifest);
  if (share === 'all') return 'published open data only: exact counts, as published';
  const rule = policyInWords(policy);
  return share === 'some' ? `${rule}; published open data exact, as published` : rule;
}
