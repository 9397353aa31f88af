import type { Manifest } from '../contract';

function mergeById<T>(a: readonly T[], b: readonly T[], id: (x: T) => string): T[] {
  const out = new Map(a.map((x) => [id(x), x]));
  for (const x of b) out.set(id(x), x);
  return [...out.values()];
}

/**
 * A second manifest adds to the first (a partner's own indicators beside the demo's, say); where both
 * describe the same dataset, indicator or level, the newer description wins.
 */
export function mergeManifests(current: Manifest | null, next: Manifest): Manifest {
  if (!current) return next;
  return {
    ...next,
    synthetic: current.synthetic && next.synthetic,
    datasets: mergeById(current.datasets, next.datasets, (d) => d.id),
    indicators: mergeById(current.indicators, next.indicators, (i) => i.id),
    geographies: mergeById(current.geographies, next.geographies, (g) => g.level),
  };
}

/**
 * Datasets and indicators the dashboard generated (from public data) added to the user's manifest: theirs
 * replace earlier generated ones, but the user's title, area, disclosure rules and geography levels stay, and
 * only levels the manifest lacks are added. A manifest made from public data in the first place (`owned`)
 * follows the latest generation's title, area and levels instead (the user renamed the VRU area, say).
 */
export function addGeneratedToManifest(current: Manifest | null, generated: Manifest, owned = false): Manifest {
  if (!current) return generated;
  const levels = new Set(current.geographies.map((g) => g.level));
  const merged: Manifest = {
    ...current,
    synthetic: current.synthetic && generated.synthetic,
    datasets: mergeById(current.datasets, generated.datasets, (d) => d.id),
    indicators: mergeById(current.indicators, generated.indicators, (i) => i.id),
    geographies: [...current.geographies, ...generated.geographies.filter((g) => !levels.has(g.level))],
  };
  return owned ? { ...merged, title: generated.title, area: generated.area, geographies: generated.geographies } : merged;
}
