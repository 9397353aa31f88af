/**
 * Named marks the benchmark reads (performance.getEntriesByType('mark')). They cost nothing in use and
 * let the benchmark time the real app rather than a copy of it.
 */
export function markOnce(name: string): void {
  if (typeof performance === 'undefined') return;
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
