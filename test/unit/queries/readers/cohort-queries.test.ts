// The Cohorts view's query modules against the real engine, with the demo loaded through the session and
// protected under analyst rules (as in test/unit/session/demo-snapshot.test.ts). Every figure is checked
// against a recomputation straight from the protected table and the population lookup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgeBand, Indicator, Manifest, Sex } from '../../../../src/contract';
import type { Engine } from '../../../../src/engine/engine-types';
import { createNodeEngine } from '../../../../src/engine/node-engine';
import { cohortCoverage, type CohortCoverage } from '../../../../src/queries/readers/cohort-coverage';
import { cohortNeedHarm } from '../../../../src/queries/readers/cohort-need-harm';
import { cohortPathway } from '../../../../src/queries/readers/cohort-pathway';
import { cohortProfile, type CohortProfile } from '../../../../src/queries/readers/cohort-profile';
import { cohortPyramid } from '../../../../src/queries/readers/cohort-pyramid';
import { DEMO_TABLE, indicatorIn, loadProtectedDemo } from '../../../fixtures/protected-demo';

const TABLE = DEMO_TABLE;
const PRESTON = 'E07000123';

let engine: Engine;
let manifest: Manifest;
let coverage: CohortCoverage;
beforeAll(async () => {
  engine = await createNodeEngine();
  manifest = await loadProtectedDemo(engine);
  coverage = await cohortCoverage(engine, TABLE);
}, 900_000);
afterAll(() => engine?.close());

function indicator(id: string): Indicator {
  return indicatorIn(manifest, id);
}

/** A year's count as the profile shows it: people counted each month (NEET) as the average month, in people. */
function asShown(id: string, yearCount: number): number {
  return indicator(id).counted === 'people-each-month' ? Math.round(yearCount / 12) : yearCount;
}

interface Cell {
  value: number | null;
  flag: string;
}

/** One protected cell, read independently of the query modules. */
async function protectedCell(id: string, area: string, period: string, band: string, sex: string): Promise<Cell | undefined> {
  const [row] = await engine.query<{ value: number | null; flag: string }>(
    `SELECT CAST(value AS DOUBLE) AS value, flag FROM ${TABLE}
     WHERE indicator_id = '${id}' AND area_code = '${area}' AND period = '${period}' AND age_band = '${band}' AND sex = '${sex}'`,
  );
  return row;
}

async function population(area: string, year: string, bands: readonly string[], sex: string): Promise<number> {
  const [row] = await engine.query<{ p: number }>(
    `SELECT sum(population)::DOUBLE AS p FROM population_cube
     WHERE area_code = '${area}' AND year = ${Number(year)} AND sex = '${sex}' AND age_band IN (${bands.map((b) => `'${b}'`).join(', ')})`,
  );
  return row?.p ?? NaN;
}

/** The figure the grouping rule gives: c when any band's cell is c, else the sum of the shown values. */
async function expectedGrouping(
  id: string,
  area: string,
  period: string,
  bands: readonly string[],
  sex: string,
): Promise<number | 'c'> {
  const cells = await Promise.all(bands.map((b) => protectedCell(id, area, period, b, sex)));
  if (cells.some((c) => c === undefined)) throw new Error(`missing cell for ${id} ${area} ${period}`);
  if (cells.some((c) => c?.flag === 'c')) return 'c';
  return cells.reduce((s, c) => s + (c?.value ?? 0), 0);
}

const YOUNG_MEN_IN_PRESTON = { ages: ['15-17', '18-24'] as AgeBand[], sex: 'male' as Sex, area: PRESTON };

describe('what each indicator records', () => {
  it('knows the districts, the VRU area, each indicator’s bands and its complete years', () => {
    expect(coverage.vruCode).toBe('VRN-LANCS');
    expect(coverage.districtCodes).toHaveLength(14);
    const by = (id: string) => coverage.indicators.find((b) => b.indicatorId === id);
    expect(by('yjs_first_time_entrants')).toMatchObject({ ageBands: ['10-14', '15-17'], bySex: true });
    expect(by('ed_assault_attendances')?.ageBands).toContain('65+');
    expect(by('police_violence_with_injury')).toMatchObject({ ageBands: [], bySex: false });
    expect(by('proven_reoffending')?.fullYears['VRN-LANCS']).toEqual(['2021', '2022', '2023']);
    // The deliberate gap: ED attendances in Lancaster are missing October and November 2022.
    expect(by('ed_assault_attendances')?.fullYears['E07000121']).not.toContain('2022');
    // So the whole area's 2022 lacks Lancaster's two months: not a whole year, and not compared as one.
    expect(by('ed_assault_attendances')?.fullYears['VRN-LANCS']).not.toContain('2022');
    expect(by('ed_assault_attendances')?.fullYears['VRN-LANCS']).toContain('2023');
  });
});

