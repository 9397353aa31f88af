import { DENOMINATOR_SUFFIX } from '../../disclosure/protected-tables';
import { ident, str } from '../../engine/sql-literals';

/**
 * The rows that say what is loaded (indicator, area, month), for the catalogue, the coverage matrix and the
 * month pickers: the declared coverage (src/disclosure/declared-coverage.ts: every area and month reported, whether
 * or not the extract has a row for it, so no row's presence shows), or, when the session holds a partner bundle
 * (which has no extracts), the bundle's protected monthly cells for all ages and persons that carry data.
 */
export function loadedRows(bundleTable: string | null): string {
  if (bundleTable === null) return 'declared_coverage';
  return `(SELECT indicator_id, area_code, period FROM ${ident(bundleTable)}
    WHERE period_type = 'month' AND age_band = 'all' AND sex = 'all' AND flag <> 'x'
      AND NOT ends_with(indicator_id, ${str(DENOMINATOR_SUFFIX)}))`;
}
