import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

export interface BrowserMemory {
  /** The page's main-thread JavaScript heap (CDP Performance.getMetrics). */
  heapUsed: number;
  heapTotal: number;
  /** Resident memory of this browser's processes (renderer with DuckDB's worker and wasm memory, GPU, network...). */
  rss: number;
  /** Proportional set size: shared pages split between processes, so the sum is not double counted. */
  pss: number;
  processes: { type: string; pid: number; rss: number; pss: number }[];
}

/** One of /proc/<pid>/status or smaps_rollup's "<Field>: <n> kB" lines, in bytes (0 if unreadable). */
function procField(pid: number, file: string, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function processInfo(browser: Browser): Promise<{ type: string; id: number; cpuTime: number }[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number; cpuTime: number }[];
    };
    return processInfo;
  } finally {
    await cdp.detach();
  }
}

/**
 * Memory of this browser only: its own processes come from CDP (SystemInfo.getProcessInfo), so other Chromiums on a
 * shared machine (other people's test runs) are not counted.
 */
export async function browserMemory(browser: Browser, page: Page): Promise<BrowserMemory> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const processes = (await processInfo(browser))
    .map((p) => ({
      type: p.type,
      pid: p.id,
      rss: procField(p.id, 'status', 'VmRSS'),
      pss: procField(p.id, 'smaps_rollup', 'Pss'),
    }))
    .sort((a, b) => b.pss - a.pss);
  return {
    heapUsed: metric('JSHeapUsedSize'),
    heapTotal: metric('JSHeapTotalSize'),
    rss: processes.reduce((s, p) => s + p.rss, 0),
    pss: processes.reduce((s, p) => s + p.pss, 0),
    processes,
  };
}

/** CPU seconds used so far by all of this browser's processes (to set wall time against on a loaded machine). */
export async function browserCpuSeconds(browser: Browser): Promise<number> {
  return (await processInfo(browser)).reduce((s, p) => s + p.cpuTime, 0);
}
