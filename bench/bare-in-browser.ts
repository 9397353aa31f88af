import type { Page } from '@playwright/test';
import { replayInPage } from './page-probes';
import { workerTimes } from './worker-clock';

/** Statements safe to run again on the app's own data: reads only (a replay must not change what the app holds). */
export const isReadOnly = (sql: string): boolean => /^\s*(WITH|SELECT|FROM)\b/i.test(sql);

/** What the replay needs of an interaction sample. */
export interface ReplayableSample {
  view: string;
  kind: string;
  value: string;
  latency: number;
  dataReadyMs: number;
  statements: string[];
  statementConns: number[];
  statementMs: number[];
  /** Time inside the worker of each statement (handler start to reply posted), as the app ran it; NaN if unknown. */
  statementExecMs: number[];
}

/** One interaction's statements run again on the page's own worker, with the app's figures beside them. */
export interface BareInPageSample {
  view: string;
  kind: string;
  value: string;
  /** Change until redrawn, and change to the last answer, as the app did them. */
  latency: number;
  dataReadyMs: number;
  /** In-worker time the app saw (post to reply in the page), for the statements replayed. */
  engineMs: number;
  /** Sum over the statements of the median of their runs, and of the fastest. */
  bareMs: number;
  bareFastestMs: number;
  /** Post-to-reply times of each run, per statement replayed. */
  runs: number[][];
  /**
   * Inside the worker (handler start to reply posted), for the statements replayed: as the app ran them, and the
   * sum of the medians of the replay's runs. NaN when the worker clock missed one.
   */
  execMs: number;
  bareExecMs: number;
  /** Statements not replayed because they are not reads. */
  skipped: number;
  error?: string;
}

const median = (v: readonly number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * Replays each sample's read statements on the page's DuckDB worker, `repeat` times each, one sample at a time.
 * Run when the app is idle (after the interactions). The median of the runs stands for one run, as the app ran
 * each statement once under the same noise; the fastest is the run least disturbed by the rest of the machine.
 */
export async function replaySamplesInPage(
  page: Page,
  samples: readonly ReplayableSample[],
  repeat = 3,
): Promise<{ samples: BareInPageSample[]; appStatementsMeanwhile: number }> {
  const out: BareInPageSample[] = [];
  let appStatementsMeanwhile = 0;
  for (const x of samples) {
    const picked = x.statements.flatMap((sql, i) => (isReadOnly(sql) ? [i] : []));
    const r = await replayInPage(
      page,
      picked.map((i) => ({ conn: x.statementConns[i]!, sql: x.statements[i]! })),
      repeat,
    );
    appStatementsMeanwhile += r.appStatementsMeanwhile;
    const clock = await workerTimes(
      page,
      r.statements.flatMap((st) => st.ids),
    );
    const execOf = (id: number) => {
      const t = clock.get(id);
      return t ? t.send - t.start : NaN;
    };
    const error = r.statements.find((st) => st.error !== undefined)?.error;
    out.push({
      view: x.view,
      kind: x.kind,
      value: x.value,
      latency: x.latency,
      dataReadyMs: x.dataReadyMs,
      engineMs: picked.reduce((sum, i) => sum + (x.statementMs[i] ?? 0), 0),
      bareMs: r.statements.reduce((sum, st) => sum + median(st.ms), 0),
      bareFastestMs: r.statements.reduce((sum, st) => sum + (st.ms.length ? Math.min(...st.ms) : 0), 0),
      runs: r.statements.map((st) => st.ms),
      execMs: picked.reduce((sum, i) => sum + (x.statementExecMs[i] ?? NaN), 0),
      bareExecMs: r.statements.reduce((sum, st) => {
        const runs = st.ids.map(execOf);
        return sum + (runs.some(Number.isNaN) ? NaN : median(runs));
      }, 0),
      skipped: x.statements.length - picked.length,
      ...(error === undefined ? {} : { error }),
    });
  }
  return { samples: out, appStatementsMeanwhile };
}
