import type { AgeBand, GeographyLevel, Polarity, Sex } from '../contract';
import { AGE_BANDS } from '../contract';
import type { Engine } from '../engine/engine-types';
import { num, str, strList } from '../engine/sql-literals';
import { DENOMINATOR_SUFFIX, type PublicFlag } from '../disclosure/protected-tables';
import {
  applyPolarity,
  compareWithBenchmark,
  crudeRate,
  proportion,
  type BenchmarkComparison,
  type BenchmarkOutcome,
  type NotCompared,
  type StatisticWithLimits,
} from '../stats';

/** What the map asks for: one indicator at one level, for a period, age band and sex. */
export interface MapFiguresParams {
  indicatorId: string;
  level: GeographyLevel;
  /** A month (YYYY-MM) shows that month; null shows the latest full calendar year loaded. */
  month: string | null;
  age: AgeBand;
  sex: Sex;
  statistic: 'rate' | 'proportion' | 'count';
  denominatorSource: 'population' | 'extract' | 'none';
  multiplier: number;
  polarity: Polarity;
  /** Rates from fewer events than this are flagged as a low count (the audience's policy). */
  lowCountBelow: number;
}

export interface MapPeriod {
  type: 'year' | 'month';
  /** The protected table's period key: 'YYYY' or 'YYYY-MM'. */
  period: string;
  /** Months of data in the period for this indicator and level (12 for a full year; 0 when none). */
  months: number;
  firstMonth: string | null;
  lastMonth: string | null;
}

/** `x`: no figure in the loaded data (no cell, or no denominator to make a rate from). */
export type FigureFlag = PublicFlag | 'x';

export interface AreaFigure {
  code: string;
  name: string;
  level: string;
  districtCode: string | null;
  count: number | null;
  countFlag: FigureFlag;
  /** Null for indicators that are counts only. */
  rate: StatisticWithLimits | null;
  rateFlag: FigureFlag;
  /** Denominator used for the rate (population, or the extract's own denominator for a proportion). */
  denominator: number | null;
  lowCount: boolean;
  /** The 95% limits against the whole VRU area's value. */
  comparison: BenchmarkComparison | NotCompared;
  outcome: BenchmarkOutcome | NotCompared;
}

export interface MapFigures {
  period: MapPeriod | null;
  /** Year of the population used as the denominator, when it is not the period's own year. */
  populationYear: number | null;
  /** When the indicator covers some age bands only, the bands its "all ages" rate is per head of. */
  ageBands: string[] | null;
  /** Every area of the level in the areas lookup, by name. */
  areas: AreaFigure[];
  /** The whole VRU area, the benchmark the areas are compared with. */
  benchmark: AreaFigure | null;
}

interface PeriodRow extends Record<string, string | number> {
  year: string;
  months: number;
  first: string;
  last: string;
}

/** Months of data per calendar year for an indicator at a level, oldest first. */
export async function mapYears(engine: Engine, table: string, indicatorId: string, level: GeographyLevel): Promise<PeriodRow[]> {
  return engine.query<PeriodRow>(`
    SELECT substr(period, 1, 4) AS year, count(*)::INTEGER AS months, min(period) AS first, max(period) AS last
    FROM (SELECT DISTINCT period FROM ${table}
          WHERE indicator_id = ${str(indicatorId)} AND level = ${str(level)} AND period_type = 'month')
    GROUP BY 1 ORDER BY 1`);
}

