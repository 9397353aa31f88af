import type { GeographyLevel, PublishedAge, Sex } from '../contract';

export type PeriodType = 'month' | 'quarter' | 'year';

/**
 * One cell of the full cube an audience could see: a count for one indicator, area, period and breakdown.
 * Totals are cells too (level 'vru', period type 'year', age band 'all', sex 'all'); the disclosure layer
 * protects totals and parts together so that nothing can be found by subtraction.
 */
export interface CubeCell {
  indicatorId: string;
  areaCode: string;
  level: GeographyLevel;
  /** 'YYYY-MM' for months, 'YYYY-Qn' for quarters, 'YYYY' for years. */
  period: string;
  periodType: PeriodType;
  ageBand: PublishedAge;
  sex: Sex;
  count: number;
}

/** The columns that name a cell in the cube and the protected tables, in their usual order. */
export const CELL_KEY_COLUMNS = ['indicator_id', 'area_code', 'level', 'period', 'period_type', 'age_band', 'sex'] as const;

/** Why a figure is shown as it is. */
export type CellStatus = 'shown' | 'rounded' | 'primary' | 'secondary';

export interface ProtectedCell extends Omit<CubeCell, 'count'> {
  /** The figure a user may see; null when suppressed. */
  value: number | null;
  status: CellStatus;
}

/** Child area code -> parent area code (and the child's level), for every area below the VRU area. */
export interface AreaHierarchy {
  parentOf: ReadonlyMap<string, string>;
}

/** A stable key for a cell, used for joins, caching and audit reports. */
export function cellKey(c: Pick<CubeCell, 'indicatorId' | 'areaCode' | 'period' | 'ageBand' | 'sex'>): string {
  return `${c.indicatorId}|${c.areaCode}|${c.period}|${c.ageBand}|${c.sex}`;
}
