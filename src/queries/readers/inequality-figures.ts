import type { Engine } from '../../engine/engine-types';
import {
  GAP_METHOD,
  groupRates,
  rateGap,
  SII_METHOD,
  slopeIndexOfInequality,
  type GapResult,
  type SiiOutcome,
  type StatisticWithLimits,
} from '../../stats';
import { deprivationGroupCells, type DeprivationGroupCell, type DeprivationScheme } from './deprivation-groups';
import { choosePeriod, type MapPeriod } from '../figures/map-area-figures';
import { mapMeta } from './map-figures';
import { nearestYear } from '../figures/population-years';
import type { FigureFlag } from '../../disclosure/protected-tables';

export interface InequalityParams {
  indicatorId: string;
  /** A month (YYYY-MM) shows its calendar year; null the latest full year loaded (else the latest part year). */
  month: string | null;
  multiplier: number;
  /** Rates need a population denominator; other indicators are shown as counts only. */
  rates: boolean;
}

export interface GroupFigure extends DeprivationGroupCell {
  /** "1 (most deprived)" ... */
  label: string;
  /** Null when the indicator has no population rate. */
  rate: StatisticWithLimits | null;
  rateFlag: FigureFlag;
}

export interface SchemeFigures {
  scheme: DeprivationScheme;
  groups: GroupFigure[];
  /** Slope and relative index of inequality, or why there is none. */
  sii: SiiOutcome;
  /** Most against least deprived group; null (with the reason) when either is not shown. */
  gap: GapResult | null;
  gapReason: string | null;
}

export interface InequalityFigures {
  period: MapPeriod | null;
  /** Year of the population used, when it is not the period's own year. */
  populationYear: number | null;
  national: SchemeFigures;
  local: SchemeFigures;
  smallAreas: number;
  unranked: number;
  /** Small areas the deprivation lookup ranks (0: no lookup loaded, or none of its areas are here). */
  ranked: number;
  methods: { sii: string; gap: string };
}

/**
 * Rates by deprivation group (national IMD deciles and local quintiles) for one indicator and year, with the
 * slope and relative indices of inequality and the most-to-least-deprived gap. Group figures come only from
 * deprivationGroupCells (protected sums); population from population_cube.
 */
export async function inequalityFigures(engine: Engine, table: string, p: InequalityParams): Promise<InequalityFigures> {
  const meta = await mapMeta(engine, table, p.indicatorId, 'lsoa');
  const period = choosePeriod(meta.months, p.month, false, true);
  const year = period?.period ?? '';
  const popYear = nearestYear(meta.popYears, Number(year));
  const cells = await deprivationGroupCells(engine, table, { indicatorId: p.indicatorId, year, populationYear: popYear });
  return {
    period,
    populationYear: popYear !== null && String(popYear) !== year && p.rates ? popYear : null,
    national: schemeFigures('national', cells.national, p),
    local: schemeFigures('local', cells.local, p),
    smallAreas: cells.smallAreas,
    unranked: cells.unranked,
    ranked: cells.smallAreas - cells.unranked,
    methods: { sii: SII_METHOD, gap: GAP_METHOD },
  };
}

function groupLabel(scheme: DeprivationScheme, group: number, groups: number): string {
  const end = group === 1 ? ' (most deprived)' : group === groups ? ' (least deprived)' : '';
  return `${scheme === 'national' ? 'Decile' : 'Quintile'} ${group}${end}`;
}

function schemeFigures(scheme: DeprivationScheme, cells: readonly DeprivationGroupCell[], p: InequalityParams): SchemeFigures {
  const rates = p.rates ? groupRates(cells, p.multiplier) : cells.map(() => null);
  const groups: GroupFigure[] = cells.map((c, i) => {
    const rate = rates[i] ?? null;
    const rateFlag: FigureFlag = c.flag === 'c' || c.flag === 'x' ? c.flag : rate === null || rate.value === null ? 'x' : c.flag;
    return { ...c, label: groupLabel(scheme, c.group, cells.length), rate, rateFlag };
  });
  const shown = groups.filter((g) => g.rateFlag !== 'c' && g.rateFlag !== 'x');
  const hidden = groups.filter((g) => g.rateFlag === 'c').length;
  let sii: SiiOutcome;
  if (!p.rates) sii = { ok: false, reason: 'this indicator has no rates per resident' };
  else if (hidden > 0)
    sii = { ok: false, reason: `${hidden} of ${groups.length} groups are hidden to protect privacy, so no line can be fitted` };
  else if (shown.length < groups.length) sii = { ok: false, reason: 'some groups have no figure in the loaded data' };
  else
    sii = slopeIndexOfInequality(
      shown.map((g) => ({
        rate: g.rate!.value!,
        lower95: g.rate!.lower95!,
        upper95: g.rate!.upper95!,
        population: g.population!,
      })),
    );

  const most = groups[0];
  const least = groups[groups.length - 1];
  let gap: GapResult | null = null;
  let gapReason: string | null = null;
  if (!p.rates) gapReason = 'this indicator has no rates per resident';
  else if (!most || !least || [most, least].some((g) => g.rateFlag === 'c'))
    gapReason = 'the most or least deprived group is hidden to protect privacy';
  else if ([most, least].some((g) => g.rateFlag === 'x')) gapReason = 'the most or least deprived group has no figure';
  else gap = rateGap(most, least, p.multiplier);
  return { scheme, groups, sii, gap, gapReason };
}
