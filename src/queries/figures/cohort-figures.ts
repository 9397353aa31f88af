// Grouping for the Cohorts view (read by readers/cohort-cells.ts). A cohort (some age bands, a sex, an area) is a grouping
// of protected cells: its count is the sum of its bands' published values, and it is suppressed as soon as
// one band is (protectGrouping), so a cohort can never be differenced against a published total.
import { denominatorOf, kindOf } from '../../indicator-kinds';
import { AGE_BANDS, ALL_AGES_ONLY, BOTH_SEXES_ONLY, type AgeBand, type Indicator, type Sex } from '../../contract';
import { partOfFlag, protectGrouping, type ProtectedGrouping } from '../../disclosure/grouping';
import { DENOMINATOR_SUFFIX, type PublicFlag, type CohortFlag } from '../../disclosure/protected-tables';
import { crudeRate, type StatisticWithLimits } from '../../stats';
import { noPopulationReason } from '../wording/population-words';
import { populationNear, type PopulationUsed } from './population-years';
import type { PopulationGap } from '../readers/population-gaps';
import type { CohortCell, CohortDefinition, PopulationCell } from '../readers/cohort-cells';

/** Cells by indicator, area, period, band and sex. */
export class CellIndex {
  private readonly cells = new Map<string, CohortCell>();
  constructor(rows: readonly CohortCell[]) {
    for (const r of rows) this.cells.set(CellIndex.key(r.indicatorId, r.areaCode, r.period, r.ageBand, r.sex), r);
  }
  static key(indicatorId: string, area: string, period: string, band: string, sex: string): string {
    return `${indicatorId}|${area}|${period}|${band}|${sex}`;
  }
  get(indicatorId: string, area: string, period: string, band: string, sex: string): CohortCell | undefined {
    return this.cells.get(CellIndex.key(indicatorId, area, period, band, sex));
  }
}

export class PopulationIndex {
  private readonly pops = new Map<string, number>();
  private readonly years = new Map<string, Set<number>>();
  constructor(
    rows: readonly PopulationCell[],
    /** Why areas have no population (population_parts), for the reason an `x` rate gives. */
    private readonly gaps: readonly PopulationGap[] = [],
  ) {
    for (const r of rows) {
      this.pops.set(`${r.areaCode}|${r.year}|${r.ageBand}|${r.sex}`, r.population);
      const years = this.years.get(r.areaCode) ?? new Set<number>();
      years.add(Number(r.year));
      this.years.set(r.areaCode, years);
    }
  }
  /** Sum of the bands' populations; null when any band is missing (a missing band is never zero). */
  sum(area: string, year: string, bands: readonly string[], sex: string): number | null {
    let total = 0;
    for (const b of bands) {
      const p = this.pops.get(`${area}|${year}|${b}|${sex}`);
      if (p === undefined) return null;
      total += p;
    }
    return total;
  }
  /** The year's sum, else the nearest year's that has every band; null (with why) when no year has. */
  near(area: string, year: string, bands: readonly string[], sex: string): PopulationUsed | { reason: string } {
    const byYear = new Map<number, number>();
    for (const y of this.years.get(area) ?? []) {
      const total = this.sum(area, String(y), bands, sex);
      if (total !== null) byYear.set(y, total);
    }
    const used = populationNear(byYear, Number(year));
    if (used) return used;
    const gaps = this.gaps.filter((g) => g.areaCode === area);
    return { reason: noPopulationReason('this area', Number(year), gaps, { ageBands: bands, sex }) };
  }
}

/** What one indicator records by age and sex (at district and VRU level), and which periods are complete. */
export interface IndicatorBreakdown {
  indicatorId: string;
  /** Age bands recorded, in the contract's order; empty when the indicator is recorded for all ages only. */
  ageBands: AgeBand[];
  bySex: boolean;
  /** Years and quarters with every month loaded, per area code (districts and the VRU area). */
  fullYears: Record<string, string[]>;
  fullQuarters: Record<string, string[]>;
}

/** True when the cohort takes every age (an explicit 'all', or every band ticked). */
export function isAllAges(ages: readonly AgeBand[]): boolean {
  return ages.includes('all') || AGE_BANDS.every((b) => ages.includes(b));
}

