// Directly standardised rates for the Trends view's calendar years. A DSR needs a count for every age band, so
// it is worked out from the protected year cells of each band (published for every area: see build-cube.ts)
// and the population of each band; months and 12-month totals have one count only and say so (the kind's
// fromCount). A year with a band hidden is hidden (`c`): the DSR would otherwise let the band be worked out.
import type { StandardisedKind } from '../../indicator-kinds';
import type { FigureFlag } from '../../disclosure/protected-tables';
import { populationNear } from './population-years';
import type { PopulationRow, ProtectedFigure } from '../readers/trend-cells';
import { noPopulationFor } from '../wording/population-words';

/** What a standardised rate reads beside the series: each band's year cells and population. */
export interface AgeBandYears {
  /** Age band -> year 'YYYY' -> protected cell. */
  cells: ReadonlyMap<string, ReadonlyMap<string, ProtectedFigure>>;
  population: readonly PopulationRow[];
}

interface YearRate {
  rate: number | null;
  rateLower95: number | null;
  rateUpper95: number | null;
  rateFlag: FigureFlag;
  rateReason: string | null;
}

/** The year's standardised rate over `bands`, from the bands' protected cells and populations. */
export function standardisedYear(kind: StandardisedKind, year: string, byAge: AgeBandYears, bands: readonly string[]): YearRate {
  const none = (rateFlag: FigureFlag, rateReason: string | null): YearRate => ({
    rate: null,
    rateLower95: null,
    rateUpper95: null,
    rateFlag,
    rateReason,
  });
  if (bands.length === 0) return none('x', 'the indicator has no counts by age band, so no standardised rate');
  const cells = bands.map((b) => byAge.cells.get(b)?.get(year) ?? null);
  if (cells.some((c) => c?.flag === 'c')) return none('c', null);
  const missing = bands.filter((_, i) => cells[i] === null || cells[i]?.value == null);
  if (missing.length > 0) return none('x', `no figure for ages ${missing.join(', ')} in ${year}`);
  const populations: number[] = [];
  for (const band of bands) {
    const byYear = new Map(byAge.population.filter((r) => r.ageBand === band).map((r) => [r.year, r.population]));
    const used = populationNear(byYear, Number(year));
    if (!used) return none('x', noPopulationFor(`ages ${band}`));
    populations.push(used.population);
  }
  const stat = kind.fromAgeBands(
    bands,
    cells.map((c) => c?.value ?? null),
    populations,
  );
  if (stat.value === null) return none('x', stat.reason);
  return {
    rate: stat.value,
    rateLower95: stat.lower95,
    rateUpper95: stat.upper95,
    rateFlag: cells.some((c) => c?.flag === 'rounded') ? 'rounded' : 'shown',
    rateReason: null,
  };
}
