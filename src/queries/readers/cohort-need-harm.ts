import type { Indicator } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import {
  CellIndex,
  cohortFigure,
  noFigure,
  PopulationIndex,
  selectForCohort,
  type CohortFigure,
} from '../figures/cohort-figures';
import { readCohortCells, readPopulationIndex } from './cohort-cells';
import { yearLimit, type CohortCoverage } from './cohort-coverage';

export interface NeedHarmParams {
  /** A primary-tier risk indicator (e.g. deprivation or persistent absence). */
  need: Indicator;
  /** A tertiary-tier harm indicator. */
  harm: Indicator;
  coverage: CohortCoverage;
  notAfter: string | null;
}

export interface NeedHarmPoint {
  areaCode: string;
  need: CohortFigure;
  harm: CohortFigure;
}

export interface CohortNeedHarm {
  needId: string;
  harmId: string;
  /** The latest full year both indicators have (each its own latest when they share none). */
  needYear: string | null;
  harmYear: string | null;
  points: NeedHarmPoint[];
  vru: NeedHarmPoint | null;
}

/**
 * Districts placed by a risk indicator against a harm rate, both for all ages and persons in the latest full
 * year they share: the area-level picture of where prevention need and harm diverge. Each figure is one
 * protected cell over the population it is a rate of.
 */
export async function cohortNeedHarm(engine: Engine, table: string, p: NeedHarmParams): Promise<CohortNeedHarm> {
  const vru = p.coverage.vruCode ?? '';
  const limit = yearLimit(p.notAfter);
  const yearsOf = (id: string) =>
    (p.coverage.indicators.find((b) => b.indicatorId === id)?.fullYears[vru] ?? []).filter((y) => limit === null || y <= limit);
  const needYears = yearsOf(p.need.id);
  const harmYears = yearsOf(p.harm.id);
  const shared = needYears.filter((y) => harmYears.includes(y)).at(-1) ?? null;
  const needYear = shared ?? needYears.at(-1) ?? null;
  const harmYear = shared ?? harmYears.at(-1) ?? null;
  const years = [...new Set([needYear, harmYear].filter((y): y is string => y !== null))];
  const [cellRows, popRows] = years.length
    ? await Promise.all([
        readCohortCells(engine, table, {
          indicatorIds: [p.need.id, p.harm.id],
          periodType: 'year',
          periods: years,
          levels: ['district', 'vru'],
          ageBands: ['all'],
          sexes: ['all'],
        }),
        readPopulationIndex(engine, { years, levels: ['district', 'vru'], sexes: ['all'] }),
      ])
    : [[], new PopulationIndex([])];
  const cells = new CellIndex(cellRows);
  const population = popRows;
  const everyone = { ages: ['all'] as const, sex: 'all' as const };
  const figure = (ind: Indicator, year: string | null, code: string): CohortFigure => {
    const breakdown = p.coverage.indicators.find((b) => b.indicatorId === ind.id);
    if (!breakdown) return noFigure('x', 'not loaded');
    if (year === null) return noFigure('x', 'no complete year loaded');
    if (!(breakdown.fullYears[code] ?? []).includes(year)) return noFigure('x', `months of ${year} are missing in this area`);
    return cohortFigure(ind, selectForCohort(breakdown, everyone), cells, population, code, year, year);
  };
  const point = (code: string): NeedHarmPoint => ({
    areaCode: code,
    need: figure(p.need, needYear, code),
    harm: figure(p.harm, harmYear, code),
  });
  return {
    needId: p.need.id,
    harmId: p.harm.id,
    needYear,
    harmYear,
    points: p.coverage.districtCodes.map(point),
    vru: vru ? point(vru) : null,
  };
}
