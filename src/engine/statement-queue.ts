/**
 * Runs tasks one after another, each starting when the one before has settled. DuckDB runs one statement at a
 * time anyway; chaining here keeps callers from interleaving a transaction's statements, and gives a queued read
 * a moment at the head of the queue to find that nobody wants it any more (see abort.ts).
 */
export function statementQueue(): <T>(task: () => Promise<T> | T) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T> | T): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
}
