import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeographyLevel, Manifest } from '../contract';
import { checkBoundaryGeometry } from './boundary-geometry';
import { clip, FileRejected, type Problem } from './problems';

export interface BoundaryLayer {
  level: GeographyLevel;
  file: string;
  codeProperty: string;
  nameProperty: string | null;
  attribution: string | null;
  features: FeatureCollection<Geometry, Record<string, unknown>>;
  /** The file each feature came from, when the layer holds shapes of several files (see boundary-layers.ts). */
  featureFiles?: string[];
}

export interface KnownArea {
  code: string;
  level: GeographyLevel;
  name?: string | null;
}

/** How many codes a warning lists before it says "and N more". */
const LISTED = 10;

// An item is a code, or a shape with its name, code and why it was left out (a reason runs to about 120 characters).
function listCodes(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).map((item) => clip(item, 160));
  return `${shown.join(', ')}${items.length > LISTED ? `, and ${items.length - LISTED} more` : ''}`;
}

/** GeoJSON as it is, or every object of a TopoJSON topology merged into one collection. */
export function toFeatureCollection(json: unknown): FeatureCollection<Geometry, Record<string, unknown>> {
  const obj = json as { type?: string; objects?: Record<string, unknown>; features?: unknown };
  if (obj.type === 'Topology' && obj.objects) {
    const topo = json as Topology;
    const features: Feature<Geometry, Record<string, unknown>>[] = [];
    for (const key of Object.keys(topo.objects)) {
      let part: FeatureCollection<Geometry, Record<string, unknown>> | Feature<Geometry, Record<string, unknown>>;
      try {
        part = feature(topo, topo.objects[key] as never) as unknown as typeof part;
      } catch (e) {
        // Arcs that point nowhere, say: the shapes cannot be rebuilt from the topology.
        throw new Error(`is a TopoJSON topology whose object "${key}" could not be read (${(e as Error).message})`, {
          cause: e,
        });
      }
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
  let read: FeatureCollection<Geometry, Record<string, unknown>>;
  try {
    read = toFeatureCollection(json);
  } catch (e) {
    throw new FileRejected([
      { file, severity: 'error', message: `${(e as Error).message}.`, fix: 'Export the boundaries as GeoJSON or TopoJSON.' },
    ]);
  }
  if (read.features.length === 0) {
    throw new FileRejected([
      { file, severity: 'error', message: 'has no features.', fix: 'Check the export included the boundaries.' },
    ]);
  }
  // Only shapes that can be drawn go further: the rest are refused here, by name, so the map never meets them.
  const geometry = checkBoundaryGeometry(read.features);
  const source = read.features as unknown[];
  const propsOf = (i: number) => ((source[i] as { properties?: unknown } | null)?.properties ?? {}) as Record<string, unknown>;
  const fc: FeatureCollection<Geometry, Record<string, unknown>> = { type: 'FeatureCollection', features: geometry.features };
  const declared = manifest?.geographies.find((g) => g.boundary && baseName(g.boundary.source) === baseName(file));
  const byCode = new Map(areas.map((a) => [a.code, a.level]));
  // Every property any feature has: the first feature alone may lack one (a null name, say).
  const props = [
    ...new Set(
      source.flatMap((_, i) => {
        const p = propsOf(i);
        return p && typeof p === 'object' ? Object.keys(p) : [];
      }),
    ),
  ];
  const candidates = declared?.boundary ? [declared.boundary.codeProperty] : props;
  let best: { prop: string; matches: number } = { prop: candidates[0] ?? '', matches: -1 };
  for (const prop of candidates) {
    let matches = 0;
    for (let i = 0; i < source.length; i++) if (byCode.has(String(propsOf(i)[prop] ?? ''))) matches++;
    if (matches > best.matches) best = { prop, matches };
  }
  if (declared?.boundary && !props.includes(declared.boundary.codeProperty)) {
    throw new FileRejected([
      {
        file,
        severity: 'error',
        column: declared.boundary.codeProperty,
        message: `has no property "${declared.boundary.codeProperty}", which the manifest says holds the area code.`,
        fix: `Its features have the properties: ${listCodes(props)}. Correct codeProperty in the manifest.`,
      },
    ]);
  }
  const describeShape = (i: number) => {
    const p = propsOf(i);
    const code = p[best.prop];
    const name = nameOf(p, declared?.boundary?.nameProperty ?? props.find((k) => /nm$|name$/i.test(k)) ?? null);
    const label = code === undefined || code === null || code === '' ? 'no code' : String(code);
    return `shape ${i + 1} (${name ? `${name}, ` : ''}${label})`;
  };
  if (geometry.britishNationalGrid) {
    const [x, y] = firstPoint(source) ?? [0, 0];
    throw new FileRejected([
      {
        file,
        severity: 'error',
        message: `has coordinates in metres, not longitude and latitude (the first point is at ${x}, ${y}, which looks like British National Grid).`,
        fix: 'Export the boundaries in WGS84 longitude and latitude (EPSG:4326), for example as GeoJSON from the ONS Open Geography Portal.',
      },
    ]);
  }
  if (geometry.features.length === 0) {
    throw new FileRejected([
      {
        file,
        severity: 'error',
        message: `has no shape that can be drawn: ${listCodes(geometry.refused.map((r) => `${describeShape(r.index)}: ${r.reason}`))}.`,
        fix: 'Each feature needs a Polygon or MultiPolygon geometry in longitude and latitude. Check the export, or repair the file in a GIS (for example QGIS: Fix geometries).',
      },
    ]);
  }
  if (best.matches <= 0) {
    const sample = fc.features
      .slice(0, 3)
      .map((f) => clip(String(f.properties?.[best.prop] ?? ''), 30))
      .filter(Boolean);
    const known = areas.slice(0, 3).map((a) => a.code);
    throw new FileRejected([
      {
        file,
        severity: 'error',
        ...(declared ? { column: best.prop } : {}),
        message:
          `has ${fc.features.length} shapes, but none of their codes match an area in the areas lookup` +
          `${declared ? ` (property "${best.prop}"${sample.length ? `: ${sample.join(', ')}, …` : ''})` : ` (in any of the properties ${listCodes(props)})`}` +
          `${known.length ? `; the lookup has codes such as ${known.join(', ')}` : '; no areas lookup is loaded'}.`,
        fix: 'Check the boundaries are for the same areas and the same boundary year as the data (for example 2011 or 2021 LSOAs), and that the areas lookup is loaded.',
      },
    ]);
  }
  const codes = fc.features.map((f) => String(f.properties?.[best.prop] ?? ''));
  const level = declared?.level ?? commonestLevel(codes, byCode);
  const nameProperty = declared?.boundary?.nameProperty ?? props.find((p) => /nm$|name$/i.test(p)) ?? null;
  const shapeName = new Map(
    fc.features.map((f) => [String(f.properties?.[best.prop] ?? ''), nameProperty ? f.properties?.[nameProperty] : null]),
  );
  const named = (code: string, name: unknown) =>
    typeof name === 'string' && name ? `${clip(name, 40)} (${clip(code, 30)})` : clip(code, 30);
  const shapeCodes = new Set(codes);
  const problems: Problem[] = [];
  const noData = codes.filter((c) => byCode.get(c) !== level);
  if (noData.length > 0) {
    problems.push({
      file,
      severity: 'warning',
      column: best.prop,
      message: `${noData.length === 1 ? '1 shape has a code that is not a' : `${noData.length} shapes have codes that are not`} ${level} ${noData.length === 1 ? 'area' : 'areas'} in the lookup (${listCodes(noData.map((c) => named(c, shapeName.get(c))))}); ${noData.length === 1 ? 'it is' : 'they are'} drawn without data.`,
      fix: 'Add those areas to the areas lookup, or use boundaries that cover the same areas.',
    });
  }
  const geometryNotes = [
    {
      shapes: geometry.refused.map((r) => `${describeShape(r.index)}: ${r.reason}`),
      says: (n: number) =>
        `${n === 1 ? '1 shape was' : `${n} shapes were`} left out because ${n === 1 ? 'it' : 'they'} cannot be drawn`,
      fix: 'Repair those shapes in a GIS (for example QGIS: Fix geometries) and load the file again; their areas are listed in the table meanwhile.',
    },
    {
      shapes: geometry.repaired.map((r) => `${describeShape(r.index)}: ${r.what}`),
      says: (n: number) => `${n === 1 ? '1 shape was' : `${n} shapes were`} repaired to be drawn`,
      fix: 'Nothing to do unless the shapes look wrong on the map; a GIS can repair the file itself.',
    },
  ];
  for (const note of geometryNotes) {
    if (note.shapes.length === 0) continue;
    problems.push({
      file,
      severity: 'warning',
      message: `${note.says(note.shapes.length)}: ${listCodes(note.shapes)}.`,
      fix: note.fix,
    });
  }
  const noShape = areas.filter((a) => a.level === level && !shapeCodes.has(a.code)).map((a) => named(a.code, a.name));
  if (noShape.length > 0) {
    problems.push({
      file,
      severity: 'warning',
      column: best.prop,
      message: `${noShape.length} ${level} ${noShape.length === 1 ? 'area in the lookup has' : 'areas in the lookup have'} no shape in this file (${listCodes(noShape)}); ${noShape.length === 1 ? 'it is' : 'they are'} listed in the table but not drawn.`,
      fix: 'Use boundaries for the same boundary year as the data.',
    });
  }
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

/** The level most of the matched codes are at, so one stray code of another level does not decide it. */
function commonestLevel(codes: readonly string[], byCode: ReadonlyMap<string, GeographyLevel>): GeographyLevel {
  const tally = new Map<GeographyLevel, number>();
  for (const c of codes) {
    const level = byCode.get(c);
    if (level) tally.set(level, (tally.get(level) ?? 0) + 1);
  }
  return [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'district';
}

function nameOf(properties: Record<string, unknown>, nameProperty: string | null): string | null {
  const name = nameProperty ? properties[nameProperty] : null;
  return typeof name === 'string' && name ? name : null;
}

/** The first coordinate pair anywhere in the features, to quote in a message. */
function firstPoint(features: readonly unknown[]): [number, number] | null {
  let node: unknown = (features[0] as { geometry?: { coordinates?: unknown } } | null)?.geometry?.coordinates;
  while (Array.isArray(node) && Array.isArray(node[0])) node = node[0];
  return Array.isArray(node) && typeof node[0] === 'number' && typeof node[1] === 'number' ? [node[0], node[1]] : null;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop()?.split('?')[0]?.toLowerCase() ?? path;
}
