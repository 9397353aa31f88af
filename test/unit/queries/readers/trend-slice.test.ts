// The Trends view answers from one read per indicator and breakdown (trend-slice.ts) instead of a statement
// per question (trend-cells.ts). Here both answer the same questions on the demo, protected under analyst
// rules, on the real engine: every question, then the built series, projection, hotspots and comparison.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgeBand, Indicator, Manifest, Sex } from '../../../../src/contract';
import type { Engine, Row } from '../../../../src/engine/engine-types';
import { createNodeEngine } from '../../../../src/engine/node-engine';
import { indexSeries } from '../../../../src/queries/figures/trend-compare';
import { trendIndexComparison } from '../../../../src/queries/readers/read-trends';
import { trendHotspots } from '../../../../src/queries/readers/read-trends';
import { trendProjection } from '../../../../src/queries/readers/read-trends';
import { trendSeries } from '../../../../src/queries/readers/read-trends';
import { type TrendSeries } from '../../../../src/queries/figures/trend-series';
import { readTrendLookups, readTrendSlices, sliceTrendSource } from '../../../../src/queries/readers/trend-slice';
import type { TrendSource } from '../../../../src/queries/readers/trend-source';
import { withRawTablesHidden } from '../../../fixtures/hide-raw-tables';
import { sqlTrendSource } from '../../../fixtures/sql-trend-source';
import { DEMO_TABLE, indicatorIn, loadProtectedDemo } from '../../../fixtures/protected-demo';

const TABLE = DEMO_TABLE;
const VRU = 'VRN-LANCS';
const PRESTON = 'E07000123';
const BLACKPOOL = 'E06000009';
/** The latest month as a link may set it: none, mid-year, a December, before any data, after all data. */
const LAST_PERIODS = [null, '2024-03', '2023-12', '2019-06', '2030-01'];
const BREAKDOWNS: [AgeBand, Sex][] = [
  ['all', 'all'],
  ['15-17', 'all'],
  ['all', 'female'],
  ['15-17', 'female'],
];

let engine: Engine;
let manifest: Manifest;
let sql: TrendSource;
let statements = 0;
let smallAreas: string[] = [];
beforeAll(async () => {
  const real = await createNodeEngine();
  // Count what reaches the engine, to show that a change of area or month sends nothing.
  engine = {
    ...real,
    query: (q) => {
      statements++;
      return real.query(q);
    },
  };
  manifest = await loadProtectedDemo(real);
  sql = sqlTrendSource(answeredOnce(engine), TABLE);
  const rows = await real.query<{ code: string }>(
    `SELECT min(code) AS code FROM areas WHERE level IN ('msoa', 'lsoa') GROUP BY level ORDER BY level`,
  );
  smallAreas = rows.map((r) => r.code);
}, 900_000);
afterAll(() => engine?.close());

/**
 * The reference's engine, asking each distinct statement once: nothing in this file changes the protected table,
 * and the reference asks the same questions again for every breakdown and test (the area, its age bands, months
 * and population, and every cell read again to build series). Each answer is handed out as a fresh copy.
 */
function answeredOnce(inner: Engine): Engine {
  const answers = new Map<string, Promise<Row[]>>();
  return {
    ...inner,
    query: <T extends Row = Row>(q: string): Promise<T[]> => {
      let answer = answers.get(q);
      if (!answer) answers.set(q, (answer = inner.query(q)));
      return answer.then((rows) => structuredClone(rows) as T[]);
    },
  };
}

function indicator(id: string): Indicator {
  return indicatorIn(manifest, id);
}

async function derived(ids: readonly string[], age: AgeBand, sex: Sex): Promise<TrendSource> {
  const [slices, lookups] = await Promise.all([readTrendSlices(engine, TABLE, ids, age, sex), readTrendLookups(engine, sex)]);
  return sliceTrendSource(slices, lookups);
}

const areaCodes = () => [VRU, PRESTON, BLACKPOOL, ...smallAreas, 'NOT-AN-AREA'];

