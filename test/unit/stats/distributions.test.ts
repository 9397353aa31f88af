// Special functions against SciPy 1.17 values (computed once, pasted here).
import { describe, expect, it } from 'vitest';
import {
  chiSquareQuantile,
  gammaQuantile,
  logGamma,
  negativeBinomialCdf,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  regularizedGammaP,
} from '../../../src/stats';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('normalQuantile (AS241)', () => {
  const cases: [number, number][] = [
    [1e-300, -37.0470962993612],
    [1e-10, -6.361340902404056],
    [0.001, -3.090232306167813],
    [0.025, -1.9599639845400545],
    [0.3, -0.5244005127080409],
    [0.975, 1.959963984540054],
    [0.999, 3.090232306167813],
  ];
  it.each(cases)('qnorm(%s)', (p, expected) => {
    expect(rel(normalQuantile(p), expected)).toBeLessThan(1e-14);
  });
  it('is 0 at one half and infinite at the ends', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
  it('inverts normalCdf', () => {
    for (const p of [1e-8, 0.01, 0.2, 0.5, 0.8, 0.99]) expect(rel(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-13);
  });
});

describe('chi-square and gamma quantiles', () => {
  const cases: [number, number, number][] = [
    [0.025, 2, 0.05063561596857975],
    [0.975, 4, 11.143286781877796],
    [0.001, 2, 0.002001000667167068],
    [0.999, 20, 45.31474661812586],
    [0.5, 0.3, 0.012469611517980431],
    [1e-5, 0.5, 1.3499395786223446e-20],
    [0.9, 1000, 1057.723901381614],
    [0.02, 200000, 198703.24139860668],
  ];
  it.each(cases)('qchisq(%s, %s)', (p, df, expected) => {
    expect(rel(chiSquareQuantile(p, df), expected)).toBeLessThan(1e-12);
  });
  it('round-trips through the incomplete gamma', () => {
    for (const [p, a] of [
      [0.001, 1],
      [0.3, 5],
      [0.999, 10],
      [0.5, 0.1],
    ] as const) {
      expect(rel(regularizedGammaP(a, gammaQuantile(p, a)), p)).toBeLessThan(1e-12);
    }
  });
});

describe('other special functions', () => {
  it('matches SciPy', () => {
    expect(rel(regularizedBeta(0.3, 2.5, 4), 0.3521975859067672)).toBeLessThan(1e-12);
    expect(rel(regularizedBeta(0.999, 1000, 3), 0.9194224096397954)).toBeLessThan(1e-11);
    expect(rel(negativeBinomialCdf(120, 100, 20), 0.8060429181446035)).toBeLessThan(1e-12);
    expect(rel(negativeBinomialCdf(5, 3, 0.5), 0.8172832372951498)).toBeLessThan(1e-12);
    expect(rel(logGamma(0.1), 2.252712651734206)).toBeLessThan(1e-14);
    expect(rel(logGamma(1e6), 12815504.569147611)).toBeLessThan(1e-14);
    expect(rel(normalCdf(-8), 6.22096057427174e-16)).toBeLessThan(1e-12);
    expect(rel(normalCdf(0.5), 0.6914624612740131)).toBeLessThan(1e-14);
  });
});
