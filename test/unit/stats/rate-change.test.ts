// Exact conditional test of two Poisson counts; expected values from SciPy's exact binomial
// test (scipy.stats.binomtest with Clopper-Pearson intervals; doubled smaller tail).
import { describe, expect, it } from 'vitest';
import { rateChange, type RateChangeResult, type RateChangeTested } from '../../../src/stats';

function tested(r: RateChangeResult): RateChangeTested {
  if (r.kind !== 'tested') throw new Error(`not tested: ${r.reason}`);
  return r;
}
const rel = (a: number | null, b: number): number => (a === null ? Infinity : Math.abs(a - b) / Math.abs(b));

describe('rateChange', () => {
  it('flags a clear increase (200 against 120 last year)', () => {
    const r = tested(rateChange({ count: 200 }, { count: 120 }));
    expect(r.significant).toBe(true);
    expect(r.direction).toBe('increase');
    expect(r.percentChange).toBeCloseTo(66.6667, 3);
    expect(rel(r.ratioLower, 1.322517839251032)).toBeLessThan(1e-9);
    expect(rel(r.ratioUpper, 2.1078079051994822)).toBeLessThan(1e-9);
    expect(rel(r.pValue, 9.07996856911584e-6)).toBeLessThan(1e-9);
  });

  it('does not flag a small change (105 against 100)', () => {
    const r = tested(rateChange({ count: 105 }, { count: 100 }));
    expect(r.significant).toBe(false);
    expect(r.direction).toBe('no-significant-change');
    expect(r.percentChange).toBeCloseTo(5, 10);
    expect(rel(r.ratioLower, 0.790796230661975)).toBeLessThan(1e-9);
    expect(rel(r.ratioUpper, 1.3948844579588626)).toBeLessThan(1e-9);
    expect(rel(r.pValue, 0.7800402214898476)).toBeLessThan(1e-9);
  });

  it('flags a clear decrease', () => {
    const r = tested(rateChange({ count: 60 }, { count: 100 }));
    expect(r.direction).toBe('decrease');
    expect(r.percentChange).toBeCloseTo(-40, 10);
    expect(rel(r.pValue, 0.001953728034064355)).toBeLessThan(1e-9);
    expect(rel(r.ratioUpper, 0.8345254507032718)).toBeLessThan(1e-9);
  });

  it('compares rates when the denominators differ', () => {
    // 150 per 120,000 against 100 per 100,000: a 25% rise in rate, not significant.
    const r = tested(rateChange({ count: 150, denominator: 120_000 }, { count: 100, denominator: 100_000 }));
    expect(r.percentChange).toBeCloseTo(25, 10);
    expect(r.significant).toBe(false);
    expect(rel(r.ratioLower, 0.9641234974811966)).toBeLessThan(1e-9);
    expect(rel(r.ratioUpper, 1.6264541066582532)).toBeLessThan(1e-9);
    expect(rel(r.pValue, 0.09432163494623452)).toBeLessThan(1e-9);
  });

  it('agrees with itself: significant exactly when p < 0.05', () => {
    for (let c0 = 0; c0 <= 60; c0 += 3) {
      for (let c1 = 0; c1 <= 60; c1 += 4) {
        const r = rateChange({ count: c1 }, { count: c0 });
        if (r.kind === 'tested') expect(r.significant).toBe(r.pValue < 0.05);
      }
    }
  });

  it('handles zero counts and missing input', () => {
    const fromZero = tested(rateChange({ count: 5 }, { count: 0 }));
    expect(fromZero.ratio).toBeNull();
    expect(fromZero.ratioUpper).toBeNull();
    expect(rel(fromZero.ratioLower, 0.91635585731546)).toBeLessThan(1e-9);
    expect(fromZero.significant).toBe(false);
    expect(rateChange({ count: 0 }, { count: 0 }).kind).toBe('not-tested');
    expect(rateChange({ count: null }, { count: 10 }).kind).toBe('not-tested');
    expect(rateChange({ count: 10, denominator: 100 }, { count: 10 }).kind).toBe('not-tested');
  });
});
