// The Trends view's query modules against the real engine, with the demo loaded through the session
// and protected under analyst rules (as in test/unit/session/demo-snapshot.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, Manifest } from '../../../../src/contract';
import type { Engine } from '../../../../src/engine/engine-types';
import { createNodeEngine } from '../../../../src/engine/node-engine';
import { trendIndexComparison } from '../../../../src/queries/readers/read-trends';
import { trendHotspots } from '../../../../src/queries/readers/read-trends';
import { trendProjection } from '../../../../src/queries/readers/read-trends';
import { trendSeries } from '../../../../src/queries/readers/read-trends';
import { type TrendSeries } from '../../../../src/queries/figures/trend-series';
import { withRawTablesHidden } from '../../../fixtures/hide-raw-tables';
import { sqlTrendSource } from '../../../fixtures/sql-trend-source';
import { DEMO_TABLE, indicatorIn, loadProtectedDemo } from '../../../fixtures/protected-demo';

const TABLE = DEMO_TABLE;
const PRESTON = 'E07000123';
const BLACKPOOL = 'E06000009';
const VRU = 'VRN-LANCS';

let engine: Engine;
let manifest: Manifest;
beforeAll(async () => {
  engine = await createNodeEngine();
  manifest = await loadProtectedDemo(engine);
}, 900_000);
afterAll(() => engine?.close());

function indicator(id: string): Indicator {
  return indicatorIn(manifest, id);
}

async function series(id: string, areaCode: string | null, age = 'all', sex = 'all'): Promise<TrendSeries> {
  const s = await trendSeries(sqlTrendSource(engine, TABLE), {
    indicator: indicator(id),
    areaCode,
    age: age as never,
    sex: sex as never,
    lastPeriod: null,
    lowCountBelow: 10,
  });
  if (!s) throw new Error('no area');
  return s;
}

async function protectedCells(id: string, area: string, periodType: string, age = 'all', sex = 'all') {
  const rows = await engine.query<{ period: string; value: number | null; flag: string }>(`
    SELECT period, CAST(value AS DOUBLE) AS value, flag FROM ${TABLE}
    WHERE indicator_id = '${id}' AND area_code = '${area}' AND age_band = '${age}' AND sex = '${sex}' AND period_type = '${periodType}'
    ORDER BY period`);
  return new Map(rows.map((r) => [r.period, r]));
}

