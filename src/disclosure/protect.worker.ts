/// <reference lib="webworker" />
import wasmUrl from 'highs/runtime?url';
import { highsOnce } from './load-highs';
import { protectCubeColumns, type ProtectRequest } from './protect-columns';

interface Request {
  id: number;
  kind: 'protect';
  request: ProtectRequest;
}

// Protecting a whole dataset takes seconds; doing it here keeps the page responsive meanwhile. The cube arrives
// as Arrow IPC bytes and the answer leaves as two typed arrays, both transferred rather than copied.
// The solver's wasm is bundled with the app (Vite's ?url) and loaded once, as soon as the worker starts.
const highs = highsOnce(wasmUrl);

self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, request } = event.data;
  try {
    const solver = await highs;
    const result = protectCubeColumns(request, (done, total) => self.postMessage({ id, type: 'progress', done, total }), solver);
    self.postMessage({ id, type: 'done', ...result }, [result.flag.buffer, result.value.buffer]);
  } catch (e) {
    self.postMessage({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
