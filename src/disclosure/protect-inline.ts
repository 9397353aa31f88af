import { highsOnce } from './load-highs';
import { protectCubeColumns } from './protect-columns';
import type { ProtectRunner } from './protect-cube-table';

/** Protection on the calling thread: for Node (tests, scripts, benchmarks' bare-engine runs). */
export const protectInline: ProtectRunner = async (request, onProgress) =>
  protectCubeColumns(request, onProgress, await highsOnce());
