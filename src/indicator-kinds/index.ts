// The registry of indicator kinds: the one place that maps a manifest's `statistic` to what it means.
// Adding a kind is its own module, its value in the manifest enum, and one line here.
import type { Indicator } from '../contract';
import { countKind } from './count';
import { crudeRateKind } from './crude-rate';
import { dsrKind } from './dsr';
import type { IndicatorKind, KindDenominator, StandardisedKind } from './kind-types';
import { proportionKind } from './proportion';

export type {
  CountKind,
  IndicatorKind,
  KindDenominator,
  KindPeriod,
  PerDenominatorKind,
  StandardisedKind,
  Statistic,
} from './kind-types';

const KINDS: { readonly [S in Indicator['statistic']]: IndicatorKind & { statistic: S } } = {
  count: countKind,
  rate: crudeRateKind,
  proportion: proportionKind,
  dsr: dsrKind,
};

/** The kind a statistic names, as declared (use kindOf for an indicator: it knows about missing denominators). */
export function kindNamed(statistic: Indicator['statistic']): IndicatorKind {
  return KINDS[statistic];
}

/** The indicator's kind when its figure is standardised by age band (so needs each band's counts), else null. */
export function standardisedKind(indicator: KindedIndicator): StandardisedKind | null {
  const kind = kindOf(indicator);
  return kind.denominator === 'population-by-age' ? kind : null;
}

/** What the kind needs to know about an indicator. */
export type KindedIndicator = Pick<Indicator, 'statistic' | 'denominatorSource'>;

/**
 * The kind an indicator is shown as. One declared with no denominator (`denominatorSource: 'none'`) can only be
 * shown as a count, whatever its statistic: every view asks this, so they agree on whether it has a rate.
 */
export function kindOf(indicator: KindedIndicator): IndicatorKind {
  return indicator.denominatorSource === 'none' ? countKind : KINDS[indicator.statistic];
}

/**
 * Where the kind's denominator comes from for this indicator: a rate may divide by the population or by the
 * extract's own denominator column; a proportion always by the extract's; a count by nothing.
 */
export function denominatorOf(indicator: KindedIndicator): KindDenominator {
  const kind = kindOf(indicator);
  if (kind.statistic === 'rate') return indicator.denominatorSource === 'extract' ? 'extract' : 'population';
  return kind.denominator;
}
