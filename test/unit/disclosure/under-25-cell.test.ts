// The Home Office under-25 figure as a published cell of its own (#15 item 6): an indicator about under-25s with
// older bands too gets an `under-25` age cell wherever its bands are published, protected with its relations
// (under-25 = its four bands; all ages = every band, never the under-25 cell), so the whole-area card shows when
// its total is not small although one of its bands is hidden. Real engine, the dashboard's own load and protection,
// and the independent LP auditor (test/unit/disclosure/independent-auditor.ts) on what each audience sees.
import loadHighs from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, DEFAULT_POLICIES, type ManifestInput } from '../../../src/contract';
import type { CubeCell, ProtectedCell } from '../../../src/disclosure';
import type { Engine } from '../../../src/engine/engine-types';
import { briefingFigures } from '../../../src/queries/readers/briefing-figures';
import type { DashboardSession } from '../../../src/session/dashboard-session';
import { loadMiniSession, miniManifest } from '../../fixtures/mini-contract';
import { lpFindings, relationsOf } from './independent-auditor';

const base = miniManifest.indicators[0]!;
const manifest: ManifestInput = {
  ...miniManifest,
  indicators: [
    {
      ...base,
      id: 'sharp',
      title: 'Hospital admissions for assault by a sharp object',
      unit: 'admissions',
      statistic: 'count',
      denominatorSource: 'none',
      method: 'Emergency admissions; the Home Office VRU success measure counts people aged under 25.',
      breakdowns: { ageBands: [...AGE_BANDS], bySex: false },
    },
  ],
  datasets: miniManifest.datasets.map((d) => ({ ...d, coverage: { ...d.coverage, from: '2023-01', absentRows: 'zero' } })),
};

const UNDER_25 = ['0-9', '10-14', '15-17', '18-24'];
const DISTRICTS = ['D1', 'D2'];
/** A month's count: under-10s are admitted once in the whole of 2024 (a hidden band), every other band often. */
const monthly = (d: string, band: string, period: string): number =>
  band === '0-9' ? (d === 'D1' && period === '2024-05' ? 1 : 0) : 3 + AGE_BANDS.indexOf(band as never) + (d === 'D2' ? 2 : 0);

const extracts = ['indicator_id,period,area_code,age_band,sex,count,denominator'];
const periods: string[] = [];
for (const year of [2023, 2024]) for (let m = 1; m <= 12; m++) periods.push(`${year}-${String(m).padStart(2, '0')}`);
for (const p of periods)
  for (const d of DISTRICTS)
    for (const band of AGE_BANDS) {
      const n = monthly(d, band, p);
      if (n > 0) extracts.push(`sharp,${p},${d},${band},all,${n},`); // zero rows left out, as real extracts do
    }
/** The under-25 figure worked out here from the inputs. */
const under25 = (districts: readonly string[], year: string): number =>
  periods
    .filter((p) => p.startsWith(year))
    .reduce((s, p) => s + districts.reduce((t, d) => t + UNDER_25.reduce((u, b) => u + monthly(d, b, p), 0), 0), 0);

let engine: Engine;
let session: DashboardSession;
beforeAll(async () => {
  ({ engine, session } = await loadMiniSession(manifest, [{ name: 'extracts.csv', text: extracts.join('\n') }]));
  for (const a of ['analyst', 'partner', 'public'] as const) await session.ensureProtected(a);
}, 120_000);
afterAll(() => engine.close());

const figure = async (table: string, where: string) =>
  engine.query<{ value: number | null; flag: string }>(
    `SELECT CAST(value AS DOUBLE) AS value, flag FROM ${table} WHERE indicator_id = 'sharp' AND sex = 'all' AND ${where}`,
  );

