import type { AgeBand, GeographyLevel, Indicator, Polarity, Sex } from '../../contract';
import { AGE_BANDS } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import { num, str, strList } from '../../engine/sql-literals';
import { DENOMINATOR_SUFFIX, type PublicFlag, type FigureFlag } from '../../disclosure/protected-tables';
import { denominatorOf, kindOf } from '../../indicator-kinds';
import { nearestYear } from '../figures/population-years';
import { noPopulationReason } from '../wording/population-words';
import { readPopulationGaps } from './population-gaps';
import {
  applyPolarity,
  compareWithBenchmark,
  type BenchmarkComparison,
  type BenchmarkOutcome,
  type NotCompared,
  type StatisticWithLimits,
} from '../../stats';

/** What the map asks for: one indicator at one level, for a period, age band and sex. */
export interface MapFiguresParams {
  indicatorId: string;
  level: GeographyLevel;
  /** A month (YYYY-MM) shows that month; null shows the latest full calendar year loaded. */
  month: string | null;
  age: AgeBand;
  sex: Sex;
  statistic: Indicator['statistic'];
  denominatorSource: Indicator['denominatorSource'];
  multiplier: number;
  polarity: Polarity;
  /** Rates from fewer events than this are flagged as a low count (the audience's policy). */
  lowCountBelow: number;
  /**
   * A loaded benchmark's values by period (e.g. England's); when given, areas are compared with its value for the
   * period shown instead of with the whole VRU area (and are not compared when it has none for that period).
   */
  benchmarkValues?: readonly { period: string; value: number }[];
  /** What a month's count is (manifest `counted`); events when not given. */
  counted?: Indicator['counted'];
}

export interface MapPeriod {
  type: 'year' | 'quarter' | 'month';
  /** The protected table's period key: 'YYYY', 'YYYY-Qn' or 'YYYY-MM'. */
  period: string;
  /** Months of data in the period for this indicator and level (12 for a full year; 0 when none). */
  months: number;
  firstMonth: string | null;
  lastMonth: string | null;
}

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
  /** Why the rate is `x` when its count is not: e.g. no population for the area, and why. */
  rateReason: string | null;
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
  /**
   * For people counted each month over a period of several months: the months the counts are averaged over, so
   * that each count is people in an average month (not person-months); null when counts are the period's own.
   */
  countAveragedOver: number | null;
  /** When the indicator covers some age bands only, the bands its "all ages" rate is per head of. */
  ageBands: string[] | null;
  /** Every area of the level in the areas lookup, by name. */
  areas: AreaFigure[];
  /** The whole VRU area, the benchmark the areas are compared with. */
  benchmark: AreaFigure | null;
}

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

/**
 * The period shown: the month asked for, or else the latest calendar year with all twelve months (the
 * latest part year when none is complete).
 */
export function choosePeriod(
  months: readonly string[],
  month: string | null,
  byBreakdown = false,
  yearsOnly = false,
): MapPeriod | null {
  if (month && yearsOnly) {
    // Small areas are published for calendar years only (build-cube.ts): the month's year is mapped.
    const year = month.slice(0, 4);
    const inYear = months.filter((m) => m.startsWith(`${year}-`));
    return { type: 'year', period: year, months: inYear.length, firstMonth: inYear[0] ?? null, lastMonth: inYear.at(-1) ?? null };
  }
  if (month && byBreakdown) {
    // Months are not published by age band or sex below the VRU area (build-cube.ts): the month's quarter is.
    const q = Math.floor((Number(month.slice(5, 7)) - 1) / 3);
    const inQuarter = [1, 2, 3].map((k) => `${month.slice(0, 4)}-${String(3 * q + k).padStart(2, '0')}`);
    const present = inQuarter.filter((m) => months.includes(m));
    return {
      type: 'quarter',
      period: `${month.slice(0, 4)}-Q${q + 1}`,
      months: present.length,
      firstMonth: inQuarter[0] ?? null,
      lastMonth: inQuarter[2] ?? null,
    };
  }
  if (month) {
    const has = months.includes(month);
    return { type: 'month', period: month, months: has ? 1 : 0, firstMonth: month, lastMonth: month };
  }
  const years = new Map<string, string[]>();
  for (const m of months) {
    const list = years.get(m.slice(0, 4)) ?? [];
    list.push(m);
    years.set(m.slice(0, 4), list);
  }
  const ordered = [...years].sort(([a], [b]) => a.localeCompare(b));
  const pick = [...ordered].reverse().find(([, ms]) => ms.length === 12) ?? ordered[ordered.length - 1];
  if (!pick) return null;
  const [year, ms] = pick;
  return { type: 'year', period: year, months: ms.length, firstMonth: ms[0] ?? null, lastMonth: ms[ms.length - 1] ?? null };
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
  /** Why `population` is null (see noPopulationReason). */
  populationReason: string | null;
}

