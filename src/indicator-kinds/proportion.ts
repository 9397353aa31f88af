// x of n from the extract's protected denominator, with Wilson limits; its change is the ratio of two
// proportions (Katz), since the Poisson test would understate a large proportion's precision.
import { proportion, proportionChange } from '../stats';
import type { PerDenominatorKind } from './kind-types';

export const proportionKind: PerDenominatorKind & { statistic: 'proportion' } = {
  statistic: 'proportion',
  hasRate: true,
  denominator: 'extract',
  fromOneCount: true,
  name: 'Proportion',
  subject: 'The proportion',
  rise: 'higher',
  fall: 'lower',
  changeNote: ' (a relative change, not percentage points)',
  rateJoin: 'or',
  changeBasis: 'proportion',
  fromCount: (count, denominator, multiplier) => proportion(count, denominator, { multiplier }),
  changeTest: (current, previous) => proportionChange(current, previous),
  monthlyLabel: (rateLabel) => `${rateLabel}, in the month`,
  rollingLabel: (rateLabel) => `${rateLabel}, over 12 months`,
};
