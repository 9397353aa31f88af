// Writes quantile-fixture.json: betaQuantile, gammaQuantile, exactPoissonLimits and rateChange on a
// grid, as computed by the bisection betaQuantile of commit 4ed8271. quantile-speed.test.ts checks
// the faster quantiles against it. Re-running it writes whatever the current code computes, so run
// it only on a checkout of the reference code:  npx tsx test/unit/stats/generate-quantile-fixture.ts
// then npx prettier --write test/unit/stats/quantile-fixture.json
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { betaQuantile, exactPoissonLimits, gammaQuantile, rateChange } from '../../../src/stats';
import { FIXTURE_GRID, type QuantileFixture, type RateChangeCase } from './quantile-fixture-grid';

const { probabilities, shapes, counts, confidences, rateChangeCases } = FIXTURE_GRID;

const fixture: QuantileFixture = {
  source: 'bisection betaQuantile, commit 4ed8271',
  betaQuantile: probabilities.flatMap((p) => shapes.flatMap((a) => shapes.map((b) => [p, a, b, betaQuantile(p, a, b)]))),
  gammaQuantile: probabilities.flatMap((p) => shapes.map((shape) => [p, shape, gammaQuantile(p, shape)])),
  exactPoissonLimits: confidences.flatMap((confidence) =>
    counts.map((count) => {
      const { lower, upper } = exactPoissonLimits(count, confidence);
      return [count, confidence, lower, upper];
    }),
  ),
  rateChange: confidences.flatMap((confidence) =>
    rateChangeCases.map(([c1, d1, c0, d0]: RateChangeCase) => {
      const r = rateChange({ count: c1, denominator: d1 }, { count: c0, denominator: d0 }, confidence);
      if (r.kind !== 'tested') return [c1, d1, c0, d0, confidence, null, null, null, null];
      return [c1, d1, c0, d0, confidence, r.ratioLower, r.ratioUpper, r.pValue, r.significant];
    }),
  ),
};

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'quantile-fixture.json');
writeFileSync(out, JSON.stringify(fixture) + '\n');
console.log(`wrote ${out}`);