/** Which cells and populations make up a cohort for one indicator, or why it has no figure. */
export interface CohortSelection {
  flag: 'available' | 'x' | 'z';
  reason: string | null;
  /** Age bands of the cells to group ('all' for an all-ages cohort). */
  cellBands: AgeBand[];
  /** Age bands whose populations form the denominator. */
  populationBands: AgeBand[];
  /** The cohort's bands that the indicator records (all of the indicator's bands for an all-ages cohort). */
  coveredBands: AgeBand[];
  /** The cohort's bands the indicator does not record: left out, never counted as zero. */
  missingBands: AgeBand[];
  sex: Sex;
}

function sortBands(bands: Iterable<AgeBand>): AgeBand[] {
  const set = new Set(bands);
  return AGE_BANDS.filter((b) => set.has(b));
}

export function selectForCohort(
  breakdown: Pick<IndicatorBreakdown, 'ageBands' | 'bySex'>,
  cohort: Pick<CohortDefinition, 'ages' | 'sex'>,
): CohortSelection {
  const base: Omit<CohortSelection, 'flag' | 'reason'> = {
    cellBands: [],
    populationBands: [],
    coveredBands: [],
    missingBands: [],
    sex: cohort.sex,
  };
  if (cohort.sex !== 'all' && !breakdown.bySex) {
    return { ...base, flag: 'x', reason: BOTH_SEXES_ONLY };
  }
  if (isAllAges(cohort.ages)) {
    const banded = breakdown.ageBands.length > 0;
    return {
      ...base,
      flag: 'available',
      reason: null,
      cellBands: ['all'],
      // A banded indicator's rate is per population of the ages it records (e.g. children aged 10-17).
      populationBands: banded ? [...breakdown.ageBands] : ['all'],
      coveredBands: banded ? [...breakdown.ageBands] : ['all'],
    };
  }
  const wanted = sortBands(cohort.ages.filter((b): b is AgeBand => b !== 'all'));
  if (breakdown.ageBands.length === 0) {
    return { ...base, flag: 'x', reason: ALL_AGES_ONLY, missingBands: wanted };
  }
  const covered = wanted.filter((b) => breakdown.ageBands.includes(b));
  const missing = wanted.filter((b) => !breakdown.ageBands.includes(b));
  if (covered.length === 0) {
    return { ...base, flag: 'z', reason: `covers ages ${breakdown.ageBands.join(', ')} only`, missingBands: missing };
  }
  return {
    ...base,
    flag: 'available',
    reason: null,
    cellBands: covered,
    populationBands: covered,
    coveredBands: covered,
    missingBands: missing,
  };
}

/** The grouping of the given cells, or null when any part is missing from the table. */
export function groupCells(parts: readonly (CohortCell | undefined)[]): ProtectedGrouping | null {
  if (parts.some((p) => p === undefined)) return null;
  return protectGrouping((parts as CohortCell[]).map((c) => partOfFlag(c.value, c.flag)));
}

function groupingFlag(g: ProtectedGrouping): PublicFlag {
  return g.value === null ? 'c' : g.status === 'rounded' ? 'rounded' : 'shown';
}

/** A cohort's figure for one indicator, area and period: the grouped count, its denominator and the statistic. */
export interface CohortFigure {
  count: number | null;
  denominator: number | null;
  flag: CohortFlag;
  /** Value and limits (a count's Poisson limits for count indicators); all null unless shown. */
  stat: StatisticWithLimits;
  /** For `x` and `z`, why; for `c`, INCLUDES_HIDDEN when the figure adds up cells of which one is hidden. */
  reason: string | null;
  /** The year of the population used when the figure's own year has none (the nearest year); else null. */
  populationYear?: string | null;
  /**
   * True when the count is people in an average month of the period: people counted each month (manifest
   * `counted`) over a quarter or year, whose cell counts each of them once a month (person-months).
   */
  averageMonth?: boolean;
}

const NO_STAT: StatisticWithLimits = {
  value: null,
  lower95: null,
  upper95: null,
  lower998: null,
  upper998: null,
  method: null,
  reason: null,
};

/**
 * Why a cohort figure made of several cells is `c`: one of its cells is hidden. Said so, not "too small": the
 * disclosure layer does not say whether a hidden cell is small or protects another figure, and the total may
 * well be large.
 */
