import { describe, expect, it } from 'vitest';
import {
  allIndicatorIds,
  drawsOnSynthetic,
  manifestSchema,
  policyInWords,
  sourceOf,
  syntheticShare,
  type ManifestInput,
} from '../../../src/contract';
import { mergeManifests } from '../../../src/import/merge-manifest';
import { miniManifest } from '../../fixtures/mini-contract';

/** A real partner's manifest: one dataset, not synthetic, its own indicator. */
function realManifest(): ManifestInput {
  const m = structuredClone(miniManifest);
  m.synthetic = false;
  m.title = 'Real partner data';
  m.datasets = [{ ...m.datasets[0]!, id: 'health', title: 'ED attendances', synthetic: false }];
  m.indicators = [{ ...m.indicators[0]!, id: 'ed', dataset: 'health' }];
  return m;
}

describe('provenance is per dataset', () => {
  it('a synthetic manifest makes each of its datasets synthetic, even one that says otherwise', () => {
    const input = structuredClone(miniManifest);
    input.datasets = input.datasets.map((d) => ({ ...d, synthetic: false }));
    const parsed = manifestSchema.parse(input);
    expect(parsed.datasets.every((d) => d.synthetic)).toBe(true);
    expect(drawsOnSynthetic(parsed, ['vwi'])).toBe(true);
  });

  it('answers for the indicators a figure draws on, whatever else is loaded', () => {
    const merged = mergeManifests(manifestSchema.parse(miniManifest), manifestSchema.parse(realManifest()));
    // The merged manifest as a whole is no longer "synthetic", but the demo's datasets still are.
    expect(merged.synthetic).toBe(false);
    expect(syntheticShare(merged)).toBe('some');
    expect(drawsOnSynthetic(merged, ['ed'])).toBe(false);
    expect(drawsOnSynthetic(merged, ['vwi'])).toBe(true);
    expect(drawsOnSynthetic(merged, ['ed', 'reoff'])).toBe(true);
    expect(drawsOnSynthetic(merged, allIndicatorIds(merged))).toBe(true);
    expect(drawsOnSynthetic(merged, ['not-loaded'])).toBe(false);
    expect(drawsOnSynthetic(null, ['vwi'])).toBe(false);
  });

  it('real data alone carry no synthetic label', () => {
    const real = manifestSchema.parse(realManifest());
    expect(syntheticShare(real)).toBe('none');
    expect(drawsOnSynthetic(real, allIndicatorIds(real))).toBe(false);
  });
});

describe('the source named beside figures', () => {
  it('names each dataset the figures draw on, once, so a comparison across agencies names every agency', () => {
    const merged = mergeManifests(manifestSchema.parse(miniManifest), manifestSchema.parse(realManifest()));
    const of = (...ids: string[]) => ids.map((id) => merged.indicators.find((i) => i.id === id)!);
    const police = merged.datasets.find((d) => d.id === of('vwi')[0]!.dataset)!;
    const policeSource = `${police.title}, ${police.agency}`;
    expect(sourceOf(merged, of('vwi'))).toBe(policeSource);
    // Two indicators of one dataset: named once.
    expect(sourceOf(merged, of('vwi', 'reoff'))).toBe(policeSource);
    // The view's own indicator first, then the one compared with it, from another agency.
    const health = merged.datasets.find((d) => d.id === 'health')!;
    expect(sourceOf(merged, of('ed', 'vwi'))).toBe(`${health.title}, ${health.agency}; ${policeSource}`);
  });
});

describe('a disclosure policy in words', () => {
  it('names the counts it hides as they are, zeros included only when they are hidden', () => {
    const partner = { suppressBelowOrEqual: 7, roundTo: 5, showZeros: true, lowCountBelow: 10 };
    // "Counts under 8 hidden" said the zeros this policy shows were hidden.
    expect(policyInWords(partner)).toBe('counts of 1 to 7 hidden, others rounded to the nearest 5');
    expect(policyInWords(partner, true)).toBe('counts of 1 to 7 hidden (c), others rounded to the nearest 5 (r)');
    expect(policyInWords({ ...partner, showZeros: false, roundTo: 1 })).toBe('counts of 0 to 7 hidden');
    expect(policyInWords({ ...partner, suppressBelowOrEqual: 1, roundTo: 1 })).toBe('counts of 1 hidden');
    expect(policyInWords({ ...partner, suppressBelowOrEqual: 0 })).toBe('no count hidden, counts rounded to the nearest 5');
  });
});
