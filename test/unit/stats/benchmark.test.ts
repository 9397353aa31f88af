import { describe, expect, it } from 'vitest';
import {
  applyPolarity,
  classifyAgainstBenchmark,
  compareWithBenchmark,
  crudeRate,
  type BenchmarkComparison,
  type Polarity,
} from '../../../src/stats';

describe('compareWithBenchmark', () => {
  it('is higher only when the whole interval is above the benchmark', () => {
    expect(compareWithBenchmark({ lower: 11, upper: 15 }, 10)).toBe('higher');
    expect(compareWithBenchmark({ lower: 5, upper: 9 }, 10)).toBe('lower');
    expect(compareWithBenchmark({ lower: 8, upper: 12 }, 10)).toBe('similar');
  });
  it('treats a limit touching the benchmark as similar', () => {
    expect(compareWithBenchmark({ lower: 10, upper: 12 }, 10)).toBe('similar');
    expect(compareWithBenchmark({ lower: 8, upper: 10 }, 10)).toBe('similar');
  });
  it('does not compare without limits or a benchmark', () => {
    expect(compareWithBenchmark({ lower: null, upper: 12 }, 10)).toBe('not-compared');
    expect(compareWithBenchmark({ lower: 8, upper: 12 }, null)).toBe('not-compared');
  });
});

describe('applyPolarity', () => {
  const table: [BenchmarkComparison, Polarity, string][] = [
    ['higher', 'higher-is-worse', 'worse'],
    ['lower', 'higher-is-worse', 'better'],
    ['similar', 'higher-is-worse', 'similar'],
    ['higher', 'higher-is-better', 'better'],
    ['lower', 'higher-is-better', 'worse'],
    ['similar', 'higher-is-better', 'similar'],
    ['higher', 'neutral', 'higher'],
    ['lower', 'neutral', 'lower'],
    ['similar', 'neutral', 'similar'],
  ];
  it.each(table)('%s with %s is %s', (comparison, polarity, expected) => {
    expect(applyPolarity(comparison, polarity)).toBe(expected);
  });
  it('passes not-compared through', () => {
    expect(applyPolarity('not-compared', 'higher-is-worse')).toBe('not-compared');
  });
});

describe('classifyAgainstBenchmark', () => {
  // 130 events in 100,000: 95% CI about 108.6-154.4, 99.8% CI about 97.6-169.3 per 100,000.
  const rate = crudeRate(130, 100_000);
  it('uses the limits at the chosen confidence', () => {
    expect(classifyAgainstBenchmark(rate, 105, 0.95, 'higher-is-worse')).toBe('worse');
    expect(classifyAgainstBenchmark(rate, 105, 0.998, 'higher-is-worse')).toBe('similar');
    expect(classifyAgainstBenchmark(rate, 105, 0.95, 'neutral')).toBe('higher');
    expect(classifyAgainstBenchmark(rate, 175, 0.998, 'higher-is-better')).toBe('worse');
  });
  it('does not compare a suppressed value', () => {
    expect(classifyAgainstBenchmark(crudeRate(null, 100_000), 105, 0.95, 'higher-is-worse')).toBe('not-compared');
  });
});
