import type { Tier } from '../../contract';
import type { TierLine } from '../../queries/readers/cohort-pathway';

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
