import { describe, expect, it } from 'vitest';
import {
  auditAsPublisher,
  auditAsRecipient,
  boundsAt,
  wholeCubeMarkBounds,
  type BundleCell,
} from '../../../src/bundle/audit-bundle';
import { auditProtection, deriveRelations, isPrimarySuppressed, type SuppressionPolicy } from '../../../src/disclosure';

// Small numbers are 1..3; no rounding, so every shown figure is exact (the attacker's best case).
const policy: SuppressionPolicy = { suppressBelowOrEqual: 3, roundTo: 1, showZeros: true };
const hierarchy = { parentOf: new Map([...'ABC'].map((d) => [d, 'V'])) };
const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];

/** One area's year and quarters; a count the policy hides is written as 'c', as in cells.parquet. */
function areaCells(areaCode: string, level: 'vru' | 'district', quarter: number): { cells: BundleCell[]; counts: number[] } {
  const periods = [['2024', 'year', 4 * quarter] as const, ...QUARTERS.map((q) => [q, 'quarter', quarter] as const)];
  const cells = periods.map(([period, periodType, count]): BundleCell => {
    const hidden = isPrimarySuppressed(count, policy);
    return {
      indicatorId: 'assault',
      areaCode,
      level,
      period,
      periodType,
      ageBand: 'all',
      sex: 'all',
      value: hidden ? null : count,
      flag: hidden ? 'c' : 'shown',
    };
  });
  return { cells, counts: periods.map(([, , count]) => count) };
}

function table(perDistrict: Record<string, number>) {
  const parts = Object.entries(perDistrict).map(([d, q]) => areaCells(d, 'district', q));
  const vru = areaCells(
    'V',
    'vru',
    Object.values(perDistrict).reduce((a, b) => a + b, 0),
  );
  const all = [vru, ...parts];
  return { cells: all.flatMap((p) => p.cells), counts: all.flatMap((p) => p.counts) };
}

function districtsOnly(t: ReturnType<typeof table>) {
  const keep = t.cells.flatMap((c, i) => (c.level === 'district' ? [i] : []));
  return { keep, cells: keep.map((i) => t.cells[i]!), counts: keep.map((i) => t.counts[i]!) };
}

/** What the whole table's suppression marks reveal, for the kept cells (as publishBundle computes it). */
const floorFor = (t: ReturnType<typeof table>, keep: readonly number[]) =>
  boundsAt(wholeCubeMarkBounds(t.cells, t.counts, policy, hierarchy), keep);

/** The publisher's attack on some cells: the interval it leaves each small hidden quarter of district A. */
function districtAQuarters(cells: readonly BundleCell[], counts: readonly number[]) {
  const relations = deriveRelations(
    cells.map((c, i) => ({ ...c, count: counts[i]! })),
    hierarchy,
  );
  const visible = cells.map(
    (c, i) =>
      ({ ...c, status: c.flag === 'c' ? (isPrimarySuppressed(counts[i]!, policy) ? 'primary' : 'secondary') : c.flag }) as const,
  );
  const report = auditProtection(visible, relations, policy);
  return report.cells.filter((r) => cells[r.index]!.areaCode === 'A').map((r) => [r.lower, r.upper]);
}

describe('the publisher audit of a bundle holding some levels of the protected table', () => {
  // Each district: 1 a quarter (hidden), 4 in the year (shown). The VRU area: 3 a quarter (hidden), 12 a year.
  const whole = table({ A: 1, B: 1, C: 1 });

  it('passes the whole table: its small quarters are pinned by the suppression marks alone', () => {
    // The VRU quarter is at most 3 and its three hidden districts are at least 1 each, so each is exactly 1: the
    // rule itself says so, and no further suppression could change it.
    expect(auditAsPublisher(whole.cells, whole.counts, policy, hierarchy)).toMatchObject({ pass: true, unsafe: 0 });
    expect(districtAQuarters(whole.cells, whole.counts)).toEqual(QUARTERS.map(() => [1, 1]));
  });

  it('passes the districts alone, which reveal no more than the whole table (the attack it used to report)', () => {
    const part = districtsOnly(whole);
    // The district year (4 = four quarters of at least 1) pins each quarter to 1, as the whole table does.
    expect(districtAQuarters(part.cells, part.counts)).toEqual(QUARTERS.map(() => [1, 1]));
    // Judged against the districts' own marks (no VRU row to imply the 1s) that looked like a disclosure: 12
    // quarters "unsafe", although adding the VRU rows back made the same figures pass.
    expect(auditAsPublisher(part.cells, part.counts, policy, hierarchy)).toMatchObject({ pass: false, unsafe: 12 });
    // Judged against the whole table's marks, as the whole was.
    expect(auditAsPublisher(part.cells, part.counts, policy, hierarchy, floorFor(whole, part.keep))).toMatchObject({
      pass: true,
      unsafe: 0,
      checked: 12,
    });
    expect(auditAsRecipient(part.cells, policy, hierarchy)).toMatchObject({ pass: true, unsafe: 0 });
  });

  it('still fails a bundle whose own figures pin a small number beyond what the whole table\u2019s marks imply', () => {
    // B and C are large, so the VRU quarters are shown and imply nothing about A; A's shown year pins A's quarters.
    const underProtected = table({ A: 1, B: 10, C: 10 });
    const part = districtsOnly(underProtected);
    const report = auditAsPublisher(part.cells, part.counts, policy, hierarchy, floorFor(underProtected, part.keep));
    expect(report).toMatchObject({ pass: false, unsafe: 4 });
  });
});
