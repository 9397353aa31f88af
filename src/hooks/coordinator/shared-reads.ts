import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { isSuperseded, untilAborted } from '../../engine/abort';

/** One read in flight, shared by everyone who asked for it meanwhile. */
interface InFlight {
  result: Promise<unknown>;
  /** Askers still waiting who could still withdraw (one without a signal never does). */
  waiting: number;
  settled: boolean;
  abandon: () => void;
}

/**
 * Reads shared while in flight and kept afterwards in the query client's cache, the one cache of the dashboard.
 * A read is cancelled only when every asker has withdrawn (each asker's signal aborted): one view giving up, or
 * moving on to another filter, must not cost another view its answer. The read is given its own signal, which
 * aborts then, so the engine drops its statements not yet run.
 */
export class SharedReads {
  private readonly inFlight = new Map<string, InFlight>();
  constructor(readonly client: QueryClient) {}

  async read<T>(
    key: QueryKey,
    run: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
    /** Asked when the read ends: false when what it read has changed meanwhile, so the answer is not kept. */
    stillTrue: () => boolean = () => true,
  ): Promise<T> {
    try {
      return await this.readOnce(key, run, signal, stillTrue);
    } catch (e) {
      // The read was cancelled by something other than this asker (a statement it shared with a request that was
      // superseded): an asker still waiting reads again, instead of taking another's cancellation as its failure.
      if (!isSuperseded(e) || signal?.aborted) throw e;
      return this.readOnce(key, run, signal, stillTrue);
    }
  }

  private readOnce<T>(
    key: QueryKey,
    run: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal | undefined,
    stillTrue: () => boolean,
  ): Promise<T> {
    const kept = this.client.getQueryData<T>(key);
    if (kept !== undefined) return Promise.resolve(kept);
    const hash = hashKey(key);
    let entry = this.inFlight.get(hash);
    if (!entry) {
      const controller = new AbortController();
      const started: InFlight = {
        result: run(controller.signal),
        waiting: 0,
        settled: false,
        abandon: () => {
          if (this.inFlight.get(hash) === started) this.inFlight.delete(hash);
          controller.abort();
        },
      };
      const settle = () => {
        started.settled = true;
        if (this.inFlight.get(hash) === started) this.inFlight.delete(hash);
      };
      started.result.then((value) => {
        settle();
        // A failed or cancelled read is never kept; nor one whose tables were written while it ran.
        if (value !== undefined && stillTrue()) this.client.setQueryData(key, value);
      }, settle);
      this.inFlight.set(hash, started);
      entry = started;
    }
    return join(entry, signal) as Promise<T>;
  }

  /** Whether the answer is kept, or a read of it is under way. */
  known(key: QueryKey): boolean {
    return this.client.getQueryData(key) !== undefined || this.inFlight.has(hashKey(key));
  }
}

/** Adds one asker to a read in flight; the read is abandoned when the last asker with a signal withdraws. */
function join(entry: InFlight, signal?: AbortSignal): Promise<unknown> {
  if (entry.settled) return entry.result;
  if (!signal) {
    entry.waiting = Number.POSITIVE_INFINITY;
    return entry.result;
  }
  entry.waiting++;
  const withdraw = () => {
    if (--entry.waiting === 0 && !entry.settled) entry.abandon();
  };
  if (signal.aborted) withdraw();
  else signal.addEventListener('abort', withdraw, { once: true });
  return untilAborted(entry.result, signal);
}
