/*
 * The exact disclosure audit's cost: protectCube on the whole cube a session built, for each audience, with the LP
 * certificate (HiGHS, as the app protects) and with the interval attack alone (what protection cost before the
 * LP), with what the LP did. Called by run-bench.ts on the demo and the 1M extract, or on its own:
 *   npx tsx bench/exact-audit.ts            the demo, every audience
 *   npx tsx bench/exact-audit.ts --1m       also the 1M-row benchmark extract (analyst), which takes minutes
 *   npx tsx bench/exact-audit.ts --1m-sparse  also a 1M-row extract of rare events (1 cell in 30 non-zero), every
 *                                             audience: small counts linked through every relation, as real
 *                                             extracts of the rarest harms have them
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { AUDIENCES, DEFAULT_POLICIES, type Audience, type DisclosurePolicy } from '../src/contract';
import type { Engine } from '../src/engine/engine-types';
import { highsOnce } from '../src/disclosure/load-highs';
import { LP_COMPONENT_CAPS } from '../src/disclosure/lp-audit';
import { cubeColumnsSql, protectCubeColumns } from '../src/disclosure/protect-columns';
import { bareDataPath } from './bare-engine';
import { generateBenchExtract } from './generate-bench-extract';

export interface ExactAuditTiming {
  audience: Audience;
  cells: number;
  /** Wall and process CPU milliseconds of protectCube with the LP. */
  withLpMs: number;
  withLpCpuMs: number;
  /** The same with the interval attack alone (no solver). */
  intervalOnlyMs: number;
  lps: number;
  pass: boolean;
  method: string;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Times protection of the engine's `cube` (its areas' hierarchy) for each audience, with and without the LP. */
export async function exactAuditTimings(
  engine: Engine,
  audiences: readonly Audience[] = AUDIENCES,
  policyOf: (a: Audience) => DisclosurePolicy = (a) => DEFAULT_POLICIES[a],
): Promise<ExactAuditTiming[]> {
  const cube = await engine.queryIpc(cubeColumnsSql());
  const parents = (
    await engine.query<{ code: string; parent_code: string }>('SELECT code, parent_code FROM areas WHERE parent_code IS NOT NULL')
  ).map((p): [string, string] => [p.code, p.parent_code]);
  const highs = await highsOnce();
  const out: ExactAuditTiming[] = [];
  for (const audience of audiences) {
    // The cap each audience's protection runs with in the app.
    const request = { cube, policy: policyOf(audience), parents, lpComponentCap: LP_COMPONENT_CAPS[audience] };
    let t = performance.now();
    const plain = protectCubeColumns(request);
    const intervalOnlyMs = performance.now() - t;
    t = performance.now();
    const c0 = cpuMs();
    const exact = protectCubeColumns(request, undefined, highs);
    out.push({
      audience,
      cells: plain.flag.length,
      withLpMs: performance.now() - t,
      withLpCpuMs: cpuMs() - c0,
      intervalOnlyMs,
      lps: exact.summary.audit.lpSolves,
      pass: exact.summary.audit.pass,
      method: exact.summary.audit.method,
    });
  }
  return out;
}

/** One line per audience, as run-bench.ts and the command line print them. */
export function exactAuditLine(t: ExactAuditTiming): [string, string] {
  const ms = (n: number): string => `${Math.round(n).toLocaleString('en-GB')} ms`;
  return [
    `protectCube with the exact audit (${t.cells.toLocaleString('en-GB')} cells, ${t.audience})`,
    `${ms(t.withLpMs)} (${ms(t.withLpCpuMs)} CPU), ${t.lps} LPs, pass ${t.pass}; interval audit alone ${ms(t.intervalOnlyMs)}; ${t.method}`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const demo = await bareDataPath();
  for (const t of await exactAuditTimings(demo.engine)) console.log(exactAuditLine(t).join(': '));
  await demo.engine.close();
  if (process.argv.includes('--1m')) {
    const files = generateBenchExtract(path.resolve('bench/out'), 1_000_000, { csv: false });
    const big = await bareDataPath({ manifest: files.manifest, data: files.parquet });
    console.log(
      `1M rows: load ${Math.round(big.load?.loadMs ?? NaN)} ms, session protection (analyst) ${Math.round(big.load?.protectMs ?? NaN)} ms`,
    );
    for (const t of await exactAuditTimings(big.engine, ['analyst'])) console.log(exactAuditLine(t).join(': '));
    await big.engine.close();
  }
  if (process.argv.includes('--1m-sparse')) {
    const files = generateBenchExtract(path.resolve('bench/out'), 1_000_000, { csv: false, sparse: true });
    const big = await bareDataPath({ manifest: files.manifest, data: files.parquet });
    console.log(
      `1M rows of rare events: load ${Math.round(big.load?.loadMs ?? NaN)} ms, session protection (analyst) ${Math.round(big.load?.protectMs ?? NaN)} ms`,
    );
    for (const t of await exactAuditTimings(big.engine)) console.log(exactAuditLine(t).join(': '));
    await big.engine.close();
  }
}