describe('the derived trend source answers as the per-question SQL does (demo, analyst rules)', () => {
  it('for every indicator, breakdown, area and latest month', async () => {
    const ids = manifest.indicators.map((i) => i.id);
    let compared = 0;
    for (const [age, sex] of BREAKDOWNS) {
      const js = await derived(ids, age, sex);
      for (const areaCode of [null, ...areaCodes()])
        expect(await js.area(areaCode), String(areaCode)).toEqual(await sql.area(areaCode));
      for (const areaCode of areaCodes()) {
        const at = `${age}/${sex} in ${areaCode}`;
        expect(await js.ageBands(ids, areaCode), at).toEqual(await sql.ageBands(ids, areaCode));
        expect(await js.partialMonths(ids, areaCode), at).toEqual(await sql.partialMonths(ids, areaCode));
        expect(await js.population(areaCode, sex), at).toEqual(await sql.population(areaCode, sex));
        for (const lastPeriod of LAST_PERIODS) {
          const slice = { age, sex, lastPeriod };
          expect(await js.cells(ids, areaCode, slice), `${at} to ${lastPeriod}`).toEqual(await sql.cells(ids, areaCode, slice));
          compared++;
        }
      }
      for (const lastPeriod of LAST_PERIODS) {
        expect(await js.monthRange(ids, lastPeriod), String(lastPeriod)).toEqual(await sql.monthRange(ids, lastPeriod));
        for (const id of ids)
          expect(await js.districtMonths(id, age, sex, lastPeriod), `${id} ${age}/${sex} to ${lastPeriod}`).toEqual(
            await sql.districtMonths(id, age, sex, lastPeriod),
          );
      }
    }
    expect(compared).toBe(BREAKDOWNS.length * areaCodes().length * LAST_PERIODS.length);
  }, 300_000);

  it('meets incomplete months, several age bands and hidden cells in the demo (the comparison above is not empty)', async () => {
    const js = await derived(['csc_referrals', 'yjs_first_time_entrants'], 'all', 'all');
    expect((await js.partialMonths(['csc_referrals'], VRU)).get('csc_referrals')?.size).toBeGreaterThan(0);
    expect((await js.ageBands(['yjs_first_time_entrants'], VRU)).get('yjs_first_time_entrants')?.length).toBeGreaterThan(1);
    const knife = 'knife_serious_violence_u25';
    const byAge = await derived([knife], '15-17', 'all');
    const cells = await byAge.cells([knife], VRU, { age: '15-17', sex: 'all', lastPeriod: null });
    expect([...(cells.months.get(knife)?.values() ?? [])].some((c) => c.flag === 'c' && c.value === null)).toBe(true);
  });

  it('builds the same series, projections, hotspots and comparisons', async () => {
    const ids = manifest.indicators.map((i) => i.id);
    for (const [age, sex] of BREAKDOWNS) {
      const js = await derived(ids, age, sex);
      // Every area and two latest months for all ages and persons; the other breakdowns differ from it only in
      // which cells are read, so the whole area and one district up to the latest month show it (half the time).
      const whole = age === 'all' && sex === 'all';
      for (const id of ids) {
        for (const lastPeriod of whole ? [null, '2024-03'] : [null]) {
          const slice = { age, sex, lastPeriod };
          const hotspots = { indicator: indicator(id), ...slice, suppressBelowOrEqual: 4 };
          expect(await trendHotspots(js, hotspots), `${id} ${age}/${sex}`).toEqual(await trendHotspots(sql, hotspots));
          for (const areaCode of whole ? [null, PRESTON, BLACKPOOL, ...smallAreas] : [null, PRESTON]) {
            const at = `${id} ${age}/${sex} in ${areaCode} to ${lastPeriod}`;
            const series = { indicator: indicator(id), areaCode, ...slice, lowCountBelow: 10 };
            expect(await trendSeries(js, series), at).toEqual(await trendSeries(sql, series));
            if (areaCode === null || areaCode === PRESTON) {
              const projection = { indicator: indicator(id), areaCode, ...slice, suppressBelowOrEqual: 4 };
              expect(await trendProjection(js, projection), at).toEqual(await trendProjection(sql, projection));
            }
          }
        }
      }
      const compare = {
        indicators: ids.slice(0, 4).map(indicator),
        areaCode: PRESTON,
        age,
        sex,
        lastPeriod: null,
        lowCountBelow: 10,
      };
      expect(await trendIndexComparison(js, compare)).toEqual(await trendIndexComparison(sql, compare));
    }
  }, 600_000);

  it('indexes indicators the same from their years alone as from their whole series', async () => {
    const all = manifest.indicators;
    for (const [age, sex] of BREAKDOWNS.slice(0, 2))
      for (const areaCode of [null, PRESTON])
        for (let k = 0; k < all.length; k += 4) {
          const indicators = all.slice(k, k + 4);
          const slice = { areaCode, age, sex, lastPeriod: null };
          const whole = await Promise.all(indicators.map((i) => trendSeries(sql, { indicator: i, ...slice, lowCountBelow: 10 })));
          const area = await sql.area(areaCode);
          if (!area || whole.some((w) => w === null)) throw new Error('no area');
          expect(await trendIndexComparison(sql, { indicators, ...slice, lowCountBelow: 10 })).toEqual(
            indexSeries(area, indicators, whole as TrendSeries[]),
          );
        }
  }, 300_000);

  it('sends one statement per indicator read and none for a change of area or latest month', async () => {
    const ids = ['police_violence_with_injury', 'csc_referrals'];
    const before = statements;
    const slices = await readTrendSlices(engine, TABLE, ids, 'all', 'all');
    expect(statements - before).toBe(1);
    const js = sliceTrendSource(slices, await readTrendLookups(engine, 'all'));
    const afterReads = statements;
    for (const areaCode of [null, PRESTON, BLACKPOOL])
      for (const lastPeriod of LAST_PERIODS) {
        await trendSeries(js, {
          indicator: indicator(ids[0] ?? ''),
          areaCode,
          age: 'all',
          sex: 'all',
          lastPeriod,
          lowCountBelow: 10,
        });
        await trendHotspots(js, {
          indicator: indicator(ids[1] ?? ''),
          age: 'all',
          sex: 'all',
          lastPeriod,
          suppressBelowOrEqual: 4,
        });
      }
    expect(statements).toBe(afterReads);
  });

  it('refuses to answer for a breakdown its cells were not read for', async () => {
    const js = await derived(['csc_referrals'], 'all', 'all');
    await expect(js.cells(['csc_referrals'], PRESTON, { age: '15-17', sex: 'all', lastPeriod: null })).rejects.toThrow(
      /another breakdown/,
    );
    await expect(js.population(PRESTON, 'female')).rejects.toThrow(/population was read for all/);
  });

  it('reads only the protected table and the public lookups, never the cube or the extracts', async () => {
    await withRawTablesHidden(engine, async () => {
      const js = await derived(['csc_referrals'], '15-17', 'all');
      expect((await js.cells(['csc_referrals'], VRU, { age: '15-17', sex: 'all', lastPeriod: null })).months.size).toBe(1);
    });
  });
});
