// Directly standardised rate per 100,000 European Standard Population 2013 (src/stats/dsr.ts: PHE's phe_dsr
// with Dobson limits). It needs counts and populations by age band, so a view holding one count says it cannot
// show it rather than showing a crude rate under its name.
import { directlyStandardisedRate, rebandStandardPopulation } from '../stats';
import type { StandardisedKind } from './kind-types';

const NEEDS_AGE_BANDS =
  'a directly standardised rate needs a count for every age band, and this figure is a single count: it is not shown as a crude rate instead';

export const dsrKind: StandardisedKind = {
  statistic: 'dsr',
  hasRate: true,
  denominator: 'population-by-age',
  fromOneCount: false,
  name: 'Directly standardised rate',
  subject: 'The directly standardised rate',
  rise: 'higher',
  fall: 'lower',
  changeNote: '',
  rateJoin: 'a directly standardised rate of',
  changeBasis: 'rate',
  needsAgeBands: NEEDS_AGE_BANDS,
  fromCount: () => ({
    value: null,
    lower95: null,
    upper95: null,
    lower998: null,
    upper998: null,
    method: 'dobson',
    reason: NEEDS_AGE_BANDS,
  }),
  fromAgeBands: (bands, counts, populations) =>
    directlyStandardisedRate(counts, populations, { standardPopulation: standardWeights(bands), multiplier: 100_000 }),
  // PHE publishes no significance test for the change in a DSR; compare the two years' 95% limits instead.
  changeTest: () => ({
    kind: 'not-tested',
    reason: 'the change in a directly standardised rate is not tested: compare the two years’ 95% limits',
  }),
  monthlyLabel: (rateLabel) => `${rateLabel}, in the month (not a yearly rate)`,
  rollingLabel: (rateLabel) => `${rateLabel} a year`,
};

/**
 * ESP2013 weights for the bands present, which need not start at 0 or end open (an indicator recorded for
 * ages 10-24 only): the bands are tiled from 0 and open-ended for the re-banding, and the weights of the
 * filler bands dropped, as a DSR over an age range uses the standard population of that range.
 */
function standardWeights(bands: readonly string[]): number[] {
  const spans = bands.map((b) => ({ band: b, ...ageSpan(b) })).sort((a, b) => a.from - b.from);
  const tiled: string[] = [];
  const keep: (string | null)[] = [];
  let next = 0;
  for (const s of spans) {
    if (s.from > next) {
      tiled.push(`${next}-${s.from - 1}`);
      keep.push(null);
    }
    tiled.push(s.band);
    keep.push(s.band);
    next = s.to;
  }
  if (next !== Infinity) {
    tiled.push(`${next}+`);
    keep.push(null);
  }
  const weights = rebandStandardPopulation(tiled);
  const byBand = new Map(keep.map((b, i) => [b, weights[i] ?? 0]));
  return bands.map((b) => byBand.get(b) ?? 0);
}

function ageSpan(band: string): { from: number; to: number } {
  const open = /^(\d+)\+$/.exec(band);
  if (open) return { from: Number(open[1]), to: Infinity };
  const closed = /^(\d+)-(\d+)$/.exec(band);
  if (!closed) throw new RangeError(`not an age band: "${band}"`);
  return { from: Number(closed[1]), to: Number(closed[2]) + 1 };
}
