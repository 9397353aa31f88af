import { describe, expect, it } from 'vitest';
import { classify, classifyCentred, classIndex, classLabels, parseBreaks, quantile } from '../../../src/geo/classify';
import { HAS_REAL, independentCount, LANCASHIRE_DISTRICTS, REAL_SKIP, realData } from '../../fixtures/real-police';

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

/** The values grouped by class, empty classes left out: what a reader sees as "the areas in each colour". */
function partition(values: readonly number[], classOf: (v: number) => number): number[][] {
  const groups = new Map<number, number[]>();
  for (const v of values) groups.set(classOf(v), [...(groups.get(classOf(v)) ?? []), v]);
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, vs]) => vs.sort((a, b) => a - b));
}

describe('counts are classed at whole numbers', () => {
  it('takes a break between two whole numbers down to the lower one, with each area in the same class', () => {
    // Anti-social behaviour by district, 2020, as the police.uk files give it: quantile breaks fall between counts.
    const counts = [12963, 10030, 9074, 7336, 6463, 5258, 5099, 4681, 4672, 4295, 3799, 3432, 3142, 1620];
    const c = classify(counts, 'quantile', 5);
    expect(c.edges.every(Number.isInteger)).toBe(true);
    expect(classLabels(c, (v) => v.toLocaleString('en-GB'))[1]).toBe('over 3,652 to 4,673');
    const sorted = [...counts].sort((a, b) => a - b);
    const exact = [1, 2, 3, 4].map((i) => quantile(sorted, i / 5));
    expect(exact[0]).toBeCloseTo(3652.2, 6);
    const exactClass = (v: number) => exact.filter((b) => b < v).length;
    expect(partition(counts, (v) => classIndex(v, c))).toEqual(partition(counts, exactClass));
  });

  it('leaves rates and averages, which are not whole, where they fall', () => {
    expect(classify([0.5, 1, 2, 3.25, 9], 'equal', 4).edges).toEqual([0.5, 2.625, 4.75, 6.875, 9]);
  });
});

describe.skipIf(!HAS_REAL)(`counts classed on real police.uk data (${REAL_SKIP})`, () => {
  it('gives whole-number legends and the exact breaks\u2019 groups for districts and LSOAs, by quantiles and equal intervals', () => {
    const data = realData();
    const months = data.months.filter((m) => m.startsWith('2020'));
    const byLsoa = new Map<string, number>();
    for (const [key, n] of data.lsoaMonthCounts) {
      const [lsoa, month] = key.split('|') as [string, string];
      if (month.startsWith('2020')) byLsoa.set(lsoa, (byLsoa.get(lsoa) ?? 0) + n);
    }
    const byDistrict = LANCASHIRE_DISTRICTS.map((d) => independentCount(data, d, months));
    for (const values of [byDistrict, [...byLsoa.values()]]) {
      const sorted = [...values].sort((a, b) => a - b);
      const [min, max] = [sorted[0]!, sorted.at(-1)!];
      for (const method of ['quantile', 'equal'] as const) {
        const c = classify(values, method, 5);
        expect(c.edges.every(Number.isInteger), `${method} ${values.length}`).toBe(true);
        expect(classLabels(c, String).join(' ')).not.toMatch(/\d\.\d/);
        if (method === 'equal') {
          const exact = [1, 2, 3, 4].map((i) => min + ((max - min) * i) / 5);
          const exactClass = (v: number) => exact.filter((b) => b < v).length;
          expect(partition(values, (v) => classIndex(v, c))).toEqual(partition(values, exactClass));
        }
      }
    }
  });
});