/** The latest calendar year with all twelve months, or the latest part year when none is complete. */
export function chooseYear(years: readonly PeriodRow[]): MapPeriod | null {
  const pick = [...years].reverse().find((y) => y.months === 12) ?? years[years.length - 1];
  return pick ? { type: 'year', period: pick.year, months: pick.months, firstMonth: pick.first, lastMonth: pick.last } : null;
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

interface CellRow extends Record<string, string | number | null> {
  code: string;
  name: string;
  level: string;
  districtCode: string | null;
  value: number | null;
  flag: PublicFlag | null;
  den: number | null;
  denFlag: PublicFlag | null;
  population: number | null;
}

/**
 * The protected figure of every area at the level (and of the whole VRU area) for the chosen period, age
 * and sex, with its rate, limits and comparison with the VRU area. Reads only the audience's protected
 * table and the public lookups (areas, area_ancestors, population_cube).
 */
export async function mapFigures(engine: Engine, table: string, p: MapFiguresParams): Promise<MapFigures> {
  const years = await mapYears(engine, table, p.indicatorId, p.level);
  let period: MapPeriod | null;
  if (p.month) {
    const row = years.find((y) => y.year === p.month!.slice(0, 4));
    const has = row ? (await monthExists(engine, table, p)) : false;
    period = { type: 'month', period: p.month, months: has ? 1 : 0, firstMonth: p.month, lastMonth: p.month };
  } else period = chooseYear(years);

  // An "all ages" rate of an indicator that covers some ages only is per head of those ages.
  const bandRows = await engine.query<{ age_band: string }>(`
    SELECT DISTINCT age_band FROM ${table}
    WHERE indicator_id = ${str(p.indicatorId)} AND level = 'vru' AND age_band <> 'all' ORDER BY 1`);
  const bands = bandRows.map((r) => r.age_band);
  const restricted = p.age === 'all' && bands.length > 0 && bands.length < AGE_BANDS.length;
  const popBands = p.age !== 'all' ? [p.age] : restricted ? bands : ['all'];

  const year = Number((period?.period ?? '').slice(0, 4));
  const popYears = (
    await engine.query<{ year: number }>(`SELECT DISTINCT year FROM population_cube WHERE level = ${str(p.level)} ORDER BY 1`)
  ).map((r) => r.year);
  const popYear = popYears.includes(year) ? year : ([...popYears].reverse().find((y) => y <= year) ?? popYears[0] ?? null);

  const levels = strList([p.level, 'vru']);
  const cellFilter = (indicator: string) =>
    `indicator_id = ${str(indicator)} AND level IN ${levels} AND period = ${str(period?.period ?? '')}
     AND period_type = ${str(period?.type ?? 'year')} AND age_band = ${str(p.age)} AND sex = ${str(p.sex)}`;
  const rows = await engine.query<CellRow>(`
    WITH lvl AS (
      SELECT a.code, a.name, a.level, d.ancestor AS district_code
      FROM areas a LEFT JOIN area_ancestors d ON d.code = a.code AND d.level = 'district'
      WHERE a.level IN ${levels}
    ),
    cell AS (SELECT area_code, value, flag FROM ${table} WHERE ${cellFilter(p.indicatorId)}),
    den AS (SELECT area_code, value, flag FROM ${table} WHERE ${cellFilter(p.indicatorId + DENOMINATOR_SUFFIX)}),
    pop AS (
      SELECT area_code, sum(population) AS population, count(*) AS parts FROM population_cube
      WHERE level IN ${levels} AND year = ${popYear === null ? 'NULL' : num(popYear)} AND sex = ${str(p.sex)}
        AND age_band IN ${strList(popBands)}
      GROUP BY 1
    )
    SELECT lvl.code, lvl.name, lvl.level, lvl.district_code AS "districtCode",
           cell.value::DOUBLE AS value, cell.flag AS flag, den.value::DOUBLE AS den, den.flag AS "denFlag",
           CASE WHEN pop.parts = ${num(popBands.length)} THEN pop.population::DOUBLE END AS population
    FROM lvl
    LEFT JOIN cell ON cell.area_code = lvl.code
    LEFT JOIN den ON den.area_code = lvl.code
    LEFT JOIN pop ON pop.area_code = lvl.code
    ORDER BY lvl.level, lvl.name, lvl.code`);

  const vruRow = rows.find((r) => r.level === 'vru') ?? null;
  const benchmark = vruRow ? figureOf(vruRow, p, null) : null;
  const areas = rows.filter((r) => r.level === p.level).map((r) => figureOf(r, p, benchmark?.rate?.value ?? null));
  return {
    period,
    populationYear: popYear !== null && popYear !== year && p.statistic === 'rate' ? popYear : null,
    ageBands: restricted && p.statistic === 'rate' ? bands : null,
    areas,
    benchmark,
  };
}

async function monthExists(engine: Engine, table: string, p: MapFiguresParams): Promise<boolean> {
  const [row] = await engine.query<{ n: number }>(`
    SELECT count(*)::INTEGER AS n FROM ${table}
    WHERE indicator_id = ${str(p.indicatorId)} AND level = ${str(p.level)} AND period_type = 'month' AND period = ${str(p.month ?? '')}`);
  return (row?.n ?? 0) > 0;
}

/** One area's figures from its protected cells: a rate whose count or denominator is `c` is `c`. */
export function figureOf(row: CellRow, p: MapFiguresParams, benchmarkRate: number | null): AreaFigure {
  const countFlag: FigureFlag = row.flag ?? 'x';
  const count = countFlag === 'c' || countFlag === 'x' ? null : row.value;
  let rate: StatisticWithLimits | null = null;
  let rateFlag: FigureFlag = countFlag;
  let denominator: number | null = null;
  if (p.statistic !== 'count') {
    if (p.statistic === 'proportion' || p.denominatorSource === 'extract') {
      const denFlag: FigureFlag = row.denFlag ?? 'x';
      denominator = denFlag === 'c' || denFlag === 'x' ? null : row.den;
      if (countFlag !== 'c' && (denFlag === 'c' || denFlag === 'x')) rateFlag = denFlag;
      else if (denFlag === 'rounded' && countFlag === 'shown') rateFlag = 'rounded';
      rate = p.statistic === 'proportion' ? proportion(count, denominator, { multiplier: p.multiplier }) : crudeRate(count, denominator, { multiplier: p.multiplier });
    } else {
      denominator = row.population;
      if (countFlag !== 'c' && countFlag !== 'x' && denominator === null) rateFlag = 'x';
      rate = crudeRate(count, denominator, { multiplier: p.multiplier });
    }
    if (rate.value === null && rateFlag !== 'c') rateFlag = 'x';
  }
  const comparison =
    rate && rateFlag !== 'c' && rateFlag !== 'x'
      ? compareWithBenchmark({ lower: rate.lower95, upper: rate.upper95 }, benchmarkRate)
      : ('not-compared' as const);
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    districtCode: row.districtCode,
    count,
    countFlag,
    rate,
    rateFlag,
    denominator,
    lowCount: count !== null && count < p.lowCountBelow,
    comparison,
    outcome: applyPolarity(comparison, p.polarity),
  };
}
