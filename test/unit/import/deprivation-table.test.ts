// The deprivation lookup as a table kind of its own (area_deprivation): recognised by its columns, checked,
// committed, and a bad file rejected with a clear message and nothing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { loadFiles, type LoadedState } from '../../../src/import/load-files';
import { baseFiles, enc } from '../../fixtures/mini-contract';

let engine: Engine;
let state: LoadedState;
beforeAll(async () => {
  engine = await createNodeEngine();
  state = (await loadFiles(engine, { manifest: null, boundaries: {} }, baseFiles())).state;
});
afterAll(() => engine.close());

describe('area_deprivation files', () => {
  it('loads ranks and deciles, including codes outside the loaded areas (a national file)', async () => {
    const csv =
      'area_code,imd_rank,imd_decile,imd_score,source\nD1,120,1,55.2,IMD 2019\nD2,30000,10,,IMD 2019\nE01999999,500,1,,IMD 2019\n';
    const { outcomes } = await loadFiles(engine, state, [{ name: 'deprivation.csv', bytes: enc(csv) }]);
    expect(outcomes).toMatchObject([{ file: 'deprivation.csv', kind: 'area_deprivation', status: 'loaded', rows: 3 }]);
    const rows = await engine.query('SELECT area_code, imd_rank, imd_decile, imd_score FROM area_deprivation ORDER BY area_code');
    expect(rows).toEqual([
      { area_code: 'D1', imd_rank: 120, imd_decile: 1, imd_score: 55.2 },
      { area_code: 'D2', imd_rank: 30000, imd_decile: 10, imd_score: null },
      { area_code: 'E01999999', imd_rank: 500, imd_decile: 1, imd_score: null },
    ]);
  });

  it('rejects a decile outside 1-10 and an area given twice, keeping what was loaded', async () => {
    const csv = 'area_code,imd_rank,imd_decile\nD3,5,11\nD4,6,2\nD4,7,2\n';
    const { outcomes } = await loadFiles(engine, state, [{ name: 'bad-deprivation.csv', bytes: enc(csv) }]);
    expect(outcomes[0]?.status).toBe('rejected');
    const messages = outcomes[0]!.problems.map((p) => p.message).join(' ');
    expect(messages).toMatch(/decile 11 is out of range/);
    expect(messages).toMatch(/D4 .* appears more than once/);
    expect((await engine.query('SELECT count(*)::INTEGER AS n FROM area_deprivation'))[0]?.n).toBe(3);
  });
});
