import { AGE_BANDS, GEOGRAPHY_LEVELS, SEXES, UNDER_25, UNDER_25_BANDS, type GeographyLevel } from '../contract';
import { indexCube, U32Builder, type CubeIndex } from './cube-index';
import type { AreaHierarchy, CubeCell } from './cube-types';

export const RELATION_DIMENSIONS = ['area', 'period', 'age', 'sex'] as const;

/**
 * How the published total relates to its parts in the data itself. Usually exactly ('exact'); a total that also
 * counts records without an area, month, age or sex exceeds its parts ('totalExceeds'); a total below its parts
 * is a data error ('partsExceed'). The audit uses the matching inequality, which is what an attacker who does not
 * know the unallocated remainder can use.
 */
export const RELATION_KINDS = { exact: 0, totalExceeds: 1, partsExceed: -1 } as const;

/**
 * Every additive relation "total = sum of parts" among the cells of a cube, in compressed sparse rows.
 * Cells are referred to by their index in the array given to {@link deriveRelations}.
 */
export interface CubeRelations {
  readonly cellCount: number;
  readonly count: number;
  /** Relation r has members members[start[r]] .. members[start[r + 1] - 1]; the first member is the total. */
  readonly start: Uint32Array;
  readonly members: Uint32Array;
  /** Index into RELATION_DIMENSIONS. */
  readonly dimension: Uint8Array;
  /** One of RELATION_KINDS. */
  readonly kind: Int8Array;
  /** The relations cell i belongs to (as total or part): cellRelations[cellStart[i]] .. [cellStart[i + 1] - 1]. */
  readonly cellStart: Uint32Array;
  readonly cellRelations: Uint32Array;
}

/** The cells of relation r, total first. */
export function relationMembers(rel: CubeRelations, r: number): number[] {
  return Array.from(rel.members.subarray(rel.start[r]!, rel.start[r + 1]!));
}

interface PeriodInfo {
  type: 'month' | 'quarter' | 'year';
  year: string;
  /** Month 1-12 or quarter 1-4; 0 for years. */
  sub: number;
}

function parsePeriod(p: string): PeriodInfo {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(p);
  if (m) return { type: 'month', year: m[1]!, sub: Number(m[2]) };
  m = /^(\d{4})-Q([1-4])$/.exec(p);
  if (m) return { type: 'quarter', year: m[1]!, sub: Number(m[2]) };
  m = /^(\d{4})$/.exec(p);
  if (m) return { type: 'year', year: m[1]!, sub: 0 };
  throw new Error(`period "${p}" is not YYYY-MM, YYYY-Qn or YYYY`);
}

/** For each code of a dimension, the groups of child codes (present in the indicator) it is the sum of. */
type ChildGroups = (readonly number[])[][];

function periodGroups(periodValues: readonly string[]): ChildGroups {
  const code = new Map(periodValues.map((v, i) => [v, i]));
  const present = (vals: string[]): number[] => vals.map((v) => code.get(v)).filter((c): c is number => c !== undefined);
  const mm = (n: number): string => String(n).padStart(2, '0');
  return periodValues.map((p) => {
    const info = parsePeriod(p);
    const groups: number[][] = [];
    if (info.type === 'quarter') {
      const q = info.sub;
      groups.push(present([1, 2, 3].map((k) => `${info.year}-${mm(3 * (q - 1) + k)}`)));
    } else if (info.type === 'year') {
      groups.push(present([1, 2, 3, 4].map((q) => `${info.year}-Q${q}`)));
      groups.push(present(Array.from({ length: 12 }, (_, k) => `${info.year}-${mm(k + 1)}`)));
    }
    return groups.filter((g) => g.length > 0);
  });
}

/** For each value, its group of parts where it is one of the totals (a value may be total of one group only). */
function flatGroups(values: readonly string[], totals: Readonly<Record<string, readonly string[]>>): ChildGroups {
  const code = new Map(values.map((v, i) => [v, i]));
  return values.map((v) => {
    const children = (totals[v] ?? []).map((p) => code.get(p)).filter((c): c is number => c !== undefined);
    return children.length > 0 ? [children] : [];
  });
}

/** 'all' ages = every band; the derived under-25 group = its bands (never a part of 'all', which would count twice). */
const AGE_TOTALS = { all: AGE_BANDS, [UNDER_25]: UNDER_25_BANDS };
const SEX_TOTALS = { all: SEXES };

/** The area hierarchy as parent -> children, and each area's level as the cells give it. */
interface AreaTree {
  childrenOf: Map<string, string[]>;
  levelOf: Map<string, GeographyLevel>;
}

function areaTree(cells: readonly CubeCell[], hierarchy: AreaHierarchy): AreaTree {
  const levelOf = new Map<string, GeographyLevel>();
  for (const c of cells) {
    const seen = levelOf.get(c.areaCode);
    if (seen === undefined) levelOf.set(c.areaCode, c.level);
    else if (seen !== c.level) throw new Error(`area ${c.areaCode} appears at levels ${seen} and ${c.level}`);
  }
  const childrenOf = new Map<string, string[]>();
  for (const [child, parent] of hierarchy.parentOf) {
    const list = childrenOf.get(parent);
    if (list) list.push(child);
    else childrenOf.set(parent, [child]);
  }
  return { childrenOf, levelOf };
}

