import type { Dataset, Manifest } from './manifest-schema';

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
