// The seasonal forecasting model on simulated series with a known trend and seasonality.
import { describe, expect, it } from 'vitest';
import {
  backtest,
  emergingHotspot,
  fitSeasonalModel,
  forecast,
  type SeasonalFitResult,
  type SeasonalModel,
  type SeriesPoint,
} from '../../../src/stats';
import { drawCount, mulberry32, periodOf, simulateSeries, trueMean, type SeasonalTruth } from './simulate';

function fitted(result: SeasonalFitResult): SeasonalModel {
  if (result.kind !== 'seasonal-model') throw new Error(`not fitted: ${result.reason}`);
  return result;
}

/** Least-squares amplitude of the sine component of the log seasonal factors. */
function sineAmplitude(factors: readonly number[]): number {
  return (2 / 12) * factors.reduce((s, f, m) => s + Math.log(f) * Math.sin((2 * Math.PI * m) / 12), 0);
}

describe('fitSeasonalModel', () => {
  const truth: SeasonalTruth = { base: 80, trendPerYear: 0.08, amplitude: 0.3 };

  it.each([1, 2, 3])('recovers trend and seasonality from a Poisson series (seed %i)', (seed) => {
    const model = fitted(fitSeasonalModel(simulateSeries(mulberry32(seed), truth, 72)));
    expect(model.seasonality).toBe('monthly');
    expect(model.converged).toBe(true);
    // ~5,800 events over six years: trend SE is about 0.008 a year.
    expect(Math.abs(model.trendPerYearLog - truth.trendPerYear)).toBeLessThan(0.03);
    expect(Math.abs(model.trendPerYearLog - truth.trendPerYear)).toBeLessThan(3.5 * model.trendPerYearLogSE);
    expect(model.trendPerYear).toBeCloseTo(Math.expm1(model.trendPerYearLog), 12);
    // Seasonal amplitude within 0.06 on the log scale (SE about 0.02); each month within 0.2
    // (a month level has SE about 0.045; the worst of 1,200 simulated month levels was 0.153).
    expect(Math.abs(sineAmplitude(model.seasonalFactors) - truth.amplitude)).toBeLessThan(0.06);
    model.seasonalFactors.forEach((f, m) => {
      expect(Math.abs(Math.log(f) - truth.amplitude * Math.sin((2 * Math.PI * m) / 12))).toBeLessThan(0.2);
    });
    // Geometric mean of the factors is 1.
    expect(model.seasonalFactors.reduce((s, f) => s + Math.log(f), 0)).toBeCloseTo(0, 10);
  });

  it('detects over-dispersion and still recovers the trend', () => {
    const nb: SeasonalTruth = { base: 60, trendPerYear: -0.1, amplitude: 0.25, theta: 15 };
    const model = fitted(fitSeasonalModel(simulateSeries(mulberry32(11), nb, 72)));
    expect(model.quasiPoissonDispersion).toBeGreaterThan(2);
    expect(model.theta).toBeGreaterThan(6);
    expect(model.theta).toBeLessThan(40);
    expect(Math.abs(model.trendPerYearLog - nb.trendPerYear)).toBeLessThan(0.06);
    expect(Math.abs(sineAmplitude(model.seasonalFactors) - nb.amplitude)).toBeLessThan(0.1);
  });

  it('finds no over-dispersion in a large-count Poisson series', () => {
    const model = fitted(fitSeasonalModel(simulateSeries(mulberry32(5), { ...truth, base: 500 }, 60)));
    expect(model.quasiPoissonDispersion).toBeLessThan(1.6);
    expect(model.theta).toBeGreaterThan(500); // Infinity or very large: essentially Poisson
  });

  it('skips missing months and accepts the series in any order', () => {
    const series = simulateSeries(mulberry32(4), truth, 60);
    const withGaps: SeriesPoint[] = series.map((p, i) => (i % 7 === 3 ? { ...p, count: null } : p));
    const model = fitted(fitSeasonalModel(withGaps));
    expect(model.observedMonths).toBe(60 - withGaps.filter((p) => p.count === null).length);
    const shuffled = fitted(fitSeasonalModel([...withGaps].reverse()));
    expect(shuffled.coefficients).toEqual(model.coefficients);
    // Months left out of the list altogether are gaps too.
    const dropped = fitted(fitSeasonalModel(withGaps.filter((p) => p.count !== null)));
    expect(dropped.coefficients).toEqual(model.coefficients);
    expect(Math.abs(model.trendPerYearLog - truth.trendPerYear)).toBeLessThan(0.04);
  });

  it('returns not-enough-data below 24 observed months', () => {
    const short = simulateSeries(mulberry32(9), truth, 23);
    const r = fitSeasonalModel(short);
    expect(r.kind).toBe('not-enough-data');
    if (r.kind === 'not-enough-data') {
      expect(r.observedMonths).toBe(23);
      expect(r.requiredMonths).toBe(24);
      expect(r.reason).toMatch(/at least 24 months/);
    }
    // 30 months, 8 of them suppressed: 22 observed.
    const suppressed = simulateSeries(mulberry32(9), truth, 30).map((p, i) => (i < 8 ? { ...p, count: null } : p));
    expect(fitSeasonalModel(suppressed)).toMatchObject({ kind: 'not-enough-data', observedMonths: 22 });
    expect(fitSeasonalModel([]).kind).toBe('not-enough-data');
  });

  it('returns not-enough-data when there were no events at all', () => {
    const zeros = Array.from({ length: 36 }, (_, t) => ({ period: periodOf(t), count: 0 }));
    expect(fitSeasonalModel(zeros)).toMatchObject({ kind: 'not-enough-data', reason: expect.stringMatching(/No events/) });
  });

  it('falls back to a smoother seasonal shape for sparse counts', () => {
    const sparse = simulateSeries(mulberry32(21), { base: 0.3, trendPerYear: 0, amplitude: 0.2 }, 48);
    const model = fitted(fitSeasonalModel(sparse));
    expect(['harmonic', 'none']).toContain(model.seasonality);
    for (const f of forecast(model)) {
      expect(Number.isFinite(f.mean)).toBe(true);
      expect(f.upper95).toBeLessThan(10);
    }
  });

  it('rejects malformed periods and duplicates', () => {
    expect(() => fitSeasonalModel([{ period: '2024-13', count: 1 }])).toThrow(RangeError);
    expect(() =>
      fitSeasonalModel([
        { period: '2024-01', count: 1 },
        { period: '2024-01', count: 2 },
      ]),
    ).toThrow(RangeError);
    expect(() => fitSeasonalModel([{ period: '2024-01', count: -1 }])).toThrow(RangeError);
  });
});

