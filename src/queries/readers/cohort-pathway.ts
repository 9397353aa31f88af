import { kindOf } from '../../indicator-kinds';
import { TIERS, type Indicator, type Tier } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import { CellIndex, cohortFigure, PopulationIndex, selectForCohort, yearOf } from '../figures/cohort-figures';
import { readCohortCells, readPopulationIndex, type CohortDefinition } from './cohort-cells';
import type { CohortCoverage } from './cohort-coverage';
import type { CohortFlag } from '../../disclosure/protected-tables';

export type PathwayGranularity = 'year' | 'quarter';

export interface PathwayPoint {
  period: string;
  rate: number | null;
  /** Rate as a percentage of the first year's rate (first year = 100). */
  index: number | null;
  flag: CohortFlag;
  /** The population's year when the period's own year has none (the nearest year loaded). */
  populationYear?: string | null;
}

export interface PathwaySeries {
  indicatorId: string;
  tier: Tier;
  /** The first year's rate (the mean of its quarters for a quarterly series); null when it cannot be indexed. */
  base: number | null;
  excludedReason: string | null;
  points: PathwayPoint[];
}

export interface TierPoint {
  period: string;
  /** Mean of the tier's indexed rates; null for a gap. */
  index: number | null;
  /** `c` when a member's figure is suppressed there, `x` when one is missing, else shown or rounded. */
  flag: CohortFlag;
  /** How many indicators the mean is over. */
  members: number;
}

export interface TierLine {
  tier: Tier;
  points: TierPoint[];
  included: string[];
  excluded: { indicatorId: string; reason: string }[];
}

export interface CohortPathway {
  granularity: PathwayGranularity;
  areaCode: string;
  periods: string[];
  tiers: TierLine[];
  series: PathwaySeries[];
}

/**
 * Indexes a series on its first year, so the first year = 100. A yearly series is divided by the first year's
 * rate; a quarterly one by the same quarter of the first year, so that the season does not move the index
 * (school measures fall every summer). A series whose base is suppressed, missing or zero cannot be indexed,
 * and says why.
 */
export function indexSeries(
  points: readonly Omit<PathwayPoint, 'index'>[],
  granularity: PathwayGranularity,
): { base: number | null; reason: string | null; points: PathwayPoint[] } {
  const none = (reason: string) => ({ base: null, reason, points: points.map((p) => ({ ...p, index: null })) });
  const first = points[0];
  if (!first) return none('no complete periods loaded');
  const firstYear = yearOf(first.period);
  const basePoints = points.filter((p) => yearOf(p.period) === firstYear);
  if (granularity === 'quarter' && basePoints.length < 4) return none(`${firstYear} has fewer than four complete quarters`);
  if (basePoints.some((p) => p.flag === 'c'))
    return none(`its ${firstYear} figure is suppressed (c), so there is no base to index on`);
  if (basePoints.some((p) => p.rate === null)) return none(`no figure for ${firstYear}, so there is no base to index on`);
  if (basePoints.some((p) => !((p.rate ?? 0) > 0))) return none(`its ${firstYear} rate is zero, so it cannot be indexed`);
  const season = (period: string) => (granularity === 'quarter' ? period.slice(5) : '');
  const baseOf = new Map(basePoints.map((p) => [season(p.period), p.rate ?? 0]));
  const base = basePoints.reduce((s, p) => s + (p.rate ?? 0), 0) / basePoints.length;
  return {
    base,
    reason: null,
    points: points.map((p) => {
      const b = baseOf.get(season(p.period));
      return { ...p, index: p.rate === null || b === undefined ? null : (p.rate / b) * 100 };
    }),
  };
}

/**
 * A tier's line: at each period, the mean of its indexed indicators that cover that period. A point is a gap
 * when any of them is suppressed there (`c`) or missing (`x`): a mean over fewer indicators would move for
 * reasons that have nothing to do with the people in the cohort.
 */