describe('the under-25 figure as a cell of its own', () => {
  it('is in the cube wherever the bands are, equal to the sum of its four bands worked out from the inputs', async () => {
    const rows = await engine.query<{ area_code: string; period: string; count: number }>(
      `SELECT area_code, period, count FROM cube WHERE indicator_id = 'sharp' AND age_band = 'under-25' AND sex = 'all'
       AND period_type = 'year' ORDER BY 1, 2`,
    );
    expect(rows).toEqual(
      ['D1', 'D2', 'VRU1'].flatMap((a) =>
        ['2023', '2024'].map((y) => ({ area_code: a, period: y, count: under25(a === 'VRU1' ? DISTRICTS : [a], y) })),
      ),
    );
    // The whole area's months by age carry it too; a district's months (all ages only) do not.
    const months = await engine.query<{ level: string; n: number }>(
      `SELECT level, count(*)::INTEGER AS n FROM cube WHERE indicator_id = 'sharp' AND age_band = 'under-25'
       AND period_type = 'month' GROUP BY 1`,
    );
    expect(months).toEqual([{ level: 'vru', n: 24 }]);
  });

  it('shows the whole-area card when one band is hidden but the under-25 total is not small', async () => {
    // Under-10s in 2024: one admission, hidden for every audience.
    expect(await figure('protected_analyst', `area_code = 'VRU1' AND period = '2024' AND age_band = '0-9'`)).toEqual([
      { value: null, flag: 'c' },
    ]);
    const expected = under25(DISTRICTS, '2024');
    expect(await figure('protected_analyst', `area_code = 'VRU1' AND period = '2024' AND age_band = 'under-25'`)).toEqual([
      { value: expected, flag: 'shown' },
    ]);
    const indicators = session.getSnapshot().state.manifest!.indicators;
    const b = await briefingFigures(engine, 'protected_analyst', {
      indicators,
      area: null,
      endMonth: null,
      policy: { lowCountBelow: 10 },
    });
    const m = b.measures[0]!;
    expect(m.ageScope.label).toBe('among people aged under 25');
    expect(m.current).toMatchObject({ period: '2024', value: expected, flag: 'shown' });
    expect(m.previous).toMatchObject({ period: '2023', value: under25(DISTRICTS, '2023'), flag: 'shown' });
    // The sentence reads the figure, not a hidden band.
    expect(m.sentence).not.toMatch(/hidden|too small/i);
  });

  it('leaves no small cell narrower than its rule for an independent LP attacker, for every audience', async () => {
    const highs = await loadHighs();
    const cube = await engine.query<CubeCell & Record<string, string | number>>(
      `SELECT indicator_id AS "indicatorId", area_code AS "areaCode", level, period, period_type AS "periodType",
              age_band AS "ageBand", sex, count FROM cube ORDER BY indicator_id, area_code, period, age_band, sex`,
    );
    const parentOf = new Map(
      (
        await engine.query<{ code: string; parent_code: string }>(
          `SELECT code, parent_code FROM areas WHERE parent_code IS NOT NULL`,
        )
      ).map((r) => [r.code, r.parent_code]),
    );
    const rels = relationsOf(cube, { parentOf });
    // The under-25 cell is a total of its bands, and not a part of all ages.
    const at = (age: string) =>
      cube.findIndex((c) => c.areaCode === 'VRU1' && c.period === '2024' && c.ageBand === age && c.sex === 'all');
    expect(rels.some((r) => r.total === at('under-25') && r.parts.length === 4 && r.op === '=')).toBe(true);
    expect(rels.some((r) => r.total === at('all') && r.parts.includes(at('under-25')))).toBe(false);
    for (const audience of ['analyst', 'partner', 'public'] as const) {
      const rows = await engine.query<{ value: number | null; flag: string }>(
        `SELECT CAST(value AS DOUBLE) AS value, flag FROM protected_${audience}
         ORDER BY indicator_id, area_code, period, age_band, sex`,
      );
      expect(rows).toHaveLength(cube.length);
      const published: ProtectedCell[] = cube.map((c, i) => ({
        ...c,
        value: rows[i]!.value,
        status: rows[i]!.flag === 'c' ? 'secondary' : rows[i]!.flag === 'rounded' ? 'rounded' : 'shown',
      }));
      const policy = DEFAULT_POLICIES[audience];
      for (const model of ['sees-c', 'knows-small'] as const)
        expect(lpFindings(highs, cube, published, rels, policy, model), `${audience}, ${model}`).toEqual([]);
    }
  });
});
