/*
 * An auditor written apart from src/disclosure, to judge its protection from outside: its own relations (from the
 * cells' coordinates and the area hierarchy), its own LP (CPLEX LP text through HiGHS's one-shot solve, visible
 * figures kept as variables rather than eliminated), and a brute-force enumeration of every integer table
 * consistent with what is published, for small tables. Nothing here imports the project's audit or LP. Feasible points
 * met on the way skip the LPs whose answer they already give (see lpFindings).
 */
import type { Highs } from 'highs';
import type { AreaHierarchy, CubeCell, ProtectedCell } from '../../../src/disclosure';

export type Model = 'sees-c' | 'knows-small';
export interface Policy {
  suppressBelowOrEqual: number;
  roundTo: number;
  showZeros: boolean;
}

/** A relation total = sum(parts), as cell indices, with the sign the data's total actually has against the sum. */
export interface Relation {
  total: number;
  parts: number[];
  op: '=' | '>=' | '<=';
}

const QUARTER_MONTHS = (y: string, q: number): string[] =>
  [1, 2, 3].map((k) => `${y}-${String(3 * (q - 1) + k).padStart(2, '0')}`);

/** Every additive relation among the cells, derived from their coordinates alone. */
export function relationsOf(cells: readonly CubeCell[], hierarchy: AreaHierarchy): Relation[] {
  const key = (c: Pick<CubeCell, 'indicatorId' | 'areaCode' | 'period' | 'ageBand' | 'sex'>): string =>
    [c.indicatorId, c.areaCode, c.period, c.ageBand, c.sex].join('|');
  const at = new Map(cells.map((c, i) => [key(c), i]));
  const levelOf = new Map(cells.map((c) => [c.areaCode, c.level]));
  const descendants = new Map<string, string[]>();
  for (const child of hierarchy.parentOf.keys()) {
    let p = hierarchy.parentOf.get(child);
    while (p !== undefined) {
      descendants.set(p, [...(descendants.get(p) ?? []), child]);
      p = hierarchy.parentOf.get(p);
    }
  }
  // The derived under-25 group is the sum of its four bands, and not a part of 'all' (it would count them twice).
  const ages = [...new Set(cells.map((c) => c.ageBand))].filter((a) => a !== 'all' && a !== 'under-25');
  const under25 = ages.filter((a) => ['0-9', '10-14', '15-17', '18-24'].includes(a));
  const sexes = [...new Set(cells.map((c) => c.sex))].filter((s) => s !== 'all');
  const out: Relation[] = [];
  const add = (total: number, partKeys: string[]): void => {
    const parts = partKeys.map((k) => at.get(k)).filter((i): i is number => i !== undefined);
    if (parts.length === 0) return;
    const sum = parts.reduce((s, i) => s + cells[i]!.count, 0);
    const total_ = cells[total]!.count;
    out.push({ total, parts, op: sum === total_ ? '=' : total_ > sum ? '>=' : '<=' });
  };
  cells.forEach((c, i) => {
    const byLevel = new Map<string, string[]>();
    for (const d of descendants.get(c.areaCode) ?? []) {
      const lvl = levelOf.get(d);
      if (lvl) byLevel.set(lvl, [...(byLevel.get(lvl) ?? []), d]);
    }
    for (const ds of byLevel.values())
      add(
        i,
        ds.map((d) => key({ ...c, areaCode: d })),
      );
    const y = c.period.slice(0, 4);
    if (c.periodType === 'quarter')
      add(
        i,
        QUARTER_MONTHS(y, Number(c.period.slice(6))).map((p) => key({ ...c, period: p })),
      );
    if (c.periodType === 'year') {
      add(
        i,
        [1, 2, 3, 4].map((q) => key({ ...c, period: `${y}-Q${q}` })),
      );
      add(
        i,
        [1, 2, 3, 4].flatMap((q) => QUARTER_MONTHS(y, q)).map((p) => key({ ...c, period: p })),
      );
    }
    if (c.ageBand === 'all')
      add(
        i,
        ages.map((a) => key({ ...c, ageBand: a as CubeCell['ageBand'] })),
      );
    if (c.ageBand === 'under-25')
      add(
        i,
        under25.map((a) => key({ ...c, ageBand: a as CubeCell['ageBand'] })),
      );
    if (c.sex === 'all')
      add(
        i,
        sexes.map((s) => key({ ...c, sex: s as CubeCell['sex'] })),
      );
  });
  return out;
}

