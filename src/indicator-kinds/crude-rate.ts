// Events per population (or per an extract's denominator) x multiplier, with exact Poisson / Byar's limits;
// its change is the exact conditional test for two Poisson rates.
import { crudeRate, rateChange, type StatisticWithLimits } from '../stats';
import type { PerDenominatorKind } from './kind-types';

export const crudeRateKind: PerDenominatorKind & { statistic: 'rate' } = {
  statistic: 'rate',
  hasRate: true,
  denominator: 'population',
  fromOneCount: true,
  name: 'Rate',
  subject: 'The rate',
  rise: 'higher',
  fall: 'lower',
  changeNote: '',
  rateJoin: 'a rate of',
  changeBasis: 'rate',
  fromCount: fastCrudeRate,
  changeTest: (current, previous) =>
    rateChange(
      { count: current.count, denominator: current.denominator },
      { count: previous.count, denominator: previous.denominator },
    ),
  // A month's rate is per resident in the month: a twelfth of a yearly rate.
  monthlyLabel: (rateLabel) => `${rateLabel}, in the month (not a yearly rate)`,
  rollingLabel: (rateLabel) => `${rateLabel} a year`,
};

/**
 * Rate limits depend on the count alone, scaled by multiplier / denominator, and the exact Poisson limits
 * used below 10 events are slow to compute, so they are worked out once per count and scaled (the same
 * numbers crudeRate gives, in a fraction of the time for the 941 LSOAs of a map).
 */
const perUnit = new Map<number, StatisticWithLimits>();
export function fastCrudeRate(count: number | null, denominator: number | null, multiplier: number): StatisticWithLimits {
  if (count === null || denominator === null || !Number.isInteger(count) || count < 0 || count > 100_000 || !(denominator > 0)) {
    return crudeRate(count, denominator, { multiplier });
  }
  let unit = perUnit.get(count);
  if (!unit) {
    unit = crudeRate(count, 1, { multiplier: 1 });
    perUnit.set(count, unit);
  }
  const k = multiplier / denominator;
  const scale = (v: number | null) => (v === null ? null : v * k);
  return {
    ...unit,
    value: scale(unit.value),
    lower95: scale(unit.lower95),
    upper95: scale(unit.upper95),
    lower998: scale(unit.lower998),
    upper998: scale(unit.upper998),
  };
}
