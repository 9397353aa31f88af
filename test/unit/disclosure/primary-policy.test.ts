import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../../src/contract';
import { applyPrimaryPolicy, isPrimarySuppressed, roundCount, roundedInterval } from '../../../src/disclosure';

describe('applyPrimaryPolicy', () => {
  it('suppresses 1..threshold for each audience and shows zeros as 0', () => {
    const cases = [
      ['analyst', 4],
      ['partner', 7],
      ['public', 9],
    ] as const;
    for (const [audience, t] of cases) {
      const p = DEFAULT_POLICIES[audience];
      expect(applyPrimaryPolicy(0, p)).toEqual({ value: 0, status: 'shown' });
      for (let c = 1; c <= t; c++) expect(applyPrimaryPolicy(c, p)).toEqual({ value: null, status: 'primary' });
      expect(applyPrimaryPolicy(t + 1, p).value).not.toBeNull();
    }
  });

  it('hides zeros too when the policy does not show them', () => {
    const p = { ...DEFAULT_POLICIES.analyst, showZeros: false };
    expect(applyPrimaryPolicy(0, p)).toEqual({ value: null, status: 'primary' });
    expect(isPrimarySuppressed(0, p)).toBe(true);
  });

  it('rounds every shown count for rounded audiences, and marks even exact multiples as rounded', () => {
    const p = DEFAULT_POLICIES.partner;
    expect(applyPrimaryPolicy(8, p)).toEqual({ value: 10, status: 'rounded' });
    expect(applyPrimaryPolicy(12, p)).toEqual({ value: 10, status: 'rounded' });
    expect(applyPrimaryPolicy(13, p)).toEqual({ value: 15, status: 'rounded' });
    expect(applyPrimaryPolicy(20, p)).toEqual({ value: 20, status: 'rounded' });
    expect(applyPrimaryPolicy(20, DEFAULT_POLICIES.analyst)).toEqual({ value: 20, status: 'shown' });
  });

  it('rounds halves up and knows which true counts a rounded figure stands for', () => {
    expect(roundCount(15, 10)).toBe(20);
    expect(roundCount(14, 10)).toBe(10);
    expect(roundCount(7, 5)).toBe(5);
    expect(roundCount(7, 1)).toBe(7);
    expect(roundedInterval(10, 5)).toEqual([8, 12]);
    expect(roundedInterval(20, 10)).toEqual([15, 24]);
    expect(roundedInterval(0, 5)).toEqual([0, 2]);
    for (let c = 0; c < 100; c++) {
      const [lo, hi] = roundedInterval(roundCount(c, 5), 5);
      expect(c).toBeGreaterThanOrEqual(lo);
      expect(c).toBeLessThanOrEqual(hi);
    }
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => applyPrimaryPolicy(-1, DEFAULT_POLICIES.public)).toThrow(RangeError);
    expect(() => applyPrimaryPolicy(2.5, DEFAULT_POLICIES.public)).toThrow(RangeError);
  });
});
