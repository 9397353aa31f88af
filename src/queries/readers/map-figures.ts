import type { GeographyLevel } from '../../contract';
import { AGE_BANDS } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import { num, str, strList } from '../../engine/sql-literals';
import { DENOMINATOR_SUFFIX, type PublicFlag } from '../../disclosure/protected-tables';
import { denominatorOf } from '../../indicator-kinds';
import { areaFiguresOf, choosePeriod, type AreaCells, type MapFigures, type MapFiguresParams } from '../figures/map-area-figures';
import { nearestYear } from '../figures/population-years';
import { noPopulationReason } from '../wording/population-words';
import { incompleteMonths, type ReportingSource } from './parts-reporting';
import { readPopulationGaps } from './population-gaps';

/** What the map needs to know about an indicator at a level before asking for its figures. */
export interface MapMeta {
  /** Months with figures for the whole VRU area (small areas have years only), oldest first. */
  months: string[];
  /** Age bands the indicator is broken down by (none when it is given for all ages only). */
  bands: string[];
  /** Years of population loaded for the level. */
  popYears: number[];
}

/**
 * One round trip to the engine for the months, age bands and population years, so that a filter change
 * (another month, age band or sex) runs only the figures query.
 */
export async function mapMeta(engine: Engine, table: string, indicatorId: string, level: GeographyLevel): Promise<MapMeta> {
  const rows = await engine.query<{ kind: string; value: string }>(`
    SELECT 'month' AS kind, period AS value FROM (
      SELECT DISTINCT period FROM ${table}
      WHERE indicator_id = ${str(indicatorId)} AND level = 'vru' AND period_type = 'month')
    UNION ALL
    SELECT 'band', age_band FROM (
      SELECT DISTINCT age_band FROM ${table}
      WHERE indicator_id = ${str(indicatorId)} AND level = 'vru' AND age_band IN ${strList(AGE_BANDS)})
    UNION ALL
    SELECT 'year', CAST(year AS VARCHAR) FROM (SELECT DISTINCT year FROM population_cube WHERE level = ${str(level)})`);
  const of = (kind: string) =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => r.value)
      .sort();
  return {
    months: of('month'),
    bands: of('band'),
    popYears: of('year')
      .map(Number)
      .sort((a, b) => a - b),
  };
}

export interface IndicatorLevel extends Record<string, string | number> {
  indicatorId: string;
  level: string;
  /** All-ages, persons calendar-year cells, and how many of them are not suppressed. */
  yearCells: number;
  shownYearCells: number;
}

/** Which indicators have figures at which levels, and how many of their yearly cells can be shown. */
export async function mapIndicatorLevels(engine: Engine, table: string): Promise<IndicatorLevel[]> {
  return engine.query<IndicatorLevel>(`
    SELECT indicator_id AS "indicatorId", level,
           count(*) FILTER (WHERE period_type = 'year' AND age_band = 'all' AND sex = 'all')::INTEGER AS "yearCells",
           count(*) FILTER (WHERE period_type = 'year' AND age_band = 'all' AND sex = 'all' AND flag <> 'c')::INTEGER AS "shownYearCells"
    FROM ${table}
    WHERE NOT ends_with(indicator_id, ${str(DENOMINATOR_SUFFIX)})
    GROUP BY 1, 2 ORDER BY 1, 2`);
}

interface AreaRow extends Record<string, string | number | null> {
  code: string;
  name: string;
  level: string;
  districtCode: string | null;
  population: number | null;
}

/**
 * The protected figure of every area at the level (and of the whole VRU area) for the chosen period, age
 * and sex, with its rate, limits and comparison with the VRU area. Reads only the audience's protected
 * table and the public lookups (areas, area_ancestors, population_cube).
 */
