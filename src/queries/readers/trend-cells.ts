// Reading for the Trends view: protected cells for one breakdown of an area, and the public lookups
// (areas, population_cube) beside them. Every figure comes from the protected table passed in.
import { AGE_BANDS, type AgeBand, type Sex } from '../../contract';
import { DENOMINATOR_SUFFIX, type PublicFlag } from '../../disclosure/protected-tables';
import type { Engine } from '../../engine/engine-types';
import { ident, str, strList } from '../../engine/sql-literals';

export interface TrendArea {
  code: string;
  name: string;
  level: string;
}

/** Which slice of the protected table a trend reads. */
export interface TrendSlice {
  /** Null means the whole VRU area (level 'vru'). */
  areaCode: string | null;
  age: AgeBand;
  sex: Sex;
  /** Last month shown (YYYY-MM); null means the latest loaded. */
  lastPeriod: string | null;
}

/** One protected cell as a trend reads it. */
export interface ProtectedFigure {
  value: number | null;
  flag: PublicFlag;
}

/**
 * A protected table's cell row as a figure: a hidden one (`c`) carries no value, whatever the row holds. (Rows
 * of a combined read that are not cells have no flag; they are never passed here.)
 */
export function figureOfRow(row: { value: number | null; flag: string | null }): ProtectedFigure {
  return { value: row.flag === 'c' ? null : row.value, flag: row.flag as PublicFlag };
}

/** The cells of several indicators for one area and breakdown, keyed for lookup. */
export interface TrendCells {
  /** indicator id -> month 'YYYY-MM' -> cell (the denominators of proportions under `<id>::denominator`). */
  months: Map<string, Map<string, ProtectedFigure>>;
  /** indicator id -> year 'YYYY' -> cell. */
  years: Map<string, Map<string, ProtectedFigure>>;
}

export async function resolveTrendArea(engine: Engine, areaCode: string | null): Promise<TrendArea | null> {
  const where = areaCode === null ? `level = 'vru'` : `code = ${str(areaCode)}`;
  const [row] = await engine.query<{ code: string; name: string; level: string }>(
    `SELECT code, name, level FROM areas WHERE ${where} ORDER BY code LIMIT 1`,
  );
  return row ?? null;
}

function withDenominators(ids: readonly string[]): string[] {
  return ids.flatMap((id) => [id, `${id}${DENOMINATOR_SUFFIX}`]);
}

function yearOf(period: string): string {
  return period.slice(0, 4);
}

/** Monthly and calendar-year cells of the indicators (and their denominators) for one slice. */
export async function readTrendCells(
  engine: Engine,
  table: string,
  indicatorIds: readonly string[],
  areaCode: string,
  slice: Pick<TrendSlice, 'age' | 'sex' | 'lastPeriod'>,
): Promise<TrendCells> {
  const until =
    slice.lastPeriod === null
      ? ''
      : `AND ((period_type = 'month' AND period <= ${str(slice.lastPeriod)}) OR (period_type = 'year' AND period <= ${str(yearOf(slice.lastPeriod))}))`;
  const rows = await engine.query<{
    indicator_id: string;
    period: string;
    period_type: string;
    value: number | null;
    flag: string;
  }>(`
    SELECT indicator_id, period, period_type, CAST(value AS DOUBLE) AS value, flag
    FROM ${ident(table)}
    WHERE indicator_id IN ${strList(withDenominators(indicatorIds))}
      AND area_code = ${str(areaCode)} AND age_band = ${str(slice.age)} AND sex = ${str(slice.sex)}
      AND period_type IN ('month', 'year') ${until}
    ORDER BY indicator_id, period`);
  const cells: TrendCells = { months: new Map(), years: new Map() };
  for (const r of rows) {
    const target = r.period_type === 'month' ? cells.months : cells.years;
    let byPeriod = target.get(r.indicator_id);
    if (!byPeriod) target.set(r.indicator_id, (byPeriod = new Map()));
    byPeriod.set(r.period, figureOfRow(r));
  }
  return cells;
}

