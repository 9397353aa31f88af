/** Axis ends and ticks on round steps (1, 2, 2.5 or 5 times a power of ten) around the values. */
export function niceAxis(lo: number, hi: number, count = 5, floorAtZero = true): { domain: [number, number]; ticks: number[] } {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => raw / p <= m) ?? 10) * p;
  const start = floorAtZero ? Math.max(0, Math.floor(lo / step) * step) : Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Number(t.toFixed(10)));
  return { domain: [start, end], ticks };
}
