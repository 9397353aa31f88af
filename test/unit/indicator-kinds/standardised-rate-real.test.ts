// Real open data (../shared/real, police.uk for Lancashire, loaded as test/fixtures/real-police.ts converts it)
// with its indicator declared a directly standardised rate. police.uk records no ages, so there are no counts by
// age band: every view must say that no standardised rate can be worked out, and never show the crude rate it
// could make from the all-ages count under the standardised rate's name. The counts are still shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, Manifest } from '../../../src/contract';
import { protectInline } from '../../../src/disclosure/protect-inline';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { briefingFigures } from '../../../src/queries/readers/briefing-figures';
import { mapFigures } from '../../../src/queries/readers/map-figures';
import { trendSeries } from '../../../src/queries/readers/read-trends';
import { sqlTrendSource } from '../../fixtures/sql-trend-source';
import { DashboardSession } from '../../../src/session/dashboard-session';
import { HAS_REAL, REAL_SKIP, realData, VRU_CODE, type RealData } from '../../fixtures/real-police';

const TABLE = 'protected_analyst';
const suite = HAS_REAL ? describe : describe.skip;
if (!HAS_REAL) console.warn(REAL_SKIP);

let engine: Engine;
let data: RealData;
let indicator: Indicator;

beforeAll(async () => {
  if (!HAS_REAL) return;
  data = realData();
  const files = data.files.map((f) => {
    if (!f.name.endsWith('manifest.json')) return f;
    const m = JSON.parse(new TextDecoder().decode(f.bytes)) as { indicators: Record<string, unknown>[] };
    m.indicators = m.indicators.map((i) => ({ ...i, statistic: 'dsr', rateLabel: 'per 100,000 (age-standardised)' }));
    return { ...f, bytes: new TextEncoder().encode(JSON.stringify(m)) };
  });
  engine = await createNodeEngine();
  const session = await DashboardSession.start(engine, protectInline);
  const outcomes = await session.load(files);
  expect(outcomes.filter((o) => o.status !== 'loaded')).toEqual([]);
  await session.ensureProtected('analyst');
  indicator = (session.getSnapshot().state.manifest as Manifest).indicators[0] as Indicator;
}, 300_000);
afterAll(() => engine?.close());

suite('real police.uk data declared as a standardised rate (no ages recorded)', () => {
  it('loads it as a dsr indicator', () => {
    expect(indicator.statistic).toBe('dsr');
  });

  it('the Overview, with no full calendar year (2020 lacks three months), compares 12 months by count, with no standardised rate and why', async () => {
    const b = await briefingFigures(engine, TABLE, {
      indicators: [indicator],
      area: null,
      endMonth: null,
      policy: { lowCountBelow: 10 },
    });
    const m = b.measures[0]!;
    expect(m.current).toMatchObject({
      span: '12 months',
      label: 'the 12 months to September 2021',
      statistic: null,
      rateReason: 'a standardised rate is worked out for whole calendar years only',
    });
    expect(m.current?.value).toBeGreaterThan(0);
    expect(m.sentence).toMatch(/^The number of .+ in the 12 months to September 2021 was [\d,]+\./);
  });

  it('the Trends years and the map give no rate, with the reason, for the whole area', async () => {
    const s = (await trendSeries(sqlTrendSource(engine, TABLE), {
      indicator,
      areaCode: VRU_CODE,
      age: 'all',
      sex: 'all',
      lastPeriod: null,
      lowCountBelow: 10,
    }))!;
    expect(s.years.length).toBeGreaterThan(0);
    for (const y of s.years) {
      expect(y.count).not.toBeNull();
      expect(y).toMatchObject({ rate: null, rateFlag: 'x', rateReason: expect.stringMatching(/age band/) });
    }
    const f = await mapFigures(engine, TABLE, {
      indicatorId: indicator.id,
      level: 'district',
      month: null,
      age: 'all',
      sex: 'all',
      statistic: indicator.statistic,
      denominatorSource: indicator.denominatorSource,
      multiplier: indicator.multiplier,
      polarity: indicator.polarity,
      lowCountBelow: 10,
    });
    expect(f.areas.length).toBe(14);
    for (const a of f.areas) expect(a).toMatchObject({ rateFlag: 'x', rate: { value: null } });
  });
});
