import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine, Row } from '../../../src/engine/engine-types';
import type { LoadedState } from '../../../src/import/load-files';
import { manifestFile, miniExtractsCsv, miniManifest } from '../../fixtures/mini-contract';
import {
  csvFile,
  expectRejected,
  extracts,
  load,
  loadBase,
  loadOne,
  problemMatching,
  snapshot,
  unload,
} from '../../fixtures/import-helpers';

let engine: Engine;
let state: LoadedState;
let before: Record<string, Row[]>;
beforeAll(async () => {
  engine = await createNodeEngine();
  state = await loadBase(engine);
  before = await snapshot(engine);
});
afterAll(() => engine.close());

const leftovers = () => engine.query(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'stg%'`);

describe('a rejected file leaves what was loaded before untouched', () => {
  it('keeps the earlier rows of a file when a corrected version under the same name is rejected', async () => {
    const outcome = await loadOne(
      engine,
      state,
      extracts('extracts.csv', 'vwi,2024-01,D1,15-17,female,3,', 'vwi,2024-01,D1,15-17,male,-12,'),
    );
    const problems = await expectRejected(engine, outcome, before);
    expect(problemMatching(problems, /-12 is negative/)).toMatchObject({ file: 'extracts.csv', row: 2, column: 'count' });
    expect(
      await engine.query(
        `SELECT count(*)::INTEGER AS n, sum(count)::INTEGER AS total FROM extracts WHERE source_file = 'extracts.csv'`,
      ),
    ).toEqual([{ n: 8, total: 85 }]);
  });

  it('rolls back the replacement when the commit itself fails half way', async () => {
    // The real engine, failing just after it has run the DELETE and INSERT inside the transaction.
    const failing: Engine = {
      ...engine,
      exec: async (sql) => {
        await engine.exec(sql);
        if (sql.includes('INSERT INTO "extracts"')) throw new Error('simulated failure after the insert');
      },
    };
    const outcome = await loadOne(failing, state, extracts('extracts.csv', 'vwi,2024-01,D1,15-17,female,30,'));
    const problems = await expectRejected(engine, outcome, before);
    expect(problemMatching(problems, /could not be loaded: simulated failure after the insert/).file).toBe('extracts.csv');
  });

  it('loads the good files of a batch and none of the bad one, whatever the order', async () => {
    const goodFile = extracts('april.csv', 'vwi,2024-04,D1,all,all,4,');
    const badFile = extracts('may.csv', 'vwi,2024-05,D1,all,all,4,', 'vwi,2024-05,D9,all,all,4,');
    const { outcomes } = await load(engine, [badFile, goodFile], state);
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['may.csv', 'rejected'],
      ['april.csv', 'loaded'],
    ]);
    expect(problemMatching(outcomes[0]?.problems ?? [], /area code "D9" is not in the areas lookup/)).toMatchObject({
      row: 2,
      column: 'area_code',
    });
    expect(
      await engine.query(
        `SELECT source_file, count(*)::INTEGER AS n FROM extracts WHERE source_file IN ('april.csv', 'may.csv') GROUP BY 1`,
      ),
    ).toEqual([{ source_file: 'april.csv', n: 1 }]);
    await unload(engine, 'april.csv');
    expect(await snapshot(engine)).toEqual(before);
  });

  it('leaves no staging tables behind, whichever check refused the file', async () => {
    const refused = [
      csvFile('ragged.csv', 'indicator_id,period,area_code,age_band,sex,count\nvwi,2024-03,D1,all,all,1,2\n'), // read error
      extracts('text.csv', 'vwi,2024-03,D1,all,all,lots,'), // column check
      extracts('code.csv', 'vwi,2024-03,D9,all,all,1,'), // meaning check
    ];
    const { outcomes } = await load(engine, refused, state);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await leftovers()).toEqual([]);
    expect(await snapshot(engine)).toEqual(before);
  });

  it('keeps the manifest loaded before when a new one is rejected, and extracts still check against it', async () => {
    const outcome = await loadOne(engine, state, manifestFile({ ...miniManifest, schemaVersion: 2 }));
    expect(outcome).toMatchObject({ kind: 'manifest', status: 'rejected' });
    expect(problemMatching(outcome.problems, /"schemaVersion" is 2, which is not allowed/)).toMatchObject({
      file: 'manifest.json',
      column: 'schemaVersion',
    });
    const { state: next } = await load(engine, [manifestFile({ ...miniManifest, schemaVersion: 2 })], state);
    expect(next.manifest).toBe(state.manifest);
    const later = await loadOne(engine, next, extracts('april.csv', 'reoff,2024-04,D1,all,all,4,40'));
    expect(later).toMatchObject({ status: 'loaded', rows: 1, problems: [] });
    await unload(engine, 'april.csv');
    expect(await snapshot(engine)).toEqual(before);
  });

  it('reloading the original file restores exactly the original rows', async () => {
    const { outcomes } = await load(engine, [csvFile('extracts.csv', miniExtractsCsv)], state);
    expect(outcomes[0]).toMatchObject({ status: 'loaded', rows: 8, problems: [] });
    expect(await snapshot(engine)).toEqual(before);
  });
});
