/// <reference lib="webworker" />
import { protectCube } from './protect-cube';
import type { AreaHierarchy, CubeCell } from './cube-types';
import type { DisclosurePolicy } from '../contract';

interface Request {
  id: number;
  cells: CubeCell[];
  policy: DisclosurePolicy;
  parents: [string, string][];
}

// Protecting a whole dataset takes seconds; doing it here keeps the page responsive meanwhile.
self.onmessage = (event: MessageEvent<Request>) => {
  const { id, cells, policy, parents } = event.data;
  try {
    const hierarchy: AreaHierarchy = { parentOf: new Map(parents) };
    const result = protectCube(cells, policy, hierarchy, {
      onProgress: (done, total) => self.postMessage({ id, type: 'progress', done, total }),
    });
    self.postMessage({ id, type: 'done', cells: result.cells, summary: result.summary });
  } catch (e) {
    self.postMessage({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
