// The slope and relative indices of inequality and the rate gap, checked against computations written here
// independently of src/stats/inequality.ts: the slope from the weighted-regression formula (not the normal
// equations of the two-column fit), and the limits from a separate simulation with another random source.
import { describe, expect, it } from 'vitest';
import { crudeRate, groupRates, rateGap, slopeIndexOfInequality, type SiiGroup } from '../../../src/stats';

/** Ten deciles, most deprived first: counts falling with deprivation, populations unequal. */
const COUNTS = [812, 655, 540, 470, 402, 350, 301, 260, 214, 130];
const POPS = [98_000, 101_500, 94_200, 99_800, 102_300, 97_400, 95_100, 103_900, 100_200, 96_600];

function deciles(): SiiGroup[] {
  return COUNTS.map((c, i) => {
    const r = crudeRate(c, POPS[i]!, { multiplier: 1000 });
    return { rate: r.value!, lower95: r.lower95!, upper95: r.upper95!, population: POPS[i]! };
  });
}

/** Weighted least squares of y on x with weights w (summing to anything): slope and intercept. */
function weightedLine(x: number[], y: number[], w: number[]): { slope: number; intercept: number } {
  const W = w.reduce((s, v) => s + v, 0);
  const mx = x.reduce((s, v, i) => s + w[i]! * v, 0) / W;
  const my = y.reduce((s, v, i) => s + w[i]! * v, 0) / W;
  let sxy = 0;
  let sxx = 0;
  x.forEach((v, i) => {
    sxy += w[i]! * (v - mx) * (y[i]! - my);
    sxx += w[i]! * (v - mx) ** 2;
  });
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

function ridits(pops: number[]): number[] {
  const total = pops.reduce((s, v) => s + v, 0);
  let before = 0;
  return pops.map((p) => {
    const mid = (before + p / 2) / total;
    before += p;
    return mid;
  });
}

/** Park-Miller minimal standard generator and the Marsaglia polar method: nothing shared with the product. */
function polarNormal(seed: number): () => number {
  let state = seed % 2147483647;
  const u = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    for (;;) {
      const a = 2 * u() - 1;
      const b = 2 * u() - 1;
      const s = a * a + b * b;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = b * f;
        return a * f;
      }
    }
  };
}

