import type { ProtectRunner } from './protect-cube-table';
import type { ProtectedCell } from './cube-types';
import type { ProtectionSummary } from './protect-cube';

type Reply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; cells: ProtectedCell[]; summary: ProtectionSummary }
  | { id: number; type: 'error'; message: string };

let worker: Worker | null = null;
let nextId = 1;

/** Protection in a dedicated Web Worker, so a whole-dataset run never blocks the page. */
export const protectInWorker: ProtectRunner = (cells, policy, hierarchy, onProgress) => {
  worker ??= new Worker(new URL('./protect.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<Reply>) => {
      const msg = event.data;
      if (msg.id !== id) return;
      if (msg.type === 'progress') onProgress(msg.done, msg.total);
      else {
        w.removeEventListener('message', onMessage);
        if (msg.type === 'done') resolve({ cells: msg.cells, summary: msg.summary });
        else reject(new Error(msg.message));
      }
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ id, cells, policy, parents: [...hierarchy.parentOf.entries()] });
  });
};