describe('the tier profile of a cohort', () => {
  let profile: CohortProfile;
  beforeAll(async () => {
    profile = await cohortProfile(engine, TABLE, {
      cohort: YOUNG_MEN_IN_PRESTON,
      indicators: manifest.indicators,
      coverage,
      notAfter: null,
      lowCountBelow: 10,
    });
  });

  it('has every indicator in all three tiers, for the latest full year', () => {
    expect(profile.rows).toHaveLength(manifest.indicators.length);
    expect(new Set(profile.rows.map((r) => r.tier))).toEqual(new Set(['primary', 'secondary', 'tertiary']));
    expect(profile.rows.find((r) => r.indicatorId === 'ed_assault_attendances')?.year).toBe('2025');
    expect(profile.rows.find((r) => r.indicatorId === 'proven_reoffending')?.year).toBe('2023');
  });

  it('groups the bands’ protected cells: c when any band is suppressed, the sum otherwise', async () => {
    let hidden = 0;
    let shown = 0;
    for (const row of profile.rows.filter((r) => r.selection.flag === 'available')) {
      const expected = await expectedGrouping(row.indicatorId, PRESTON, row.year ?? '', row.selection.cellBands, 'male');
      const denominator =
        indicator(row.indicatorId).denominatorSource === 'extract'
          ? await expectedGrouping(`${row.indicatorId}::denominator`, PRESTON, row.year ?? '', row.selection.cellBands, 'male')
          : 0;
      if (expected === 'c' || denominator === 'c') {
        hidden++;
        expect(row.figure.flag, row.indicatorId).toBe('c');
        expect(row.figure.stat.value).toBeNull();
      } else {
        shown++;
        expect(row.figure.count, row.indicatorId).toBe(asShown(row.indicatorId, expected));
      }
    }
    // The demo has both kinds for this small cohort, so both branches are exercised.
    expect(profile.rows.find((r) => r.indicatorId === 'neet_16_17')?.figure).toMatchObject({ averageMonth: true });
    expect(hidden).toBeGreaterThan(0);
    expect(shown).toBeGreaterThan(0);
  });

  it('computes each shown rate from the protected count and the summed population of the covered bands', async () => {
    for (const row of profile.rows.filter((r) => r.figure.flag !== 'c' && r.selection.flag === 'available')) {
      const ind = indicator(row.indicatorId);
      if (ind.denominatorSource !== 'population' || ind.statistic === 'count') continue;
      const pop = await population(PRESTON, row.year ?? '', row.selection.populationBands, 'male');
      expect(row.figure.denominator, row.indicatorId).toBe(pop);
      expect(row.figure.stat.value, row.indicatorId).toBeCloseTo(((row.figure.count ?? NaN) / pop) * ind.multiplier, 9);
      expect(row.figure.stat.lower95).toBeLessThanOrEqual(row.figure.stat.value ?? NaN);
    }
  });

  it('does not count the bands an indicator lacks as zero: youth justice covers 15-17 of 15-24', async () => {
    const yj = profile.rows.find((r) => r.indicatorId === 'yjs_first_time_entrants');
    expect(yj?.selection).toMatchObject({ flag: 'available', coveredBands: ['15-17'], missingBands: ['18-24'] });
    if (yj?.figure.flag !== 'c') expect(yj?.figure.denominator).toBe(await population(PRESTON, '2025', ['15-17'], 'male'));
    const vwi = profile.rows.find((r) => r.indicatorId === 'police_violence_with_injury');
    expect(vwi?.figure.flag).toBe('x');
  });

  it('benchmarks against the same ages and sex in the VRU area, and takes the range from the districts', async () => {
    for (const row of profile.rows.filter((r) => r.selection.flag === 'available' && r.benchmark)) {
      const expected = await expectedGrouping(row.indicatorId, 'VRN-LANCS', row.year ?? '', row.selection.cellBands, 'male');
      // A proportion is hidden too when its denominator (itself a protected grouping) is.
      const denominator =
        indicator(row.indicatorId).denominatorSource === 'extract'
          ? await expectedGrouping(
              `${row.indicatorId}::denominator`,
              'VRN-LANCS',
              row.year ?? '',
              row.selection.cellBands,
              'male',
            )
          : 0;
      if (expected === 'c' || denominator === 'c') expect(row.benchmark?.flag).toBe('c');
      else expect(row.benchmark?.count, row.indicatorId).toBe(asShown(row.indicatorId, expected));
      const shown = row.districts.flatMap((d) =>
        d.figure.flag === 'c' || d.figure.stat.value === null ? [] : [d.figure.stat.value],
      );
      if (row.range) {
        expect(row.range.min).toBe(Math.min(...shown));
        expect(row.range.max).toBe(Math.max(...shown));
        expect(row.range.hidden).toBe(row.districts.filter((d) => d.figure.flag === 'c').length);
      }
      const preston = row.districts.find((d) => d.areaCode === PRESTON);
      expect(preston?.figure).toEqual(row.figure);
    }
  });

  it('compares by 95% limits through the polarity, and never compares a hidden figure', () => {
    for (const row of profile.rows) {
      if (row.figure.stat.value === null || row.benchmark?.stat.value == null || row.statistic === 'count') {
        expect(row.comparison).toBe('not-compared');
        continue;
      }
      const { lower95, upper95 } = row.figure.stat;
      const b = row.benchmark.stat.value;
      const side = (lower95 ?? 0) > b ? 'higher' : (upper95 ?? 0) < b ? 'lower' : 'similar';
      const expected =
        side === 'similar' || row.polarity === 'neutral'
          ? side
          : (side === 'higher') === (row.polarity === 'higher-is-worse')
            ? 'worse'
            : 'better';
      expect(row.comparison, row.indicatorId).toBe(expected);
    }
  });

  it('shows more for a wider cohort: young people aged 15-24 across the VRU area', async () => {
    const wide = await cohortProfile(engine, TABLE, {
      cohort: { ages: ['15-17', '18-24'], sex: 'all', area: null },
      indicators: manifest.indicators,
      coverage,
      notAfter: null,
      lowCountBelow: 10,
    });
    const hidden = (p: CohortProfile) => p.rows.filter((r) => r.figure.flag === 'c').length;
    expect(hidden(wide)).toBeLessThan(hidden(profile));
    expect(wide.rows.every((r) => r.benchmark === null && r.comparison === 'not-compared')).toBe(true);
  });
});

