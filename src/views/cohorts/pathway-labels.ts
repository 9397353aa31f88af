import type { Tier } from '../../contract';
import { ALL_AGES_ONLY, BOTH_SEXES_ONLY } from '../../contract';
import type { PathwaySeries, TierLine } from '../../queries/readers/cohort-pathway';

export const TIER_SHORT: Record<Tier, string> = {
  primary: 'Primary (universal)',
  secondary: 'Secondary (early help)',
  tertiary: 'Tertiary (harm)',
};

/** The last point of each line that has a value: where its direct label goes. */
export function lastPoints(tiers: readonly TierLine[]): { tier: Tier; index: number; value: number }[] {
  return tiers.flatMap((t) => {
    for (let i = t.points.length - 1; i >= 0; i--) {
      const v = t.points[i]?.index;
      if (v !== null && v !== undefined) return [{ tier: t.tier, index: i, value: v }];
    }
    return [];
  });
}

/**
 * Vertical nudges (in pixels) so that direct labels at the lines' ends do not overlap: labels are placed at
 * their line's end and pushed apart, top to bottom, to at least `gap` pixels.
 */
export function labelNudges(
  ends: readonly { tier: Tier; value: number }[],
  domain: readonly [number, number],
  plotHeight: number,
  gap = 15,
): Partial<Record<Tier, number>> {
  const [lo, hi] = domain;
  const span = hi - lo || 1;
  const placed = ends
    .map((e) => ({ tier: e.tier, y: (1 - (e.value - lo) / span) * plotHeight }))
    .sort((a, b) => a.y - b.y)
    .map((e) => ({ ...e, at: e.y }));
  for (let i = 1; i < placed.length; i++) {
    const prev = placed[i - 1];
    const cur = placed[i];
    if (prev && cur && cur.at - prev.at < gap) cur.at = prev.at + gap;
  }
  return Object.fromEntries(placed.map((e) => [e.tier, e.at - e.y]));
}

const FINDING_NAMES: Record<Tier, string> = {
  tertiary: 'harm (tertiary)',
  secondary: 'early help (secondary)',
  primary: 'universal (primary)',
};

/** A sentence that states what the lines show, harm first, from each tier's first and last shown points. */
export function pathwayFinding(tiers: readonly TierLine[]): string {
  const order: Tier[] = ['tertiary', 'secondary', 'primary'];
  const parts = order.flatMap((tier) => {
    const shown = tiers.find((t) => t.tier === tier)?.points.filter((p) => p.index !== null) ?? [];
    const first = shown[0];
    const last = shown.at(-1);
    if (!first || !last || first === last || last.index === null) return [];
    const to = Math.round(last.index);
    const word = Math.abs(to - 100) < 3 ? 'stayed near 100' : to < 100 ? `fell to ${to}` : `rose to ${to}`;
    return [`${FINDING_NAMES[tier]} ${word} by ${last.period.replace('-', ' ')}`];
  });
  if (parts.length === 0) return 'Too few figures can be shown to follow this cohort over time';
  const text = parts.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} (first year = 100)`;
}

/**
 * Why no tier line can be drawn. When no indicator could be read for the cohort at all (each was left out before
 * any figure: recorded for all ages together only, counts with no rate, not loaded), those reasons, counted; only
 * when some were read and their figures then fell short is it hidden (c) or missing (x) figures. Saying "hidden
 * to protect privacy" of police.uk counts, which are recorded for all ages and hide nothing, would be false.
 */
export function pathwayGapText(series: readonly PathwaySeries[]): string {
  if (series.length === 0) return 'No indicator is loaded to follow this cohort with.';
  if (series.some((s) => s.points.length > 0))
    return 'No tier has enough figures to draw for this cohort: in too many periods its figures are hidden to protect privacy (c), include hidden figures, or are missing (x). A wider cohort (more age bands, both sexes, or the whole VRU area) is more likely to be shown.';
  const reasons = new Map<string, number>();
  for (const s of series) {
    const reason = s.excludedReason ?? 'not recorded for this cohort';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const parts = [...reasons]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) =>
      series.length === 1 ? reason : n === series.length ? `all ${n}, ${reason}` : `${n} of ${series.length}, ${reason}`,
    );
  const wider = [...(reasons.has(ALL_AGES_ONLY) ? ['every age band'] : []), ...(reasons.has(BOTH_SEXES_ONLY) ? ['persons'] : [])];
  return `No indicator can be followed for this cohort (${parts.join('; ')}).${wider.length ? ` Choose ${wider.join(' and ')} to follow it.` : ''}`;
}