/**
 * The protected figure of every area at the level (and of the whole VRU area) for the chosen period, age
 * and sex, with its rate, limits and comparison with the VRU area. Reads only the audience's protected
 * table and the public lookups (areas, area_ancestors, population_cube).
 */
export async function mapFigures(engine: Engine, table: string, p: MapFiguresParams, known?: MapMeta): Promise<MapFigures> {
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
  const [areaRows, cellRows] = await Promise.all([
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
  const rows: CellRow[] = areaRows.map((a) => {
    const cell = cellOf.get(a.code);
    const den = denOf.get(a.code);
    return {
      ...a,
      populationReason: populationReason(a),
      value: cell?.value ?? null,
      flag: cell?.flag ?? null,
      den: den?.value ?? null,
      denFlag: den?.flag ?? null,
    };
  });

  // People counted each month: a longer period's cell counts each of them once a month it applies, so the map
  // shows the average month (people); a proportion of the two averages is the period's own proportion.
  const averagedOver =
    p.counted === 'people-each-month' && period !== null && period.type !== 'month' && period.months > 1 ? period.months : null;
  const perMonth = (v: number | null) => (v === null || averagedOver === null ? v : v / averagedOver);
  const figure = (r: CellRow, benchmarkRate: number | null): AreaFigure => {
    const f = figureOf({ ...r, value: perMonth(r.value), den: perMonth(r.den) }, p, benchmarkRate);
    const whole = (v: number | null) => (v === null || averagedOver === null ? v : Math.round(v));
    return { ...f, count: whole(f.count), denominator: whole(f.denominator) };
  };
  const vruRow = rows.find((r) => r.level === 'vru') ?? null;
  const benchmark = vruRow ? figure(vruRow, null) : null;
  const against = p.benchmarkValues
    ? (p.benchmarkValues.find((b) => b.period === period?.period)?.value ?? null)
    : (benchmark?.rate?.value ?? null);
  const areas = rows.filter((r) => r.level === p.level).map((r) => figure(r, against));
  return {
    period,
    populationYear: popYear !== null && popYear !== year && byPopulation ? popYear : null,
    countAveragedOver: averagedOver,
    ageBands: restricted && byPopulation ? bands : null,
    areas,
    benchmark,
  };
}

/** One area's figures from its protected cells: a rate whose count or denominator is `c` is `c`. */
export function figureOf(row: CellRow, p: MapFiguresParams, benchmarkRate: number | null): AreaFigure {
  const countFlag: FigureFlag = row.flag ?? 'x';
  const count = countFlag === 'c' || countFlag === 'x' ? null : row.value;
  let rate: StatisticWithLimits | null = null;
  let rateFlag: FigureFlag = countFlag;
  let rateReason: string | null = null;
  let denominator: number | null = null;
  const kind = kindOf(p);
  if (kind.hasRate) {
    if (denominatorOf(p) === 'extract') {
      const denFlag: FigureFlag = row.denFlag ?? 'x';
      denominator = denFlag === 'c' || denFlag === 'x' ? null : row.den;
      if (countFlag !== 'c' && (denFlag === 'c' || denFlag === 'x')) rateFlag = denFlag;
      else if (denFlag === 'rounded' && countFlag === 'shown') rateFlag = 'rounded';
      rate = kind.fromCount(count, denominator, p.multiplier);
    } else {
      denominator = row.population;
      // No population is `x` with its reason, never `c`: only disclosure control hides a figure.
      if (countFlag !== 'c' && countFlag !== 'x' && denominator === null) {
        rateFlag = 'x';
        rateReason = row.populationReason ?? 'no population figure is loaded for this area';
      }
      // The map holds one count per area, so a standardised rate says it cannot be shown (kind.fromCount).
      rate = kind.fromCount(count, denominator, p.multiplier);
    }
    if (rate.value === null && rateFlag !== 'c') {
      rateFlag = 'x';
      rateReason ??= countFlag === 'x' ? 'no figure in the loaded data' : rate.reason;
    }
    if (rateReason !== null) rate = { ...rate, reason: rateReason };
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
    rateReason,
    denominator,
    lowCount: count !== null && count < p.lowCountBelow,
    comparison,
    outcome: applyPolarity(comparison, p.polarity),
  };
}