describe('trendSeries (real engine, demo data, analyst rules)', () => {
  it('returns every month as the protected table has it: suppressed months are null with flag c, never 0', async () => {
    // Months are published by one breakdown for the whole VRU area (build-cube.ts).
    const s = await series('knife_serious_violence_u25', null, '15-17');
    const cells = await protectedCells('knife_serious_violence_u25', VRU, 'month', '15-17');
    expect(s.months.length).toBe(60);
    const hidden = s.months.filter((m) => m.flag === 'c');
    expect(hidden.length).toBeGreaterThan(0);
    for (const m of s.months) {
      const cell = cells.get(m.period);
      expect(cell, m.period).toBeDefined();
      expect(m.flag).toBe(cell?.flag);
      expect(m.count).toBe(cell?.flag === 'c' ? null : cell?.value);
    }
    for (const m of hidden) {
      expect(m.count).toBeNull();
      expect(m.rate).toBeNull();
      expect(m.rateFlag).toBe('c');
      expect(m.countLower95).toBeNull();
    }
  });

  it('series values equal the protected monthly and yearly cells, and rates use the population table', async () => {
    const s = await series('police_violence_with_injury', PRESTON);
    const months = await protectedCells('police_violence_with_injury', PRESTON, 'month');
    const years = await protectedCells('police_violence_with_injury', PRESTON, 'year');
    for (const m of s.months)
      expect([m.period, m.count, m.flag]).toEqual([m.period, months.get(m.period)?.value ?? null, months.get(m.period)?.flag]);
    for (const y of s.years)
      expect([y.period, y.count, y.flag]).toEqual([y.period, years.get(y.period)?.value ?? null, years.get(y.period)?.flag]);
    const [pop] = await engine.query<{ population: number }>(
      `SELECT CAST(population AS DOUBLE) AS population FROM population_cube WHERE area_code = '${PRESTON}' AND year = 2023 AND age_band = 'all' AND sex = 'all'`,
    );
    const march = s.months.find((m) => m.period === '2023-03');
    expect(march?.count).not.toBeNull();
    expect(march?.rate).toBeCloseTo(((march?.count ?? 0) / (pop?.population ?? 1)) * 1000, 10);
    expect(march?.rateLower95).toBeLessThan(march?.rate ?? 0);
    expect(march?.rateUpper95).toBeGreaterThan(march?.rate ?? 0);
    const y2023 = s.years.find((y) => y.period === '2023');
    expect(y2023?.rate).toBeCloseTo(((y2023?.count ?? 0) / (pop?.population ?? 1)) * 1000, 8);
  });

  it('a rolling 12-month total is c when any of its months is c, and otherwise the sum of the months', async () => {
    let hiddenTotals = 0;
    for (const s of [await series('police_violence_with_injury', PRESTON), await series('ed_assault_attendances', null, '65+')]) {
      expect(s.rolling.length).toBe(49);
      for (const r of s.rolling) {
        const end = s.months.findIndex((m) => m.period === r.period);
        const window = s.months.slice(end - 11, end + 1);
        if (window.some((m) => m.flag === 'c')) {
          hiddenTotals++;
          expect(r.flag).toBe('c');
          expect(r.count).toBeNull();
          expect(r.rate).toBeNull();
        } else {
          expect(r.flag).not.toBe('c');
          expect(r.count).toBe(window.reduce((t, m) => t + (m.count ?? 0), 0));
        }
      }
    }
    expect(hiddenTotals).toBeGreaterThan(0);
  });

  it('a month with no data is x (not 0), marks the area total partial, and makes groupings x', async () => {
    const blackpool = await series('csc_referrals', BLACKPOOL);
    const gap = blackpool.months.filter((m) => m.flag === 'x').map((m) => m.period);
    expect(gap).toEqual(['2021-04', '2021-05']);
    expect(blackpool.months.find((m) => m.period === '2021-04')?.count).toBeNull();
    expect(blackpool.rolling.find((r) => r.period === '2021-12')?.flag).toBe('x');
    expect(blackpool.rolling.find((r) => r.period === '2022-05')?.flag).not.toBe('x');
    // Like with like: the month-of-year pattern leaves out 2021, and 2022 is compared with 2021 without April and May.
    expect(blackpool.seasonality.years).not.toContain('2021');
    expect(blackpool.seasonality.months.find((m) => m.month === 4)?.flag).not.toBe('x');
    const y2022 = blackpool.years.find((y) => y.period === '2022')?.change;
    expect(y2022?.kind === 'tested' && y2022.matchedMonths).toEqual([1, 2, 3, 6, 7, 8, 9, 10, 11, 12]);

    const whole = await series('csc_referrals', null);
    expect(whole.area.level).toBe('vru');
    expect(whole.months.find((m) => m.period === '2021-04')?.partial).toBe(true);
    expect(whole.months.find((m) => m.period === '2021-06')?.partial).toBe(false);
    expect(whole.notes.join(' ')).toMatch(/April 2021, May 2021/);
  });

  it('states the finding in the title from the data, with its significance', async () => {
    const s = await series('police_violence_with_injury', PRESTON);
    expect(s.comparison.source).toBe('calendar-years');
    const [y24, y25] = [s.years.find((y) => y.period === '2024'), s.years.find((y) => y.period === '2025')];
    const pct = Math.round((((y25?.count ?? 0) - (y24?.count ?? 0)) / (y24?.count ?? 1)) * 100);
    expect(s.comparison.countTitle).toContain(
      `Police recorded violence with injury in Preston ${pct >= 0 ? 'rose' : 'fell'} ${Math.abs(pct)}% in 2025 compared with 2024`,
    );
    const change = s.comparison.change;
    expect(change.kind).toBe('tested');
    if (change.kind === 'tested' && !change.significant)
      expect(s.comparison.rateTitle).toContain('(not a statistically significant change)');

    const hidden = await series('knife_serious_violence_u25', null, '15-17');
    expect(hidden.comparison.countTitle).toMatch(/cannot be shown: a figure is hidden to protect privacy \(c\)/);
  });

  it("explains that a district's months are not published by age band and sex, and points to what is", async () => {
    const s = await series('knife_serious_violence_u25', PRESTON, '15-17', 'female');
    expect(s.available).toBe(true);
    expect(s.monthsNotPublished).toMatch(/Monthly figures for females aged 15-17 in Preston are not published/);
    expect(s.monthsNotPublished).toMatch(/by one age band or by sex for the whole VRU area/);
    expect(s.months).toEqual([]);
    // Its calendar years are published, and shown as the protected table has them.
    const cells = await protectedCells('knife_serious_violence_u25', PRESTON, 'year', '15-17', 'female');
    expect(s.years.map((y) => y.period)).toEqual([...cells.keys()]);
    for (const y of s.years) {
      const cell = cells.get(y.period);
      expect(y.flag).toBe(cell?.flag);
      expect(y.count).toBe(cell?.flag === 'c' ? null : cell?.value);
      expect(y.monthsWithData).toBe(12);
    }
  });

  it('says when an indicator is not recorded for the chosen age band', async () => {
    const s = await series('knife_serious_violence_u25', PRESTON, '35-49');
    expect(s.available).toBe(false);
    expect(s.unavailableReason).toMatch(/no figures for people aged 35-49 in Preston/);
  });

  it('divides an all-ages rate by the population of the bands the indicator covers', async () => {
    const s = await series('yjs_first_time_entrants', null);
    const [pop] = await engine.query<{ population: number }>(
      `SELECT sum(population)::DOUBLE AS population FROM population_cube WHERE level = 'vru' AND year = 2024 AND age_band IN ('10-14', '15-17') AND sex = 'all'`,
    );
    const y = s.years.find((x) => x.period === '2024');
    expect(y?.denominator).toBeCloseTo(pop?.population ?? 0, 6);
  });
});