/**
 * Area groups: for each area, its descendants (through any depth of the hierarchy, so LSOAs sum to a district
 * whether or not MSOAs sit between) grouped by level, one group per level present in the indicator.
 */
function areaGroups(areaValues: readonly string[], tree: AreaTree): ChildGroups {
  const code = new Map(areaValues.map((v, i) => [v, i]));
  return areaValues.map((a) => {
    const byLevel = new Map<GeographyLevel, number[]>();
    const seen = new Set<string>([a]);
    const stack = [...(tree.childrenOf.get(a) ?? [])];
    while (stack.length > 0) {
      const d = stack.pop()!;
      if (seen.has(d)) continue; // guards against a cyclic hierarchy
      seen.add(d);
      const dc = code.get(d);
      const lvl = tree.levelOf.get(d);
      if (dc !== undefined && lvl !== undefined) {
        const list = byLevel.get(lvl);
        if (list) list.push(dc);
        else byLevel.set(lvl, [dc]);
      }
      stack.push(...(tree.childrenOf.get(d) ?? []));
    }
    return GEOGRAPHY_LEVELS.flatMap((lvl) => {
      const list = byLevel.get(lvl);
      return list ? [list.sort((x, y) => x - y)] : [];
    });
  });
}

/**
 * Derives relations from an already indexed cube. Relations are generated walking cells in canonical order, so
 * relation r is the same relation whatever order the cells came in (only member indices differ).
 */
export function buildRelations(cells: readonly CubeCell[], idx: CubeIndex, hierarchy: AreaHierarchy): CubeRelations {
  const tree = areaTree(cells, hierarchy);
  // Per indicator: for each dimension, the child groups of every local code and the stride of that dimension.
  const dimsOf = idx.indicators.map((sp) => [
    { groups: areaGroups(sp.areaValues, tree), stride: sp.strideArea },
    { groups: periodGroups(sp.periodValues), stride: sp.stridePeriod },
    { groups: flatGroups(sp.ageValues, AGE_TOTALS), stride: sp.strideAge },
    { groups: flatGroups(sp.sexValues, SEX_TOTALS), stride: 1 },
  ]);
  const periodTypes = idx.indicators.map((sp) => sp.periodValues.map((p) => parsePeriod(p).type));
  for (let i = 0; i < idx.n; i++) {
    const t = periodTypes[idx.indicator[i]!]![idx.period[i]!]!;
    const c = cells[i]!;
    if (t !== c.periodType) throw new Error(`period "${c.period}" is labelled ${c.periodType} but is a ${t}`);
  }
  const coords = [idx.area, idx.period, idx.age, idx.sex];
  const counts = new Float64Array(idx.n);
  for (let i = 0; i < idx.n; i++) counts[i] = cells[i]!.count;

  const starts = new U32Builder(idx.n);
  const members = new U32Builder(idx.n * 4);
  const dimension = new U32Builder(idx.n);
  const kinds: number[] = [];
  for (let r = 0; r < idx.n; r++) {
    const c = idx.order[r]!;
    const comp = idx.composite[c]!;
    const total = counts[c]!;
    const dims = dimsOf[idx.indicator[c]!]!;
    for (let d = 0; d < 4; d++) {
      const dim = dims[d]!;
      const own = coords[d]![c]!;
      for (const group of dim.groups[own]!) {
        const first = members.length;
        members.push(c);
        let sum = 0;
        for (const child of group) {
          const m = idx.find(comp + (child - own) * dim.stride);
          if (m >= 0) {
            members.push(m);
            sum += counts[m]!;
          }
        }
        if (members.length - first < 2) {
          members.length = first; // no part present: not a relation
          continue;
        }
        starts.push(first);
        dimension.push(d);
        kinds.push(sum === total ? RELATION_KINDS.exact : total > sum ? RELATION_KINDS.totalExceeds : RELATION_KINDS.partsExceed);
      }
    }
  }
  const count = starts.length;
  starts.push(members.length);
  const start = starts.toArray();
  const mem = members.toArray();

  // Cell -> relations, by counting then filling (relation order is preserved within each cell's list).
  const cellStart = new Uint32Array(idx.n + 1);
  for (let k = 0; k < mem.length; k++) cellStart[mem[k]! + 1]!++;
  for (let i = 0; i < idx.n; i++) cellStart[i + 1]! += cellStart[i]!;
  const fill = cellStart.slice(0, idx.n);
  const cellRelations = new Uint32Array(mem.length);
  for (let rel = 0; rel < count; rel++) {
    for (let k = start[rel]!; k < start[rel + 1]!; k++) cellRelations[fill[mem[k]!]!++] = rel;
  }

  return {
    cellCount: idx.n,
    count,
    start,
    members: mem,
    dimension: Uint8Array.from(dimension.toArray()),
    kind: Int8Array.from(kinds),
    cellStart,
    cellRelations,
  };
}

/**
 * Every additive relation among the given cells, across all dimensions: area (a parent = the sum of its
 * descendants at each level present, e.g. a district = its wards and = its LSOAs), period (quarter = its
 * months, year = its quarters, year = its months), age ('all' = the bands present; under-25 = its bands) and sex ('all' = female +
 * male). Only cells that agree on every other coordinate (indicator included) are related.
 */
export function deriveRelations(cells: readonly CubeCell[], hierarchy: AreaHierarchy): CubeRelations {
  return buildRelations(cells, indexCube(cells), hierarchy);
}
