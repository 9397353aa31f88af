import type { AgeBand, Indicator } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import { CellIndex, cohortFigure, noFigure, type CohortFigure } from '../figures/cohort-figures';
import { readCohortCells, readPopulationIndex } from './cohort-cells';
import { latestFullYear, type CohortCoverage } from './cohort-coverage';

export interface PyramidParams {
  indicator: Indicator;
  coverage: CohortCoverage;
  /** A district code, or null for the whole VRU area. */
  area: string | null;
  notAfter: string | null;
}

export interface PyramidBand {
  ageBand: AgeBand;
  female: CohortFigure;
  male: CohortFigure;
}

export interface CohortPyramid {
  indicatorId: string;
  areaCode: string;
  year: string | null;
  bands: PyramidBand[];
  /** Why there is no pyramid (the indicator has no age or sex breakdown, or no complete year). */
  reason: string | null;
}

/** Rates by age band for females and males: one protected year cell per bar. */
export async function cohortPyramid(engine: Engine, table: string, p: PyramidParams): Promise<CohortPyramid> {
  const vru = p.coverage.vruCode ?? '';
  const area = p.area ?? vru;
  const breakdown = p.coverage.indicators.find((b) => b.indicatorId === p.indicator.id);
  const empty = (reason: string, year: string | null = null): CohortPyramid => ({
    indicatorId: p.indicator.id,
    areaCode: area,
    year,
    bands: [],
    reason,
  });
  if (!breakdown) return empty('it is not loaded');
  if (breakdown.ageBands.length === 0 || !breakdown.bySex)
    return empty('it is recorded for all ages and both sexes together only');
  const year = latestFullYear(breakdown, vru, p.notAfter);
  if (year === null) return empty('no complete year of it is loaded');
  const fullHere = (breakdown.fullYears[area] ?? []).includes(year);
  const [cellRows, popRows] = await Promise.all([
    readCohortCells(engine, table, {
      indicatorIds: [p.indicator.id],
      periodType: 'year',
      periods: [year],
      areaCodes: [area],
      ageBands: breakdown.ageBands,
      sexes: ['female', 'male'],
    }),
    readPopulationIndex(engine, { years: [year], areaCodes: [area], sexes: ['female', 'male'] }),
  ]);
  const cells = new CellIndex(cellRows);
  const population = popRows;
  const figure = (band: AgeBand, sex: 'female' | 'male'): CohortFigure =>
    fullHere
      ? cohortFigure(
          p.indicator,
          {
            flag: 'available',
            reason: null,
            cellBands: [band],
            populationBands: [band],
            coveredBands: [band],
            missingBands: [],
            sex,
          },
          cells,
          population,
          area,
          year,
          year,
        )
      : noFigure('x', `months of ${year} are missing in this area`);
  return {
    indicatorId: p.indicator.id,
    areaCode: area,
    year,
    bands: breakdown.ageBands.map((band) => ({ ageBand: band, female: figure(band, 'female'), male: figure(band, 'male') })),
    reason: null,
  };
}
