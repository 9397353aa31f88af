import { usePrefetchCohortCoverage } from './use-cohort-coverage';
import { usePrefetchMapIndicatorLevels } from './use-map-figures';
import { usePrefetchTrendSeries } from './use-trend-series';

/**
 * What each view reads first, before its first figures can even be asked for, worked out in idle time once `when`
 * holds (the Overview's figures are shown), so opening a view after the first chart needs at most one round of
 * statements: the Trends series (whose read brings every indicator's slice, which the comparison and the
 * predictions are worked out from), the Map's indicators by level (its default indicator is chosen from them), and
 * the cohort coverage (every Cohorts figure reads it first). All are protected figures, read from the audience's
 * protected table, and kept in the coordinator's one cache under the data version and audience; a change of either
 * withdraws them.
 */
export function usePrefetchViewOpenings(when: boolean): void {
  usePrefetchTrendSeries(when);
  usePrefetchMapIndicatorLevels(when);
  usePrefetchCohortCoverage(when);
}