describe('projection, hotspots and comparison (real engine)', () => {
  it('projects 12 months with nested 80% and 95% intervals and a back-test, skipping hidden months', async () => {
    const p = await trendProjection(sqlTrendSource(engine, TABLE), {
      indicator: indicator('police_violence_with_injury'),
      areaCode: PRESTON,
      age: 'all',
      sex: 'all',
      lastPeriod: null,
      suppressBelowOrEqual: 4,
    });
    expect(p?.kind).toBe('projection');
    if (p?.kind !== 'projection') return;
    expect(p.forecast.map((f) => f.period)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    for (const f of p.forecast) {
      expect(f.lower95).toBeLessThanOrEqual(f.lower80);
      expect(f.lower80).toBeLessThanOrEqual(f.mean);
      expect(f.mean).toBeLessThanOrEqual(f.upper80);
      expect(f.upper80).toBeLessThanOrEqual(f.upper95);
    }
    const cells = await protectedCells('police_violence_with_injury', PRESTON, 'month');
    const shown = [...cells.values()].filter((c) => c.flag !== 'c').length;
    expect(p.model.observedMonths).toBe(shown);
    expect(p.hiddenMonths).toBe(60 - shown);
    expect(p.history.filter((h) => h.flag === 'c').every((h) => h.count === null)).toBe(true);
    expect(p.backtest.kind).toBe('backtest');
    expect(p.title).toMatch(
      /^If the pattern since 2021 continued, about [\d,]+ offences of violence with injury would be recorded in Preston in the 12 months to December 2026/,
    );
  });

  it('refuses a projection when many hidden months could have been small ones', async () => {
    const p = await trendProjection(sqlTrendSource(engine, TABLE), {
      indicator: indicator('knife_serious_violence_u25'),
      areaCode: PRESTON,
      age: '15-17',
      sex: 'female',
      lastPeriod: null,
      suppressBelowOrEqual: 4,
    });
    expect(p?.kind).toBe('not-shown');
  });

  it('tests every district for an emerging hotspot, or says why it cannot', async () => {
    const h = await trendHotspots(sqlTrendSource(engine, TABLE), {
      indicator: indicator('csc_referrals'),
      age: 'all',
      sex: 'all',
      lastPeriod: null,
      suppressBelowOrEqual: 4,
    });
    expect(h.rows).toHaveLength(14);
    expect(h.periods).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(h.tested).toBeGreaterThan(5);
    for (const r of h.rows) {
      if (r.outcome.kind === 'tested') {
        expect(r.outcome.pValue).toBeGreaterThanOrEqual(0);
        expect(r.outcome.pValue).toBeLessThanOrEqual(1);
        expect(r.outcome.emerging).toBe(r.outcome.pValue < 0.05);
      } else expect(r.outcome.reason.length).toBeGreaterThan(10);
    }
    expect(h.flagged).toBe(h.rows.filter((r) => r.outcome.kind === 'tested' && r.outcome.emerging).length);
  });

  it('indexes several indicators to their first shared year from the protected year cells', async () => {
    const ids = ['police_violence_with_injury', 'ed_assault_attendances', 'csc_referrals', 'neet_16_17'];
    const c = await trendIndexComparison(sqlTrendSource(engine, TABLE), {
      indicators: ids.map(indicator),
      areaCode: PRESTON,
      age: 'all',
      sex: 'all',
      lastPeriod: null,
      lowCountBelow: 10,
    });
    expect(c?.baseYear).toBe('2021');
    for (const s of c?.series ?? []) {
      const base = s.points.find((p) => p.period === '2021');
      if (s.unavailableReason === null) expect(base?.index).toBeCloseTo(100, 10);
      else expect(s.baseFlag === 'c' || s.baseFlag === 'x').toBe(true);
      for (const p of s.points) if (p.flag === 'c') expect(p.index).toBeNull();
    }
  });

  it('reads only the protected table and the public lookups, never the cube or the extracts', async () => {
    await withRawTablesHidden(engine, async () => {
      const s = await series('police_violence_with_injury', PRESTON);
      expect(s.available).toBe(true);
      await trendProjection(sqlTrendSource(engine, TABLE), {
        indicator: indicator('csc_referrals'),
        areaCode: null,
        age: 'all',
        sex: 'all',
        lastPeriod: '2025-06',
        suppressBelowOrEqual: 4,
      });
      await trendHotspots(sqlTrendSource(engine, TABLE), {
        indicator: indicator('csc_referrals'),
        age: 'all',
        sex: 'all',
        lastPeriod: null,
        suppressBelowOrEqual: 4,
      });
      await trendIndexComparison(sqlTrendSource(engine, TABLE), {
        indicators: [indicator('csc_referrals')],
        areaCode: null,
        age: 'all',
        sex: 'all',
        lastPeriod: null,
        lowCountBelow: 10,
      });
    });
  });

  it('stops the series at the chosen latest month', async () => {
    const s = await trendSeries(sqlTrendSource(engine, TABLE), {
      indicator: indicator('csc_referrals'),
      areaCode: null,
      age: 'all',
      sex: 'all',
      lastPeriod: '2024-03',
      lowCountBelow: 10,
    });
    expect(s?.months.at(-1)?.period).toBe('2024-03');
    expect(s?.years.at(-1)?.period).toBe('2024');
    expect(s?.years.at(-1)?.complete).toBe(false);
    expect(s?.comparison.source).toBe('rolling-12-months');
    expect(s?.comparison.countTitle).toContain('the 12 months to March 2024');
  });
});