/** Calendar-year cells by age band (not 'all') of the indicators for one area and sex: id -> band -> year -> cell. */
export async function readAgeBandYears(
  engine: Engine,
  table: string,
  indicatorIds: readonly string[],
  areaCode: string,
  sex: Sex,
  lastPeriod: string | null,
): Promise<Map<string, Map<string, Map<string, ProtectedFigure>>>> {
  const until = lastPeriod === null ? '' : `AND period <= ${str(yearOf(lastPeriod))}`;
  const rows = await engine.query<{
    indicator_id: string;
    age_band: string;
    period: string;
    value: number | null;
    flag: string;
  }>(`
    SELECT indicator_id, age_band, period, CAST(value AS DOUBLE) AS value, flag
    FROM ${ident(table)}
    WHERE indicator_id IN ${strList(indicatorIds)} AND area_code = ${str(areaCode)} AND sex = ${str(sex)}
      AND period_type = 'year' AND age_band IN ${strList(AGE_BANDS)} ${until}
    ORDER BY indicator_id, age_band, period`);
  const out = new Map<string, Map<string, Map<string, ProtectedFigure>>>(indicatorIds.map((id) => [id, new Map()]));
  for (const r of rows) {
    const byBand = out.get(r.indicator_id);
    if (!byBand) continue;
    const byYear = byBand.get(r.age_band) ?? new Map<string, ProtectedFigure>();
    byBand.set(r.age_band, byYear);
    byYear.set(r.period, figureOfRow(r));
  }
  return out;
}

/** First and last month each indicator has anywhere (its coverage), capped at the last month shown. */
export async function indicatorMonthRange(
  engine: Engine,
  table: string,
  indicatorIds: readonly string[],
  lastPeriod: string | null,
): Promise<Map<string, { first: string; last: string }>> {
  const rows = await engine.query<{ indicator_id: string; first: string; last: string }>(`
    SELECT indicator_id, min(period) AS first, max(period) AS last
    FROM ${ident(table)}
    WHERE indicator_id IN ${strList(indicatorIds)} AND period_type = 'month'
      ${lastPeriod === null ? '' : `AND period <= ${str(lastPeriod)}`}
    GROUP BY indicator_id`);
  return new Map(rows.map((r) => [r.indicator_id, { first: r.first, last: r.last }]));
}

/**
 * The age bands each indicator is recorded in (none when it is given for all ages only). A rate for
 * "all ages" of an indicator about children must divide by the children in those bands, not everyone.
 */
export async function indicatorAgeBands(
  engine: Engine,
  table: string,
  indicatorIds: readonly string[],
  areaCode: string,
): Promise<Map<string, string[]>> {
  const rows = await engine.query<{ indicator_id: string; age_band: string }>(`
    SELECT DISTINCT indicator_id, age_band FROM ${ident(table)}
    WHERE indicator_id IN ${strList(indicatorIds)} AND area_code = ${str(areaCode)}
      AND period_type = 'year' AND age_band IN ${strList(AGE_BANDS)}
    ORDER BY 1, 2`);
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.indicator_id, [...(out.get(r.indicator_id) ?? []), r.age_band]);
  return out;
}

export interface PopulationRow {
  year: number;
  ageBand: string;
  population: number;
}

/** Mid-year population of the area by year and age band, for one sex. */
export async function readPopulation(engine: Engine, areaCode: string, sex: Sex): Promise<PopulationRow[]> {
  return engine.query<{ year: number; ageBand: string; population: number }>(`
    SELECT CAST(year AS INTEGER) AS year, age_band AS "ageBand", CAST(population AS DOUBLE) AS population
    FROM population_cube WHERE area_code = ${str(areaCode)} AND sex = ${str(sex)}
    ORDER BY year, age_band`);
}

/**
 * Population for each year for an indicator and age choice: the chosen band, or for "all ages" the sum
 * over the bands the indicator is recorded in (all residents when it has no bands).
 */
