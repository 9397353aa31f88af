// What every indicator kind answers, so callers ask the kind instead of branching on `statistic`.
// The union is discriminated on `statistic`: the value the manifest declares.
import type { DsrResult, RateChangeResult, StatisticWithLimits } from '../stats';

/** One period's count and the denominator the kind divides by (population, person-years or the protected one). */
export interface KindPeriod {
  count: number | null;
  denominator: number | null;
}

/** What a kind divides by: nothing, the population table, the extract's protected denominator, or population by age. */
export type KindDenominator = 'none' | 'population' | 'extract' | 'population-by-age';

interface KindCommon {
  /** Shown with a figure beside the count (a rate, a proportion, a standardised rate). */
  readonly hasRate: boolean;
  /** Its figure can be worked out from one count (false for a standardised rate, which needs age bands). */
  readonly fromOneCount: boolean;
  /** "Count", "Rate", "Proportion": the catalogue's word for the kind. */
  readonly name: string;
  /** Subject of a sentence about the figure: "The number", "The rate", "The proportion". */
  readonly subject: string;
  /** Words for a rise and a fall: "more"/"fewer" for counts, "higher"/"lower" for the rest. */
  readonly rise: string;
  readonly fall: string;
  /** Said after a percentage change when it is relative to a percentage, else ''. */
  readonly changeNote: string;
  /** How the rate's figure joins a sentence: "a rate of" 12.3 per 100,000, or "or" 4.2%. */
  readonly rateJoin: string;
  /** What the change in the figure is measured as, for summaries: a count, a rate or a proportion. */
  readonly changeBasis: 'count' | 'rate' | 'proportion';
  /** The statistical test of a change between two periods (src/stats), on counts and denominators. */
  changeTest(current: KindPeriod, previous: KindPeriod): RateChangeResult;
  /** Label of a month's figure and a 12-month figure, from the indicator's rateLabel. */
  monthlyLabel(rateLabel: string): string;
  rollingLabel(rateLabel: string): string;
}

export interface CountKind extends KindCommon {
  readonly statistic: 'count';
  readonly hasRate: false;
  readonly denominator: 'none';
}

/** A kind whose figure is one count over one denominator. */
export interface PerDenominatorKind extends KindCommon {
  readonly statistic: 'rate' | 'proportion';
  readonly hasRate: true;
  readonly denominator: 'population' | 'extract';
  /** The figure and its limits from a protected count and its denominator. */
  fromCount(count: number | null, denominator: number | null, multiplier: number): StatisticWithLimits;
}

export interface StandardisedKind extends KindCommon {
  readonly statistic: 'dsr';
  readonly hasRate: true;
  readonly denominator: 'population-by-age';
  /** Why a figure from one count (no age bands) cannot be shown: views that cannot standardise say this. */
  readonly needsAgeBands: string;
  /** The figure from one count: never a crude rate labelled as standardised, so always none with the reason. */
  fromCount(count: number | null, denominator: number | null, multiplier: number): StatisticWithLimits;
  /**
   * The standardised rate from counts and populations by age band (bands as in the extract, e.g. '10-14'); a
   * band whose count is missing is null. Weights are the European Standard Population 2013 re-banded.
   */
  fromAgeBands(bands: readonly string[], counts: readonly (number | null)[], populations: readonly number[]): DsrResult;
}

export type IndicatorKind = CountKind | PerDenominatorKind | StandardisedKind;
export type Statistic = IndicatorKind['statistic'];
