import { DEFAULT_POLICIES } from '../src/contract';
import { protectCube } from '../src/disclosure';
import { demoLikeCube, randomCube } from '../test/unit/disclosure/fixtures';

export interface ViewProtectionTiming {
  table: string;
  audience: string;
  cells: number;
  /** Median of the timed runs, after one warm-up run. */
  medianMs: number;
  maxMs: number;
}

/**
 * Protecting the table behind a typical view (about 10,000 cells, the disclosure issue's yardstick): two shapes,
 * an area x period x age x sex table and an LSOA x period table, for each audience.
 */
export function viewProtectionTimings(runs = 7): ViewProtectionTiming[] {
  const tables: [string, ReturnType<typeof randomCube>][] = [
    ['area x period x age x sex', randomCube(7, { districts: 3, msoas: 0, lsoas: 6, months: 12 })],
    ['LSOA x period', demoLikeCube(3, { districts: 7, months: 12, districtIndicators: 0 })],
  ];
  const out: ViewProtectionTiming[] = [];
  for (const [table, cube] of tables) {
    for (const [audience, policy] of Object.entries(DEFAULT_POLICIES)) {
      protectCube(cube.cells, policy, cube.hierarchy);
      const times: number[] = [];
      for (let k = 0; k < runs; k++) {
        const t0 = performance.now();
        protectCube(cube.cells, policy, cube.hierarchy);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      out.push({
        table,
        audience,
        cells: cube.cells.length,
        medianMs: times[Math.floor(times.length / 2)]!,
        maxMs: times.at(-1)!,
      });
    }
  }
  return out;
}
