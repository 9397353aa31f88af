import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import { checkBoundaryGeometry } from '../../../src/import/boundary-geometry';
import { feature, ring } from '../../fixtures/boundary-shapes';
import type { InputFile, LoadedState } from '../../../src/import/load-files';
import { enc } from '../../fixtures/mini-contract';
import { load, loadBase, problemMatching } from '../../fixtures/import-helpers';

const GEO = path.resolve(process.cwd(), '../shared/geo');
const GEO_AVAILABLE = existsSync(GEO);

const geojson = (name: string, features: unknown[]): InputFile => ({
  name,
  bytes: enc(JSON.stringify({ type: 'FeatureCollection', features })),
});

describe('boundary geometry checks', () => {
  it('closes a ring that does not end where it starts, and drops a hole too small to enclose anything', () => {
    const open = ring(0).slice(0, 4);
    const check = checkBoundaryGeometry([
      feature('D1', { type: 'Polygon', coordinates: [open] }),
      feature('D2', {
        type: 'Polygon',
        coordinates: [
          ring(1),
          [
            [1.01, 50.01],
            [1.02, 50.02],
            [1.01, 50.01],
          ],
        ],
      }),
    ]);
    expect(check.refused).toEqual([]);
    expect(check.repaired.map((r) => [r.index, r.what])).toEqual([
      [0, 'a ring that did not end where it started was closed'],
      [1, 'a hole with fewer than three corners was dropped'],
    ]);
    expect(check.features[0]?.geometry).toEqual({ type: 'Polygon', coordinates: [ring(0)] });
    expect(check.features[1]?.geometry.coordinates).toHaveLength(1);
  });

  it('refuses what cannot be drawn as an area, saying why, and keeps the rest', () => {
    const check = checkBoundaryGeometry([
      feature('A', { type: 'Polygon', coordinates: [ring(0)] }),
      feature('B', {
        type: 'Polygon',
        coordinates: [
          [
            [0, 50],
            [Number.NaN, 50],
            [0.1, 50.1],
            [0, 50],
          ],
        ],
      }),
      feature('C', {
        type: 'Polygon',
        coordinates: [
          [
            [0, 50],
            ['x', 50],
            [0.1, 50.1],
            [0, 50],
          ],
        ],
      }),
      feature('D', { type: 'Point', coordinates: [0, 50] }),
      feature('E', null),
      feature('F', {
        type: 'Polygon',
        coordinates: [
          [
            [0, 50],
            [200, 50],
            [0.1, 50.1],
            [0, 50],
          ],
        ],
      }),
      feature('G', { type: 'Polygon', coordinates: [] }),
      feature('H', {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 50],
              [0.1, 50],
              [0, 50],
            ],
          ],
        ],
      }),
      'not a feature',
      null,
    ]);
    expect(check.kept).toEqual([0]);
    expect(Object.fromEntries(check.refused.map((r) => [r.index, r.reason]))).toEqual({
      1: 'its polygon, outer ring has a point whose coordinates are not numbers (NaN, 50)',
      2: 'its polygon, outer ring has a point whose coordinates are not numbers (x, 50)',
      3: 'it is a Point, not an area (Polygon or MultiPolygon)',
      4: 'it has no geometry',
      5: 'its polygon, outer ring has a point outside longitude -180 to 180 and latitude -90 to 90 (200, 50), so it is not in longitude and latitude',
      6: 'its polygon has no rings',
      7: 'none of its parts has three corners or more, so it encloses no area',
      8: 'it is not a GeoJSON feature',
      9: 'it is not a GeoJSON feature',
    });
    expect(check.britishNationalGrid).toBe(false);
  });

  it('makes a collection of polygons one multipolygon, and drops an empty part of a multipolygon', () => {
    const check = checkBoundaryGeometry([
      feature('A', {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', coordinates: [ring(0)] },
          { type: 'MultiPolygon', coordinates: [[ring(1)]] },
        ],
      }),
      feature('B', {
        type: 'MultiPolygon',
        coordinates: [
          [ring(2)],
          [
            [
              [2, 50],
              [2, 50],
              [2, 50],
              [2, 50],
            ],
          ],
        ],
      }),
    ]);
    expect(check.refused).toEqual([]);
    expect(check.features[0]?.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[ring(0)], [ring(1)]] });
    expect(check.features[1]?.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[ring(2)]] });
    expect(check.repaired.map((r) => r.what)).toEqual([
      'a collection of polygons was made one multipolygon',
      'a part with fewer than three corners was dropped',
    ]);
  });

  it('recognises a file in British National Grid metres', () => {
    const bng = (x: number) => [
      [x, 430000],
      [x + 100, 430000],
      [x + 100, 430100],
      [x, 430000],
    ];
    const check = checkBoundaryGeometry([
      feature('A', { type: 'Polygon', coordinates: [bng(352000)] }),
      feature('B', { type: 'Polygon', coordinates: [bng(353000)] }),
    ]);
    expect(check.features).toEqual([]);
    expect(check.britishNationalGrid).toBe(true);
  });
});

