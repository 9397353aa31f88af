import loadHighs, { type Highs } from 'highs';

let loading: Promise<Highs> | null = null;

/**
 * HiGHS (the LP solver behind the exact audit), loaded once per worker or process. `wasmUrl` is where the
 * bundler put highs.wasm (the protection worker imports it with Vite's `?url`, so the page never fetches it from
 * elsewhere); in Node the package finds its own file.
 */
export function highsOnce(wasmUrl?: string): Promise<Highs> {
  loading ??= loadHighs(wasmUrl ? { locateFile: () => wasmUrl } : {});
  return loading;
}
