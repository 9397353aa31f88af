// Directly standardised rates with Dobson limits, as PHEindicatormethods phe_dsr:
// DSR = multiplier x sum(w_i x_i / n_i) / sum(w_i); var = sum(w_i^2 x_i / n_i^2) / sum(w_i)^2;
// limits = DSR + sqrt(var / X) (Byar's limit of X - X) x multiplier, X the total count
// (Dobson, Kuulasmaa, Eberle & Scherer, Stat Med 1991;10:457-62).
import { byarsLower, byarsUpper } from './byars';
import { ESP2013 } from './standard-population';
import { isFiniteNumber, noStatistic, type StatisticWithLimits } from './types';

/** PHE does not publish a DSR for fewer events than this: it is too unstable. */
export const DSR_MIN_TOTAL_COUNT = 10;

export interface DsrOptions {
  /** Standard population weights, one per band; default ESP2013 (19 five-year bands). */
  standardPopulation?: readonly number[];
  /** Rate per this many; default 100,000. */
  multiplier?: number;
}

export interface DsrResult extends StatisticWithLimits {
  totalCount: number;
  totalPopulation: number;
}

/**
 * DSR of counts by age band. Missing (null) counts are taken as no events, so they count as 0
 * towards the total. Arrays must be the same length as the standard population.
 */
export function directlyStandardisedRate(
  counts: readonly (number | null)[],
  populations: readonly number[],
  options: DsrOptions = {},
): DsrResult {
  const std = options.standardPopulation ?? ESP2013;
  const multiplier = options.multiplier ?? 100_000;
  if (counts.length !== std.length || populations.length !== std.length) {
    throw new RangeError(
      `DSR needs one count and population per standard band (${std.length}); got ${counts.length} and ${populations.length}`,
    );
  }
  const x = counts.map((c) => (isFiniteNumber(c) ? c : 0));
  const totalCount = x.reduce((a, b) => a + b, 0);
  const totalPopulation = populations.reduce((a, b) => a + b, 0);
  const withTotals = (s: StatisticWithLimits): DsrResult => ({ ...s, totalCount, totalPopulation });

  if (x.some((c) => c < 0)) return withTotals(noStatistic('a count is negative', 'dobson'));
  if (populations.some((n) => !(n > 0) || !Number.isFinite(n))) {
    return withTotals(noStatistic('every age band needs a positive population', 'dobson'));
  }
  if (totalCount < DSR_MIN_TOTAL_COUNT) {
    return withTotals(
      noStatistic(`total count is under ${DSR_MIN_TOTAL_COUNT}: too few events for a standardised rate`, 'dobson'),
    );
  }
  const sumW = std.reduce((a, b) => a + b, 0);
  let rate = 0;
  let variance = 0;
  x.forEach((xi, i) => {
    const w = std[i] ?? 0;
    const n = populations[i] ?? 1;
    rate += (w * xi) / n;
    variance += (w * w * xi) / (n * n);
  });
  const dsr = (rate / sumW) * multiplier;
  const varDsr = variance / (sumW * sumW);
  const k = Math.sqrt(varDsr / totalCount) * multiplier;
  const lim = (b: number | null): number | null => (b === null ? null : dsr + k * (b - totalCount));
  return withTotals({
    value: dsr,
    lower95: lim(byarsLower(totalCount, 0.95)),
    upper95: lim(byarsUpper(totalCount, 0.95)),
    lower998: lim(byarsLower(totalCount, 0.998)),
    upper998: lim(byarsUpper(totalCount, 0.998)),
    method: 'dobson',
    reason: null,
  });
}
