/**
 * Named marks the benchmark reads (performance.getEntriesByType('mark')). They cost nothing in use and
 * let the benchmark time the real app rather than a copy of it.
 */
export function markOnce(name: string): void {
  if (typeof performance === 'undefined') return;
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

/** The mark made as each figure is worked out (see markFigureReady). */
const FIGURE_READY = 'figure-ready';

/**
 * Marks a figure worked out (figures-coordinator.ts): the benchmark splits a change into data (statements),
 * statistics (working the figures out from their rows) and drawing (after the last figure, until the page stops
 * changing). Its observer records each mark as it is made; the page keeps only the last, so a long session's
 * thousands of figures leave nothing behind.
 */
export function markFigureReady(): void {
  if (typeof performance === 'undefined') return;
  performance.clearMarks(FIGURE_READY);
  performance.mark(FIGURE_READY);
}
