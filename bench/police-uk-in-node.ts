import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createNodeEngine } from '../src/engine/node-engine';
import { loadFiles, type LoadProgress } from '../src/import/load-files';
import { prepareDerivedTables } from '../src/session/prepare-derived-tables';

/**
 * The same load in Node, on the engine's Node bundle with nothing else loaded (as a workspace of one's own would
 * be): phases from the progress steps, with the process's CPU time beside the wall time, which a busy machine
 * stretches. Records -> counts is JavaScript; the checks, commit and cube are the engine.
 */
export async function policeUkLoadInNode(paths: readonly string[]): Promise<{ phase: string; wallMs: number; cpuMs: number }[]> {
  const files = paths.map((p) => ({ name: path.basename(p), bytes: new Uint8Array(readFileSync(p)) }));
  const engine = await createNodeEngine();
  const phases: { phase: string; wallMs: number; cpuMs: number }[] = [];
  let phase = 'start';
  let t = performance.now();
  let cpu = process.cpuUsage();
  const lap = (next: string) => {
    const used = process.cpuUsage(cpu);
    phases.push({ phase, wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000 });
    phase = next;
    t = performance.now();
    cpu = process.cpuUsage();
  };
  try {
    // Progress steps name each file: the phases are the kinds of step, summed.
    const kind = (p: LoadProgress) =>
      p.step.replace(/ in .*$| [^ ]+\.csv$| police\.uk .*$| areas lookup .*$| population .*$/, '');
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { state } = await loadFiles(engine, { manifest: null, boundaries: {} }, files, (p) => {
      if (kind(p) !== phase) lap(kind(p));
    });
    lap('Preparing views (cube)');
    await prepareDerivedTables(engine, state.manifest);
    lap('done');
    const used = process.cpuUsage(c0);
    const merged = new Map<string, { phase: string; wallMs: number; cpuMs: number }>();
    for (const p of phases.filter((x) => x.phase !== 'start')) {
      const m = merged.get(p.phase) ?? { phase: p.phase, wallMs: 0, cpuMs: 0 };
      m.wallMs += p.wallMs;
      m.cpuMs += p.cpuMs;
      merged.set(p.phase, m);
    }
    return [...merged.values(), { phase: 'total', wallMs: performance.now() - t0, cpuMs: (used.user + used.system) / 1000 }];
  } finally {
    await engine.close();
  }
}
