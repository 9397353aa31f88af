import type { DisclosurePolicy } from '../contract';

/** The symbol ONS and GOV.UK statistics use for a figure withheld for confidentiality. */
export const SUPPRESSED_SYMBOL = 'c';

/** Plain-English reason for a `c`, the same for primary and secondary suppression (see publicFlag). */
export function suppressionExplanation(policy: Pick<DisclosurePolicy, 'suppressBelowOrEqual'>): string {
  return `Hidden to protect privacy: the number is fewer than ${policy.suppressBelowOrEqual + 1}, or would let a small number be worked out by subtraction. Try a wider age band or a larger area.`;
}

export function roundingExplanation(policy: Pick<DisclosurePolicy, 'roundTo'>): string {
  return `Rounded to the nearest ${policy.roundTo} to protect privacy.`;
}
