/**
 * Joins boundary shapes to areas by code, once per boundary file, and lists what does not match: areas with
 * figures but no shape (not drawn) and shapes with no figure (drawn, marked as having no data). Nothing is
 * dropped silently; the map view lists both as data problems.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** [[south, west], [north, east]] in degrees, as Leaflet takes bounds. */
export type LatLngBox = [[number, number], [number, number]];

export interface JoinedShape {
  code: string;
  name: string | null;
  feature: Feature<Geometry, Record<string, unknown>>;
  box: LatLngBox | null;
}

export interface JoinedBoundary {
  shapes: JoinedShape[];
  /** Shapes per area code (an area drawn in several features keeps them all). */
  byCode: Map<string, JoinedShape[]>;
  /** Features whose code property was empty: drawn as no data, counted here. */
  blankCodes: number;
  box: LatLngBox | null;
}

export interface BoundarySource {
  codeProperty: string;
  nameProperty: string | null;
  features: FeatureCollection<Geometry, Record<string, unknown>>;
}

function eachPosition(geometry: Geometry | null, visit: (p: Position) => void): void {
  if (!geometry) return;
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(visit);
      break;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach((ring) => ring.forEach(visit));
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((poly) => poly.forEach((ring) => ring.forEach(visit)));
      break;
    case 'GeometryCollection':
      geometry.geometries.forEach((g) => eachPosition(g, visit));
      break;
  }
}

/** Bounding box of a geometry (GeoJSON is longitude, latitude). */
export function geometryBox(geometry: Geometry | null): LatLngBox | null {
  let s = Infinity;
  let w = Infinity;
  let n = -Infinity;
  let e = -Infinity;
  eachPosition(geometry, (p) => {
    const [lng, lat] = p as [number, number];
    if (lat < s) s = lat;
    if (lat > n) n = lat;
    if (lng < w) w = lng;
    if (lng > e) e = lng;
  });
  return Number.isFinite(s)
    ? [
        [s, w],
        [n, e],
      ]
    : null;
}

/** The smallest box holding all the given boxes. */
export function unionBox(boxes: Iterable<LatLngBox | null>): LatLngBox | null {
  let out: LatLngBox | null = null;
  for (const b of boxes) {
    if (!b) continue;
    out = out
      ? [
          [Math.min(out[0][0], b[0][0]), Math.min(out[0][1], b[0][1])],
          [Math.max(out[1][0], b[1][0]), Math.max(out[1][1], b[1][1])],
        ]
      : b;
  }
  return out;
}

/** Reads each feature's code and name once; the result is reused for every restyle. */
export function joinBoundary(source: BoundarySource): JoinedBoundary {
  const shapes: JoinedShape[] = [];
  const byCode = new Map<string, JoinedShape[]>();
  let blankCodes = 0;
  for (const feature of source.features.features) {
    const raw = feature.properties?.[source.codeProperty];
    const code = raw === null || raw === undefined ? '' : String(raw).trim();
    if (!code) blankCodes++;
    const rawName = source.nameProperty ? feature.properties?.[source.nameProperty] : null;
    const shape: JoinedShape = {
      code,
      name: typeof rawName === 'string' && rawName ? rawName : null,
      feature,
      box: geometryBox(feature.geometry),
    };
    shapes.push(shape);
    if (code) {
      const list = byCode.get(code);
      if (list) list.push(shape);
      else byCode.set(code, [shape]);
    }
  }
  return { shapes, byCode, blankCodes, box: unionBox(shapes.map((s) => s.box)) };
}

export interface AreaForMatch {
  code: string;
  name: string;
  /** True when the area has a figure (shown, rounded or suppressed) for the current selection. */
  hasFigure: boolean;
}

export interface CodeAndName {
  code: string;
  name: string | null;
}

export interface BoundaryMatch {
  /** Areas with a figure that no shape draws. */
  figuresWithoutShape: CodeAndName[];
  /** Shapes whose code is not an area of this level in the loaded lookup. */
  shapesNotInLookup: CodeAndName[];
  /** Shapes of areas in the lookup that have no figure for the current selection. */
  shapesWithoutFigure: CodeAndName[];
  /** Areas in the lookup with neither a figure nor a shape (listed in the table only). */
  areasWithoutShapeOrFigure: CodeAndName[];
}

/** Compares shape codes with the level's areas; each list is sorted by code. */
export function matchBoundary(boundary: Pick<JoinedBoundary, 'byCode'>, areas: readonly AreaForMatch[]): BoundaryMatch {
  const byArea = new Map(areas.map((a) => [a.code, a]));
  const out: BoundaryMatch = {
    figuresWithoutShape: [],
    shapesNotInLookup: [],
    shapesWithoutFigure: [],
    areasWithoutShapeOrFigure: [],
  };
  for (const a of areas) {
    if (boundary.byCode.has(a.code)) continue;
    (a.hasFigure ? out.figuresWithoutShape : out.areasWithoutShapeOrFigure).push({ code: a.code, name: a.name });
  }
  for (const [code, shapes] of boundary.byCode) {
    const area = byArea.get(code);
    const name = area?.name ?? shapes[0]?.name ?? null;
    if (!area) out.shapesNotInLookup.push({ code, name });
    else if (!area.hasFigure) out.shapesWithoutFigure.push({ code, name });
  }
  const byCodeOrder = (a: CodeAndName, b: CodeAndName) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  Object.values(out).forEach((list: CodeAndName[]) => list.sort(byCodeOrder));
  return out;
}