export function aggregateTier(tier: Tier, series: readonly PathwaySeries[], periods: readonly string[]): TierLine {
  const mine = series.filter((s) => s.tier === tier);
  const included = mine.filter((s) => s.base !== null);
  const points = periods.map((period): TierPoint => {
    const at = included.flatMap((s) => s.points.filter((p) => p.period === period));
    if (at.length === 0) return { period, index: null, flag: 'x', members: 0 };
    if (at.some((p) => p.flag === 'c')) return { period, index: null, flag: 'c', members: at.length };
    if (at.some((p) => p.index === null)) return { period, index: null, flag: 'x', members: at.length };
    const index = at.reduce((s, p) => s + (p.index ?? 0), 0) / at.length;
    return { period, index, flag: at.some((p) => p.flag === 'rounded') ? 'rounded' : 'shown', members: at.length };
  });
  return {
    tier,
    points,
    included: included.map((s) => s.indicatorId),
    excluded: mine
      .filter((s) => s.base === null)
      .map((s) => ({ indicatorId: s.indicatorId, reason: s.excludedReason ?? 'cannot be indexed' })),
  };
}

export interface PathwayParams {
  cohort: CohortDefinition;
  indicators: readonly Indicator[];
  coverage: CohortCoverage;
  granularity: PathwayGranularity;
}

/** The cohort's rates per tier over the complete years (or quarters) loaded, indexed on the first year. */
export async function cohortPathway(engine: Engine, table: string, p: PathwayParams): Promise<CohortPathway> {
  const vru = p.coverage.vruCode ?? '';
  const area = p.cohort.area ?? vru;
  const breakdownOf = new Map(p.coverage.indicators.map((b) => [b.indicatorId, b]));
  const full = (id: string, code: string): string[] => {
    const b = breakdownOf.get(id);
    return (p.granularity === 'year' ? b?.fullYears[code] : b?.fullQuarters[code]) ?? [];
  };
  const periods = [...new Set(p.indicators.flatMap((i) => full(i.id, vru)))].sort();
  const years = [...new Set(periods.map(yearOf))];
  const [cellRows, popRows] = periods.length
    ? await Promise.all([
        readCohortCells(engine, table, {
          indicatorIds: p.indicators.map((i) => i.id),
          periodType: p.granularity,
          periods,
          areaCodes: [area],
          ageBands: [...new Set<string>([...p.cohort.ages, 'all'])],
          sexes: [p.cohort.sex],
        }),
        readPopulationIndex(engine, { years, areaCodes: [area], sexes: [p.cohort.sex] }),
      ])
    : [[], new PopulationIndex([])];
  const cells = new CellIndex(cellRows);
  const population = popRows;

  const series = p.indicators.map((ind): PathwaySeries => {
    const breakdown = breakdownOf.get(ind.id);
    const excluded = (reason: string): PathwaySeries => ({
      indicatorId: ind.id,
      tier: ind.tier,
      base: null,
      excludedReason: reason,
      points: [],
    });
    if (!breakdown) return excluded('not loaded');
    if (!kindOf(ind).hasRate) return excluded('shown as counts only (no rate), so not indexed with the rates');
    const selection = selectForCohort(breakdown, p.cohort);
    if (selection.flag !== 'available') return excluded(selection.reason ?? 'not recorded for this cohort');
    const here = new Set(full(ind.id, area));
    const raw = full(ind.id, vru).map((period) => {
      if (!here.has(period)) return { period, rate: null, flag: 'x' as const };
      const f = cohortFigure(ind, selection, cells, population, area, period, yearOf(period));
      return { period, rate: f.stat.value, flag: f.flag, populationYear: f.populationYear ?? null };
    });
    const indexed = indexSeries(raw, p.granularity);
    return { indicatorId: ind.id, tier: ind.tier, base: indexed.base, excludedReason: indexed.reason, points: indexed.points };
  });
  return {
    granularity: p.granularity,
    areaCode: area,
    periods,
    tiers: TIERS.map((t) => aggregateTier(t, series, periods)),
    series,
  };
}