describe('forecast', () => {
  const truth: SeasonalTruth = { base: 40, trendPerYear: 0.05, amplitude: 0.25 };

  it('gives 12 consecutive months after the series, with nested intervals', () => {
    const series = simulateSeries(mulberry32(8), truth, 50); // ends 2022-02
    series[49] = { period: '2022-02', count: null }; // a suppressed last month still counts as the end
    const fc = forecast(fitted(fitSeasonalModel(series)));
    expect(fc.map((f) => f.period)).toEqual([
      '2022-03',
      '2022-04',
      '2022-05',
      '2022-06',
      '2022-07',
      '2022-08',
      '2022-09',
      '2022-10',
      '2022-11',
      '2022-12',
      '2023-01',
      '2023-02',
    ]);
    for (const f of fc) {
      expect(f.lower95).toBeLessThanOrEqual(f.lower80);
      expect(f.lower80).toBeLessThanOrEqual(f.mean);
      expect(f.mean).toBeLessThanOrEqual(f.upper80);
      expect(f.upper80).toBeLessThanOrEqual(f.upper95);
      expect(Number.isInteger(f.lower95) && Number.isInteger(f.upper95)).toBe(true);
    }
    expect(forecast(fitted(fitSeasonalModel(series)), 3)).toHaveLength(3);
  });

  it('tracks the true mean', () => {
    const model = fitted(fitSeasonalModel(simulateSeries(mulberry32(12), truth, 60)));
    forecast(model, 12).forEach((f, h) => {
      expect(Math.abs(f.mean / trueMean(truth, 60 + h) - 1)).toBeLessThan(0.15);
    });
  });

  // 200 replicate series, each with one future month (horizons 1-12 in turn): the share of
  // future counts inside the intervals should be near nominal.
  it.each([
    ['Poisson', { base: 30, trendPerYear: 0.05, amplitude: 0.25 }],
    ['negative binomial (theta 10)', { base: 30, trendPerYear: 0.05, amplitude: 0.25, theta: 10 }],
  ] as const)('has near-nominal coverage on %s data', (_name, sim) => {
    const rng = mulberry32(2024);
    let in80 = 0;
    let in95 = 0;
    const n = 200;
    for (let r = 0; r < n; r++) {
      const model = fitted(fitSeasonalModel(simulateSeries(rng, sim, 48)));
      const h = 1 + (r % 12);
      const f = forecast(model, h)[h - 1];
      if (!f) throw new Error('missing forecast');
      const y = drawCount(rng, sim, 47 + h);
      if (y >= f.lower80 && y <= f.upper80) in80++;
      if (y >= f.lower95 && y <= f.upper95) in95++;
    }
    expect(in95 / n).toBeGreaterThanOrEqual(0.88);
    expect(in95 / n).toBeLessThanOrEqual(0.99);
    expect(in80 / n).toBeGreaterThanOrEqual(0.7);
    expect(in80 / n).toBeLessThanOrEqual(0.9);
  });
});

