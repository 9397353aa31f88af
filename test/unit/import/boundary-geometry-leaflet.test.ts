// @vitest-environment jsdom
import L from 'leaflet';
import { describe, expect, it } from 'vitest';
import { checkBoundaryGeometry } from '../../../src/import/boundary-geometry';
import { feature, ring } from '../../fixtures/boundary-shapes';

// The checks exist because Leaflet throws on such shapes, which took the whole page down before: both halves here.
describe('boundary geometry checks against the map library itself', () => {
  it('what it keeps, Leaflet draws without error; what it refuses, Leaflet cannot draw', () => {
    const good = checkBoundaryGeometry([feature('A', { type: 'Polygon', coordinates: [ring(0).slice(0, 4)] })]);
    expect(() => L.geoJSON({ type: 'FeatureCollection', features: good.features } as never)).not.toThrow();
    const bad = feature('B', {
      type: 'Polygon',
      coordinates: [
        [
          [0, 50],
          ['x', 'y'],
          [0.1, 50.1],
          [0, 50],
        ],
      ],
    });
    expect(() => L.geoJSON({ type: 'FeatureCollection', features: [bad] } as never)).toThrow();
    expect(checkBoundaryGeometry([bad]).kept).toEqual([]);
  });
});
