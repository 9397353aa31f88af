// The Newton/Halley quantiles against the bisection ones they replaced: quantile-fixture.json holds
// what commit 4ed8271 computed on a grid (see generate-quantile-fixture.ts), and the results must
// agree to 1e-12 relative, or 1e-15 absolute near 0 (rate ratio limits: see ratioTolerance).
// Speed itself is not tested here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { betaQuantile, exactPoissonLimits, gammaQuantile, rateChange, regularizedBeta } from '../../../src/stats';
import { FIXTURE_GRID, type QuantileFixture } from './quantile-fixture-grid';
import { mulberry32 } from './simulate';

const fixture = JSON.parse(readFileSync(path.join(__dirname, 'quantile-fixture.json'), 'utf8')) as QuantileFixture;

const REL = 1e-12;
const ABS = 1e-15;

/** Describes a mismatch, or returns null when got and expected agree within the tolerance. */
function mismatch(label: string, got: unknown, expected: unknown, rel = REL): string | null {
  if (typeof got === 'number' && typeof expected === 'number') {
    const close = Math.abs(got - expected) <= Math.max(rel * Math.abs(expected), ABS);
    return close ? null : `${label}: expected ${expected}, got ${got}`;
  }
  return got === expected ? null : `${label}: expected ${String(expected)}, got ${String(got)}`;
}

type Check = [label: string, got: unknown, expected: unknown, rel?: number];

/** All mismatches of a list of checks, so one failure names every bad value. */
const mismatches = (checks: Check[]): string[] =>
  checks.map(([label, got, expected, rel]) => mismatch(label, got, expected, rel)).filter((m): m is string => m !== null);

/**
 * Tolerance for a rate ratio limit R = pi/(1 - pi) x d0/d1 from a binomial limit pi: near pi = 1
 * the ratio magnifies a last-bit change of pi by 1/(1 - pi) = 1 + R d1/d0, so a change of pi by
 * Number.EPSILON (two ulps just below 1) is allowed on top of 1e-12.
 */
const ratioTolerance = (ratio: number | null, d1: number | null, d0: number | null): number =>
  ratio === null ? REL : REL + Number.EPSILON * (1 + (ratio * (d1 ?? 1)) / (d0 ?? 1));

/** The bisection betaQuantile of commit 4ed8271, as the reference off the fixture's grid. */
function bisectionBetaQuantile(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (regularizedBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('quantile fixture', () => {
  it('covers the whole grid', () => {
    const { probabilities, shapes, counts, confidences, rateChangeCases } = FIXTURE_GRID;
    expect(fixture.betaQuantile).toHaveLength(probabilities.length * shapes.length ** 2);
    expect(fixture.gammaQuantile).toHaveLength(probabilities.length * shapes.length);
    expect(fixture.exactPoissonLimits).toHaveLength(confidences.length * counts.length);
    expect(fixture.rateChange).toHaveLength(confidences.length * rateChangeCases.length);
  });
});

describe('quantiles agree with the bisection results', () => {
  it('betaQuantile', () => {
    const checks = fixture.betaQuantile.map(([p, a, b, x]): Check => [
      `betaQuantile(${p}, ${a}, ${b})`,
      betaQuantile(p!, a!, b!),
      x,
    ]);
    expect(mismatches(checks)).toEqual([]);
  });

  it('gammaQuantile', () => {
    const checks = fixture.gammaQuantile.map(([p, shape, x]): Check => [
      `gammaQuantile(${p}, ${shape})`,
      gammaQuantile(p!, shape!),
      x,
    ]);
    expect(mismatches(checks)).toEqual([]);
  });

  it('exactPoissonLimits', () => {
    const checks = fixture.exactPoissonLimits.flatMap(([count, confidence, lower, upper]): Check[] => {
      const got = exactPoissonLimits(count!, confidence!);
      const label = `exactPoissonLimits(${count}, ${confidence})`;
      return [
        [`${label}.lower`, got.lower, lower],
        [`${label}.upper`, got.upper, upper],
      ];
    });
    expect(mismatches(checks)).toEqual([]);
  });

  it('rateChange', () => {
    const checks = fixture.rateChange.flatMap((row): Check[] => {
      const [c1, d1, c0, d0, confidence, ratioLower, ratioUpper, pValue, significant] = row as [
        number,
        number | null,
        number,
        number | null,
        number,
        number | null,
        number | null,
        number | null,
        boolean | null,
      ];
      const r = rateChange({ count: c1, denominator: d1 }, { count: c0, denominator: d0 }, confidence);
      const label = `rateChange(${c1}/${d1}, ${c0}/${d0}, ${confidence})`;
      if (r.kind !== 'tested') return [[`${label} tested`, false, ratioLower !== null]];
      return [
        [`${label}.ratioLower`, r.ratioLower, ratioLower, ratioTolerance(ratioLower, d1, d0)],
        [`${label}.ratioUpper`, r.ratioUpper, ratioUpper, ratioTolerance(ratioUpper, d1, d0)],
        [`${label}.pValue`, r.pValue, pValue],
        [`${label}.significant`, r.significant, significant],
      ];
    });
    expect(mismatches(checks)).toEqual([]);
  });
});

describe('betaQuantile off the grid', () => {
  it('agrees with bisection for random shapes, tails included', () => {
    const random = mulberry32(20_240_611); // seeded, so the cases are the same every run
    const logUniform = (lo: number, hi: number): number => Math.exp(Math.log(lo) + random() * Math.log(hi / lo));
    const checks: Check[] = [];
    for (let i = 0; i < 300; i++) {
      const a = logUniform(0.05, 1e5);
      const b = logUniform(0.05, 1e5);
      const u = random();
      const p = u < 0.3 ? logUniform(1e-10, 0.5) : u < 0.6 ? 1 - logUniform(1e-6, 0.5) : random();
      checks.push([`betaQuantile(${p}, ${a}, ${b})`, betaQuantile(p, a, b), bisectionBetaQuantile(p, a, b)]);
    }
    expect(mismatches(checks)).toEqual([]);
  });

  it('keeps the ends and rejects bad shapes', () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(betaQuantile(Number.NaN, 2, 3)).toBeNaN();
    expect(() => betaQuantile(0.5, 0, 3)).toThrow(RangeError);
  });
});
