import type { Page } from '@playwright/test';

/**
 * What the benchmark watches inside the page, installed before the app's own scripts run. Nothing here changes
 * what the app does: it only observes.
 *
 * - every DOM mutation's time, so an interaction's latency is "until the last visible change" (every view on
 *   the page has redrawn), measured in the page, from the `change` event to the last mutation;
 * - every statement sent to the DuckDB worker (its worker protocol carries the SQL as `RUN_QUERY`) and every
 *   protection job, with start and end, so the same SQL can be replayed on the bare engine in Node;
 * - the texts of the load progress and protection status, with times, to split a load into its phases.
 */
export interface ProbeState {
  lastMutation: number;
  mutations: number;
  /** performance.now() of the last `change` event or scripted URL change. */
  t0: number;
  firstMutationAfterT0: number;
  engine: { type: string; sql: string; start: number; end: number; cells: number }[];
  texts: { t: number; text: string }[];
}

declare global {
  interface Window {
    __bench: ProbeState;
  }
}

export function installProbes(): void {
  const state: ProbeState = { lastMutation: 0, mutations: 0, t0: 0, firstMutationAfterT0: 0, engine: [], texts: [] };
  window.__bench = state;
  let lastText = '';
  const logTexts = () => {
    const parts: string[] = [];
    const progress = document.querySelector('.progress label')?.textContent;
    if (progress) parts.push(`load: ${progress}`);
    if (document.querySelector('.outcomes')) parts.push('load: result shown');
    const protecting = document.querySelector('.protection-status label')?.textContent;
    if (protecting) parts.push(`protect: ${protecting.replace(/: \d+%$/, '')}`);
    const text = parts.join(' | ');
    if (text !== lastText) {
      lastText = text;
      state.texts.push({ t: performance.now(), text });
    }
  };
  new MutationObserver(() => {
    const now = performance.now();
    state.lastMutation = now;
    state.mutations++;
    if (state.firstMutationAfterT0 < state.t0) state.firstMutationAfterT0 = now;
    logTexts();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('change', () => (state.t0 = performance.now()), true);

  // DuckDB-WASM's worker protocol: { messageId, type, data }, answered by { requestId, type, data }.
  const pending = new Map<number, ProbeState['engine'][number]>();
  const jobs = new Map<number, ProbeState['engine'][number]>();
  const watched = new WeakSet<Worker>();
  const post = Worker.prototype.postMessage as (this: Worker, message: unknown, ...rest: unknown[]) => void;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const m = message as { messageId?: unknown; type?: unknown; data?: unknown; id?: unknown } | null;
    if (m && typeof m === 'object') {
      if (!watched.has(this)) {
        watched.add(this);
        this.addEventListener('message', (e: MessageEvent) => {
          const d = e.data as { requestId?: number; id?: number; type?: string } | null;
          if (!d) return;
          const entry = typeof d.requestId === 'number' ? pending.get(d.requestId) : undefined;
          if (entry) {
            entry.end = performance.now();
            pending.delete(d.requestId!);
          }
          const job = typeof d.id === 'number' && (d.type === 'done' || d.type === 'error') ? jobs.get(d.id) : undefined;
          if (job) {
            job.end = performance.now();
            jobs.delete(d.id!);
          }
        });
      }
      if (typeof m.messageId === 'number' && typeof m.type === 'string') {
        const sql = m.type === 'RUN_QUERY' && Array.isArray(m.data) ? String(m.data[1]) : '';
        const entry = { type: m.type, sql, start: performance.now(), end: 0, cells: 0 };
        state.engine.push(entry);
        pending.set(m.messageId, entry);
      } else if (typeof m.id === 'number' && (m as { kind?: unknown }).kind === 'protect') {
        const entry = { type: 'PROTECT', sql: '', start: performance.now(), end: 0, cells: 0 };
        state.engine.push(entry);
        jobs.set(m.id, entry);
      }
    }
    post.call(this, message, ...rest);
  };
}

export interface Settled {
  /** From the change to the last DOM mutation before the page went quiet, in ms (0 if nothing changed). */
  latency: number;
  /** From the change to the first DOM mutation. */
  firstChange: number;
  /** Nothing changed on the page within `noChangeAfter`. */
  noChange: boolean;
  timedOut: boolean;
}

/**
 * Waits until the page has redrawn after the change (`t0`): no view shows it is busy (aria-busy, a "Working out…"
 * / "Loading…" status, protection under way), at least one mutation came after the change, and nothing changed for
 * `quiet` ms. The latency is to the last mutation, so the quiet wait itself is not counted. If nothing at all has
 * changed `noChangeAfter` ms after the change (and nothing is busy), the change did nothing visible.
 */
export async function waitSettled(
  page: Page,
  opts: { quiet: number; timeout: number; noChangeAfter?: number },
): Promise<Settled> {
  return page.evaluate(
    ([quiet, timeout, noChangeAfter]) =>
      new Promise<Settled>((resolve) => {
        const s = window.__bench;
        const t0 = s.t0;
        // Busy: a view says so, or the engine (or protection) is still answering something asked since the change.
        const busy = () =>
          s.engine.some((e) => e.end === 0 && e.start >= t0) ||
          document.querySelector('[aria-busy="true"], .protection-status') !== null ||
          [...document.querySelectorAll('main [role="status"]')].some((e) => /…\s*$/.test(e.textContent ?? ''));
        const check = () => {
          const now = performance.now();
          const changed = s.lastMutation >= t0;
          const result = (timedOut: boolean): Settled => ({
            latency: changed ? s.lastMutation - t0 : 0,
            firstChange: s.firstMutationAfterT0 >= t0 ? s.firstMutationAfterT0 - t0 : NaN,
            noChange: !changed,
            timedOut,
          });
          if (!busy() && changed && now - s.lastMutation >= quiet) resolve(result(false));
          else if (!busy() && !changed && now - t0 >= noChangeAfter) resolve(result(false));
          else if (now - t0 > timeout) resolve(result(true));
          else setTimeout(check, 20);
        };
        check();
      }),
    [opts.quiet, opts.timeout, opts.noChangeAfter ?? opts.timeout] as const,
  );
}

/** Changes the page's address without reloading (as a pasted link's settings would), and starts the clock. */
export async function setSearch(page: Page, search: string): Promise<void> {
  await page.evaluate((s) => {
    window.history.replaceState(null, '', `${window.location.pathname}${s}`);
    window.__bench.t0 = performance.now();
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, search);
}

export async function engineTraceLength(page: Page): Promise<number> {
  return page.evaluate(() => window.__bench.engine.length);
}

export async function engineTraceSince(page: Page, from: number): Promise<ProbeState['engine']> {
  return page.evaluate((i) => window.__bench.engine.slice(i), from);
}

export async function pageTexts(page: Page): Promise<ProbeState['texts']> {
  return page.evaluate(() => window.__bench.texts);
}

export async function marks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
}
