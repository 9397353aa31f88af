import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import type { Manifest } from '../../../src/contract';
import { loadFiles } from '../../../src/import/load-files';
import { buildCube } from '../../../src/disclosure/build-cube';
import { baseFiles } from '../../fixtures/mini-contract';

let engine: Engine;
let manifest: Manifest | null;
beforeAll(async () => {
  engine = await createNodeEngine();
  ({ manifest } = (await loadFiles(engine, { manifest: null, boundaries: {} }, baseFiles())).state);
  await buildCube(engine, manifest);
});
afterAll(() => engine.close());

const sumOf = async (where: string): Promise<number> =>
  Number((await engine.query<{ n: number }>(`SELECT sum(count)::DOUBLE AS n FROM extracts WHERE ${where}`))[0]?.n);
const cell = async (where: string) => (await engine.query(`SELECT count FROM cube WHERE ${where}`)).map((r) => r.count);

describe('buildCube', () => {
  it('rolls districts up to the VRU area, months into quarters and years, and breakdowns into totals', async () => {
    expect(await cell(`indicator_id='vwi' AND area_code='VRU1' AND period='2024-01' AND age_band='all' AND sex='all'`)).toEqual([
      60,
    ]);
    expect(await cell(`indicator_id='vwi' AND area_code='D1' AND period='2024-Q1' AND age_band='15-17' AND sex='male'`)).toEqual([
      21,
    ]);
    expect(await cell(`indicator_id='vwi' AND area_code='VRU1' AND period='2024' AND age_band='all' AND sex='female'`)).toEqual([
      23,
    ]);
    expect(await cell(`indicator_id='vwi' AND area_code='D2' AND period='2024-Q1' AND age_band='15-17' AND sex='all'`)).toEqual([
      await sumOf(`indicator_id='vwi' AND area_code='D2' AND period LIKE '2024-0_' AND age_band='15-17'`),
    ]);
  });

  it('publishes months by one breakdown for the VRU area only, and for all ages and persons elsewhere', async () => {
    // A district's month by age band would nearly always be 0-4, and its relations made the audit hide totals.
    expect(await cell(`indicator_id='vwi' AND area_code='D2' AND period='2024-01' AND age_band='15-17' AND sex='all'`)).toEqual(
      [],
    );
    expect(await cell(`indicator_id='vwi' AND area_code='D2' AND period='2024-01' AND age_band='all' AND sex='male'`)).toEqual(
      [],
    );
    expect(
      await cell(`indicator_id='vwi' AND area_code='VRU1' AND period='2024-01' AND age_band='15-17' AND sex='male'`),
    ).toEqual([]);
    expect(await cell(`indicator_id='vwi' AND area_code='VRU1' AND period='2024-01' AND age_band='15-17' AND sex='all'`)).toEqual(
      [await sumOf(`indicator_id='vwi' AND period='2024-01' AND age_band='15-17'`)],
    );
    expect(
      await cell(`indicator_id='vwi' AND area_code='D2' AND period='2024-01' AND age_band='all' AND sex='all'`),
    ).toHaveLength(1);
  });

  it('does not invent breakdowns for indicators given only as totals', async () => {
    const rows = await engine.query(
      `SELECT age_band, sex, count(*)::INTEGER AS n FROM cube WHERE indicator_id='reoff' GROUP BY 1, 2`,
    );
    expect(rows).toEqual([{ age_band: 'all', sex: 'all', n: 9 }]);
    expect(await cell(`indicator_id='reoff' AND area_code='VRU1' AND period='2024'`)).toEqual([16]);
  });

  it('gives the same cells built an indicator at a time as built together', async () => {
    // Every step of the month cells groups by indicator, so a batch of several is the union of each built alone.
    const cells = () => engine.query(`SELECT * EXCLUDE (cell_id) FROM cube ORDER BY ALL`);
    const together = await cells();
    expect(new Set(together.map((c) => c.indicator_id)).size).toBeGreaterThan(1);
    await buildCube(engine, manifest, {}, 1);
    expect(await cells()).toEqual(together);
  });
});