/** What each attacker knows of one cell before using any relation: [lo, hi] (hi may be Infinity). */
export function prior(p: ProtectedCell, small: boolean | null, policy: Policy, model: Model): [number, number] {
  const t = policy.suppressBelowOrEqual;
  const least = policy.showZeros ? 1 : 0;
  if (p.status === 'shown') return [p.value!, p.value!];
  if (p.status === 'rounded') {
    const h = Math.floor(policy.roundTo / 2);
    return [Math.max(p.value! - h, t + 1), p.value! + Math.ceil(policy.roundTo / 2) - 1];
  }
  // A complement may be a hidden zero (the protocol hides one as a last resort): 0 or above t, hull >= 0.
  if (model === 'sees-c' || small === null || !small) return [0, Infinity];
  return [least, t];
}

/** Cells the attacker does not know exactly (hidden or rounded): the LP's variables. */
function unknowns(published: readonly ProtectedCell[]): number[] {
  return published.flatMap((p, i) => (p.status === 'shown' ? [] : [i]));
}

/**
 * The attacker's LP as CPLEX LP text with objective `obj` (cell index -> coefficient). Every relation is a row over
 * all its members (shown figures are fixed by their bounds, not substituted). `baseline`: visible figures unknown.
 */
function lpText(
  published: readonly ProtectedCell[],
  rels: readonly Relation[],
  bounds: (i: number) => [number, number],
  obj: Map<number, number>,
  sense: 'Maximize' | 'Minimize',
): string {
  const v = (i: number): string => `x${i}`;
  const used = new Set<number>();
  const rows: string[] = [];
  rels.forEach((r, k) => {
    const terms = [`${v(r.total)}`, ...r.parts.map((p) => `- ${v(p)}`)].join(' ');
    used.add(r.total);
    r.parts.forEach((p) => used.add(p));
    // Where the data's total is not the sum of its parts, the attacker can use only the inequality it satisfies.
    rows.push(` r${k}: ${terms} ${r.op} 0`);
  });
  for (const i of obj.keys()) used.add(i);
  const objective = [...obj].map(([i, c]) => `${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${v(i)}`).join(' ') || '0 x0';
  const bnd = [...used].map((i) => {
    const [lo, hi] = bounds(i);
    return hi === Infinity ? ` ${v(i)} >= ${lo}` : ` ${lo} <= ${v(i)} <= ${hi}`;
  });
  return `${sense}\n obj: ${objective}\nSubject To\n${rows.join('\n')}\nBounds\n${bnd.join('\n')}\nEnd\n`;
}

export interface Finding {
  cell: number;
  model: Model;
  lo: number;
  hi: number;
  baseLo: number;
  baseHi: number;
}

/**
 * Every primary cell (known from the true counts: the test knows the data) whose LP range, under the given
 * attacker, is narrower than the rule's [1, t] on a side where it is also narrower than the baseline (the LP
 * from the suppression marks alone, visible figures unknown). Individual LPs per cell and side; `sample` limits
 * the cells checked (every cell when omitted).
 */
