import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../../src/contract';
import { joinBoundary, matchBoundary } from '../../../src/geo/boundary-join';
import { boundaryUrlFor, fetchBoundary } from '../../../src/geo/boundary-url';
import { miniManifest } from '../../fixtures/mini-contract';

const URL_ = 'https://example.org/arcgis/rest/services/LAD/FeatureServer/0/query?where=1%3D1&outFields=*&f=geojson';
const manifest = manifestSchema.parse({
  ...miniManifest,
  geographies: [
    { level: 'vru', title: 'VRU area', parentLevel: null },
    {
      level: 'district',
      title: 'District',
      parentLevel: 'vru',
      boundary: {
        source: URL_,
        codeProperty: 'LADCD',
        nameProperty: 'LADNM',
        attribution: 'Source: Office for National Statistics licensed under the Open Government Licence v3.0',
      },
    },
  ],
});
const areas = [
  { code: 'VRU1', level: 'vru' as const, name: 'Test VRU area' },
  { code: 'D1', level: 'district' as const, name: 'North district' },
  { code: 'D2', level: 'district' as const, name: 'South district' },
];

/** Two unit squares sharing an edge, as TopoJSON (arcs, no transform). */
const topology = {
  type: 'Topology',
  arcs: [
    [
      [0, 0],
      [0, 1],
    ],
    [
      [0, 1],
      [-1, 1],
      [-1, 0],
      [0, 0],
    ],
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ],
  ],
  objects: {
    districts: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { LADCD: 'D1', LADNM: 'North district' } },
        { type: 'Polygon', arcs: [[2, -1]], properties: { LADCD: 'D3', LADNM: 'Not in the lookup' } },
      ],
    },
  },
};

const respond = (body: unknown, status = 200): typeof fetch =>
  (async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      statusText: status === 200 ? 'OK' : 'Not Found',
    })) as typeof fetch;

describe('boundaries from a URL the manifest configures', () => {
  it('finds the http(s) address for a level, and nothing for a file name', () => {
    expect(boundaryUrlFor(manifest, 'district')).toBe(URL_);
    expect(boundaryUrlFor(manifest, 'lsoa')).toBeNull();
    const fileManifest = {
      ...manifest,
      geographies: [{ ...manifest.geographies[1]!, boundary: { ...manifest.geographies[1]!.boundary!, source: 'lad.geojson' } }],
    };
    expect(boundaryUrlFor(fileManifest, 'district')).toBeNull();
  });

  it('reads TopoJSON from the address with the manifest\u2019s code property and attribution, and lists mismatches', async () => {
    let asked: RequestInit | undefined;
    const fetcher = (async (_url: string, init?: RequestInit) => {
      asked = init;
      return new Response(JSON.stringify(topology));
    }) as typeof fetch;
    const { layer, problems } = await fetchBoundary(URL_, manifest, areas, fetcher);
    expect(asked).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(layer.level).toBe('district');
    expect(layer.codeProperty).toBe('LADCD');
    expect(layer.attribution).toMatch(/Open Government Licence/);
    expect(layer.features.features).toHaveLength(2);
    expect(problems.map((p) => p.message).join(' ')).toMatch(/D3/);
    expect(problems.map((p) => p.message).join(' ')).toMatch(/D2/);
    const match = matchBoundary(joinBoundary(layer), [
      { code: 'D1', name: 'North district', hasFigure: true },
      { code: 'D2', name: 'South district', hasFigure: true },
    ]);
    expect(match.figuresWithoutShape.map((c) => c.code)).toEqual(['D2']);
    expect(match.shapesNotInLookup.map((c) => c.code)).toEqual(['D3']);
  });

  it('says what went wrong when the address fails, answers badly or is not boundaries', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(fetchBoundary(URL_, manifest, areas, offline)).rejects.toThrow(/Check you are online/);
    // In the browser, a site the deployment has not allowed is refused before any request is made.
    let asked = 0;
    const counting = (async () => {
      asked++;
      return new Response('{}');
    }) as typeof fetch;
    await expect(fetchBoundary(URL_, manifest, areas, counting, 'https://vrn.example.gov.uk')).rejects.toThrow(
      /were not fetched\. This dashboard was set up to fetch only from its own site, so the browser would block https:\/\/example\.org/,
    );
    expect(asked).toBe(0);
    await expect(fetchBoundary(URL_, manifest, areas, respond('nope', 404))).rejects.toThrow(/answered 404/);
    await expect(fetchBoundary(URL_, manifest, areas, respond('<html>'))).rejects.toThrow(/not JSON/);
    await expect(fetchBoundary(URL_, manifest, areas, respond({ type: 'Feature' }))).rejects.toThrow(
      /neither a GeoJSON FeatureCollection nor a TopoJSON Topology/,
    );
  });
});
