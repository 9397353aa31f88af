import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutBundle, publishBundle, readBundleSource, type BundleSource } from '../../../src/bundle/publish-bundle';
import type { GeographyLevel, Manifest } from '../../../src/contract';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { restoreProtectedDemo } from '../../fixtures/protected-demo';

let engine: Engine;
let manifest: Manifest;
/** What publishBundle cuts every bundle of an audience from, read once per audience. */
const sources = new Map<'partner' | 'public', BundleSource>();
/** Each set of levels cut and audited once, as publishBundle does it; the second test reuses the first's. */
const cuts = new Map<string, ReturnType<typeof cutBundle>>();
function cut(audience: 'partner' | 'public', levels: GeographyLevel[]): ReturnType<typeof cutBundle> {
  const key = `${audience} ${levels.join('+')}`;
  let done = cuts.get(key);
  if (!done) cuts.set(key, (done = cutBundle(sources.get(audience)!, levels)));
  return done;
}

beforeAll(async () => {
  engine = await createNodeEngine();
  // The demo protected for every audience (the build's snapshot), with its files loaded beside it for the cube.
  const session = await restoreProtectedDemo(engine, 'raw');
  manifest = session.getSnapshot().state.manifest!;
  for (const audience of ['partner', 'public'] as const) {
    expect((await session.ensureProtected(audience)).audit.pass).toBe(true);
    sources.set(audience, await readBundleSource(engine, audience, manifest));
  }
}, 600_000);

afterAll(() => engine?.close());

/** Every non-empty set of the given levels, in the manifest's order. */
function subsets(levels: readonly GeographyLevel[]): GeographyLevel[][] {
  return Array.from({ length: (1 << levels.length) - 1 }, (_, m) => levels.filter((_, i) => ((m + 1) >> i) & 1));
}

describe('bundles of any levels a publisher can choose, on the demo (real engine)', () => {
  // Publishing fewer levels gives an attacker fewer relations and the same figures, so it must never be less
  // safe than the whole table. The publisher's audit of districts alone for the public used to fail (22 cells)
  // while the VRU area and districts together passed.
  it('pass both audits for partners and the public, whichever levels are chosen', { timeout: 600_000 }, async () => {
    const levels = manifest.geographies.map((g) => g.level);
    expect(levels.length).toBeGreaterThanOrEqual(2);
    const results: string[] = [];
    for (const audience of ['partner', 'public'] as const) {
      for (const chosen of subsets(levels)) {
        const { cells, audit } = cut(audience, chosen);
        const failed = audit.filter((a) => !a.pass).map((a) => `${a.model} failed`);
        results.push(`${audience} ${chosen.join('+')}: ${failed.length === 0 ? 'pass' : failed.join(', ')}`);
        expect(audit.map((a) => a.model)).toEqual(['publisher', 'recipient']);
        expect(cells.length).toBeGreaterThan(0);
      }
    }
    expect(results).toHaveLength(2 * (2 ** levels.length - 1));
    expect(results.filter((r) => !r.endsWith(': pass'))).toEqual([]);
  });

  it(
    'publishes the case that used to fail, districts alone for the public, with the same audits',
    { timeout: 300_000 },
    async () => {
      const { metadata } = await publishBundle(engine, { audience: 'public', levels: ['district'], manifest });
      const { cells, audit } = cut('public', ['district']);
      expect(metadata.audit).toEqual(audit);
      expect(metadata.audit.every((a) => a.pass)).toBe(true);
      expect(metadata.cells).toBe(cells.length);
    },
  );
});
