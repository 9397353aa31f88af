// The change between two periods, tested with the indicator kind's own test: what the tables show and the titles
// (wording/trend-finding.ts) say. A hidden or missing figure gives no change, with why.
import { kindNamed, type Statistic } from '../../indicator-kinds';
import type { FigureFlag } from '../../disclosure/protected-tables';
import type { RateChangeResult } from '../../stats';

/** Change between two periods, as the tables and titles show it. */
export type ChangeSummary =
  | {
      kind: 'tested';
      basis: 'rate' | 'count';
      /** Null when the earlier period had none (the ratio is unbounded). */
      percentChange: number | null;
      ratioLower: number;
      ratioUpper: number | null;
      pValue: number;
      significant: boolean;
      direction: 'increase' | 'decrease' | 'no-significant-change';
      /**
       * Calendar months (1 = January) compared, in period order, when the periods were compared on the months
       * both have data for only (like with like); null when the whole periods were compared.
       */
      matchedMonths: number[] | null;
    }
  | { kind: 'not-available'; flag: FigureFlag | null; reason: string };

export interface PeriodFigures {
  count: number | null;
  flag: FigureFlag;
  /** Exposure (person-years) or the proportion's denominator; null for plain counts. */
  denominator: number | null;
  /** Flag of the denominator (a proportion's denominator is protected too); 'z' when there is none. */
  denominatorFlag: FigureFlag | 'z';
}

/**
 * Tests the change from `previous` to `current` with the indicator kind's own test (src/indicator-kinds): the
 * exact conditional test for rates and counts, the ratio of two proportions for proportions.
 */
export function summariseChange(
  current: PeriodFigures,
  previous: PeriodFigures,
  basis: 'rate' | 'count',
  statistic: Statistic = 'rate',
  matchedMonths: number[] | null = null,
): ChangeSummary {
  for (const p of [current, previous]) {
    if (p.flag === 'c' || (basis === 'rate' && p.denominatorFlag === 'c')) {
      return { kind: 'not-available', flag: 'c', reason: 'a figure is hidden to protect privacy' };
    }
  }
  for (const p of [current, previous]) {
    if (
      p.flag === 'x' ||
      p.count === null ||
      (basis === 'rate' && ((p.denominatorFlag !== 'shown' && p.denominatorFlag !== 'rounded') || p.denominator === null))
    ) {
      return { kind: 'not-available', flag: 'x', reason: 'some months have no data' };
    }
  }
  // The kind's own test on the rate; a change in the count alone is the count kind's test.
  const result: RateChangeResult = kindNamed(basis === 'rate' ? statistic : 'count').changeTest(current, previous);
  if (result.kind === 'not-tested') return { kind: 'not-available', flag: null, reason: result.reason };
  return {
    kind: 'tested',
    basis,
    percentChange: result.percentChange,
    ratioLower: result.ratioLower,
    ratioUpper: result.ratioUpper,
    pValue: result.pValue,
    significant: result.significant,
    direction: result.direction,
    matchedMonths,
  };
}
