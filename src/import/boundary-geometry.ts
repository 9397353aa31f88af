import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Geometry checks for boundary files, so that what reaches the map can always be drawn. Boundaries are areas:
 * each feature must be a Polygon or MultiPolygon (a GeometryCollection of them is merged into one) whose points
 * are finite longitude and latitude. What is safely repairable is repaired and said so: a ring that does not end
 * where it starts is closed, a hole too small to enclose anything is dropped, as is an empty part of a
 * multipolygon. Anything else is refused, feature by feature, with the reason.
 */

export interface GeometryRefusal {
  /** Index of the feature in the file. */
  index: number;
  reason: string;
}

export interface GeometryRepair {
  index: number;
  what: string;
}

export interface GeometryCheck {
  /** The drawable features, repaired where they needed it, in file order; `kept[i]` is the file index of each. */
  features: Feature<Polygon | MultiPolygon, Record<string, unknown>>[];
  kept: number[];
  refused: GeometryRefusal[];
  repaired: GeometryRepair[];
  /** Every point lies outside longitude/latitude but inside the British National Grid: the file is projected. */
  britishNationalGrid: boolean;
}

class Refused extends Error {}

interface Tally {
  repairs: Set<string>;
  outOfRange: Position | null;
  inRange: boolean;
}

function position(p: unknown, where: string, tally: Tally): Position {
  if (!Array.isArray(p) || p.length < 2) throw new Refused(`${where} has a point that is not a pair of coordinates`);
  const [x, y] = p as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new Refused(`${where} has a point whose coordinates are not numbers (${String(x)}, ${String(y)})`);
  }
  if (x < -180 || x > 180 || y < -90 || y > 90) {
    tally.outOfRange ??= [x, y];
    throw new Refused(
      `${where} has a point outside longitude -180 to 180 and latitude -90 to 90 (${x}, ${y}), so it is not in longitude and latitude`,
    );
  }
  tally.inRange = true;
  return p as Position;
}

const samePoint = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** A linear ring: closed, with at least three distinct corners. Returns null for a ring too small to enclose anything. */
function ring(r: unknown, where: string, tally: Tally): Position[] | null {
  if (!Array.isArray(r)) throw new Refused(`${where} is not a list of points`);
  const points = r.map((p) => position(p, where, tally));
  if (points.length > 0 && !samePoint(points[0]!, points.at(-1)!)) {
    points.push(points[0]!);
    tally.repairs.add('a ring that did not end where it started was closed');
  }
  const corners = new Set(points.map((p) => `${p[0]},${p[1]}`));
  return corners.size >= 3 ? points : null;
}

function polygon(rings: unknown, where: string, tally: Tally): Position[][] | null {
  if (!Array.isArray(rings) || rings.length === 0) throw new Refused(`${where} has no rings`);
  const outer = ring(rings[0], `${where}, outer ring`, tally);
  if (!outer) return null;
  const holes: Position[][] = [];
  rings.slice(1).forEach((h, i) => {
    const hole = ring(h, `${where}, hole ${i + 1}`, tally);
    if (hole) holes.push(hole);
    else tally.repairs.add('a hole with fewer than three corners was dropped');
  });
  return [outer, ...holes];
}

function polygons(geometry: Geometry, tally: Tally): Position[][][] {
  switch (geometry.type) {
    case 'Polygon': {
      const p = polygon(geometry.coordinates, 'its polygon', tally);
      if (!p) throw new Refused('its outer ring has fewer than three corners, so it encloses no area');
      return [p];
    }
    case 'MultiPolygon': {
      if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) {
        throw new Refused('its multipolygon has no parts');
      }
      const parts = geometry.coordinates.map((c, i) => polygon(c, `part ${i + 1}`, tally));
      const kept = parts.filter((p): p is Position[][] => p !== null);
      if (kept.length === 0) throw new Refused('none of its parts has three corners or more, so it encloses no area');
      if (kept.length < parts.length) tally.repairs.add('a part with fewer than three corners was dropped');
      return kept;
    }
    case 'GeometryCollection': {
      if (!Array.isArray(geometry.geometries) || geometry.geometries.length === 0) {
        throw new Refused('its geometry collection is empty');
      }
      tally.repairs.add('a collection of polygons was made one multipolygon');
      return geometry.geometries.flatMap((g) => polygons(g, tally));
    }
    default:
      throw new Refused(
        `it is a ${String((geometry as { type?: unknown }).type ?? 'shape of no type')}, not an area (Polygon or MultiPolygon)`,
      );
  }
}

/** Checks (and where safe repairs) every feature's geometry. Never throws: what cannot be drawn is refused. */
export function checkBoundaryGeometry(features: readonly unknown[]): GeometryCheck {
  const out: GeometryCheck = { features: [], kept: [], refused: [], repaired: [], britishNationalGrid: false };
  let outOfRange = 0;
  let projectedLooking = 0;
  let anyInRange = false;
  features.forEach((f, index) => {
    const tally: Tally = { repairs: new Set(), outOfRange: null, inRange: false };
    try {
      if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') {
        throw new Refused('it is not a GeoJSON feature');
      }
      const feature = f as Feature<Geometry | null, Record<string, unknown> | null>;
      if (!feature.geometry || typeof feature.geometry !== 'object') throw new Refused('it has no geometry');
      const parts = polygons(feature.geometry, tally);
      const geometry: Polygon | MultiPolygon =
        parts.length === 1 && feature.geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: parts[0]! }
          : { type: 'MultiPolygon', coordinates: parts };
      out.features.push({ ...feature, properties: feature.properties ?? {}, geometry });
      out.kept.push(index);
      if (tally.repairs.size > 0) out.repaired.push({ index, what: [...tally.repairs].join('; ') });
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      out.refused.push({ index, reason: e.message });
    }
    anyInRange ||= tally.inRange;
    if (tally.outOfRange) {
      outOfRange++;
      const [x, y] = tally.outOfRange as [number, number];
      // Eastings and northings in metres: 0-700 km east, 0-1,300 km north.
      if (x >= 0 && x <= 700_000 && y >= 0 && y <= 1_300_000) projectedLooking++;
    }
  });
  out.britishNationalGrid = !anyInRange && outOfRange > 0 && projectedLooking === outOfRange;
  return out;
}
