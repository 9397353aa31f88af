import { describe, expect, it } from 'vitest';
import { classify, classifyCentred, classIndex, classLabels, parseBreaks, quantile } from '../../../src/geo/classify';

const fmt = (v: number) => v.toFixed(1);

describe('classify', () => {
  it('makes quantile classes with about the same number of values in each', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const c = classify(values, 'quantile', 5);
    expect(c.count).toBe(5);
    expect(c.edges[0]).toBe(1);
    expect(c.edges[5]).toBe(100);
    const sizes = [0, 0, 0, 0, 0];
    for (const v of values) sizes[classIndex(v, c)]!++;
    expect(sizes).toEqual([20, 20, 20, 20, 20]);
  });

  it('interpolates quantiles like R type 7', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.3)).toBe(10);
  });

  it('makes equal intervals from the lowest to the highest value', () => {
    const c = classify([0, 3, 10, 7], 'equal', 5);
    expect(c.edges).toEqual([0, 2, 4, 6, 8, 10]);
    expect(classIndex(0, c)).toBe(0);
    expect(classIndex(2, c)).toBe(0); // each class includes its upper edge
    expect(classIndex(2.0001, c)).toBe(1);
    expect(classIndex(10, c)).toBe(4);
  });

  it('keeps fixed breaks even outside the range of the data', () => {
    const c = classify([12, 15, 30], 'fixed', 5, [20, 10]);
    expect(c.edges).toEqual([10, 10, 20, 30]);
    expect(c.count).toBe(3); // always one more class than breaks, so colours keep their meaning
    expect(classIndex(12, c)).toBe(1);
    expect(classIndex(30, c)).toBe(2);
    expect(classLabels(c, fmt)).toEqual(['10.0 or less', 'over 10.0 to 20.0', 'over 20.0 to 30.0']);
    const low = classify([5, 6], 'fixed', 5, [10, 20]);
    expect(low.edges).toEqual([5, 10, 20, 20]);
    expect(classIndex(6, low)).toBe(0);
    expect(classLabels(low, fmt).at(-1)).toBe('over 20.0');
  });

  it('gives one class when every value is the same, whatever the method', () => {
    for (const method of ['quantile', 'equal'] as const) {
      const c = classify([4, 4, 4], method, 5);
      expect(c).toEqual({ edges: [4, 4], count: 1, n: 3 });
      expect(classIndex(4, c)).toBe(0);
      expect(classLabels(c, fmt)).toEqual(['4.0']);
    }
  });

  it('leaves out nulls, NaN and suppressed values before classing, and has no class with none left', () => {
    const c = classify([null, 1, undefined, Number.NaN, 9, null], 'equal', 4);
    expect(c.n).toBe(2);
    expect(c.edges).toEqual([1, 3, 5, 7, 9]);
    expect(classify([null, null], 'quantile', 5)).toEqual({ edges: [], count: 0, n: 0 });
    expect(classIndex(3, classify([], 'equal'))).toBe(-1);
  });

  it('merges quantile classes made equal by ties rather than making empty ones', () => {
    const c = classify([1, 1, 1, 1, 1, 1, 1, 1, 1, 2], 'quantile', 5);
    expect(c).toEqual({ edges: [1, 1, 2], count: 2, n: 10 });
    expect(classIndex(1, c)).toBe(0);
    expect(classIndex(2, c)).toBe(1);
  });

  it('gives a lowest value shared by most areas a class of its own, so the rest are still told apart', () => {
    const values = [...Array(80).fill(0), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    const c = classify(values, 'quantile', 5);
    expect(c.count).toBe(5);
    expect(c.edges.slice(0, 2)).toEqual([0, 0]);
    expect(classIndex(0, c)).toBe(0);
    expect(classIndex(1, c)).toBe(1);
    expect(classIndex(20, c)).toBe(4);
    expect(classLabels(c, fmt)[0]).toBe('0.0 or less');
  });

  it('centres equal intervals on the reference value for a diverging palette', () => {
    const c = classifyCentred([2, 5, 14], 8, 5);
    expect(c.count).toBe(5);
    expect(c.edges[0]).toBe(2);
    expect(c.edges[5]).toBe(14);
    expect(classIndex(8, c)).toBe(2); // the middle class holds the whole area's value
    expect(classifyCentred([1, 2], 8, 4).count).toBe(5); // always an odd number of classes
  });

  it('labels classes so that every value belongs to exactly one', () => {
    expect(classLabels(classify([0, 10], 'equal', 2), fmt)).toEqual(['0.0 to 5.0', 'over 5.0 to 10.0']);
  });

  it('parses typed breaks and reports what is not a number', () => {
    expect(parseBreaks('10, 5;20 5')).toEqual({ breaks: [5, 10, 20], invalid: [] });
    expect(parseBreaks('1, two, 3').invalid).toEqual(['two']);
  });
});
