/*
 * Timing script (not a test: tests must not depend on machine speed).
 *   npx tsx test/unit/disclosure/bench-protect.ts
 */
import { DEFAULT_POLICIES } from '../../../src/contract';
import { auditProtection, protectCube } from '../../../src/disclosure';
import { randomCube } from './fixtures';

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

const cubes = {
  // 22 areas x 17 periods x 9 ages x 3 sexes = 10,098 cells: a typical view's table.
  view10k: randomCube(7, { districts: 3, msoas: 0, lsoas: 6, months: 12 }),
  // 617 areas x 34 periods x 9 ages x 3 sexes = 566,406 cells: a whole demo cube.
  demo600k: randomCube(11, { districts: 14, msoas: 4, lsoas: 9, wards: 3, months: 24 }),
};

for (const [name, cube] of Object.entries(cubes)) {
  for (const [audience, policy] of Object.entries(DEFAULT_POLICIES)) {
    protectCube(cube.cells, policy, cube.hierarchy); // warm-up (JIT)
    const [res, ms] = time(() => protectCube(cube.cells, policy, cube.hierarchy));
    const [audit, auditMs] = time(() => auditProtection(res.cells, res.relations, policy));
    const s = res.summary;
    console.log(
      `${name} ${audience}: ${s.cells} cells, ${s.relations} relations -> ${ms.toFixed(0)} ms ` +
        `(primary ${s.primary}, secondary ${s.secondary} of which audit ${s.secondaryFromAudit}, rounds ${s.auditRounds}, ` +
        `pass ${s.audit.pass}); independent audit ${auditMs.toFixed(0)} ms pass ${audit.pass}`,
    );
  }
}
