import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryBox, joinBoundary, matchBoundary, unionBox } from '../../../src/geo/boundary-join';

// Real Lancashire boundaries, read from ../shared/geo (never copied into the repository).
const geo = (file: string) =>
  JSON.parse(readFileSync(path.resolve(process.cwd(), '../shared/geo', file), 'utf8')) as FeatureCollection<
    Geometry,
    Record<string, unknown>
  >;
const areas = readFileSync('data/areas.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [code, name, level] = line.split(',');
    return { code: code!, name: name!, level: level! };
  });

describe('joining boundaries to areas', () => {
  it('joins the 14 real district boundaries to the 14 districts in the lookup with nothing left over', () => {
    const joined = joinBoundary({
      codeProperty: 'LAD13CD',
      nameProperty: 'LAD13NM',
      features: geo('lancashire-lad-2013.geojson'),
    });
    expect(joined.shapes).toHaveLength(14);
    expect(joined.byCode.get('E07000123')?.[0]?.name).toBe('Preston');
    const districts = areas.filter((a) => a.level === 'district').map((a) => ({ ...a, hasFigure: true }));
    const match = matchBoundary(joined, districts);
    expect(match).toEqual({
      figuresWithoutShape: [],
      shapesNotInLookup: [],
      shapesWithoutFigure: [],
      areasWithoutShapeOrFigure: [],
    });
    // Lancashire lies between about 53.48 and 54.24 degrees north, 3.06 and 2.05 degrees west.
    const [[s, w], [n, e]] = joined.box!;
    expect(s).toBeCloseTo(53.48, 1);
    expect(n).toBeCloseTo(54.24, 1);
    expect(w).toBeCloseTo(-3.06, 1);
    expect(e).toBeCloseTo(-2.05, 1);
  });

  it('joins the 941 real LSOA boundaries to the LSOAs in the lookup', () => {
    const joined = joinBoundary({
      codeProperty: 'LSOA11CD',
      nameProperty: 'LSOA11NM',
      features: geo('lancashire-lsoa-2011.geojson'),
    });
    expect(joined.byCode.size).toBe(941);
    const lsoas = areas.filter((a) => a.level === 'lsoa').map((a) => ({ ...a, hasFigure: true }));
    expect(matchBoundary(joined, lsoas).figuresWithoutShape).toEqual([]);
    expect(matchBoundary(joined, lsoas).shapesNotInLookup).toEqual([]);
  });

  it('lists codes with figures but no shape, and shapes with no data, instead of dropping them', () => {
    const features = geo('lancashire-lad-2013.geojson');
    // Drop Preston's shape and add a shape whose code is not in the lookup.
    const edited = {
      ...features,
      features: [
        ...features.features.filter((f) => f.properties.LAD13CD !== 'E07000123'),
        { ...features.features[0]!, properties: { LAD13CD: 'E07999999', LAD13NM: 'Nowhere' } },
      ],
    };
    const joined = joinBoundary({ codeProperty: 'LAD13CD', nameProperty: 'LAD13NM', features: edited });
    const districts = areas
      .filter((a) => a.level === 'district')
      .map((a) => ({ ...a, hasFigure: a.code !== 'E07000122' && a.code !== 'E07000125' }));
    const match = matchBoundary(joined, districts);
    expect(match.figuresWithoutShape).toEqual([{ code: 'E07000123', name: 'Preston' }]);
    expect(match.shapesNotInLookup).toEqual([{ code: 'E07999999', name: 'Nowhere' }]);
    expect(match.shapesWithoutFigure.map((c) => c.name)).toEqual(['Pendle', 'Rossendale']);
    expect(match.areasWithoutShapeOrFigure).toEqual([]);
  });

  it('counts shapes with a blank code and keeps every shape of an area drawn in several parts', () => {
    const square = (x: number): Geometry => ({
      type: 'Polygon',
      coordinates: [
        [
          [x, 0],
          [x + 1, 0],
          [x + 1, 1],
          [x, 1],
          [x, 0],
        ],
      ],
    });
    const joined = joinBoundary({
      codeProperty: 'code',
      nameProperty: null,
      features: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: square(0), properties: { code: 'A' } },
          { type: 'Feature', geometry: square(2), properties: { code: 'A' } },
          { type: 'Feature', geometry: square(4), properties: { code: null } },
        ],
      },
    });
    expect(joined.blankCodes).toBe(1);
    expect(joined.byCode.get('A')).toHaveLength(2);
    expect(unionBox(joined.byCode.get('A')!.map((s) => s.box))).toEqual([
      [0, 0],
      [1, 3],
    ]);
    expect(geometryBox(null)).toBeNull();
  });
});
