import { describe, expect, it } from 'vitest';
import { manifestSchema, type Manifest } from '../../../src/contract';
import { datasetsPhrase } from '../../../src/views/data-ethics/datasets-phrase';
import { miniManifest } from '../../fixtures/mini-contract';
import { buildRealWorkspace, REAL_AVAILABLE, REAL_SKIP_REASON } from '../../fixtures/real-police-workspace';

const datasets = (published: boolean[]): Manifest['datasets'] => {
  const one = manifestSchema.parse(miniManifest).datasets[0]!;
  return published.map((p, i) => ({ ...one, id: `d${i}`, published: p }));
};

describe('the catalogue says what the datasets are', () => {
  it('counts them in the singular or plural, and says "from partner agencies" only of shared extracts', () => {
    expect(datasetsPhrase(datasets([false]))).toBe('1 dataset from partner agencies');
    expect(datasetsPhrase(datasets(Array(9).fill(false)))).toBe('9 datasets from partner agencies');
    expect(datasetsPhrase(datasets([true]))).toBe('1 dataset of published open data');
    expect(datasetsPhrase(datasets([false, false, true]))).toBe('3 datasets: 2 from partner agencies, 1 of published open data');
  });

  it.skipIf(!REAL_AVAILABLE)(`reads a real police.uk manifest as published open data (${REAL_SKIP_REASON} when skipped)`, () => {
    const real = manifestSchema.parse(JSON.parse(buildRealWorkspace().manifest));
    const open = { ...real, datasets: real.datasets.map((d) => ({ ...d, published: true })) };
    expect(datasetsPhrase(open.datasets)).toBe('1 dataset of published open data');
  });
});
