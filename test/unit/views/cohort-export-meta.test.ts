// A cohort's files name what their own figures come from: with the demo's synthetic datasets beside a partner's
// real one, a file of the real indicator alone is neither "synthetic" nor sourced from the demo.
import { describe, expect, it } from 'vitest';
import { manifestSchema, type ManifestInput } from '../../../src/contract';
import { mergeManifests } from '../../../src/import/merge-manifest';
import { cohortExportMeta } from '../../../src/views/cohorts/export-meta';
import { miniManifest, mixedManifest } from '../../fixtures/mini-contract';

/** A partner's real dataset and indicator, merged beside the synthetic mini contract. */
function withRealHealth() {
  const real: ManifestInput = structuredClone(miniManifest);
  real.synthetic = false;
  real.datasets = [{ ...real.datasets[0]!, id: 'health', title: 'ED attendances', agency: 'Test trust', synthetic: false }];
  real.indicators = [{ ...real.indicators[0]!, id: 'ed', dataset: 'health' }];
  return mergeManifests(manifestSchema.parse(miniManifest), manifestSchema.parse(real));
}

describe('a cohort file names what its own figures come from', () => {
  it('is synthetic, and sourced, by its own indicators only', () => {
    const meta = cohortExportMeta(withRealHealth(), 'analyst');
    expect(meta(['ed'])).toEqual({ source: 'ED attendances, Test trust', synthetic: false, rules: 'Analyst disclosure rules' });
    const both = meta(['vwi', 'ed']);
    expect(both.synthetic).toBe(true);
    expect(both.source).toBe('Police recorded crime, Test Constabulary; ED attendances, Test trust');
  });

  it('names the rules its figures follow: exact counts for published open data', () => {
    const meta = cohortExportMeta(manifestSchema.parse(mixedManifest()), 'partner');
    expect(meta(['vwi']).rules).toBe('Published open data: exact counts');
    expect(meta(['reoff']).rules).toBe('Partner disclosure rules');
    expect(meta(['reoff']).source).toBe('Youth justice service, Test YJS');
  });
});
