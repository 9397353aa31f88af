import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import { loadFiles, type LoadedState } from '../../../src/import/load-files';
import { baseFiles, enc } from '../../fixtures/mini-contract';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine.close());

describe('loadFiles smoke', () => {
  it('loads a manifest, areas and extracts in dependency order', async () => {
    const files = baseFiles().reverse();
    const { state, outcomes } = await loadFiles(engine, { manifest: null, boundaries: {} }, files);
    expect(outcomes.map((o) => [o.file, o.status, o.rows])).toEqual([
      ['manifest.json', 'loaded', 0],
      ['areas.csv', 'loaded', 3],
      ['extracts.csv', 'loaded', 8],
    ]);
    expect(state.manifest?.indicators).toHaveLength(2);
    const rows = await engine.query('SELECT sum(count) AS n FROM extracts');
    expect(rows[0]?.n).toBe(85);
  });

  it('rejects a bad file and keeps what was loaded', async () => {
    const state: LoadedState = { manifest: null, boundaries: {} };
    const first = await loadFiles(engine, state, baseFiles());
    const bad = enc('indicator_id,period,area_code,age_band,sex,count\nvwi,2024-13,D1,all,all,-2\n');
    const { outcomes } = await loadFiles(engine, first.state, [{ name: 'bad.csv', bytes: bad }]);
    expect(outcomes[0]?.status).toBe('rejected');
    expect(outcomes[0]?.problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'period'],
      [1, 'count'],
    ]);
    const rows = await engine.query('SELECT count(*) AS n FROM extracts');
    expect(rows[0]?.n).toBe(8);
  });
});
