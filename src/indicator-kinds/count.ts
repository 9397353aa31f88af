// A count of events with no denominator: its change is the exact conditional test on the counts alone.
import { rateChange } from '../stats';
import type { CountKind } from './kind-types';

export const countKind: CountKind = {
  statistic: 'count',
  hasRate: false,
  denominator: 'none',
  fromOneCount: true,
  name: 'Count',
  subject: 'The number',
  rise: 'more',
  fall: 'fewer',
  changeNote: '',
  rateJoin: '',
  changeBasis: 'count',
  changeTest: (current, previous) => rateChange({ count: current.count }, { count: previous.count }),
  monthlyLabel: (rateLabel) => rateLabel,
  rollingLabel: (rateLabel) => rateLabel,
};