export async function mapFigures(
  engine: Engine,
  table: string,
  p: MapFiguresParams,
  known?: MapMeta,
  /** Which parts of each area reported each month (see parts-reporting.ts); the protected cells by default. */
  reporting: ReportingSource = { table, declaredFor: [] },
): Promise<MapFigures> {
  const meta = known ?? (await mapMeta(engine, table, p.indicatorId, p.level));
  const small = p.level !== 'vru' && p.level !== 'district';
  const period = choosePeriod(meta.months, p.month, p.level !== 'vru' && (p.age !== 'all' || p.sex !== 'all'), small);

  // An "all ages" rate of an indicator that covers some ages only is per head of those ages.
  const bands = meta.bands;
  const restricted = p.age === 'all' && bands.length > 0 && bands.length < AGE_BANDS.length;
  const popBands = p.age !== 'all' ? [p.age] : restricted ? bands : ['all'];

  // The period's own year, else the nearest year the level has population for (the view names it).
  const year = Number((period?.period ?? '').slice(0, 4));
  const popYear = nearestYear(meta.popYears, year);

  // Two statements: the areas with their population (the same for every month of a year, so a month change is
  // answered from the engine's query cache), and the cells of the period, which are all a filter change needs.
  const levels = strList([p.level, 'vru']);
  const periodMonths = period?.firstMonth
    ? meta.months.filter((m) => m >= period.firstMonth! && m <= (period.lastMonth ?? period.firstMonth!))
    : [];
  const [areaRows, cellRows, incomplete] = await Promise.all([
    engine.query<AreaRow>(`
      WITH lvl AS (
        SELECT a.code, a.name, a.level, d.ancestor AS district_code
        FROM areas a LEFT JOIN area_ancestors d ON d.code = a.code AND d.level = 'district'
        WHERE a.level IN ${levels}
      ),
      pop AS (
        SELECT area_code, sum(population) AS population, count(*) AS parts FROM population_cube
        WHERE level IN ${levels} AND year = ${popYear === null ? 'NULL' : num(popYear)} AND sex = ${str(p.sex)}
          AND age_band IN ${strList(popBands)}
        GROUP BY 1
      )
      SELECT lvl.code, lvl.name, lvl.level, lvl.district_code AS "districtCode",
             CASE WHEN pop.parts = ${num(popBands.length)} THEN pop.population::DOUBLE END AS population
      FROM lvl LEFT JOIN pop ON pop.area_code = lvl.code
      ORDER BY lvl.level, lvl.name, lvl.code`),
    engine.query<{ indicator_id: string; area_code: string; value: number | null; flag: PublicFlag }>(`
      SELECT indicator_id, area_code, value::DOUBLE AS value, flag FROM ${table}
      WHERE indicator_id IN ${strList([p.indicatorId, p.indicatorId + DENOMINATOR_SUFFIX])} AND level IN ${levels}
        AND period = ${str(period?.period ?? '')} AND period_type = ${str(period?.type ?? 'year')}
        AND age_band = ${str(p.age)} AND sex = ${str(p.sex)}`),
    incompleteMonths(engine, reporting, p.indicatorId, [p.level, 'vru'], periodMonths),
  ]);
  const byPopulation = denominatorOf(p) === 'population';
  const gaps =
    byPopulation && areaRows.some((a) => a.population === null)
      ? await readPopulationGaps(engine, { levels: [p.level, 'vru'], sex: p.sex })
      : [];
  const populationReason = (a: AreaRow): string | null =>
    a.population !== null || !byPopulation
      ? null
      : noPopulationReason(
          a.name,
          popYear ?? year,
          gaps.filter((g) => g.areaCode === a.code),
          { ageBands: popBands, sex: p.sex },
        );
  const cellOf = new Map<string, { value: number | null; flag: PublicFlag }>();
  const denOf = new Map<string, { value: number | null; flag: PublicFlag }>();
  for (const c of cellRows) (c.indicator_id === p.indicatorId ? cellOf : denOf).set(c.area_code, c);
  const rows: AreaCells[] = areaRows.map((a) => {
    const cell = cellOf.get(a.code);
    const den = denOf.get(a.code);
    return {
      ...a,
      populationReason: populationReason(a),
      incompleteMonths: incomplete.get(a.code) ?? 0,
      value: cell?.value ?? null,
      flag: cell?.flag ?? null,
      den: den?.value ?? null,
      denFlag: den?.flag ?? null,
    };
  });

  return {
    period,
    populationYear: popYear !== null && popYear !== year && byPopulation ? popYear : null,
    ageBands: restricted && byPopulation ? bands : null,
    ...areaFiguresOf(rows, p, period),
  };
}