describe('invalid boundary files on import (real engine, mini lookup VRU1 > D1, D2)', () => {
  let engine: Engine;
  let state: LoadedState;
  beforeAll(async () => {
    engine = await createNodeEngine();
    state = await loadBase(engine);
  });
  afterAll(() => engine.close());

  it('loads the drawable shapes and names each shape it left out or repaired, with its code', async () => {
    const { state: next, outcomes } = await load(
      engine,
      [
        geojson('districts.geojson', [
          feature('D1', { type: 'Polygon', coordinates: [ring(0).slice(0, 4)] }),
          feature('D2', {
            type: 'Polygon',
            coordinates: [
              [
                [1, 50],
                [1.1, 'NaN'],
                [1.1, 50.1],
                [1, 50],
              ],
            ],
          }),
        ]),
      ],
      state,
    );
    const outcome = outcomes[0]!;
    expect(outcome).toMatchObject({ status: 'loaded', rows: 1 });
    expect(problemMatching(outcome.problems, /left out/).message).toBe(
      '1 shape was left out because it cannot be drawn: shape 2 (Area D2, D2): its polygon, outer ring has a point whose coordinates are not numbers (1.1, NaN).',
    );
    expect(problemMatching(outcome.problems, /repaired/).message).toBe(
      '1 shape was repaired to be drawn: shape 1 (Area D1, D1): a ring that did not end where it started was closed.',
    );
    // South district has no shape now: listed in the table, not drawn.
    problemMatching(outcome.problems, /1 district area in the lookup has no shape in this file \(South district \(D2\)\)/);
    expect(next.boundaries.district?.features.features.map((f) => f.properties.LAD_CD)).toEqual(['D1']);
  });

  it('refuses a file with no drawable shape, naming the shapes, and changes nothing', async () => {
    const { state: next, outcomes } = await load(
      engine,
      [
        geojson('broken.geojson', [
          feature('D1', {
            type: 'Polygon',
            coordinates: [
              [
                [0, 50],
                [null, 50],
                [0.1, 50.1],
                [0, 50],
              ],
            ],
          }),
          feature('D2', {
            type: 'LineString',
            coordinates: [
              [1, 50],
              [1.1, 50],
            ],
          }),
        ]),
      ],
      state,
    );
    expect(outcomes[0]?.status).toBe('rejected');
    expect(problemMatching(outcomes[0]!.problems, /has no shape that can be drawn/).message).toBe(
      'has no shape that can be drawn: shape 1 (Area D1, D1): its polygon, outer ring has a point whose coordinates are not numbers (null, 50), shape 2 (Area D2, D2): it is a LineString, not an area (Polygon or MultiPolygon).',
    );
    expect(next.boundaries).toEqual(state.boundaries);
  });

  it('refuses a file in British National Grid metres, saying how to export it', async () => {
    const bng = [
      [352000, 430000],
      [352100, 430000],
      [352100, 430100],
      [352000, 430000],
    ];
    const { outcomes } = await load(
      engine,
      [geojson('bng.geojson', [feature('D1', { type: 'Polygon', coordinates: [bng] })])],
      state,
    );
    const p = problemMatching(outcomes[0]!.problems, /British National Grid/);
    expect(p.message).toBe(
      'has coordinates in metres, not longitude and latitude (the first point is at 352000, 430000, which looks like British National Grid).',
    );
    expect(p.fix).toMatch(/WGS84 longitude and latitude \(EPSG:4326\)/);
  });

  it('refuses a TopoJSON file whose arcs point nowhere, plainly', async () => {
    const topology = {
      type: 'Topology',
      arcs: [],
      objects: { d: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[5]], properties: { code: 'D1' } }] } },
    };
    const { outcomes } = await load(engine, [{ name: 'bad.topojson', bytes: enc(JSON.stringify(topology)) }], state);
    expect(outcomes[0]?.status).toBe('rejected');
    expect(outcomes[0]?.problems[0]?.message).toMatch(
      /^is a TopoJSON topology whose object "d" could not be read|has no shape that can be drawn/,
    );
  });
});

describe.skipIf(!GEO_AVAILABLE)(`the real Lancashire boundaries pass unchanged (${GEO} absent)`, () => {
  for (const file of [
    'lancashire-lad-2013.geojson',
    'lancashire-ward-2013.geojson',
    'lancashire-msoa-2011.geojson',
    'lancashire-lsoa-2011.geojson',
  ]) {
    it(file, () => {
      const json = JSON.parse(readFileSync(path.join(GEO, file), 'utf8')) as { features: unknown[] };
      const check = checkBoundaryGeometry(json.features);
      expect(check.refused).toEqual([]);
      expect(check.features).toHaveLength(json.features.length);
      expect(check.britishNationalGrid).toBe(false);
      // Rings the source left unclosed (if any) are the only repair made.
      for (const r of check.repaired) expect(r.what).toBe('a ring that did not end where it started was closed');
    });
  }
});
