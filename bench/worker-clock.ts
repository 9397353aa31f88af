import type { Page, Worker } from '@playwright/test';

/**
 * Times each DuckDB message inside its worker: when the worker began handling it and when it posted the reply,
 * by message id. The page's probes see only post and reply in the page, which also holds the time the message
 * waited for the worker and the time the reply waited for a busy main thread; this splits them apart. It only
 * observes: the worker's own handler and postMessage are wrapped, unchanged.
 */
export interface WorkerTimes {
  /** Epoch ms (timeOrigin + now), so the page's and the worker's clocks compare. */
  start: number;
  send: number;
}

// Plain JavaScript for the worker's global scope (no bundler helpers). The handler is set by DuckDB's script,
// which may still be running when the worker is announced: it is wrapped once it exists.
const INSTALL = `(() => {
  if (self.__workerClock) return;
  const log = new Map();
  self.__workerClock = log;
  const now = () => performance.timeOrigin + performance.now();
  const wrap = () => {
    const h = self.onmessage;
    if (typeof h !== 'function' || h.__clock) return typeof h === 'function';
    const wrapped = function (e) {
      const d = e.data;
      if (d && typeof d.messageId === 'number') log.set(d.messageId, { start: now(), send: 0 });
      return h.call(this, e);
    };
    wrapped.__clock = true;
    self.onmessage = wrapped;
    return true;
  };
  if (!wrap()) { const iv = setInterval(() => { if (wrap()) clearInterval(iv); }, 5); }
  const post = self.postMessage.bind(self);
  self.postMessage = (m, t) => {
    const e = m && typeof m.requestId === 'number' ? log.get(m.requestId) : undefined;
    if (e && e.send === 0) e.send = now();
    return post(m, t);
  };
})()`;

/** Installs the clock in every worker the page starts from now on. Call before the page opens. */
export function installWorkerClock(page: Page): void {
  page.on('worker', (w) => {
    w.evaluate(INSTALL).catch(() => undefined);
  });
}

/** The in-worker times of these DuckDB message ids (from whichever worker handled them). */
export async function workerTimes(page: Page, ids: readonly number[]): Promise<Map<number, WorkerTimes>> {
  const out = new Map<number, WorkerTimes>();
  if (ids.length === 0) return out;
  const read = (w: Worker) =>
    w
      .evaluate(
        (wanted) => {
          const log = (self as unknown as { __workerClock?: Map<number, { start: number; send: number }> }).__workerClock;
          return log ? wanted.flatMap((id) => (log.has(id) ? [[id, log.get(id)!] as const] : [])) : [];
        },
        [...ids],
      )
      .catch(() => []);
  for (const rows of await Promise.all(page.workers().map(read))) for (const [id, t] of rows) if (t.send > 0) out.set(id, t);
  return out;
}
