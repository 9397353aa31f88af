import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import type { InputFile, LoadedState } from '../../../src/import/load-files';
import { enc, manifestFile } from '../../fixtures/mini-contract';
import {
  AREAS_HEADER,
  csvFile,
  load,
  loadBase,
  loadOne,
  manifestWith,
  problemMatching,
  resetTables,
} from '../../fixtures/import-helpers';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine.close());

const square = (x: number) => ({
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
const geojson = (name: string, codes: readonly string[]): InputFile => ({
  name,
  bytes: enc(
    JSON.stringify({
      type: 'FeatureCollection',
      features: codes.map((code, i) => ({
        type: 'Feature',
        properties: { OBJECTID: i + 1, LAD_CD: code, LAD_NM: `Area ${code}` },
        geometry: square(i),
      })),
    }),
  ),
});

describe('boundary files against the mini areas lookup (VRU1 > D1, D2)', () => {
  let state: LoadedState;
  beforeAll(async () => {
    state = await loadBase(engine);
  });

  it('loads GeoJSON whose codes match, finding the code property and the level', async () => {
    const { state: next, outcomes } = await load(engine, [geojson('districts.geojson', ['D1', 'D2'])], state);
    expect(outcomes[0]).toMatchObject({ file: 'districts.geojson', kind: 'boundary', status: 'loaded', rows: 2, problems: [] });
    expect(next.boundaries.district).toMatchObject({
      level: 'district',
      codeProperty: 'LAD_CD',
      nameProperty: 'LAD_NM',
      file: 'districts.geojson',
    });
  });

  it('rejects a boundary file none of whose codes match, showing codes from both sides', async () => {
    const { state: next, outcomes } = await load(engine, [geojson('lsoa.geojson', ['E01000001', 'E01000002'])], state);
    const outcome = outcomes[0];
    expect(outcome).toMatchObject({ file: 'lsoa.geojson', kind: 'boundary', status: 'rejected' });
    const p = problemMatching(outcome?.problems ?? [], /has 2 shapes, but none of their codes match an area in the areas lookup/);
    expect(p.file).toBe('lsoa.geojson');
    expect(p.message).toMatch(/the lookup has codes such as VRU1, D1, D2/);
    expect(p.fix).toMatch(/same boundary year as the data/);
    expect(next.boundaries).toEqual(state.boundaries);
  });

  it('loads a partial match, with warnings that list the unmatched codes both ways', async () => {
    const { state: next, outcomes } = await load(engine, [geojson('districts.geojson', ['D1', 'D9'])], state);
    const outcome = outcomes[0];
    expect(outcome).toMatchObject({ status: 'loaded', rows: 2 });
    expect(outcome?.problems.every((p) => p.severity === 'warning' && p.column === 'LAD_CD')).toBe(true);
    expect(
      problemMatching(outcome?.problems ?? [], /1 shape has a code that is not a district area in the lookup \(Area D9 \(D9\)\)/)
        .fix,
    ).toMatch(/Add those areas to the areas lookup/);
    expect(
      problemMatching(
        outcome?.problems ?? [],
        /1 district area in the lookup has no shape in this file \(South district \(D2\)\)/,
      ).fix,
    ).toMatch(/same boundary year/);
    expect(next.boundaries.district?.level).toBe('district');
  });

  it('loads a TopoJSON topology built by hand', async () => {
    const topology = {
      type: 'Topology',
      arcs: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
        [
          [1, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 0],
        ],
      ],
      objects: {
        districts: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0]], properties: { code: 'D1', name: 'North district' } },
            { type: 'Polygon', arcs: [[1]], properties: { code: 'D2', name: 'South district' } },
          ],
        },
      },
    };
    const { state: next, outcomes } = await load(
      engine,
      [{ name: 'districts.topojson', bytes: enc(JSON.stringify(topology)) }],
      state,
    );
    expect(outcomes[0]).toMatchObject({ kind: 'boundary', status: 'loaded', rows: 2, problems: [] });
    const layer = next.boundaries.district;
    expect(layer).toMatchObject({ level: 'district', codeProperty: 'code', nameProperty: 'name' });
    expect(layer?.features.features[1]?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [1, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 0],
        ],
      ],
    });
  });

  it('rejects a boundary file that lacks the code property the manifest declares', async () => {
    const manifest = manifestWith((m) => {
      const district = m.geographies.find((g) => g.level === 'district');
      if (district) district.boundary = { source: 'districts.geojson', codeProperty: 'LAD24CD' };
    });
    const { state: declared } = await load(engine, [manifestFile(manifest)], state);
    const { outcomes } = await load(engine, [geojson('districts.geojson', ['D1', 'D2'])], declared);
    const p = problemMatching(
      outcomes[0]?.problems ?? [],
      /has no property "LAD24CD", which the manifest says holds the area code/,
    );
    expect(p).toMatchObject({ file: 'districts.geojson', column: 'LAD24CD' });
    expect(p.fix).toMatch(/OBJECTID, LAD_CD, LAD_NM.*Correct codeProperty in the manifest/);
  });
});

