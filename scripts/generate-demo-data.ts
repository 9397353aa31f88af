/**
 * `npm run demo-data`: regenerate the embedded SYNTHETIC demo data in data/ (deterministic: same bytes
 * every run). The generator lives in scripts/demo/generate.ts; see data/README.md for what it writes.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_FILES, generateDemoData } from './demo/generate';

const outDir = process.argv[2] ?? fileURLToPath(new URL('../data', import.meta.url));
const summary = generateDemoData(outDir);

for (const file of DATA_FILES) {
  console.log(`${file.padEnd(18)} ${String(statSync(join(outDir, file)).size).padStart(9)} bytes`);
}
console.log(
  `\n${summary.rows} extract rows; counts 1-9: ${(100 * summary.smallShare).toFixed(1)}%, zeros: ${(100 * summary.zeroShare).toFixed(1)}%\n`,
);
for (const s of summary.indicators) {
  const small = s.rows ? (100 * s.small) / s.rows : 0;
  const zero = s.rows ? (100 * s.zero) / s.rows : 0;
  console.log(
    `${s.id.padEnd(30)} ${s.tier.padEnd(9)} ${s.base.padEnd(8)} rows ${String(s.rows).padStart(6)}  total ${String(s.total).padStart(8)}  1-9 ${small.toFixed(0).padStart(3)}%  zero ${zero.toFixed(0).padStart(3)}%  ${s.breakdown}`,
  );
}
