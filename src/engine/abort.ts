import type { Engine } from './engine-types';

/** Rejects the way fetch does, so callers (and React Query) treat it as cancelled, not failed. */
export function supersededError(): DOMException {
  return new DOMException('The query was superseded before it ran.', 'AbortError');
}

export function isSuperseded(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

export function throwIfSuperseded(signal?: AbortSignal): void {
  if (signal?.aborted) throw supersededError();
}

/** Settles as `promise` does, or rejects as soon as the signal aborts, whichever is first. */
export function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(supersededError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(supersededError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

/**
 * The engine with every read carrying this signal. Query modules take an Engine and run several statements;
 * given this one, the statements of a view's superseded request are dropped from the engine's queue instead of
 * delaying the request that replaced it.
 */
export function withSignal(engine: Engine, signal: AbortSignal): Engine {
  return { ...engine, signal, query: (sql, s) => engine.query(sql, s ?? signal) };
}
