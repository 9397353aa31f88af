// Behaviour beyond the PHE reference rows: edge cases and the standard population helpers.
import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../../../src/contract/vocabularies';
import {
  byarsLimits,
  crudeRate,
  directlyStandardisedRate,
  ESP2013,
  ESP2013_VRU_BANDS,
  exactPoissonLimits,
  proportion,
  rebandStandardPopulation,
  VRU_AGE_BANDS,
} from '../../../src/stats';

describe('crudeRate', () => {
  it('gives a zero lower limit and an exact upper limit for no events', () => {
    const r = crudeRate(0, 1000, { multiplier: 1000 });
    expect(r.value).toBe(0);
    expect(r.lower95).toBe(0);
    expect(r.upper95).toBeCloseTo(3.6888794541139363, 10); // -log(0.025)
    expect(r.method).toBe('exact');
  });
  it("switches from exact to Byar's limits at 10 events", () => {
    expect(crudeRate(9, 1000).method).toBe('exact');
    expect(crudeRate(10, 1000).method).toBe('byars');
  });
  it('returns no value, with a reason, for bad input', () => {
    expect(crudeRate(5, 0)).toMatchObject({ value: null, lower95: null, reason: 'denominator is not positive' });
    expect(crudeRate(-1, 10).reason).toBe('count is negative');
    expect(crudeRate(undefined, 10).reason).toBe('count is missing');
  });
  it("exact limits and Byar's agree closely for larger counts", () => {
    const exact = exactPoissonLimits(50, 0.95);
    const byars = byarsLimits(50, 0.95);
    expect(Math.abs((exact.lower ?? 0) - (byars.lower ?? 0))).toBeLessThan(0.05);
    expect(Math.abs((exact.upper ?? 0) - (byars.upper ?? 0))).toBeLessThan(0.05);
  });
});

describe('proportion', () => {
  it('rejects a numerator above the denominator', () => {
    expect(proportion(11, 10).value).toBeNull();
  });
  it('gives limits of 0 and below 1 for none of n', () => {
    const p = proportion(0, 50, { multiplier: 100 });
    expect(p.lower95).toBe(0);
    expect(p.upper95).toBeGreaterThan(0);
    expect(p.upper95).toBeLessThan(100);
  });
});

describe('standard populations', () => {
  it('ESP2013 has 19 bands summing to 100,000', () => {
    expect(ESP2013).toHaveLength(19);
    expect(ESP2013.reduce((a, b) => a + b, 0)).toBe(100_000);
  });
  it('aggregates ESP2013 to our age bands, splitting 15-19 3/5 and 2/5', () => {
    expect(ESP2013_VRU_BANDS).toEqual({
      '0-9': 10_500,
      '10-14': 5_500,
      '15-17': 3_300,
      '18-24': 8_200,
      '25-34': 12_500,
      '35-49': 21_000,
      '50-64': 19_500,
      '65+': 19_500,
    });
    expect(Object.values(ESP2013_VRU_BANDS).reduce((a, b) => a + b, 0)).toBeCloseTo(100_000, 9);
  });
  it('uses the same bands as the data contract', () => {
    expect([...VRU_AGE_BANDS]).toEqual([...AGE_BANDS]);
  });
  it('rejects bands that leave gaps or split the open band', () => {
    expect(() => rebandStandardPopulation(['0-9', '11-64', '65+'])).toThrow(RangeError);
    expect(() => rebandStandardPopulation(['0-9', '10-64'])).toThrow(RangeError);
    expect(() => rebandStandardPopulation(['0-89', '90-94', '95+'])).toThrow(RangeError);
  });
});

describe('directlyStandardisedRate with a caller-supplied standard population', () => {
  const std = VRU_AGE_BANDS.map((b) => ESP2013_VRU_BANDS[b]);
  it('equals the common rate when every band has the same rate', () => {
    const pops = [9000, 4000, 2500, 6000, 9000, 15000, 13000, 12000];
    const counts = pops.map((p) => p / 100); // 1,000 per 100,000 in every band
    const r = directlyStandardisedRate(counts, pops, { standardPopulation: std });
    expect(r.value).toBeCloseTo(1000, 9);
    expect(r.lower95).toBeLessThan(1000);
    expect(r.upper95).toBeGreaterThan(1000);
    expect(r.lower998).toBeLessThan(r.lower95 ?? 0);
  });
  it('gives no rate under 10 events, and needs one value per band', () => {
    const r = directlyStandardisedRate(
      [1, 0, 2, 0, 1, 0, 0, 5],
      [1, 1, 1, 1, 1, 1, 1, 1].map((x) => x * 1000),
      {
        standardPopulation: std,
      },
    );
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/under 10/);
    expect(() => directlyStandardisedRate([1, 2], [10, 10], { standardPopulation: std })).toThrow(RangeError);
  });
});