describe('backtest', () => {
  const truth: SeasonalTruth = { base: 100, trendPerYear: 0.06, amplitude: 0.3 };

  it('scores the last 12 observed months sensibly', () => {
    const series = simulateSeries(mulberry32(31), truth, 60);
    series[55] = { ...series[55]!, count: null }; // a missing month inside the hold-out period
    const bt = backtest(series);
    if (bt.kind !== 'backtest') throw new Error(bt.reason);
    expect(bt.points).toHaveLength(12);
    expect(bt.points[0]?.period).toBe(periodOf(47)); // 12 observed months back, skipping the gap
    expect(bt.points.some((p) => p.period === periodOf(55))).toBe(false);
    // Poisson noise alone gives a mean absolute error near 0.8 x sqrt(mean) ~ 10 here.
    expect(bt.mae).toBeGreaterThan(2);
    expect(bt.mae).toBeLessThan(25);
    expect(bt.mape).not.toBeNull();
    expect(bt.mape ?? Infinity).toBeLessThan(20);
    expect(bt.mapeMonths).toBe(12);
    expect(Math.abs(bt.bias)).toBeLessThan(15);
    expect(bt.coverage95).toBeGreaterThanOrEqual(0.75);
    expect(bt.coverage80).toBeGreaterThanOrEqual(0.5);
  });

  it('leaves MAPE undefined when every held-out month is zero', () => {
    const series = simulateSeries(mulberry32(3), { base: 2, trendPerYear: 0, amplitude: 0 }, 48).map((p, i) =>
      i >= 36 ? { ...p, count: 0 } : p,
    );
    const bt = backtest(series);
    if (bt.kind !== 'backtest') throw new Error(bt.reason);
    expect(bt.mape).toBeNull();
    expect(bt.mapeMonths).toBe(0);
  });

  it('needs 24 months to fit plus the hold-out', () => {
    const r = backtest(simulateSeries(mulberry32(3), truth, 35));
    expect(r.kind).toBe('not-enough-data');
    expect(backtest(simulateSeries(mulberry32(3), truth, 36)).kind).toBe('backtest');
  });
});

describe('emergingHotspot', () => {
  const truth: SeasonalTruth = { base: 50, trendPerYear: 0.03, amplitude: 0.25 };

  it('flags a step increase in the last 3 months', () => {
    const rng = mulberry32(77);
    const series = simulateSeries(rng, truth, 48).map((p, t) =>
      t >= 45 ? { ...p, count: drawCount(rng, { ...truth, base: truth.base * 1.6 }, t) } : p,
    );
    const r = emergingHotspot(series);
    if (r.kind !== 'hotspot-test') throw new Error(r.reason);
    expect(r.periods).toEqual([periodOf(45), periodOf(46), periodOf(47)]);
    expect(r.emerging).toBe(true);
    expect(r.pValue).toBeLessThan(0.001);
    expect(r.ratio).toBeGreaterThan(1.3);
    expect(r.ratio).toBeCloseTo(r.observed / r.expected, 12);
  });

  it('does not flag a stable series', () => {
    const r = emergingHotspot(simulateSeries(mulberry32(78), truth, 48));
    if (r.kind !== 'hotspot-test') throw new Error(r.reason);
    expect(r.emerging).toBe(false);
    expect(r.pValue).toBeGreaterThan(0.05);
    expect(Math.abs(r.ratio - 1)).toBeLessThan(0.2);
  });

  it('rarely flags stable series (false alarms near 5% or below)', () => {
    const rng = mulberry32(79);
    let flagged = 0;
    for (let i = 0; i < 100; i++) {
      const r = emergingHotspot(simulateSeries(rng, { ...truth, theta: i % 2 === 0 ? Infinity : 20 }, 48));
      if (r.kind === 'hotspot-test' && r.emerging) flagged++;
    }
    expect(flagged).toBeLessThanOrEqual(10);
  });

  it('needs 24 observed months before the recent ones', () => {
    const r = emergingHotspot(simulateSeries(mulberry32(80), truth, 26));
    expect(r.kind).toBe('not-enough-data');
    if (r.kind === 'not-enough-data') expect(r.reason).toMatch(/Before the last 3 months/);
    expect(emergingHotspot(simulateSeries(mulberry32(80), truth, 27)).kind).toBe('hotspot-test');
  });
});
