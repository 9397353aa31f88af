import type { Audience } from '../contract';
import { declareLoadedDescription } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';
import { useSessionSnapshot } from './session-context';

/** What protection did for an audience: a description of the protection, not figures held for an export. */
const protectionSummary = declareLoadedDescription('protection-summary', (ctx, { audience }: { audience: Audience }) =>
  ctx.ensureProtected(audience),
);

/**
 * What protection did for an audience (cells hidden, audit result). Runs it when `run` is true or it has
 * already run at this data version; otherwise waits, because protecting an audience nobody is looking at
 * costs seconds of the worker's time that the figures on screen are waiting for.
 */
export function useProtectionSummary(audience: Audience, run = true) {
  const { protection } = useSessionSnapshot();
  return useFigure(protectionSummary, run || protection[audience] !== undefined ? { audience } : null);
}
