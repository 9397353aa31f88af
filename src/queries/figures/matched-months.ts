// Like with like: two periods of a year apart are compared only on the months both have in full. A month
// with no data (`x`: nothing received, or not published) or with some of the area's parts not reporting
// (`partial`) in either period is left out of both, so a gap can never pass for a fall or a rise.

/** What a comparison needs to know of one month. */
export interface MonthCoverage {
  /** 'x' when the month has no data; any other flag (shown, rounded, even `c`) means it was reported. */
  flag: string;
  partial: boolean;
}

/** A month counts in a like-with-like comparison when it has data and every part of the area reported. */
export function isReported(m: MonthCoverage | undefined): boolean {
  return m !== undefined && m.flag !== 'x' && !m.partial;
}

/**
 * Positions (0-based, in window order) at which both windows' months are reported. The windows are the same
 * length and a year apart, so position k is the same calendar month in both.
 */
export function matchedPositions(
  current: readonly (MonthCoverage | undefined)[],
  previous: readonly (MonthCoverage | undefined)[],
): number[] {
  const out: number[] = [];
  for (let k = 0; k < current.length; k++) if (isReported(current[k]) && isReported(previous[k])) out.push(k);
  return out;
}