describe('slope and relative index of inequality (phe_sii, rates)', () => {
  it('the point estimates equal a weighted regression of the rates on the relative ranks', () => {
    const groups = deciles();
    const out = slopeIndexOfInequality(groups, { repetitions: 2000 });
    if (!out.ok) throw new Error(out.reason);
    const x = ridits(POPS);
    const line = weightedLine(
      x,
      groups.map((g) => g.rate),
      POPS,
    );
    expect(out.value.relativeRanks).toEqual(x.map((v) => expect.closeTo(v, 12)));
    // Most deprived first, so the line falls: the SII (most minus least deprived end) is minus its slope.
    expect(out.value.sii).toBeCloseTo(-line.slope, 9);
    expect(out.value.mostDeprivedFitted).toBeCloseTo(line.intercept, 9);
    const mean = groups.reduce((s, g, i) => s + g.rate * POPS[i]!, 0) / POPS.reduce((s, p) => s + p, 0);
    expect(out.value.meanRate).toBeCloseTo(mean, 9);
    expect(out.value.rii).toBeCloseTo(-line.slope / mean, 9);
    expect(out.value.sii).toBeGreaterThan(0);
    expect(out.value.rii).toBeGreaterThan(0);
  });

  it('the 95% limits equal an independent simulation of the same model', () => {
    const groups = deciles();
    const out = slopeIndexOfInequality(groups);
    if (!out.ok) throw new Error(out.reason);
    const x = ridits(POPS);
    const normal = polarNormal(12345);
    const se = groups.map((g) => (Math.log(g.upper95) - Math.log(g.lower95)) / (2 * 1.959963984540054));
    const sims: number[] = [];
    const riis: number[] = [];
    for (let r = 0; r < 100_000; r++) {
      const y = groups.map((g, i) => Math.exp(Math.log(g.rate) + se[i]! * normal()));
      const line = weightedLine(x, y, POPS);
      sims.push(-line.slope);
      riis.push(-line.slope / (y.reduce((s, v, i) => s + v * POPS[i]!, 0) / POPS.reduce((s, p) => s + p, 0)));
    }
    sims.sort((a, b) => a - b);
    riis.sort((a, b) => a - b);
    const width = sims[97_499]! - sims[2_499]!;
    // Two independent samples of 100,000 agree on the 2.5th and 97.5th percentiles to about 1% of the width.
    expect(Math.abs(out.value.siiLower - sims[2_499]!)).toBeLessThan(0.02 * width);
    expect(Math.abs(out.value.siiUpper - sims[97_499]!)).toBeLessThan(0.02 * width);
    const riiWidth = riis[97_499]! - riis[2_499]!;
    expect(Math.abs(out.value.riiLower - riis[2_499]!)).toBeLessThan(0.02 * riiWidth);
    expect(Math.abs(out.value.riiUpper - riis[97_499]!)).toBeLessThan(0.02 * riiWidth);
    expect(out.value.siiLower).toBeLessThan(out.value.sii);
    expect(out.value.siiUpper).toBeGreaterThan(out.value.sii);
  });

  it('the limits are the same every time (fixed seed), and another seed moves them only by chance variation', () => {
    const a = slopeIndexOfInequality(deciles(), { repetitions: 5000 });
    const b = slopeIndexOfInequality(deciles(), { repetitions: 5000 });
    const c = slopeIndexOfInequality(deciles(), { repetitions: 5000, seed: 7 });
    if (!a.ok || !b.ok || !c.ok) throw new Error('no SII');
    expect(b.value.siiLower).toBe(a.value.siiLower);
    expect(c.value.siiLower).not.toBe(a.value.siiLower);
    expect(Math.abs(c.value.siiLower - a.value.siiLower)).toBeLessThan(0.05 * (a.value.siiUpper - a.value.siiLower));
  });

  it('a flat gradient gives an SII and RII near 0, with limits either side', () => {
    const flat = POPS.map((p) => {
      const r = crudeRate(p / 100, p, { multiplier: 1000 });
      return { rate: r.value!, lower95: r.lower95!, upper95: r.upper95!, population: p };
    });
    const out = slopeIndexOfInequality(flat, { repetitions: 5000 });
    if (!out.ok) throw new Error(out.reason);
    expect(out.value.sii).toBeCloseTo(0, 9);
    expect(out.value.rii).toBeCloseTo(0, 9);
    expect(out.value.siiLower).toBeLessThan(0);
    expect(out.value.siiUpper).toBeGreaterThan(0);
  });

  it('says why when it cannot be computed', () => {
    const groups = deciles();
    expect(slopeIndexOfInequality(groups.slice(0, 4))).toEqual({ ok: false, reason: 'fewer than five groups have a figure' });
    const zero = crudeRate(0, 1000, { multiplier: 1000 });
    const withNone = [...groups.slice(0, 9), { rate: 0, lower95: 0, upper95: zero.upper95!, population: 1000 }];
    expect(slopeIndexOfInequality(withNone)).toEqual({
      ok: false,
      reason: 'a group has no events, and the rates are modelled on the log scale',
    });
  });
});

describe('group rates and the gap between the most and least deprived', () => {
  it("each group's rate is its count over its population, with the crude-rate limits", () => {
    const rates = groupRates(
      [
        { count: 812, population: 98_000 },
        { count: null, population: 1 },
      ],
      1000,
    );
    expect(rates[0]!.value).toBeCloseTo((812 / 98_000) * 1000, 12);
    expect(rates[0]!.lower95).toBe(crudeRate(812, 98_000, { multiplier: 1000 }).lower95);
    expect(rates[1]!.value).toBeNull();
  });

  it('the ratio and difference and their limits follow the stated formulas', () => {
    const g = rateGap({ count: 812, population: 98_000 }, { count: 130, population: 96_600 }, 1000);
    const r1 = (812 / 98_000) * 1000;
    const r2 = (130 / 96_600) * 1000;
    expect(g.ratio).toBeCloseTo(r1 / r2, 12);
    const logSe = Math.sqrt(1 / 812 + 1 / 130);
    expect(g.ratioLower).toBeCloseTo((r1 / r2) * Math.exp(-1.959963984540054 * logSe), 9);
    expect(g.ratioUpper).toBeCloseTo((r1 / r2) * Math.exp(1.959963984540054 * logSe), 9);
    expect(g.difference).toBeCloseTo(r1 - r2, 12);
    const se = Math.sqrt(812 / 98_000 ** 2 + 130 / 96_600 ** 2) * 1000;
    expect(g.differenceLower).toBeCloseTo(r1 - r2 - 1.959963984540054 * se, 9);
    expect(rateGap({ count: 5, population: 100 }, { count: 0, population: 100 }, 1).ratio).toBeNull();
    expect(rateGap({ count: null, population: 100 }, { count: 1, population: 100 }, 1).difference).toBeNull();
  });
});
