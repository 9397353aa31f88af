import type { Page } from '@playwright/test';
import { engineTraceLength, engineTraceSince, setSearch, waitSettled } from './page-probes';

export interface RapidChangeResult {
  changes: number;
  gapMs: number;
  /** From the last change to the page redrawn with its answer. */
  latencyMs: number;
  /** Statements the worker ran during the burst and after it, and what one change alone sends. */
  statementsRun: number;
  statementsPerChange: number;
  timedOut: boolean;
}

/**
 * Someone arrowing through the Indicator select: several changes a short gap apart, then the time from the last
 * change until the page has redrawn. Superseded requests' statements should be dropped from the engine's queue
 * (src/engine/abort.ts), so this stays close to a single change instead of growing with the number of changes.
 */
export async function rapidIndicatorChanges(
  page: Page,
  search: string,
  pick: (indicators: string[]) => string[],
  opts: { gapMs: number; quiet: number; timeout: number },
): Promise<RapidChangeResult> {
  await setSearch(page, search);
  await waitSettled(page, { quiet: opts.quiet, timeout: opts.timeout, noChangeAfter: 2 * opts.quiet });
  const indicators = await page.locator('#f-indicator option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  // One change alone, for comparison.
  const [single, ...burst] = pick(indicators.filter(Boolean));
  if (!single || burst.length === 0) throw new Error('rapid changes need at least two values');
  let from = await engineTraceLength(page);
  await page.selectOption('#f-indicator', single);
  await waitSettled(page, { quiet: opts.quiet, timeout: opts.timeout, noChangeAfter: 2 * opts.quiet });
  const perChange = (await engineTraceSince(page, from)).filter((e) => e.type === 'RUN_QUERY').length;

  from = await engineTraceLength(page);
  for (const [i, v] of burst.entries()) {
    await page.selectOption('#f-indicator', v);
    if (i < burst.length - 1) await page.waitForTimeout(opts.gapMs);
  }
  const r = await waitSettled(page, { quiet: opts.quiet, timeout: opts.timeout, noChangeAfter: 4 * opts.quiet });
  const run = (await engineTraceSince(page, from)).filter((e) => e.type === 'RUN_QUERY').length;
  return {
    changes: burst.length,
    gapMs: opts.gapMs,
    latencyMs: r.latency,
    statementsRun: run,
    statementsPerChange: perChange,
    timedOut: r.timedOut,
  };
}
