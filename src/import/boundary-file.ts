import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeographyLevel, Manifest } from '../contract';
import { FileRejected, type Problem } from './problems';

export interface BoundaryLayer {
  level: GeographyLevel;
  file: string;
  codeProperty: string;
  nameProperty: string | null;
  attribution: string | null;
  features: FeatureCollection<Geometry, Record<string, unknown>>;
}

export interface KnownArea {
  code: string;
  level: GeographyLevel;
}

/** GeoJSON as it is, or every object of a TopoJSON topology merged into one collection. */
export function toFeatureCollection(json: unknown): FeatureCollection<Geometry, Record<string, unknown>> {
  const obj = json as { type?: string; objects?: Record<string, unknown>; features?: unknown };
  if (obj.type === 'Topology' && obj.objects) {
    const topo = json as Topology;
    const features: Feature<Geometry, Record<string, unknown>>[] = [];
    for (const key of Object.keys(topo.objects)) {
      const part = feature(topo, topo.objects[key] as never) as unknown as
        | FeatureCollection<Geometry, Record<string, unknown>>
        | Feature<Geometry, Record<string, unknown>>;
      if (part.type === 'FeatureCollection') features.push(...part.features);
      else features.push(part);
    }
    return { type: 'FeatureCollection', features };
  }
  if (obj.type === 'FeatureCollection' && Array.isArray(obj.features)) {
    return json as FeatureCollection<Geometry, Record<string, unknown>>;
  }
  throw new Error('is neither a GeoJSON FeatureCollection nor a TopoJSON Topology');
}

/**
 * Reads a boundary file and finds which level it is for and which property holds the area code: the
 * manifest's declaration when it names this file, otherwise the property whose values match most known
 * area codes. A file none of whose codes match is rejected; partial matches become listed data problems.
 */
export function readBoundaryFile(
  file: string,
  json: unknown,
  manifest: Manifest | null,
  areas: readonly KnownArea[],
): { layer: BoundaryLayer; problems: Problem[] } {
  let fc: FeatureCollection<Geometry, Record<string, unknown>>;
  try {
    fc = toFeatureCollection(json);
  } catch (e) {
    throw new FileRejected([{ file, severity: 'error', message: `${(e as Error).message}.`, fix: 'Export the boundaries as GeoJSON or TopoJSON.' }]);
  }
  if (fc.features.length === 0) {
    throw new FileRejected([{ file, severity: 'error', message: 'has no features.', fix: 'Check the export included the boundaries.' }]);
  }
  const declared = manifest?.geographies.find((g) => g.boundary && baseName(g.boundary.source) === baseName(file));
  const byCode = new Map(areas.map((a) => [a.code, a.level]));
  const props = Object.keys(fc.features[0]?.properties ?? {});
  const candidates = declared?.boundary ? [declared.boundary.codeProperty] : props;
  let best: { prop: string; matches: number } = { prop: candidates[0] ?? '', matches: -1 };
  for (const prop of candidates) {
    let matches = 0;
    for (const f of fc.features) if (byCode.has(String(f.properties?.[prop] ?? ''))) matches++;
    if (matches > best.matches) best = { prop, matches };
  }
  if (declared?.boundary && !props.includes(declared.boundary.codeProperty)) {
    throw new FileRejected([
      {
        file,
        severity: 'error',
        column: declared.boundary.codeProperty,
        message: `has no property "${declared.boundary.codeProperty}", which the manifest says holds the area code.`,
        fix: `Its features have the properties: ${props.join(', ')}. Correct codeProperty in the manifest.`,
      },
    ]);
  }
  if (best.matches <= 0) {
    throw new FileRejected([
      {
        file,
        severity: 'error',
        message: `has ${fc.features.length} shapes, but none of their codes match an area in the areas lookup${declared ? ` (property "${best.prop}")` : ''}.`,
        fix: 'Check the boundaries are for the same areas and the same boundary year as the data (for example 2011 or 2021 LSOAs), and that the areas lookup is loaded.',
      },
    ]);
  }
  const codes = fc.features.map((f) => String(f.properties?.[best.prop] ?? ''));
  const level = declared?.level ?? (byCode.get(codes.find((c) => byCode.has(c)) ?? '') as GeographyLevel);
  const shapeCodes = new Set(codes);
  const problems: Problem[] = [];
  const noData = codes.filter((c) => byCode.get(c) !== level);
  if (noData.length > 0) {
    problems.push({
      file,
      severity: 'warning',
      message: `${noData.length} shapes have codes that are not ${level} areas in the lookup (${noData.slice(0, 5).join(', ')}${noData.length > 5 ? ', …' : ''}); they are drawn without data.`,
      fix: 'Add those areas to the areas lookup, or use boundaries that cover the same areas.',
    });
  }
  const noShape = areas.filter((a) => a.level === level && !shapeCodes.has(a.code)).map((a) => a.code);
  if (noShape.length > 0) {
    problems.push({
      file,
      severity: 'warning',
      message: `${noShape.length} ${level} areas in the lookup have no shape in this file (${noShape.slice(0, 5).join(', ')}${noShape.length > 5 ? ', …' : ''}); they are listed in the table but not drawn.`,
      fix: 'Use boundaries for the same boundary year as the data.',
    });
  }
  const nameProperty = declared?.boundary?.nameProperty ?? props.find((p) => /nm$|name$/i.test(p)) ?? null;
  return {
    layer: {
      level,
      file,
      codeProperty: best.prop,
      nameProperty,
      attribution: declared?.boundary?.attribution ?? null,
      features: fc,
    },
    problems,
  };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop()?.split('?')[0]?.toLowerCase() ?? path;
}
