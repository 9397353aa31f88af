import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import type { BoundaryMode } from '../../../src/import/boundary-layers';
import type { InputFile, LoadedState } from '../../../src/import/load-files';
import { enc, manifestFile } from '../../fixtures/mini-contract';
import { AREAS_HEADER, csvFile, load, loadBase, manifestWith, resetTables } from '../../fixtures/import-helpers';

const GEO = path.resolve(process.cwd(), '../shared/geo');

interface Shape {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}
const square = (x: number, props: Record<string, unknown>): Shape => ({
  type: 'Feature',
  properties: props,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 50],
        [x + 1, 50],
        [x + 1, 51],
        [x, 51],
        [x, 50],
      ],
    ],
  },
});
const file = (name: string, features: unknown[], boundaryMode?: BoundaryMode): InputFile => ({
  name,
  bytes: enc(JSON.stringify({ type: 'FeatureCollection', features })),
  ...(boundaryMode ? { boundaryMode } : {}),
});
const codes = (state: LoadedState) =>
  state.boundaries.district?.features.features.map((f) => String(f.properties[state.boundaries.district!.codeProperty])) ?? [];

describe('a boundary file for a level that already has shapes (mini lookup VRU1 > D1, D2)', () => {
  let engine: Engine;
  let base: LoadedState;
  let first: LoadedState;
  beforeAll(async () => {
    engine = await createNodeEngine();
    base = await loadBase(engine);
    ({ state: first } = await load(engine, [file('north.geojson', [square(0, { LAD_CD: 'D1', NAME: 'North' })])], base));
  });
  afterAll(() => engine.close());

  it('adds by default: shapes of codes the new file lacks are kept, and the outcome says what happened', async () => {
    const { state, outcomes } = await load(engine, [file('south.geojson', [square(1, { LAD_CD: 'D2', NAME: 'South' })])], first);
    expect(codes(state)).toEqual(['D1', 'D2']);
    expect(outcomes[0]?.notes?.[0]).toBe('Added to the district shapes loaded before: 1 kept, 1 from this file.');
    expect(state.boundaries.district?.file).toBe('north.geojson, south.geojson');
    expect(state.boundaries.district?.featureFiles).toEqual(['north.geojson', 'south.geojson']);
  });

  it('adding a shape for a code already drawn takes the new shape for it', async () => {
    const { state: both } = await load(engine, [file('south.geojson', [square(1, { LAD_CD: 'D2' })])], first);
    const { state, outcomes } = await load(engine, [file('fix.geojson', [square(5, { LAD_CD: 'D1' })], 'add')], both);
    expect(codes(state)).toEqual(['D2', 'D1']);
    expect(state.boundaries.district?.features.features[1]?.geometry).toEqual(square(5, {}).geometry);
    expect(outcomes[0]?.notes?.[0]).toBe(
      "Added to the district shapes loaded before: 1 kept, 1 replaced by this file's shapes for the same codes, 1 from this file.",
    );
  });

  it('replaces every shape of the level when the person chooses to', async () => {
    const { state: both } = await load(engine, [file('south.geojson', [square(1, { LAD_CD: 'D2' })])], first);
    const { state, outcomes } = await load(engine, [file('only-d1.geojson', [square(7, { LAD_CD: 'D1' })], 'replace')], both);
    expect(codes(state)).toEqual(['D1']);
    expect(outcomes[0]?.notes?.[0]).toBe("Replaced the 2 district shapes loaded before with this file's 1.");
  });

  it('a file loaded again under its own name replaces its own earlier shapes, as table files do their rows', async () => {
    const { state: both } = await load(engine, [file('south.geojson', [square(1, { LAD_CD: 'D2' })])], first);
    // The corrected north.geojson no longer has D1 but has D2: its old D1 goes, and its D2 replaces south's.
    const { state } = await load(engine, [file('north.geojson', [square(9, { LAD_CD: 'D2' })])], both);
    expect(codes(state)).toEqual(['D2']);
    expect(state.boundaries.district?.featureFiles).toEqual(['north.geojson']);
  });

  it('a file with another code property joins under the layer’s own property names', async () => {
    const { state } = await load(engine, [file('other.geojson', [square(1, { code: 'D2', name: 'South' })])], first);
    const layer = state.boundaries.district!;
    expect(layer.codeProperty).toBe('LAD_CD');
    expect(layer.features.features.map((f) => f.properties.LAD_CD)).toEqual(['D1', 'D2']);
  });

  it('the first file for a level has nothing to add to, and no note', async () => {
    await resetTables(engine);
    const { state } = await load(engine, [
      manifestFile(),
      csvFile('areas.csv', `${AREAS_HEADER}\nVRU1,Test VRU area,vru,\nD1,North,district,VRU1\n`),
    ]);
    const { outcomes } = await load(engine, [file('north.geojson', [square(0, { LAD_CD: 'D1' })], 'replace')], state);
    expect(outcomes[0]?.notes?.[0]).toBeUndefined();
  });
});

describe.skipIf(!existsSync(GEO))(`the real Lancashire districts in two files (${GEO} absent)`, () => {
  let engine: Engine;
  let state: LoadedState;
  const lad = JSON.parse(readFileSync(path.join(GEO, 'lancashire-lad-2013.geojson'), 'utf8')) as {
    type: string;
    features: { properties: { LAD13CD: string; LAD13NM: string } }[];
  };
  const half = (name: string, keep: (i: number) => boolean, mode?: BoundaryMode): InputFile => ({
    name,
    bytes: enc(JSON.stringify({ ...lad, features: lad.features.filter((_, i) => keep(i)) })),
    ...(mode ? { boundaryMode: mode } : {}),
  });
  beforeAll(async () => {
    engine = await createNodeEngine();
    const manifest = manifestWith((m) => (m.area = { code: 'E47000010', name: 'Lancashire VRU' }));
    const lookup = csvFile(
      'lancashire-areas.csv',
      [
        AREAS_HEADER,
        'E47000010,Lancashire VRU,vru,',
        ...lad.features.map((f) => `${f.properties.LAD13CD},${f.properties.LAD13NM},district,E47000010`),
        '',
      ].join('\n'),
    );
    ({ state } = await load(engine, [manifestFile(manifest), lookup]));
  });
  afterAll(() => engine.close());

  it('two halves added one after the other make the whole area; replacing with one half leaves that half', async () => {
    const { state: west } = await load(engine, [half('west.geojson', (i) => i < 7)], state);
    expect(west.boundaries.district?.features.features).toHaveLength(7);
    const { state: whole, outcomes } = await load(engine, [half('east.geojson', (i) => i >= 7)], west);
    expect(outcomes[0]?.notes?.[0]).toBe('Added to the district shapes loaded before: 7 kept, 7 from this file.');
    expect(new Set(whole.boundaries.district?.features.features.map((f) => f.properties.LAD13CD)).size).toBe(14);
    const { state: east } = await load(engine, [half('east.geojson', (i) => i >= 7, 'replace')], whole);
    expect(east.boundaries.district?.features.features).toHaveLength(7);
  });
});
