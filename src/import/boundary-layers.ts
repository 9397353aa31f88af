import type { Feature, Geometry } from 'geojson';
import type { BoundaryLayer } from './boundary-file';

/** How a boundary file joins the shapes a level already has: beside them, or in their place. */
export const BOUNDARY_MODES = ['add', 'replace'] as const;
export type BoundaryMode = (typeof BOUNDARY_MODES)[number];

/**
 * A boundary file for a level that already has shapes joins them as the person chose. "add" (the default) keeps
 * the shapes of codes the new file does not have and takes the new file's shape for every code it has; "replace"
 * puts the new file's shapes in place of all the old. A file loaded again under the same name replaces its own
 * earlier shapes either way, as a table file does its rows. Returns the layer and a sentence saying what happened.
 */
export function combineBoundaryLayers(
  existing: BoundaryLayer | undefined,
  incoming: BoundaryLayer,
  mode: BoundaryMode,
): { layer: BoundaryLayer; note: string | null } {
  if (!existing) return { layer: incoming, note: null };
  const level = levelWords(incoming.level);
  const before = existing.features.features.length;
  if (mode === 'replace') {
    return {
      layer: incoming,
      note: `Replaced the ${before} ${level} ${before === 1 ? 'shape' : 'shapes'} loaded before with this file's ${incoming.features.features.length}.`,
    };
  }
  const codeOf = (f: Feature<Geometry, Record<string, unknown>>, prop: string) => String(f.properties?.[prop] ?? '').trim();
  const incomingCodes = new Set(incoming.features.features.map((f) => codeOf(f, incoming.codeProperty)).filter(Boolean));
  const oldFiles = existing.featureFiles ?? existing.features.features.map(() => existing.file);
  const kept: Feature<Geometry, Record<string, unknown>>[] = [];
  const keptFiles: string[] = [];
  existing.features.features.forEach((f, i) => {
    const file = oldFiles[i] ?? existing.file;
    if (file === incoming.file || incomingCodes.has(codeOf(f, existing.codeProperty))) return;
    kept.push(f);
    keptFiles.push(file);
  });
  // The layer reads every feature's code and name from one property each: the new file's features are given the
  // old layer's property names (their own stay too).
  const renamed = incoming.features.features.map((f) => {
    const properties = { ...f.properties, [existing.codeProperty]: f.properties?.[incoming.codeProperty] };
    if (existing.nameProperty && incoming.nameProperty) properties[existing.nameProperty] = f.properties?.[incoming.nameProperty];
    return { ...f, properties };
  });
  const files = [...new Set([...keptFiles, incoming.file])];
  const attributions = [...new Set([existing.attribution, incoming.attribution].filter((a): a is string => !!a))];
  const replaced = before - kept.length;
  return {
    layer: {
      ...existing,
      file: files.join(', '),
      attribution: attributions.length > 0 ? attributions.join(' ') : null,
      features: { type: 'FeatureCollection', features: [...kept, ...renamed] },
      featureFiles: [...keptFiles, ...renamed.map(() => incoming.file)],
    },
    note:
      `Added to the ${level} shapes loaded before: ${kept.length} kept` +
      `${replaced > 0 ? `, ${replaced} replaced by this file's shapes for the same codes` : ''}` +
      `, ${renamed.length} from this file.`,
  };
}

function levelWords(level: BoundaryLayer['level']): string {
  return { vru: 'VRU area', district: 'district', ward: 'ward', msoa: 'MSOA', lsoa: 'LSOA' }[level];
}
