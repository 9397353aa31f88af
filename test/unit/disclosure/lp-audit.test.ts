import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AGE_BANDS, DEFAULT_POLICIES } from '../../../src/contract';
import { protectCube, type ProtectedCube } from '../../../src/disclosure';
import { LpAuditor } from '../../../src/disclosure/lp-audit';
import { BasisStore } from '../../../src/disclosure/lp-bases';
import { statusCode } from '../../../src/disclosure/status-codes';
import { makeCube } from './fixtures';

/*
 * The LP auditor keeps its certificates across calls (protectCube's repair rounds), which is sound only while cells
 * are hidden further. On the 4x4 table the interval audit alone leaves unsafe (independent-audit.test.ts), the
 * auditor must find the leak whether or not it certified a more hidden version of the table before.
 */
let highs: Highs;
let intervalOnly: ProtectedCube;
let exact: ProtectedCube;
beforeAll(async () => {
  highs = await loadHighs();
  intervalOnly = protectCube(cells, policy, cube.hierarchy, {}, null);
  exact = protectCube(cells, policy, cube.hierarchy, { lpComponentCap: Infinity }, highs);
});

const counts = [
  [18, 2, 31, 15],
  [28, 2, 15, 4],
  [3, 6, 11, 18],
  [3, 31, 22, 2],
];
const bands = AGE_BANDS.slice(0, 4);
const cube = makeCube({
  areas: [
    { code: 'D0', level: 'district' },
    ...[0, 1, 2, 3].map((i) => ({ code: `L${i}`, level: 'lsoa' as const, parent: 'D0' })),
  ],
  months: ['2024-01'],
  ages: bands,
  sexes: ['all'],
  leaf: (a, _m, g) => counts[Number(a.slice(1))]![bands.indexOf(g as never)]!,
});
const cells = cube.cells.filter((c) => c.periodType === 'month');
const policy = DEFAULT_POLICIES.analyst;

const statusOf = (p: ProtectedCube): Uint8Array => Uint8Array.from(p.cells, (c) => statusCode(c.status));
const shownOf = (p: ProtectedCube): Float64Array => Float64Array.from(p.cells, (c) => c.value ?? 0);
const allRelations = (p: ProtectedCube): Int32Array => Int32Array.from({ length: p.relations.count }, (_, i) => i);

describe('LpAuditor', () => {
  it('the protection with the LP is not the interval-only one', () => {
    expect(exact.summary.audit.method).toMatch(/exact LP/);
    expect(intervalOnly.summary.audit.method).toMatch(/no exact LP/);
  });

  it('finds the small cell the interval-only protection leaves narrowed, and passes the exact protection', () => {
    const fresh = new LpAuditor(highs, intervalOnly.relations, policy, Infinity);
    const found = fresh.auditPart(allRelations(intervalOnly), statusOf(intervalOnly), shownOf(intervalOnly));
    expect(found.unsafe.length).toBeGreaterThan(0);
    expect(found.unsafe.map((u) => u.model)).toContain('knows-small');
    const clean = new LpAuditor(highs, exact.relations, policy, Infinity);
    expect(clean.auditPart(allRelations(exact), statusOf(exact), shownOf(exact)).unsafe).toEqual([]);
  });

  it('audits a more hidden table the same from the bases of a less hidden one as from scratch', () => {
    // The interval-only protection is less hidden: its audit leaves bases behind (as a repair round does), and the
    // next audit starts the grown components from them.
    const auditor = new LpAuditor(highs, intervalOnly.relations, policy, Infinity);
    expect(auditor.auditPart(allRelations(intervalOnly), statusOf(intervalOnly), shownOf(intervalOnly)).unsafe).not.toEqual([]);
    const starts = vi.spyOn(BasisStore.prototype, 'start');
    const warm = auditor.auditPart(allRelations(exact), statusOf(exact), shownOf(exact));
    // Some component of the second audit did start from a kept basis.
    expect(starts.mock.results.some((r) => r.value !== null)).toBe(true);
    starts.mockRestore();
    expect(warm.unsafe).toEqual([]);
    expect(warm.lps).toBeGreaterThan(0);
  });

  it('drops its certificates when a cell is less hidden than at the last call', () => {
    const auditor = new LpAuditor(highs, exact.relations, policy, Infinity);
    expect(auditor.auditPart(allRelations(exact), statusOf(exact), shownOf(exact)).unsafe).toEqual([]);
    // The exact protection hid more cells: going back to the interval-only one shows some again.
    const shownAgain = exact.cells.filter((c, i) => c.value === null && intervalOnly.cells[i]!.value !== null);
    expect(shownAgain.length).toBeGreaterThan(0);
    const again = auditor.auditPart(allRelations(intervalOnly), statusOf(intervalOnly), shownOf(intervalOnly));
    expect(again.unsafe.length).toBeGreaterThan(0);
  });
});
