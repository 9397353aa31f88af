import { protectCube } from './protect-cube';
import type { ProtectRunner } from './protect-cube-table';

/** Protection on the calling thread: for Node (tests, scripts, benchmarks' bare-engine runs). */
export const protectInline: ProtectRunner = async (cells, policy, hierarchy, onProgress) => {
  const { cells: out, summary } = protectCube(cells, policy, hierarchy, { onProgress });
  return { cells: out, summary };
};
