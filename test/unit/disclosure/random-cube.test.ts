import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../../src/contract';
import { auditProtection, protectCube } from '../../../src/disclosure';
import { randomCube } from './fixtures';
import { expectFixedPoint } from './helpers';

describe('protectCube on generated cubes with many small counts', () => {
  // 14 districts x 2 LSOAs (+ VRU) x (24 months + 8 quarters + 2 years) x (8 bands + all) x (2 sexes + all).
  const cube = randomCube(2024, { districts: 14, msoas: 0, lsoas: 2, months: 24 });

  it('has the expected shape and plenty of small counts', () => {
    expect(cube.cells).toHaveLength(43 * 34 * 9 * 3);
    const small = cube.cells.filter((c) => c.count >= 1 && c.count <= 9).length;
    expect(small / cube.cells.length).toBeGreaterThan(0.3);
  });

  for (const [audience, policy] of Object.entries(DEFAULT_POLICIES)) {
    it(`passes the audit for the ${audience} policy`, () => {
      const t0 = performance.now();
      const res = protectCube(cube.cells, policy, cube.hierarchy);
      const ms = performance.now() - t0;
      const s = res.summary;
      console.log(
        `${audience}: ${s.cells} cells, ${s.relations} relations, ${ms.toFixed(0)} ms; primary ${s.primary}, ` +
          `secondary ${s.secondary} (audit-driven ${s.secondaryFromAudit}, ${s.auditRounds} rounds, ${s.fullAudits} full audits)`,
      );
      expect(s.audit.pass).toBe(true);
      expect(s.audit.converged).toBe(true);
      expect(s.shown + s.rounded + s.primary + s.secondary).toBe(s.cells);
      expectFixedPoint(res);

      const t = policy.suppressBelowOrEqual;
      res.cells.forEach((c, i) => {
        const count = cube.cells[i]!.count;
        expect(c.status === 'primary').toBe(count >= 1 && count <= t);
        if (c.value !== null) {
          expect(Math.abs(c.value - count)).toBeLessThanOrEqual(Math.floor(policy.roundTo / 2));
          if (policy.roundTo > 1) expect(c.value % policy.roundTo).toBe(0);
          else expect(c.value).toBe(count);
        }
      });

      // An independent audit of the published cells alone agrees.
      const audit = auditProtection(res.cells, res.relations, policy);
      expect(audit.pass).toBe(true);
      expect(audit.unsafe).toBe(0);
      expect(audit.checked).toBe(s.primary);
    });
  }

  it('protects a 10,000-cell view table (timing is logged, not asserted)', () => {
    // 22 areas x (12 months + 4 quarters + 1 year) x 9 ages x 3 sexes = 10,098 cells.
    const view = randomCube(7, { districts: 3, msoas: 0, lsoas: 6, months: 12 });
    expect(view.cells).toHaveLength(10_098);
    protectCube(view.cells, DEFAULT_POLICIES.public, view.hierarchy); // warm-up, so the log shows steady state
    for (const [audience, policy] of Object.entries(DEFAULT_POLICIES)) {
      const t0 = performance.now();
      const res = protectCube(view.cells, policy, view.hierarchy);
      console.log(`10k view, ${audience}: ${(performance.now() - t0).toFixed(1)} ms`);
      expect(res.summary.audit.pass).toBe(true);
      expect(res.cells).toHaveLength(10_098);
    }
  });
});
