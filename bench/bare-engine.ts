import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createNodeEngine } from '../src/engine/node-engine';
import type { Engine } from '../src/engine/engine-types';
import { protectInline } from '../src/disclosure/protect-inline';
import type { ProtectRunner } from '../src/disclosure/protect-cube-table';
import type { ProtectionSummary } from '../src/disclosure/protect-cube';
import { DashboardSession } from '../src/session/dashboard-session';
import type { InputFile } from '../src/import/load-files';
import { summariseCalls, timedEngine, type EngineCall } from './timed-engine';

const DEMO = ['manifest.json', 'areas.csv', 'population.csv', 'extracts.parquet'];

export interface StepTiming {
  step: string;
  engineMs: number;
  jsMs: number;
  calls: number;
}

/** Where protectCube's time goes, from the progress it reports (its stages report fixed points of 1000). */
export interface ProtectStages {
  cells: number;
  /** Stage name to milliseconds. */
  stages: Record<string, number>;
  summary: ProtectionSummary;
}

const STAGE_ENDS: [number, string][] = [
  [100, 'index cells'],
  [300, 'build relations'],
  [350, 'primary suppression'],
  [600, 'secondary suppression to fixed point'],
  [1000, 'audit and repair rounds, output'],
];

/** protectInline, timing its stages by the progress it reports. */
function stagedProtect(record: (s: ProtectStages) => void): ProtectRunner {
  return async (request, onProgress) => {
    const stages: Record<string, number> = {};
    let stage = 0;
    let last = performance.now();
    const result = await protectInline(request, (done, total) => {
      onProgress(done, total);
      while (stage < STAGE_ENDS.length && done >= STAGE_ENDS[stage]![0]) {
        const now = performance.now();
        stages[STAGE_ENDS[stage]![1]] = now - last;
        last = now;
        stage++;
      }
    });
    record({ cells: result.flag.length, stages, summary: result.summary });
    return result;
  };
}

export interface BareRun {
  engineStartMs: number;
  demoLoadMs: number;
  demoProtectMs: number;
  /** Present when an extract was loaded on top of the demo. */
  load?: {
    file: string;
    loadMs: number;
    protectMs: number;
    rejected: string | null;
    steps: StepTiming[];
    extractsRows: number;
    cubeCells: number;
    protectedCells: number;
    rssAfter: number;
  };
  engine: Engine;
  session: DashboardSession;
  calls: EngineCall[];
  /** One entry per protectCube run (the demo's, then the extract's). */
  protections: ProtectStages[];
}

const readInput = (file: string): InputFile => ({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });

/**
 * The app's own data path on the bare engine in Node: the same session, loader, cube build and protection the
 * page runs, minus the browser (no worker messaging, no React). Loads the demo as the page does on opening,
 * then optionally the benchmark extract (manifest + one data file) as the Load data screen does.
 */
export async function bareDataPath(extract?: { manifest: string; data: string }): Promise<BareRun> {
  let t = performance.now();
  const raw = await createNodeEngine();
  const engineStartMs = performance.now() - t;
  const timed = timedEngine(raw);
  const protections: ProtectStages[] = [];
  const session = await DashboardSession.start(
    timed.engine,
    stagedProtect((p) => protections.push(p)),
  );

  timed.setPhase('demo');
  t = performance.now();
  const demo = await session.load(
    DEMO.map((n) => readInput(path.join('data', n))),
    undefined,
    { demo: true },
  );
  const demoLoadMs = performance.now() - t;
  const demoFailed = demo.find((o) => o.status !== 'loaded');
  if (demoFailed) throw new Error(`demo data did not load in Node: ${JSON.stringify(demoFailed.problems[0])}`);
  t = performance.now();
  await session.ensureProtected('analyst');
  const demoProtectMs = performance.now() - t;
  const run: BareRun = { engineStartMs, demoLoadMs, demoProtectMs, engine: raw, session, calls: timed.calls, protections };
  if (!extract) return run;

  const first = timed.calls.length;
  timed.setPhase('load');
  // With the demo's areas lookup: own files start a workspace of their own, which knows no areas until given some.
  const files = [readInput(extract.manifest), readInput(extract.data), readInput(path.join('data', 'areas.csv'))];
  t = performance.now();
  // The cube build starts with the area ancestors: from there on it is the "prepare" phase.
  const watch = setPhaseOnSql(timed, 'CREATE OR REPLACE TABLE area_ancestors AS', 'prepare');
  const outcomes = await session.load(files);
  watch.stop();
  const loadMs = performance.now() - t;
  const rejected = outcomes.find((o) => o.status !== 'loaded');
  timed.setPhase('protect');
  t = performance.now();
  if (!rejected) await session.ensureProtected('analyst');
  const protectMs = performance.now() - t;
  const count = async (table: string) =>
    (await raw.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${table}`))[0]?.n ?? 0;
  run.load = {
    file: path.basename(extract.data),
    loadMs,
    protectMs,
    rejected: rejected ? `${rejected.file}: ${rejected.problems[0]?.message ?? 'rejected'}` : null,
    steps: splitProtection(summariseCalls(timed.calls.slice(first)), protections.at(-1)),
    extractsRows: await count('extracts'),
    cubeCells: await count('cube'),
    protectedCells: await count('protected_analyst'),
    rssAfter: process.memoryUsage().rss,
  };
  return run;
}

/** The JavaScript before dropping the old protected table is decoding the cube's columns plus protectCube: split it. */
function splitProtection(steps: StepTiming[], last: ProtectStages | undefined): StepTiming[] {
  const js = steps.find((s) => s.step === 'protect: protectCubeColumns (JS: decode, cells, protectCube)');
  if (!js || !last) return steps;
  const cube = Object.values(last.stages).reduce((a, b) => a + b, 0);
  return [
    ...steps.filter((s) => s !== js),
    { step: 'protect: protectCube (JS)', engineMs: 0, jsMs: cube, calls: 0 },
    {
      step: 'protect: decode the cube columns, make cells, flag and value arrays (JS)',
      engineMs: js.engineMs,
      jsMs: Math.max(0, js.jsMs - cube),
      calls: js.calls,
    },
  ];
}

/** Switches the timing phase when a statement starting with `prefix` is first seen (the wrapper records the phase per call). */
function setPhaseOnSql(timed: ReturnType<typeof timedEngine>, prefix: string, phase: string): { stop: () => void } {
  const exec = timed.engine.exec;
  timed.engine.exec = (sql: string) => {
    if (sql.trimStart().startsWith(prefix)) timed.setPhase(phase);
    return exec(sql);
  };
  return { stop: () => (timed.engine.exec = exec) };
}

/**
 * Times SQL on the bare engine: each statement run `repeat` times; returns the total of the first runs (as the
 * page runs each once) and of the fastest runs (on a shared machine, the run least disturbed by others). The
 * statements are those the page sent its engine during one interaction, so the figures compare like with like.
 */
export async function timeStatements(
  engine: Engine,
  statements: readonly string[],
  repeat = 3,
): Promise<{ first: number; fastest: number }> {
  let first = 0;
  let fastest = 0;
  for (const sql of statements) {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const t = performance.now();
      await engine.queryArrow(sql);
      times.push(performance.now() - t);
    }
    first += times[0] ?? 0;
    fastest += Math.min(...times);
  }
  return { first, fastest };
}
