/** The p-th percentile (nearest rank) of the values; NaN when there are none. */
export function pct(values: readonly number[], p: number): number {
  const v = [...values].sort((a, b) => a - b);
  return v.length === 0 ? NaN : (v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)] ?? NaN);
}

/** How far apart two sets of paired samples are: p50 over p50, and the p95 of the per-sample ratios. */
export function ratioStats(num: readonly number[], den: readonly number[]): { p50OverP50: number; p95OfRatios: number } {
  const ratios = num.flatMap((n, i) => ((den[i] ?? 0) > 0 ? [n / den[i]!] : []));
  const d = pct(den, 50);
  return { p50OverP50: d > 0 ? pct(num, 50) / d : NaN, p95OfRatios: pct(ratios, 95) };
}