describe('the real Lancashire district boundaries (LAD 2013)', () => {
  const LANCASHIRE: readonly [string, string][] = [
    ['E06000008', 'Blackburn with Darwen'],
    ['E06000009', 'Blackpool'],
    ['E07000117', 'Burnley'],
    ['E07000118', 'Chorley'],
    ['E07000119', 'Fylde'],
    ['E07000120', 'Hyndburn'],
    ['E07000121', 'Lancaster'],
    ['E07000122', 'Pendle'],
    ['E07000123', 'Preston'],
    ['E07000124', 'Ribble Valley'],
    ['E07000125', 'Rossendale'],
    ['E07000126', 'South Ribble'],
    ['E07000127', 'West Lancashire'],
    ['E07000128', 'Wyre'],
  ];
  // Read from the shared folder, never copied into the repository.
  const boundary = (): InputFile => ({
    name: 'lancashire-lad-2013.geojson',
    bytes: new Uint8Array(readFileSync(path.resolve(process.cwd(), '../shared/geo/lancashire-lad-2013.geojson'))),
  });
  const lookup = (districts: readonly [string, string][]) =>
    csvFile(
      'lancashire-areas.csv',
      [
        AREAS_HEADER,
        'E47000010,Lancashire VRU,vru,',
        ...districts.map(([code, name]) => `${code},${name},district,E47000010`),
        '',
      ].join('\n'),
    );
  const manifest = manifestWith((m) => (m.area = { code: 'E47000010', name: 'Lancashire VRU' }));

  it('matches all 14 districts, with no warnings', async () => {
    await resetTables(engine);
    const { state, outcomes } = await load(engine, [manifestFile(manifest), lookup(LANCASHIRE), boundary()]);
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['manifest.json', 'loaded'],
      ['lancashire-areas.csv', 'loaded'],
      ['lancashire-lad-2013.geojson', 'loaded'],
    ]);
    const outcome = outcomes[2];
    expect(outcome).toMatchObject({ kind: 'boundary', rows: 14, problems: [] });
    const layer = state.boundaries.district;
    expect(layer).toMatchObject({ level: 'district', codeProperty: 'LAD13CD', nameProperty: 'LAD13NM' });
    const codes = new Set(layer?.features.features.map((f) => f.properties.LAD13CD));
    expect([...codes].sort()).toEqual(LANCASHIRE.map(([code]) => code));
  });

  it('warns, naming the district, when one is missing from the lookup', async () => {
    await resetTables(engine);
    const withoutWyre = LANCASHIRE.filter(([code]) => code !== 'E07000128');
    const { state } = await load(engine, [manifestFile(manifest), lookup(withoutWyre)]);
    const outcome = await loadOne(engine, state, boundary());
    expect(outcome).toMatchObject({ kind: 'boundary', status: 'loaded', rows: 14 });
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({ file: 'lancashire-lad-2013.geojson', severity: 'warning', column: 'LAD13CD' });
    expect(outcome.problems[0]?.message).toMatch(
      /^1 shape has a code that is not a district area in the lookup \(Wyre \(E07000128\)\); it is drawn without data\.$/,
    );
  });
});
