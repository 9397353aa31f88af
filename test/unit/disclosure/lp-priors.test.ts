import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../../src/contract';
import { lpPriors } from '../../../src/disclosure/lp-audit';
import { PRIMARY, ROUNDED, SECONDARY, SHOWN } from '../../../src/disclosure/status-codes';

/*
 * The exact audit's priors: what each attacker knows of a cell before any relation. Each must hold of every cell
 * protectCube can publish (or the LP would certify against an attacker who knows less than a real one), and be no
 * looser than that (or it would certify too little).
 */
const statuses = Uint8Array.of(SHOWN, ROUNDED, ROUNDED, PRIMARY, SECONDARY, SHOWN);
const shown = Float64Array.of(12, 15, 10, 0, 0, 0);
const pairs = (p: { lo: Float64Array; hi: Float64Array }): [number, number][] => [...p.lo].map((l, i) => [l, p.hi[i]!]);

describe('lpPriors', () => {
  it('analyst rules (zeros shown, no rounding): a small cell is 1..4 to one who knows it is small, >= 0 otherwise', () => {
    const policy = DEFAULT_POLICIES.analyst;
    const status = Uint8Array.of(SHOWN, PRIMARY, SECONDARY, SHOWN);
    const values = Float64Array.of(12, 0, 0, 0);
    expect(pairs(lpPriors(status, values, policy, 'knows-small'))).toEqual([
      [12, 12],
      [1, 4],
      // A complement is 0 (a shown zero hidden as a last resort) or above 4: not convex, so its hull.
      [0, Infinity],
      [0, 0],
    ]);
    // Without knowing which c cells are small, a primary cell looks like any complement.
    expect(pairs(lpPriors(status, values, policy, 'sees-c'))[1]).toEqual([0, Infinity]);
  });

  it('public rules (rounded to 5, 1..9 hidden): a rounded figure is within its rounding and above 9', () => {
    const p = pairs(lpPriors(statuses, shown, DEFAULT_POLICIES.public, 'knows-small'));
    expect(p[1]).toEqual([13, 17]);
    // 10 could be 8..12 by rounding alone, but 8 and 9 would have been hidden.
    expect(p[2]).toEqual([10, 12]);
    expect(p[3]).toEqual([1, 9]);
    expect(p[4]).toEqual([0, Infinity]);
  });

  it('zeros hidden too: a small cell may be 0', () => {
    const policy = { ...DEFAULT_POLICIES.analyst, showZeros: false };
    expect(pairs(lpPriors(statuses, shown, policy, 'knows-small'))[3]).toEqual([0, 4]);
  });
});
