// The map's figures from protected cells already read (readers/map-figures.ts reads them): the period shown,
// each area's count and rate with the flag that hides it, and its comparison with the benchmark.
import type { AgeBand, GeographyLevel, Indicator, Polarity, Sex } from '../../contract';
import type { PublicFlag, FigureFlag } from '../../disclosure/protected-tables';
import { denominatorOf, kindOf } from '../../indicator-kinds';
import {
  applyPolarity,
  compareWithBenchmark,
  type BenchmarkComparison,
  type BenchmarkOutcome,
  type NotCompared,
  type StatisticWithLimits,
} from '../../stats';
import { NO_FIGURE_REASON, NO_POPULATION_REASON } from '../wording/population-words';

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
  /**
   * Months of the period in which some part of the area sent no data: its figure is partial (too low) and is not
   * compared. 0 when complete.
   */
  incompleteMonths: number;
  /** The 95% limits against the whole VRU area's value ('not-compared' too when either figure is partial). */
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

/** One area with its protected cells (count and denominator) and its population. */
export interface AreaCells extends Record<string, string | number | null> {
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
  /**
   * Months of the period in which some part of the area sent no data (readers/parts-reporting.ts): its total is
   * too low, so it is marked partial and not compared. 0 when complete.
   */
  incompleteMonths: number;
}

/**
 * The figures of the level's areas and of the whole VRU area (their benchmark, unless a loaded benchmark is given)
 * from their protected cells, for the period shown.
 */
export function areaFiguresOf(
  rows: readonly AreaCells[],
  p: MapFiguresParams,
  period: MapPeriod | null,
): Pick<MapFigures, 'countAveragedOver' | 'areas' | 'benchmark'> {
  // People counted each month: a longer period's cell counts each of them once a month it applies, so the map
  // shows the average month (people); a proportion of the two averages is the period's own proportion.
  const averagedOver =
    p.counted === 'people-each-month' && period !== null && period.type !== 'month' && period.months > 1 ? period.months : null;
  const perMonth = (v: number | null) => (v === null || averagedOver === null ? v : v / averagedOver);
  const figure = (r: AreaCells, benchmarkRate: number | null): AreaFigure => {
    const f = figureOf({ ...r, value: perMonth(r.value), den: perMonth(r.den) }, p, benchmarkRate);
    const whole = (v: number | null) => (v === null || averagedOver === null ? v : Math.round(v));
    return { ...f, count: whole(f.count), denominator: whole(f.denominator) };
  };
  const vruRow = rows.find((r) => r.level === 'vru') ?? null;
  const benchmark = vruRow ? figure(vruRow, null) : null;
  // A whole area missing some parts' months is too low: nothing is compared with it.
  const against = p.benchmarkValues
    ? (p.benchmarkValues.find((b) => b.period === period?.period)?.value ?? null)
    : benchmark && benchmark.incompleteMonths === 0
      ? (benchmark.rate?.value ?? null)
      : null;
  const areas = rows.filter((r) => r.level === p.level).map((r) => figure(r, against));
  return { countAveragedOver: averagedOver, areas, benchmark };
}

/** One area's figures from its protected cells: a rate whose count or denominator is `c` is `c`. */
export function figureOf(row: AreaCells, p: MapFiguresParams, benchmarkRate: number | null): AreaFigure {
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
        rateReason = row.populationReason ?? NO_POPULATION_REASON;
      }
      // The map holds one count per area, so a standardised rate says it cannot be shown (kind.fromCount).
      rate = kind.fromCount(count, denominator, p.multiplier);
    }
    if (rate.value === null && rateFlag !== 'c') {
      rateFlag = 'x';
      rateReason ??= countFlag === 'x' ? NO_FIGURE_REASON : rate.reason;
    }
    if (rateReason !== null) rate = { ...rate, reason: rateReason };
  }
  const comparison =
    rate && rateFlag !== 'c' && rateFlag !== 'x' && row.incompleteMonths === 0
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
    incompleteMonths: row.incompleteMonths,
    comparison,
    outcome: applyPolarity(comparison, p.polarity),
  };
}