describe('the pathway, the pyramid and need and harm', () => {
  it('averages the tier’s indexed rates per year, each rate grouped from protected year cells', async () => {
    const cohort = { ages: ['15-17', '18-24'] as AgeBand[], sex: 'all' as Sex, area: null };
    const pathway = await cohortPathway(engine, TABLE, {
      cohort,
      indicators: manifest.indicators,
      coverage,
      granularity: 'year',
    });
    expect(pathway.periods).toEqual(['2021', '2022', '2023', '2024', '2025']);
    for (const line of pathway.tiers) {
      line.points.forEach((p) => {
        const members = pathway.series
          .filter((s) => line.included.includes(s.indicatorId))
          .flatMap((s) => s.points.filter((q) => q.period === p.period));
        if (p.index === null) return;
        expect(p.members).toBe(members.length);
        expect(p.index).toBeCloseTo(members.reduce((s, q) => s + (q.index ?? NaN), 0) / members.length, 9);
      });
    }
    const suspensions = pathway.series.find((s) => s.indicatorId === 'school_suspensions');
    const p2025 = suspensions?.points.find((p) => p.period === '2025');
    const grouped = await expectedGrouping('school_suspensions', 'VRN-LANCS', '2025', ['15-17'], 'all');
    if (grouped !== 'c' && p2025?.rate != null) {
      expect(p2025.rate).toBeCloseTo(
        (grouped / (await population('VRN-LANCS', '2025', ['15-17'], 'all'))) * indicator('school_suspensions').multiplier,
        9,
      );
    }
    const quarterly = await cohortPathway(engine, TABLE, {
      cohort,
      indicators: manifest.indicators,
      coverage,
      granularity: 'quarter',
    });
    expect(quarterly.periods).toHaveLength(20);
  });

  it('draws one protected cell per bar of the pyramid', async () => {
    const ed = indicator('ed_assault_attendances');
    const pyramid = await cohortPyramid(engine, TABLE, { indicator: ed, coverage, area: PRESTON, notAfter: null });
    expect(pyramid.year).toBe('2025');
    expect(pyramid.bands.map((b) => b.ageBand)).toEqual(['0-9', '10-14', '15-17', '18-24', '25-34', '35-49', '50-64', '65+']);
    for (const b of pyramid.bands) {
      for (const sex of ['female', 'male'] as const) {
        const cell = await protectedCell(ed.id, PRESTON, '2025', b.ageBand, sex);
        if (cell?.flag === 'c') expect(b[sex].flag).toBe('c');
        else expect(b[sex].count).toBe(cell?.value);
      }
    }
    const vwi = await cohortPyramid(engine, TABLE, {
      indicator: indicator('police_violence_with_injury'),
      coverage,
      area: null,
      notAfter: null,
    });
    expect(vwi.reason).toMatch(/all ages and both sexes together/);
  });

  it('places every district by a risk rate and a harm rate for all ages and both sexes', async () => {
    const need = indicator('persistent_absence');
    const harm = indicator('police_violence_with_injury');
    const nh = await cohortNeedHarm(engine, TABLE, { need, harm, coverage, notAfter: null });
    expect(nh.points).toHaveLength(14);
    expect(nh.needYear).toBe('2025');
    const preston = nh.points.find((p) => p.areaCode === PRESTON);
    const cell = await protectedCell(harm.id, PRESTON, '2025', 'all', 'all');
    if (cell?.flag !== 'c') {
      expect(preston?.harm.stat.value).toBeCloseTo(
        ((cell?.value ?? NaN) / (await population(PRESTON, '2025', ['all'], 'all'))) * harm.multiplier,
        9,
      );
    }
    // Persistent absence is a rate per child in the bands it records (0-17), not per resident of all ages.
    const absence = await protectedCell(need.id, PRESTON, '2025', 'all', 'all');
    if (absence?.flag !== 'c') {
      expect(preston?.need.denominator).toBe(await population(PRESTON, '2025', ['0-9', '10-14', '15-17'], 'all'));
    }
    expect(nh.vru?.areaCode).toBe('VRN-LANCS');
  });
});
