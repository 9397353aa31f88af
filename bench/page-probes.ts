import type { Page } from '@playwright/test';

/**
 * What the benchmark watches inside the page, installed before the app's own scripts run. Nothing here changes
 * what the app does: it only observes (the one exception, replaying statements, runs only when the app is idle).
 *
 * - every DOM mutation's time, so an interaction's latency is "until the last visible change" (every view on
 *   the page has redrawn), measured in the page, from the `change` event (or the click, or the scripted URL
 *   change) to the last mutation;
 * - every statement sent to the DuckDB worker (its worker protocol carries the SQL as `RUN_QUERY`, with the
 *   connection id) and every protection job, with start and end, so the same SQL can be replayed on the bare
 *   engine, in Node and in this page's own worker;
 * - while a load is watched (`watchLoadTexts`), the texts of the load progress and protection status, with
 *   times, to split a load into its phases. Outside a load they are not read: the observer's callback then only
 *   notes the time, so the probes cost the page almost nothing during an interaction.
 */
export interface ProbeState {
  lastMutation: number;
  mutations: number;
  /** performance.now() of the last `change` event, click, or scripted URL change. */
  t0: number;
  firstMutationAfterT0: number;
  /**
   * `conn` is the DuckDB connection id of a RUN_QUERY (-1 for other messages); `id` its message id (-1 for a
   * protection job), by which bench/worker-clock.ts finds its times inside the worker.
   */
  engine: { type: string; sql: string; conn: number; id: number; start: number; end: number; cells: number }[];
  texts: { t: number; text: string }[];
  /** Set by the bench while a load runs: only then are the progress texts read and logged. */
  watchTexts: boolean;
  /** performance.now() of each figure the app worked out (its `figure-ready` marks, src/ui/performance-marks.ts). */
  figureReady: number[];
}

/** One statement replayed on the page's DuckDB worker: the post-to-reply time of each run, or the error. */
export interface ReplayedStatement {
  ms: number[];
  /** The message id of each run (for bench/worker-clock.ts). */
  ids: number[];
  error?: string;
}

export interface ReplayResult {
  statements: ReplayedStatement[];
  /** Statements the app itself sent while the replay ran (0 when the app was idle, as it should be). */
  appStatementsMeanwhile: number;
}

declare global {
  interface Window {
    __bench: ProbeState;
    __benchControl: {
      /** Runs each statement `repeat` times on the app's DuckDB worker, bypassing the app; one at a time. */
      replay: (statements: { conn: number; sql: string }[], repeat: number) => Promise<ReplayResult>;
      /** Starts (logging the texts now) or stops logging the load progress texts. */
      watchTexts: (on: boolean) => void;
      /** Runs one statement on the app's DuckDB worker and connection, bypassing the app; ms from post to reply. */
      run: (sql: string) => Promise<number>;
      /** Inserts Arrow IPC stream bytes straight into the app's DuckDB worker (the bare engine's insert); ms. */
      insertIpc: (bytes: Uint8Array, name: string, create: boolean) => Promise<number>;
    };
  }
}