export const INCLUDES_HIDDEN = 'cannot be shown because it includes hidden figures';

/** A figure that cannot be shown, with its symbol and, for `x` and `z`, the reason. */
export function noFigure(flag: CohortFlag, reason: string | null): CohortFigure {
  return { count: null, denominator: null, flag, stat: { ...NO_STAT, reason }, reason };
}

type IndicatorMeta = Pick<Indicator, 'id' | 'statistic' | 'denominatorSource' | 'multiplier'> &
  Partial<Pick<Indicator, 'counted'>>;

/** Months a cohort period spans: 'YYYY' 12, 'YYYY-Qn' 3, a month 1. */
export function monthsInPeriod(period: string): number {
  return /^\d{4}$/.test(period) ? 12 : /^\d{4}-Q[1-4]$/.test(period) ? 3 : 1;
}

/**
 * The cohort's figure: the protected grouping of its bands' cells, over the summed population of those bands
 * (or the grouped `::denominator` cells for a proportion whose denominator comes with the extract). A
 * suppressed part makes the figure `c`; a missing part makes it `x`.
 */
export function cohortFigure(
  indicator: IndicatorMeta,
  selection: CohortSelection,
  cells: CellIndex,
  population: PopulationIndex,
  area: string,
  period: string,
  year: string,
): CohortFigure {
  if (selection.flag !== 'available') return noFigure(selection.flag, selection.reason);
  const parts = selection.cellBands.map((b) => cells.get(indicator.id, area, period, b, selection.sex));
  const numerator = groupCells(parts);
  if (numerator === null) return noFigure('x', 'no figures for this area and period');
  if (numerator.value === null) return noFigure('c', parts.length > 1 ? INCLUDES_HIDDEN : null);
  let flag = groupingFlag(numerator);
  // People counted each month: a quarter's or year's cell counts each of them once a month, so the figure is
  // worked out on the average month (people), as are its limits; the proportion or rate itself is unchanged.
  const perMonth = indicator.counted === 'people-each-month' ? monthsInPeriod(period) : 1;
  const count = numerator.value / perMonth;
  const averaged = (f: CohortFigure): CohortFigure =>
    perMonth === 1 || f.count === null
      ? f
      : {
          ...f,
          count: Math.round(f.count),
          denominator: f.denominator === null ? null : Math.round(f.denominator),
          averageMonth: true,
        };
  let denominator: number | null = null;
  let populationYear: string | null = null;
  let stat: StatisticWithLimits;
  const kind = kindOf(indicator);
  if (!kind.hasRate) {
    stat = crudeRate(count, 1, { multiplier: 1 });
  } else if (denominatorOf(indicator) === 'extract') {
    const den = groupCells(
      selection.cellBands.map((b) => cells.get(`${indicator.id}${DENOMINATOR_SUFFIX}`, area, period, b, selection.sex)),
    );
    if (den === null) return noFigure('x', 'no denominator for this area and period');
    if (den.value === null) return noFigure('c', selection.cellBands.length > 1 ? INCLUDES_HIDDEN : null);
    if (den.status === 'rounded') flag = 'rounded';
    denominator = den.value / perMonth;
    stat = kind.fromCount(count, denominator, indicator.multiplier);
  } else {
    const used = population.near(area, year, selection.populationBands, selection.sex);
    // No population is `x` with why, never `c`; another year's population is used only when named.
    if ('reason' in used) return averaged({ ...noFigure('x', used.reason), count });
    denominator = used.population;
    if (used.year !== used.wanted) populationYear = String(used.year);
    // A standardised rate from one count is none, with the kind's reason, never a crude rate under its name.
    stat = kind.fromCount(count, denominator, indicator.multiplier);
  }
  if (stat.value === null) return averaged({ count, denominator, flag: 'x', stat, reason: stat.reason });
  return averaged({ count, denominator, flag, stat, reason: null, populationYear });
}

/** Linear-interpolation quantile (type 7, as R's default) of sorted values. */
export function quantileSorted(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

/** "2025-Q3" -> "2025"; "2025" -> "2025". */
export function yearOf(period: string): string {
  return period.slice(0, 4);
}
