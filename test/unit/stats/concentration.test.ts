// Concentration figures against independent computations: the Gini coefficient from the mean absolute
// difference of all pairs (which equals the trapezium rule over the curve for areas of equal weight), shares
// by brute force, and the persistence rule on a hand-worked example.
import { describe, expect, it } from 'vitest';
import { giniChange, giniCoefficient, lorenzCurve, persistentlyHighAreas, topShares } from '../../../src/stats';

function pairGini(xs: number[]): number {
  const n = xs.length;
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  let sum = 0;
  for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
  return sum / (2 * n * n * mean);
}

/** A skewed set of 200 area counts, made deterministically. */
const skewed = Array.from({ length: 200 }, (_, i) => Math.floor(400 / (i + 1)) + (i % 3));

describe('concentration curve and Gini', () => {
  it('the trapezium-rule Gini equals the mean-absolute-difference Gini', () => {
    expect(giniCoefficient(skewed)).toBeCloseTo(pairGini(skewed), 12);
    expect(giniCoefficient([5, 5, 5, 5])).toBeCloseTo(0, 12);
    expect(giniCoefficient([0, 0, 0, 10])).toBeCloseTo(0.75, 12);
    expect(giniCoefficient([0, 0])).toBeNull();
  });

  it('the curve runs from (0, 0) to (1, 1), least affected areas first', () => {
    const curve = lorenzCurve([3, 1, 6]);
    expect(curve).toEqual([
      { areaShare: 0, eventShare: 0 },
      { areaShare: 1 / 3, eventShare: 0.1 },
      { areaShare: 2 / 3, eventShare: 0.4 },
      { areaShare: 1, eventShare: 1 },
    ]);
  });

  it('the top shares are the largest counts over the total', () => {
    const shares = topShares(skewed);
    const sorted = [...skewed].sort((a, b) => b - a);
    const total = skewed.reduce((s, v) => s + v, 0);
    expect(shares.map((s) => s.areas)).toEqual([2, 10, 20]);
    shares.forEach((s) => expect(s.share).toBeCloseTo(sorted.slice(0, s.areas).reduce((a, b) => a + b, 0) / total, 12));
    expect(topShares([1, 2, 3]).map((s) => s.areas)).toEqual([1, 1, 1]);
    expect(topShares([0, 0])).toEqual([]);
  });
});

describe('change in concentration', () => {
  it('finds no change between a year and itself, and a change when events gather in fewer areas', () => {
    const same = giniChange(skewed, skewed)!;
    expect(same.difference).toBe(0);
    expect(same.changed).toBe(false);
    expect(same.lower).toBeLessThan(0);
    expect(same.upper).toBeGreaterThan(0);
    const flatter = skewed.map((c) => Math.round(c / 2) + 20);
    const change = giniChange(flatter, skewed)!;
    expect(change.difference).toBeCloseTo(giniCoefficient(skewed)! - giniCoefficient(flatter)!, 12);
    expect(change.changed).toBe(true);
    expect(change.lower).toBeGreaterThan(0);
    expect(giniChange(skewed, skewed)).toEqual(same);
  });
});

describe('persistently high areas', () => {
  it('lists areas in the top tenth in more than half of the years', () => {
    const year = (values: Record<string, number>, y: string) => ({ year: y, counts: new Map(Object.entries(values)) });
    // Ten areas, so the top tenth is one area (ties at the cut included).
    const base = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9, J: 10 };
    const years = [year(base, '2021'), year({ ...base, I: 12 }, '2022'), year({ ...base, I: 10 }, '2023')];
    expect(persistentlyHighAreas(years)).toEqual([
      { code: 'I', yearsInTop: ['2022', '2023'], totalEvents: 31 },
      { code: 'J', yearsInTop: ['2021', '2023'], totalEvents: 30 },
    ]);
    expect(persistentlyHighAreas(years.slice(0, 1))).toEqual([]);
    expect(persistentlyHighAreas([year({ A: 0, B: 0 }, '2021'), year({ A: 0, B: 0 }, '2022')])).toEqual([]);
  });
});

describe('Poisson draws for the simulations', () => {
  it('have the mean and variance of the Poisson, below and above the switch of method', async () => {
    const { poissonDraw, seededUniform } = await import('../../../src/stats/seeded-random');
    for (const mean of [0.5, 4, 9.9, 10, 37, 250]) {
      const u = seededUniform(3);
      const xs = Array.from({ length: 40_000 }, () => poissonDraw(u, mean));
      const m = xs.reduce((s, v) => s + v, 0) / xs.length;
      const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
      // Standard errors: sqrt(mean / n) for the mean, about mean * sqrt(2 / n) for the variance.
      expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(mean / xs.length));
      expect(Math.abs(v - mean)).toBeLessThan(5 * mean * Math.sqrt(2 / xs.length) + 0.01);
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    }
  });
});
