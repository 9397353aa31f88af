import { kindOf } from '../../indicator-kinds';
import type { Indicator, Polarity, Tier } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import { applyPolarity, compareWithBenchmark, type BenchmarkOutcome, type NotCompared } from '../../stats';
import {
  CellIndex,
  cohortFigure,
  noFigure,
  PopulationIndex,
  quantileSorted,
  selectForCohort,
  type CohortFigure,
  type CohortSelection,
} from '../figures/cohort-figures';
import { readCohortCells, readPopulationIndex, type CohortDefinition } from './cohort-cells';
import { latestFullYear, type CohortCoverage } from './cohort-coverage';

export interface ProfileParams {
  cohort: CohortDefinition;
  indicators: readonly Indicator[];
  coverage: CohortCoverage;
  /** The latest month the user chose (YYYY-MM), or null for the latest loaded. */
  notAfter: string | null;
  /** Rates from fewer events than this carry a low-count flag (the audience's policy). */
  lowCountBelow: number;
}

/** Where the districts' values for the same ages and sex lie: the spine chart's bar. */
export interface SpineRange {
  /** Districts with a figure shown, and districts whose figure is suppressed (left out of the range). */
  shown: number;
  hidden: number;
  min: number;
  q25: number;
  q75: number;
  max: number;
}

export interface ProfileRow {
  indicatorId: string;
  tier: Tier;
  polarity: Polarity;
  statistic: Indicator['statistic'];
  /** The latest full calendar year for this indicator, or null when none is complete. */
  year: string | null;
  selection: CohortSelection;
  figure: CohortFigure;
  /** The same ages and sex in the whole VRU area; null when the cohort is the whole VRU area. */
  benchmark: CohortFigure | null;
  /** Against the benchmark by 95% confidence limits, through the indicator's polarity. */
  comparison: BenchmarkOutcome | NotCompared;
  lowCount: boolean;
  districts: { areaCode: string; figure: CohortFigure }[];
  range: SpineRange | null;
}

export interface CohortProfile {
  areaCode: string;
  vruCode: string;
  rows: ProfileRow[];
}

/** Districts' shown values (suppressed ones left out, and counted) as a range for the spine chart. */
export function spineRange(figures: readonly CohortFigure[]): SpineRange | null {
  const values = figures.flatMap((f) => (f.flag !== 'c' && f.stat.value !== null ? [f.stat.value] : [])).sort((a, b) => a - b);
  const hidden = figures.filter((f) => f.flag === 'c').length;
  if (values.length === 0) return null;
  return {
    shown: values.length,
    hidden,
    min: values[0] ?? 0,
    q25: quantileSorted(values, 0.25) ?? 0,
    q75: quantileSorted(values, 0.75) ?? 0,
    max: values.at(-1) ?? 0,
  };
}

/**
 * The tier profile of a cohort: every indicator's rate for the cohort's ages, sex and area in its latest full
 * year, with limits, the same ages and sex in the whole VRU area as the benchmark, and the range of the
 * districts. Every figure is a grouping of protected year cells.
 */
export async function cohortProfile(engine: Engine, table: string, p: ProfileParams): Promise<CohortProfile> {
  const vru = p.coverage.vruCode;
  if (!vru) return { areaCode: p.cohort.area ?? '', vruCode: '', rows: [] };
  const area = p.cohort.area ?? vru;
  const breakdownOf = new Map(p.coverage.indicators.map((b) => [b.indicatorId, b]));
  const yearOf = new Map(p.indicators.map((i) => [i.id, latestFullYear(breakdownOf.get(i.id), vru, p.notAfter)]));
  const years = [...new Set([...yearOf.values()].filter((y): y is string => y !== null))];
  const ageBands = [...new Set<string>([...p.cohort.ages, 'all'])];
  const [cellRows, popRows] = years.length
    ? await Promise.all([
        readCohortCells(engine, table, {
          indicatorIds: p.indicators.map((i) => i.id),
          periodType: 'year',
          periods: years,
          levels: ['district', 'vru'],
          ageBands,
          sexes: [p.cohort.sex],
        }),
        readPopulationIndex(engine, { years, levels: ['district', 'vru'], sexes: [p.cohort.sex] }),
      ])
    : [[], new PopulationIndex([])];
  const cells = new CellIndex(cellRows);
  const population = popRows;

  const rows = p.indicators.map((ind): ProfileRow => {
    const breakdown = breakdownOf.get(ind.id);
    const year = yearOf.get(ind.id) ?? null;
    const selection = breakdown
      ? selectForCohort(breakdown, p.cohort)
      : ({
          flag: 'x',
          reason: 'not loaded',
          cellBands: [],
          populationBands: [],
          coveredBands: [],
          missingBands: [],
          sex: p.cohort.sex,
        } satisfies CohortSelection);
    const figureIn = (code: string): CohortFigure => {
      if (selection.flag === 'available' && (year === null || !(breakdown?.fullYears[code] ?? []).includes(year))) {
        return noFigure('x', year === null ? 'no complete year loaded' : `months of ${year} are missing in this area`);
      }
      return cohortFigure(ind, selection, cells, population, code, year ?? '', year ?? '');
    };
    const figure = figureIn(area);
    const benchmark = area === vru ? null : figureIn(vru);
    const kind = kindOf(ind);
    const comparable = kind.hasRate && figure.stat.value !== null && benchmark?.stat.value != null;
    const comparison = comparable
      ? applyPolarity(
          compareWithBenchmark({ lower: figure.stat.lower95, upper: figure.stat.upper95 }, benchmark?.stat.value ?? null),
          ind.polarity,
        )
      : 'not-compared';
    const districts = p.coverage.districtCodes.map((code) => ({ areaCode: code, figure: figureIn(code) }));
    return {
      indicatorId: ind.id,
      tier: ind.tier,
      polarity: ind.polarity,
      statistic: kind.statistic,
      year,
      selection,
      figure,
      benchmark,
      comparison,
      lowCount: kind.hasRate && figure.count !== null && figure.count < p.lowCountBelow,
      districts,
      range: !kind.hasRate ? null : spineRange(districts.map((d) => d.figure)),
    };
  });
  return { areaCode: area, vruCode: vru, rows };
}
