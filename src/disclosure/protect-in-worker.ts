import type { ProtectedColumns } from './protect-columns';
import type { ProtectRunner } from './protect-cube-table';

type Reply =
  | { id: number; type: 'progress'; done: number; total: number }
  | ({ id: number; type: 'done' } & ProtectedColumns)
  | { id: number; type: 'error'; message: string };

let worker: Worker | null = null;
let nextId = 1;

function protectionWorker(): Worker {
  worker ??= new Worker(new URL('./protect.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** Starts the worker (and the loading of its code) ahead of the first protection, while other work goes on. */
export function warmProtectionWorker(): void {
  protectionWorker();
}

/** Protection in a dedicated Web Worker, so a whole-dataset run never blocks the page. */
export const protectInWorker: ProtectRunner = (request, onProgress) => {
  const w = protectionWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<Reply>) => {
      const msg = event.data;
      if (msg.id !== id) return;
      if (msg.type === 'progress') onProgress(msg.done, msg.total);
      else {
        w.removeEventListener('message', onMessage);
        if (msg.type === 'done') resolve({ flag: msg.flag, value: msg.value, summary: msg.summary });
        else reject(new Error(msg.message));
      }
    };
    w.addEventListener('message', onMessage);
    // The cube's bytes are transferred: the page does not need them again.
    const { cube } = request;
    const bytes = cube.byteOffset === 0 && cube.byteLength === cube.buffer.byteLength ? cube : cube.slice();
    w.postMessage({ id, kind: 'protect', request: { ...request, cube: bytes } }, [bytes.buffer]);
  });
};
