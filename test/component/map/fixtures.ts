import type { AreaFigure, MapFigures } from '../../../src/queries/figures/map-area-figures';
import { LANCASHIRE_DISTRICT_GRID } from '../../../src/geo/tile-grid';
import { crudeRate } from '../../../src/stats';

const NAMES: Record<string, string> = {
  E06000008: 'Blackburn with Darwen',
  E06000009: 'Blackpool',
  E07000117: 'Burnley',
  E07000118: 'Chorley',
  E07000119: 'Fylde',
  E07000120: 'Hyndburn',
  E07000121: 'Lancaster',
  E07000122: 'Pendle',
  E07000123: 'Preston',
  E07000124: 'Ribble Valley',
  E07000125: 'Rossendale',
  E07000126: 'South Ribble',
  E07000127: 'West Lancashire',
  E07000128: 'Wyre',
};

/** Made-up figures for the 14 districts: Pendle suppressed, Rossendale with no figure, the rest rising. */
export function districtFigures(): MapFigures {
  const codes = LANCASHIRE_DISTRICT_GRID.map((g) => g.code).sort();
  const areas: AreaFigure[] = codes.map((code, i) => {
    const flag = code === 'E07000122' ? 'c' : code === 'E07000125' ? 'x' : 'shown';
    const count = flag === 'shown' ? 20 + 15 * i : null;
    const rate = crudeRate(count, 100_000, { multiplier: 1000 });
    return {
      code,
      name: NAMES[code]!,
      level: 'district',
      districtCode: code,
      count,
      countFlag: flag,
      rate,
      rateFlag: flag,
      rateReason: flag === 'x' ? 'no figure in the loaded data' : null,
      denominator: 100_000,
      lowCount: false,
      incompleteMonths: 0,
      comparison: flag !== 'shown' ? 'not-compared' : i < 4 ? 'lower' : i > 9 ? 'higher' : 'similar',
      outcome: flag !== 'shown' ? 'not-compared' : i < 4 ? 'better' : i > 9 ? 'worse' : 'similar',
    };
  });
  const benchmark: AreaFigure = {
    ...areas[0]!,
    code: 'VRN-LANCS',
    name: 'Lancashire VRN area',
    level: 'vru',
    districtCode: null,
    count: 1500,
    rate: crudeRate(1500, 1_400_000, { multiplier: 1000 }),
  };
  return {
    period: { type: 'year', period: '2025', months: 12, firstMonth: '2025-01', lastMonth: '2025-12' },
    populationYear: null,
    countAveragedOver: null,
    ageBands: null,
    areas,
    benchmark,
  };
}

export const ctx = (figures: MapFigures) => ({
  indicator: {
    unit: 'offences',
    rateLabel: 'per 1,000 residents',
    polarity: 'higher-is-worse' as const,
    statistic: 'rate' as const,
  },
  benchmarkName: 'the Lancashire VRN area',
  benchmark: figures.benchmark,
  lowCountBelow: 10,
});
