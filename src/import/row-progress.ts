/** Rows read so far of a file's total, as its reader reports after each part (a Parquet row group). */
export type OnRows = (done: number, total: number) => void;

const n = (x: number) => Math.round(x).toLocaleString('en-GB');

/**
 * What a person sees while a large file is read: how far, how fast, and how long the reading has left (the
 * checks that follow are not in it, so it says "to read"). Nothing about speed until a second of reading.
 */
export function rowProgressText(done: number, total: number, elapsedMs: number): string {
  const so = `${n(done)} of ${n(total)} rows read`;
  if (elapsedMs < 1000 || done === 0 || done >= total) return so;
  const perSecond = done / (elapsedMs / 1000);
  const left = Math.max(1, Math.round((total - done) / perSecond));
  return `${so}, ${n(perSecond)} rows a second, about ${left} s left to read`;
}