export function lpFindings(
  highs: Highs,
  truth: readonly CubeCell[],
  published: readonly ProtectedCell[],
  rels: readonly Relation[],
  policy: Policy,
  model: Model,
): Finding[] {
  const t = policy.suppressBelowOrEqual;
  const least = policy.showZeros ? 1 : 0;
  const small = (i: number): boolean => truth[i]!.count <= t && (truth[i]!.count > 0 || !policy.showZeros);
  const hidden = (i: number): boolean => published[i]!.value === null;
  const primaries = unknowns(published).filter((i) => hidden(i) && small(i));
  // Only relations with an unknown member constrain anything; the rest hold among constants.
  const live = rels.filter((r) => [r.total, ...r.parts].some((i) => published[i]!.status !== 'shown'));
  const pub = (i: number): [number, number] => prior(published[i]!, hidden(i) ? small(i) : null, policy, model);
  // The marks alone: hidden cells at their priors, every visible figure unknown.
  const base = (i: number): [number, number] => (hidden(i) ? pub(i) : [0, Infinity]);
  // Witnesses: a feasible point of the attacker's LP shows a primary's range reaches its value there. A primary
  // that some point puts at t or above, and some point at the least it may be or below, is narrowed on neither
  // side, so its two LPs would find nothing; every other primary is solved exactly as without them.
  const reachesT = new Set<number>();
  const reachesLeast = new Set<number>();
  const primarySet = new Set(primaries);
  const witness = (res: ReturnType<Highs['solve']>): void => {
    if (res.Status !== 'Optimal') return;
    for (const [name, col] of Object.entries(res.Columns)) {
      const j = Number(name.slice(1));
      if (!primarySet.has(j)) continue;
      if (col.Primal >= t - 1e-6) reachesT.add(j);
      if (col.Primal <= least + 1e-6) reachesLeast.add(j);
    }
  };
  const solve = (
    bounds: (i: number) => [number, number],
    r: readonly Relation[],
    obj: Map<number, number>,
    sense: 'Maximize' | 'Minimize',
  ): ReturnType<Highs['solve']> => {
    const res = highs.solve(lpText(published, r, bounds, obj, sense), { output_flag: false });
    if (bounds === pub) witness(res);
    return res;
  };
  const ext = (
    bounds: (i: number) => [number, number],
    r: readonly Relation[],
    i: number,
    sense: 'Maximize' | 'Minimize',
  ): number => {
    const res = solve(bounds, r, new Map([[i, 1]]), sense);
    if (res.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
    if (res.Status !== 'Optimal') throw new Error(`independent LP: ${res.Status}`);
    return res.ObjectiveValue;
  };
  // Group relations by the cells they touch, so each primary's LP holds only its connected part.
  const comp = components(published, live);
  // Points to start from, per component: the primaries not yet seen at t all as high as they can be together,
  // then those not yet seen at the least as low, again while that finds more.
  const byComponent = new Map<readonly Relation[], number[]>();
  for (const i of primaries) {
    const r = comp.get(i);
    if (r) byComponent.set(r, [...(byComponent.get(r) ?? []), i]);
  }
  for (const [r, members] of byComponent) {
    for (const [seen, sense] of [
      [reachesT, 'Maximize'],
      [reachesLeast, 'Minimize'],
    ] as const) {
      for (let open = members.filter((i) => !seen.has(i)); open.length > 0;) {
        solve(pub, r, new Map(open.map((i) => [i, 1])), sense);
        const still = open.filter((i) => !seen.has(i));
        if (still.length === open.length) break;
        open = still;
      }
    }
  }
  const out: Finding[] = [];
  for (const i of primaries) {
    const r = comp.get(i) ?? [];
    if (r.length === 0) continue;
    // Each side is solved only when no point has shown it reaches the rule's bound; both when either falls short.
    const hiFirst = reachesT.has(i) ? null : ext(pub, r, i, 'Maximize');
    const loFirst = reachesLeast.has(i) ? null : ext(pub, r, i, 'Minimize');
    if ((hiFirst === null || hiFirst >= t - 1e-6) && (loFirst === null || loFirst <= least + 1e-6)) continue;
    const hi = hiFirst ?? ext(pub, r, i, 'Maximize');
    const lo = loFirst ?? ext(pub, r, i, 'Minimize');
    const hiBad = hi < t - 1e-6;
    const loBad = lo > least + 1e-6;
    if (!hiBad && !loBad) continue;
    const baseR = rels.filter((x) => [x.total, ...x.parts].some(hidden));

    const baseHi = hiBad ? ext(base, baseR, i, 'Maximize') : Infinity;
    const baseLo = loBad ? ext(base, baseR, i, 'Minimize') : -Infinity;
    if ((hiBad && hi < baseHi - 1e-6) || (loBad && lo > baseLo + 1e-6)) out.push({ cell: i, model, lo, hi, baseLo, baseHi });
  }
  return out;
}

/** For each unknown cell, the relations of its connected component (linked through unknown cells). */
function components(published: readonly ProtectedCell[], rels: readonly Relation[]): Map<number, Relation[]> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    while (parent.get(x)! !== x) x = parent.get(x)!;
    return x;
  };
  for (const r of rels) {
    const u = [r.total, ...r.parts].filter((i) => published[i]!.status !== 'shown');
    for (const i of u) if (!parent.has(i)) parent.set(i, i);
    for (const i of u.slice(1)) parent.set(find(i), find(u[0]!));
  }
  const byRoot = new Map<number, Relation[]>();
  for (const r of rels) {
    const u = [r.total, ...r.parts].find((i) => published[i]!.status !== 'shown')!;
    const root = find(u);
    byRoot.set(root, [...(byRoot.get(root) ?? []), r]);
  }
  const out = new Map<number, Relation[]>();
  for (const i of parent.keys()) out.set(i, byRoot.get(find(i))!);
  return out;
}

