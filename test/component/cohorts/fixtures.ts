import type { Indicator, Tier } from '../../../src/contract';
import type { CohortFigure } from '../../../src/queries/figures/cohort-figures';
import type { CohortProfile, ProfileRow } from '../../../src/queries/readers/cohort-profile';
import type { BenchmarkOutcome, NotCompared } from '../../../src/stats';
import type { CohortFlag } from '../../../src/disclosure/protected-tables';

export const VRU = 'VRN-LANCS';
export const PRESTON = 'E07000123';

export function indicator(id: string, tier: Tier, extra: Partial<Indicator> = {}): Indicator {
  return {
    id,
    title: `${id} title`,
    shortTitle: `${id} short`,
    dataset: 'd',
    tier,
    polarity: 'higher-is-worse',
    unit: 'events',
    multiplier: 1000,
    rateLabel: 'per 1,000 residents',
    numerator: 'n',
    denominator: 'd',
    denominatorSource: 'population',
    statistic: 'rate',
    method: 'm',
    caveats: [],
    counted: 'events',
    headline: false,
    ...extra,
  };
}

export function figure(
  value: number | null,
  flag: CohortFlag = value === null ? 'c' : 'shown',
  reason: string | null = null,
): CohortFigure {
  const shown = value !== null && flag !== 'c' && flag !== 'x' && flag !== 'z';
  return {
    count: shown ? Math.round(value * 10) : null,
    denominator: shown ? 10_000 : null,
    flag,
    reason,
    stat: {
      value: shown ? value : null,
      lower95: shown ? value * 0.8 : null,
      upper95: shown ? value * 1.2 : null,
      lower998: null,
      upper998: null,
      method: shown ? 'byars' : null,
      reason: null,
    },
  };
}

export function row(
  id: string,
  tier: Tier,
  f: CohortFigure,
  comparison: BenchmarkOutcome | NotCompared,
  benchmark: number | null = 10,
): ProfileRow {
  const districts = [4, 6, 8, 10, 12, 14, null].map((v, i) => ({ areaCode: `D${i}`, figure: figure(v) }));
  return {
    indicatorId: id,
    tier,
    polarity: 'higher-is-worse',
    statistic: 'rate',
    year: '2025',
    selection: {
      flag: f.flag === 'x' || f.flag === 'z' ? f.flag : 'available',
      reason: f.reason,
      cellBands: ['15-17', '18-24'],
      populationBands: ['15-17', '18-24'],
      coveredBands: ['15-17', '18-24'],
      missingBands: [],
      sex: 'male',
    },
    figure: f,
    benchmark: figure(benchmark),
    comparison,
    lowCount: false,
    districts: [...districts, { areaCode: PRESTON, figure: f }],
    range: { shown: 6, hidden: 1, min: 4, q25: 6.5, q75: 11.5, max: 14 },
  };
}

/** Young men in Preston: one figure of each kind, in all three tiers. */
export function profile(): CohortProfile {
  return {
    areaCode: PRESTON,
    vruCode: VRU,
    rows: [
      row('absence', 'primary', figure(12.5), 'worse'),
      row('neet', 'primary', figure(9.1), 'similar'),
      row('suspensions', 'secondary', figure(null), 'not-compared'),
      row('ed', 'secondary', figure(6.2), 'better'),
      row('vwi', 'tertiary', figure(null, 'x', 'recorded for both sexes together only'), 'not-compared'),
      // The sum of two bands, one of them hidden (cohort-cells.ts INCLUDES_HIDDEN).
      row('knife', 'tertiary', figure(null, 'c', 'cannot be shown because it includes hidden figures'), 'not-compared'),
    ],
  };
}

/** A cohort for which every rate is hidden. */
export function tooSmallProfile(): CohortProfile {
  return {
    areaCode: PRESTON,
    vruCode: VRU,
    rows: [
      row('absence', 'primary', figure(null), 'not-compared'),
      row('suspensions', 'secondary', figure(null), 'not-compared'),
      row('vwi', 'tertiary', figure(null, 'x', 'recorded for both sexes together only'), 'not-compared'),
      row('knife', 'tertiary', figure(null), 'not-compared'),
    ],
  };
}

export const INDICATORS: ReadonlyMap<string, Indicator> = new Map(
  [
    indicator('absence', 'primary'),
    indicator('neet', 'primary'),
    indicator('suspensions', 'secondary'),
    indicator('ed', 'secondary'),
    indicator('vwi', 'tertiary'),
    indicator('knife', 'tertiary'),
  ].map((i) => [i.id, i]),
);
