import { describe, expect, it } from 'vitest';
import { proportionChange } from '../../../src/stats';

// Expected values from an independent implementation of Katz's log interval (Python's math module:
// exp(ln RR +/- 1.959964 sqrt(1/x1 - 1/n1 + 1/x0 - 1/n0)), p from the same z), as epitools::riskratio(method = "wald").
describe('proportionChange (Katz log ratio of two proportions)', () => {
  it('reproduces the interval and p-value of 20/100 against 10/100', () => {
    const r = proportionChange({ count: 20, denominator: 100 }, { count: 10, denominator: 100 });
    expect(r.kind).toBe('tested');
    if (r.kind !== 'tested') return;
    expect(r.ratio).toBeCloseTo(2, 12);
    expect(r.percentChange).toBeCloseTo(100, 10);
    expect(r.ratioLower).toBeCloseTo(0.9865632067317821, 9);
    expect(r.ratioUpper).toBeCloseTo(4.054479198804627, 9);
    expect(r.pValue).toBeCloseTo(0.05454986516960991, 9);
    expect(r.significant).toBe(false);
    expect(r.direction).toBe('no-significant-change');
  });

  it('finds a significant rise from 24% to 30% of 1,000 pupils', () => {
    const r = proportionChange({ count: 300, denominator: 1000 }, { count: 240, denominator: 1000 });
    if (r.kind !== 'tested') throw new Error('not tested');
    expect(r.ratioLower).toBeCloseTo(1.080894276114729, 9);
    expect(r.ratioUpper).toBeCloseTo(1.4455622853480186, 9);
    expect(r.pValue).toBeCloseTo(0.00262223853298571, 9);
    expect(r.direction).toBe('increase');
  });

  it('calls a change significant exactly when its interval excludes 1, and p < 0.05 then too', () => {
    for (let x1 = 0; x1 <= 60; x1 += 7) {
      for (let x0 = 1; x0 <= 60; x0 += 9) {
        const r = proportionChange({ count: x1, denominator: 80 }, { count: x0, denominator: 90 });
        if (r.kind !== 'tested') throw new Error('not tested');
        const excludes = r.ratioLower > 1 || (r.ratioUpper ?? Infinity) < 1;
        expect(r.significant).toBe(excludes);
        expect(r.pValue < 0.05).toBe(excludes);
      }
    }
  });

  it('says why it cannot test, rather than guessing', () => {
    expect(proportionChange({ count: null, denominator: 10 }, { count: 1, denominator: 10 })).toMatchObject({
      kind: 'not-tested',
    });
    expect(proportionChange({ count: 12, denominator: 10 }, { count: 1, denominator: 10 })).toMatchObject({
      kind: 'not-tested',
      reason: 'each count must be between 0 and its denominator',
    });
    expect(proportionChange({ count: 0, denominator: 10 }, { count: 0, denominator: 10 })).toMatchObject({
      reason: 'no events in either period',
    });
    // A zero takes the 0.5 correction and is still tested; its ratio is 0, not unbounded.
    const fromNone = proportionChange({ count: 0, denominator: 50 }, { count: 9, denominator: 50 });
    expect(fromNone).toMatchObject({ kind: 'tested', ratio: 0, direction: 'decrease' });
  });
});