/**
 * Brute force, for tables with a few hidden cells and no rounding: every assignment of integers to the hidden
 * cells (each within its prior, up to `cap`) that satisfies every relation, and for each primary cell the smallest
 * and largest value it takes. A relation with one member left unassigned fixes that member, which keeps the
 * search to the table's degrees of freedom. `cap` must be at least any hidden cell can be (a visible grand total).
 */
export function bruteForceRanges(
  truth: readonly CubeCell[],
  published: readonly ProtectedCell[],
  rels: readonly Relation[],
  policy: Policy,
  model: Model,
  cap: number,
): Map<number, [number, number]> {
  const t = policy.suppressBelowOrEqual;
  const hiddenCells = published.flatMap((p, i) => (p.value === null ? [i] : []));
  const small = (i: number): boolean => truth[i]!.count <= t && (truth[i]!.count > 0 || !policy.showZeros);
  const bounds = (i: number): [number, number] => {
    const [lo, hi] = prior(published[i]!, small(i), policy, model);
    return [lo, Math.min(hi, cap)];
  };
  const value = new Map<number, number>();
  published.forEach((p, i) => p.value !== null && value.set(i, p.value));
  const byCell = new Map<number, Relation[]>();
  for (const r of rels) for (const m of [r.total, ...r.parts]) byCell.set(m, [...(byCell.get(m) ?? []), r]);
  const ranges = new Map<number, [number, number]>();
  // Assigns v to cell i and everything it forces; returns the cells assigned, or null on a contradiction.
  const assign = (i: number, v: number): number[] | null => {
    const done: number[] = [];
    const stack: [number, number][] = [[i, v]];
    while (stack.length > 0) {
      const [c, x] = stack.pop()!;
      if (value.has(c)) {
        if (value.get(c) !== x) return undo(done);
        continue;
      }
      const [lo, hi] = bounds(c);
      if (x < lo || x > hi) return undo(done);
      value.set(c, x);
      done.push(c);
      for (const r of byCell.get(c) ?? []) {
        const ms = [r.total, ...r.parts];
        const open = ms.filter((m) => !value.has(m));
        const d = value.has(r.total) ? value.get(r.total)! - r.parts.reduce((s, p) => s + (value.get(p) ?? 0), 0) : NaN;
        if (open.length === 0) {
          if (r.op === '=' ? d !== 0 : r.op === '>=' ? d < 0 : d > 0) return undo(done);
        } else if (open.length === 1 && r.op === '=') {
          const m = open[0]!;
          const rest = r.parts.reduce((s, p) => s + (p === m ? 0 : value.get(p)!), 0);
          stack.push([m, m === r.total ? rest : value.get(r.total)! - rest]);
        }
      }
    }
    return done;
  };
  const undo = (cells: number[]): null => {
    for (const c of cells) value.delete(c);
    return null;
  };
  const walk = (): void => {
    const i = hiddenCells.find((c) => !value.has(c));
    if (i === undefined) {
      for (const c of hiddenCells) {
        if (!small(c)) continue;
        const v = value.get(c)!;
        const r = ranges.get(c);
        ranges.set(c, r ? [Math.min(r[0], v), Math.max(r[1], v)] : [v, v]);
      }
      return;
    }
    const [lo, hi] = bounds(i);
    for (let v = lo; v <= hi; v++) {
      const done = assign(i, v);
      if (done) {
        walk();
        undo(done);
      }
    }
  };
  walk();
  return ranges;
}
