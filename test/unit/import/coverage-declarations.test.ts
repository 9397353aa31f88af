import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import { loadFiles, type FileOutcome } from '../../../src/import/load-files';
import { enc, manifestFile, miniAreasCsv, miniExtractsCsv, miniManifest } from '../../fixtures/mini-contract';

/** A manifest declaring a not-reported span and the breakdowns, and an extract that contradicts both. */
const manifest = {
  ...miniManifest,
  datasets: miniManifest.datasets.map((d) => ({
    ...d,
    coverage: {
      ...d.coverage,
      absentRows: 'zero',
      notReported: [{ areas: ['D2'], from: '2024-01', to: '2024-01', reason: 'no return' }],
    },
  })),
  indicators: miniManifest.indicators.map((i) =>
    i.id === 'vwi' ? { ...i, breakdowns: { ageBands: ['15-17'], bySex: true } } : i,
  ),
};

let engine: Engine;
let outcomes: FileOutcome[];
beforeAll(async () => {
  engine = await createNodeEngine();
  ({ outcomes } = await loadFiles(engine, { manifest: null, boundaries: {} }, [
    manifestFile(manifest),
    { name: 'areas.csv', bytes: enc(miniAreasCsv) },
    { name: 'extracts.csv', bytes: enc(`${miniExtractsCsv}vwi,2024-02,D1,10-14,male,2,\n`) },
  ]));
});
afterAll(() => engine.close());

describe('an extract against its declared coverage (real engine)', () => {
  it('loads it, and warns of rows in a span declared not reported and in breakdowns not declared', () => {
    const extract = outcomes.find((o) => o.file === 'extracts.csv');
    expect(extract?.status).toBe('loaded');
    const warnings = extract?.problems.filter((p) => p.severity === 'warning').map((p) => p.message) ?? [];
    expect(warnings).toContain('a row for 2024-01 in D2, which the manifest declares not reported; it is counted.');
    expect(warnings).toContain('vwi: 10-14, male is not among the breakdowns the manifest declares for the indicator.');
    // Rows that agree with the declarations raise nothing.
    expect(warnings.filter((w) => w.includes('D1') && w.includes('not reported'))).toEqual([]);
    expect(warnings.filter((w) => w.startsWith('reoff'))).toEqual([]);
  });
});
