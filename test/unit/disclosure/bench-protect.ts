/*
 * Timing script, not a test (tests must not depend on machine speed):
 *   npx tsx test/unit/disclosure/bench-protect.ts            10k views and the ~610k demo-like cube
 *   npx tsx test/unit/disclosure/bench-protect.ts --stress   also the ~566k single-indicator stress cube
 * Prints wall-clock and process CPU milliseconds (CPU is the fairer figure on a busy machine).
 */
import { DEFAULT_POLICIES } from '../../../src/contract';
import { protectCube } from '../../../src/disclosure';
import { demoLikeCube, randomCube } from './fixtures';

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const cubes: [string, ReturnType<typeof randomCube>, number][] = [
  // 22 areas x 17 periods x 9 ages x 3 sexes = 10,098 cells, ~36% of them 1-9.
  ['10k view, area x period x age x sex', randomCube(7, { districts: 3, msoas: 0, lsoas: 6, months: 12 }), 5],
  // 7 districts x 13 MSOAs x 5 LSOAs (+ MSOAs, districts, VRU) x (12 months + 4 quarters + 1 year), one indicator.
  ['10k view, LSOA x period', demoLikeCube(3, { districts: 7, months: 12, districtIndicators: 0 }), 5],
  // One LSOA indicator + 15 district indicators by age and sex, 60 months: the shape of the demo data.
  ['demo-like cube, 16 indicators', demoLikeCube(1), 1],
];
if (process.argv.includes('--stress')) {
  cubes.push(['stress cube, 1 indicator', randomCube(11, { districts: 14, msoas: 4, lsoas: 9, wards: 3, months: 24 }), 1]);
}

for (const [name, cube, reps] of cubes) {
  for (const [audience, policy] of Object.entries(DEFAULT_POLICIES)) {
    if (reps > 1) protectCube(cube.cells, policy, cube.hierarchy); // warm-up (JIT)
    let best = { wall: Infinity, cpu: Infinity };
    let res = protectCube(cube.cells.slice(0, 0), policy, cube.hierarchy);
    for (let k = 0; k < reps; k++) {
      const w0 = performance.now();
      const c0 = cpuMs();
      res = protectCube(cube.cells, policy, cube.hierarchy);
      best = { wall: Math.min(best.wall, performance.now() - w0), cpu: Math.min(best.cpu, cpuMs() - c0) };
    }
    const s = res.summary;
    console.log(
      `${name} [${audience}]: ${s.cells} cells, ${s.relations} relations: ${best.wall.toFixed(0)} ms wall, ` +
        `${best.cpu.toFixed(0)} ms CPU; primary ${s.primary}, secondary ${s.secondary} ` +
        `(${s.secondaryFromAudit} from ${s.auditRounds} audit rounds, ${s.fullAudits} full audits), pass ${s.audit.pass}`,
    );
  }
}
