import { kindOf } from '../../indicator-kinds';
import type { FigureFlag } from '../../disclosure/protected-tables';
import { exactPoissonLimits, rateLimits } from '../../stats';
import type { Part } from './trend-parts';
import type { TrendIndicator, TrendMeasure, TrendPoint } from './trend-series';

/** How the indicator is measured: its kind, and the labels of its monthly and rolling rates. */
export function measureOf(indicator: TrendIndicator): TrendMeasure {
  const kind = kindOf(indicator);
  return {
    statistic: kind.statistic,
    hasRate: kind.hasRate,
    multiplier: indicator.multiplier,
    rateLabel: indicator.rateLabel,
    monthlyRateLabel: kind.monthlyLabel(indicator.rateLabel),
    rollingRateLabel: kind.rollingLabel(indicator.rateLabel),
  };
}

/** A period’s figures as shown: the count with its limits, and the rate with its limits where the kind has one. */
export function toPoint(
  period: string,
  part: Part,
  indicator: TrendIndicator,
  measure: TrendMeasure,
  lowCountBelow: number,
): TrendPoint {
  const hasCount = part.count !== null && part.flag !== 'c' && part.flag !== 'x';
  const count = hasCount ? part.count : null;
  const limits = count === null ? null : count < 10 ? exactPoissonLimits(count, 0.95) : rateLimits(count, 1, 0.95, 1);
  let rate: number | null = null;
  let rateLower95: number | null = null;
  let rateUpper95: number | null = null;
  let rateFlag: FigureFlag = part.flag;
  let rateReason: string | null = null;
  const kind = kindOf(indicator);
  if (kind.hasRate) {
    if (part.flag === 'c' || part.denominatorFlag === 'c') rateFlag = 'c';
    else if (part.flag === 'x' || part.denominatorFlag === 'x' || part.denominator === null) {
      rateFlag = 'x';
      // No population (or denominator) is `x` with why, never `c`; a month with no data needs no more words.
      if (part.flag !== 'x') rateReason = part.denominatorReason ?? 'no denominator for this period';
    } else {
      const stat = kind.fromCount(count, part.denominator, indicator.multiplier);
      rate = stat.value;
      rateLower95 = stat.lower95;
      rateUpper95 = stat.upper95;
      rateFlag = stat.value === null ? 'x' : part.flag === 'rounded' || part.denominatorFlag === 'rounded' ? 'rounded' : 'shown';
      // Why there is no figure (too few events, or a standardised rate from one count): said, not left blank.
      if (stat.value === null && count !== null) rateReason = stat.reason;
    }
  }
  return {
    period,
    count,
    flag: part.flag,
    countLower95: limits?.lower ?? null,
    countUpper95: limits?.upper ?? null,
    denominator: part.denominatorFlag === 'c' ? null : part.denominator,
    rate,
    rateLower95,
    rateUpper95,
    rateFlag,
    rateReason,
    lowCount: count !== null && count < lowCountBelow,
    partial: part.partial,
  };
}