export function installProbes(): void {
  const state: ProbeState = {
    lastMutation: 0,
    mutations: 0,
    t0: 0,
    firstMutationAfterT0: 0,
    engine: [],
    texts: [],
    watchTexts: false,
    figureReady: [],
  };
  window.__bench = state;
  // The app keeps only its last mark; each is recorded here as it is made.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'figure-ready') state.figureReady.push(e.startTime);
  }).observe({ type: 'mark' });
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
    if (state.watchTexts) logTexts();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const start = () => (state.t0 = performance.now());
  document.addEventListener('change', start, true);
  // Switching a Trends part is a click on its tab; capture, so the clock starts before the app's handler runs.
  document.addEventListener('click', start, true);

  // DuckDB-WASM's worker protocol: { messageId, type, data }, answered by { requestId, type, data }.
  const pending = new Map<number, ProbeState['engine'][number]>();
  const jobs = new Map<number, ProbeState['engine'][number]>();
  // Replies to the replay's own messages, by message id (a range the app's counter never reaches).
  const replies = new Map<number, (reply: { type?: string; data?: unknown; t: number }) => void>();
  // The workers that ran the app's statements (the app has one DuckDB worker).
  const engineWorkers = new Set<Worker>();
  const watched = new WeakSet<Worker>();
  const post = Worker.prototype.postMessage as (this: Worker, message: unknown, ...rest: unknown[]) => void;
  const onReply = (e: MessageEvent) => {
    const t = performance.now();
    const d = e.data as { requestId?: number; id?: number; type?: string; data?: unknown } | null;
    if (!d) return;
    const replayed = typeof d.requestId === 'number' ? replies.get(d.requestId) : undefined;
    if (replayed) {
      replies.delete(d.requestId!);
      replayed({ type: d.type, data: d.data, t });
      return;
    }
    const entry = typeof d.requestId === 'number' ? pending.get(d.requestId) : undefined;
    if (entry) {
      entry.end = t;
      pending.delete(d.requestId!);
    }
    const job = typeof d.id === 'number' && (d.type === 'done' || d.type === 'error') ? jobs.get(d.id) : undefined;
    if (job) {
      job.end = t;
      jobs.delete(d.id!);
    }
  };
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const m = message as { messageId?: unknown; type?: unknown; data?: unknown; id?: unknown } | null;
    if (m && typeof m === 'object') {
      if (!watched.has(this)) {
        watched.add(this);
        this.addEventListener('message', onReply);
      }
      if (typeof m.messageId === 'number' && typeof m.type === 'string') {
        const run = m.type === 'RUN_QUERY' && Array.isArray(m.data);
        if (run) engineWorkers.add(this);
        const sql = run ? String((m.data as unknown[])[1]) : '';
        const conn = run ? Number((m.data as unknown[])[0]) : -1;
        const entry = { type: m.type, sql, conn, id: m.messageId, start: performance.now(), end: 0, cells: 0 };
        state.engine.push(entry);
        pending.set(m.messageId, entry);
      } else if (typeof m.id === 'number' && (m as { kind?: unknown }).kind === 'protect') {
        const entry = { type: 'PROTECT', sql: '', conn: -1, id: -1, start: performance.now(), end: 0, cells: 0 };
        state.engine.push(entry);
        jobs.set(m.id, entry);
      }
    }
    post.call(this, message, ...rest);
  };

  // The bare engine in this page: a RUN_QUERY posted straight to the app's worker on the app's connection, timed
  // from post to reply. No React, no query cache, no statement queue, no Arrow decoding. Sent with the original
  // postMessage, so it is not traced as the app's own.
  let nextReplayId = 1_000_000_000;
  const runOnce = (worker: Worker, conn: number, sql: string) =>
    new Promise<{ ms: number; id: number; error?: string }>((resolve) => {
      const id = nextReplayId++;
      const t = performance.now();
      replies.set(id, (r) =>
        resolve(
          r.type === 'QUERY_RESULT'
            ? { ms: r.t - t, id }
            : { ms: NaN, id, error: String((r.data as { message?: unknown } | null)?.message ?? r.type) },
        ),
      );
      post.call(worker, { messageId: id, type: 'RUN_QUERY', data: [conn, sql] });
    });
  const replay = async (statements: { conn: number; sql: string }[], repeat: number): Promise<ReplayResult> => {
    const worker = [...engineWorkers].at(-1);
    if (!worker) throw new Error('the page has sent no RUN_QUERY to a worker yet');
    // The app's own listener warns of every reply it did not ask for: silence that one warning meanwhile.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && args[0].startsWith('unassociated response'))) warn.apply(console, args);
    };
    const traced = state.engine.length;
    try {
      const out: ReplayedStatement[] = [];
      for (const { conn, sql } of statements) {
        const r: ReplayedStatement = { ms: [], ids: [] };
        for (let i = 0; i < repeat && r.error === undefined; i++) {
          const once = await runOnce(worker, conn, sql);
          if (once.error !== undefined) r.error = once.error;
          else {
            r.ms.push(once.ms);
            r.ids.push(once.id);
          }
        }
        out.push(r);
      }
      return { statements: out, appStatementsMeanwhile: state.engine.length - traced };
    } finally {
      console.warn = warn;
    }
  };
  // The app's worker and its latest connection, for the bare load (bench/bare-load.ts).
  const appWorker = () => {
    const worker = [...engineWorkers].at(-1);
    const conn = state.engine.findLast((e) => e.type === 'RUN_QUERY')?.conn;
    if (!worker || conn === undefined) throw new Error('the page has sent no RUN_QUERY to a worker yet');
    return { worker, conn };
  };
  const postAndWait = (worker: Worker, type: string, data: unknown[], transfer: Transferable[] = []) =>
    new Promise<number>((resolve, reject) => {
      const id = nextReplayId++;
      const t = performance.now();
      replies.set(id, (r) =>
        r.type === 'OK' || r.type === 'QUERY_RESULT'
          ? resolve(r.t - t)
          : reject(new Error(String((r.data as { message?: unknown } | null)?.message ?? r.type))),
      );
      post.call(worker, { messageId: id, type, data }, transfer);
    });
  window.__benchControl = {
    replay,
    run: (sql) => {
      const { worker, conn } = appWorker();
      return postAndWait(worker, 'RUN_QUERY', [conn, sql]);
    },
    insertIpc: (bytes, name, create) => {
      const { worker, conn } = appWorker();
      return postAndWait(worker, 'INSERT_ARROW_FROM_IPC_STREAM', [conn, bytes, { name, create }], [bytes.buffer]);
    },
    watchTexts: (on) => {
      state.watchTexts = on;
      lastText = '';
      if (on) logTexts();
    },
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
 *
 * The checks are arranged to cost the page as little as possible while it redraws: the clock is read at the time
 * the quiet period would end (not every few ms), and the busy test (DOM queries) runs only once the page has been
 * quiet for `quiet` ms (or unchanged for `noChangeAfter`). When to look changes when this returns, never the
 * latency, which is the time of the last mutation.
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
        // Anything still asked of the engine (or protection) since the change? Entries are in start order.
        const engineBusy = () => {
          for (let i = s.engine.length - 1; i >= 0 && s.engine[i]!.start >= t0; i--) if (s.engine[i]!.end === 0) return true;
          return false;
        };
        const busy = () =>
          engineBusy() ||
          document.querySelector('[aria-busy="true"], .protection-status') !== null ||
          [...document.querySelectorAll('main [role="status"]')].some((e) => /…\s*$/.test(e.textContent ?? ''));
        const result = (timedOut: boolean): Settled => {
          const changed = s.lastMutation >= t0;
          return {
            latency: changed ? s.lastMutation - t0 : 0,
            firstChange: s.firstMutationAfterT0 >= t0 ? s.firstMutationAfterT0 - t0 : NaN,
            noChange: !changed,
            timedOut,
          };
        };
        const check = () => {
          const now = performance.now();
          const changed = s.lastMutation >= t0;
          // Quiet since the last mutation after the change, or since the change itself while nothing has changed.
          const quietFor = now - Math.max(t0, s.lastMutation);
          const done = changed ? quietFor >= quiet : now - t0 >= noChangeAfter;
          if (done && !busy()) resolve(result(false));
          else if (now - t0 > timeout) resolve(result(true));
          else setTimeout(check, quietFor < quiet ? quiet - quietFor : 50);
        };
        check();
      }),
    [opts.quiet, opts.timeout, opts.noChangeAfter ?? opts.timeout] as const,
  );
}

/**
 * Logs the load progress texts (see ProbeState.watchTexts) from now until `false` is given: the bench turns it on
 * just before it chooses files and off once the result is shown.
 */
export async function watchLoadTexts(page: Page, on: boolean): Promise<void> {
  await page.evaluate((v) => window.__benchControl.watchTexts(v), on);
}

/** Replays statements on the page's own DuckDB worker (see installProbes), each `repeat` times. */
export async function replayInPage(
  page: Page,
  statements: { conn: number; sql: string }[],
  repeat: number,
): Promise<ReplayResult> {
  return page.evaluate(([st, n]) => window.__benchControl.replay(st, n), [statements, repeat] as const);
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
