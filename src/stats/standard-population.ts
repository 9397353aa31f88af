// Standard populations for direct standardisation.

/** European Standard Population 2013 five-year band labels (0-4 ... 85-89, 90+). */
export const ESP2013_BANDS = [
  '0-4',
  '5-9',
  '10-14',
  '15-19',
  '20-24',
  '25-29',
  '30-34',
  '35-39',
  '40-44',
  '45-49',
  '50-54',
  '55-59',
  '60-64',
  '65-69',
  '70-74',
  '75-79',
  '80-84',
  '85-89',
  '90+',
] as const;

/** ESP2013 weights for ESP2013_BANDS (Eurostat 2013; sum 100,000), as PHEindicatormethods esp2013. */
export const ESP2013 = [
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
] as const;

/**
 * The age bands our extracts use. Mirrors AGE_BANDS in src/contract/vocabularies.ts (a unit
 * test checks they agree); declared here so the statistics module has no runtime dependency.
 */
export const VRU_AGE_BANDS = ['0-9', '10-14', '15-17', '18-24', '25-34', '35-49', '50-64', '65+'] as const;
export type VruAgeBand = (typeof VRU_AGE_BANDS)[number];

interface AgeSpan {
  from: number;
  /** Exclusive upper age; Infinity for an open band such as 90+. */
  to: number;
}

/** Parses 'a-b' (ages a to b inclusive) or 'a+' into a half-open span of ages. */
export function parseAgeBand(label: string): AgeSpan {
  const open = /^(\d+)\+$/.exec(label.trim());
  if (open) return { from: Number(open[1]), to: Infinity };
  const closed = /^(\d+)\s*-\s*(\d+)$/.exec(label.trim());
  if (closed) {
    const from = Number(closed[1]);
    const to = Number(closed[2]) + 1;
    if (to > from) return { from, to };
  }
  throw new RangeError(`not an age band: "${label}" (expected "a-b" or "a+")`);
}

/**
 * Re-bands a standard population onto other age bands. Each source band's weight is shared
 * among the target bands in proportion to the single years of age they take from it, i.e.
 * assuming an even spread within the five-year band. So with ESP2013 our 15-17 band gets 3/5
 * of the 15-19 weight and 18-24 the other 2/5 (plus all of 20-24). The target bands must tile
 * ages 0 upwards with no gaps or overlaps, and may not split an open-ended source band.
 */
export function rebandStandardPopulation(
  targetBands: readonly string[],
  sourceBands: readonly string[] = ESP2013_BANDS,
  sourceWeights: readonly number[] = ESP2013,
): number[] {
  if (sourceBands.length !== sourceWeights.length) {
    throw new RangeError('source bands and weights differ in length');
  }
  const targets = targetBands.map(parseAgeBand);
  let expectFrom = 0;
  for (const [i, t] of targets.entries()) {
    if (t.from !== expectFrom) {
      throw new RangeError(`age band "${targetBands[i]}" should start at ${expectFrom}`);
    }
    expectFrom = t.to;
  }
  if (expectFrom !== Infinity) throw new RangeError('the last age band must be open-ended (e.g. "65+")');

  const out = targets.map(() => 0);
  sourceBands.forEach((label, si) => {
    const s = parseAgeBand(label);
    const w = sourceWeights[si] ?? 0;
    targets.forEach((t, ti) => {
      const from = Math.max(s.from, t.from);
      const to = Math.min(s.to, t.to);
      if (to <= from) return;
      let share: number;
      if (s.to === Infinity) {
        if (to !== Infinity) {
          throw new RangeError(`cannot split the open-ended band "${label}" across "${targetBands[ti]}"`);
        }
        share = 1;
      } else {
        share = (to - from) / (s.to - s.from);
      }
      out[ti] = (out[ti] ?? 0) + w * share;
    });
  });
  return out;
}

/** ESP2013 weights aggregated to our VRU_AGE_BANDS (15-19 split 3/5 to 15-17, 2/5 to 18-24). */
export const ESP2013_VRU_BANDS: Readonly<Record<VruAgeBand, number>> = Object.freeze(
  Object.fromEntries(rebandStandardPopulation(VRU_AGE_BANDS).map((w, i) => [VRU_AGE_BANDS[i], w])) as Record<VruAgeBand, number>,
);