export function populationForIndicator(
  rows: readonly PopulationRow[],
  age: AgeBand,
  indicatorBands: readonly string[],
): Map<number, number> {
  const wanted = age !== 'all' ? [age] : indicatorBands.length > 0 ? indicatorBands : ['all'];
  const out = new Map<number, number>();
  const found = new Map<number, number>();
  for (const r of rows) {
    if (!wanted.includes(r.ageBand)) continue;
    out.set(r.year, (out.get(r.year) ?? 0) + r.population);
    found.set(r.year, (found.get(r.year) ?? 0) + 1);
  }
  // A year missing one of the bands would understate the population: leave it out instead.
  for (const [year, n] of found) if (n < wanted.length) out.delete(year);
  return out;
}

/**
 * Months in which fewer of the area's child areas reported the indicator than usually do: the area's
 * total for that month is incomplete (a partner sent no data for part of the area).
 */
export async function partialMonths(
  engine: Engine,
  table: string,
  indicatorIds: readonly string[],
  areaCode: string,
): Promise<Map<string, Map<string, number>>> {
  const rows = await engine.query<{ indicator_id: string; period: string; n: number; expected: number }>(`
    WITH reporting AS (
      SELECT t.indicator_id, t.period, count(DISTINCT t.area_code)::INTEGER AS n
      FROM ${ident(table)} t JOIN areas a ON a.code = t.area_code
      WHERE a.parent_code = ${str(areaCode)} AND t.indicator_id IN ${strList(indicatorIds)}
        AND t.period_type = 'month' AND t.age_band = 'all' AND t.sex = 'all'
      GROUP BY t.indicator_id, t.period
    )
    SELECT indicator_id, period, n, (max(n) OVER (PARTITION BY indicator_id))::INTEGER AS expected
    FROM reporting ORDER BY indicator_id, period`);
  const out = new Map<string, Map<string, number>>(indicatorIds.map((id) => [id, new Map()]));
  for (const r of rows) if (r.n < r.expected) out.get(r.indicator_id)?.set(r.period, r.expected - r.n);
  return out;
}

/** Months in which the area has a cell for all ages and persons, per indicator (whatever the cell's flag). */
export async function reportedMonths(
  engine: Engine,
  table: string,
  indicatorIds: readonly string[],
  areaCode: string,
): Promise<Map<string, Set<string>>> {
  const rows = await engine.query<{ indicator_id: string; period: string }>(`
    SELECT DISTINCT indicator_id, period FROM ${ident(table)}
    WHERE indicator_id IN ${strList(indicatorIds)} AND area_code = ${str(areaCode)}
      AND period_type = 'month' AND age_band = 'all' AND sex = 'all'
    ORDER BY indicator_id, period`);
  const out = new Map<string, Set<string>>(indicatorIds.map((id) => [id, new Set()]));
  for (const r of rows) out.get(r.indicator_id)?.add(r.period);
  return out;
}

/** A district and its protected monthly cells, for the hotspot tests. */
export interface DistrictMonths {
  code: string;
  name: string;
  months: Map<string, ProtectedFigure>;
}

/** Every district (by name) with its monthly cells of one indicator and breakdown, to the last month shown. */
export async function readDistrictMonths(
  engine: Engine,
  table: string,
  indicatorId: string,
  age: AgeBand,
  sex: Sex,
  lastPeriod: string | null,
): Promise<DistrictMonths[]> {
  const rows = await engine.query<{
    area_code: string;
    name: string;
    period: string | null;
    value: number | null;
    flag: string;
  }>(`
    SELECT a.code AS area_code, a.name, t.period, CAST(t.value AS DOUBLE) AS value, t.flag
    FROM areas a LEFT JOIN ${ident(table)} t
      ON t.area_code = a.code AND t.indicator_id = ${str(indicatorId)} AND t.period_type = 'month'
     AND t.age_band = ${str(age)} AND t.sex = ${str(sex)}
     ${lastPeriod === null ? '' : `AND t.period <= ${str(lastPeriod)}`}
    WHERE a.level = 'district'
    ORDER BY a.name, t.period`);
  const areas = new Map<string, DistrictMonths>();
  for (const r of rows) {
    let a = areas.get(r.area_code);
    if (!a) areas.set(r.area_code, (a = { code: r.area_code, name: r.name, months: new Map() }));
    if (r.period !== null) a.months.set(r.period, figureOfRow(r));
  }
  return [...areas.values()];
}
