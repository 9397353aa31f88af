import { tableFromIPC } from 'apache-arrow';
import type { AgeBand, DisclosurePolicy, GeographyLevel, Sex } from '../contract';
import { CELL_KEY_COLUMNS, type CubeCell, type PeriodType } from './cube-types';
import type { Highs } from 'highs';
import { protectCube, type ProtectionSummary } from './protect-cube';

/**
 * What protecting one audience's cube takes. The cube's columns come as Arrow IPC bytes and the area hierarchy as
 * (child, parent) pairs, so both cross to a worker cheaply.
 */
export interface ProtectRequest {
  cube: Uint8Array;
  policy: DisclosurePolicy;
  parents: [string, string][];
  /** Largest group of linked uncertain cells the exact LP certifies (LP_COMPONENT_CAPS, by audience). */
  lpComponentCap: number;
}

/** What protection hands back for cell i of the cube: a flag code (see FLAG_CODES) and the value to show. */
export interface ProtectedColumns {
  /** 0 shown, 1 rounded, 2 suppressed (c). */
  flag: Uint8Array;
  /** The figure to show; NaN where suppressed. */
  value: Float64Array;
  summary: ProtectionSummary;
}

/** The SQL for a flag code, in the order of ProtectedColumns.flag. */
export const FLAG_CODES = ['shown', 'rounded', 'c'] as const;

/** The cube's columns protection reads, in this order, by cell_id, for the cells `where` selects. */
export function cubeColumnsSql(where = 'true'): string {
  return `SELECT ${CELL_KEY_COLUMNS.join(', ')}, count FROM cube WHERE ${where} ORDER BY cell_id`;
}

/**
 * Protects a cube given as Arrow IPC bytes (cubeColumnsSql's result) and returns typed arrays by position.
 * Runs where the work is meant to happen (the protection worker in the browser): decoding the columns, making
 * the cells and protecting them all stay off the page's main thread, and only two typed arrays come back.
 */
export function protectCubeColumns(
  { cube: ipc, policy, parents, lpComponentCap }: ProtectRequest,
  onProgress?: (done: number, total: number) => void,
  /** The LP solver for the exact audit (loaded once by the caller: see load-highs.ts). */
  highs: Highs | null = null,
): ProtectedColumns {
  const table = tableFromIPC(ipc);
  const text = (name: string): string[] => table.getChild(name)!.toArray() as string[];
  const [ind, area, level, period, ptype, age, sex] = CELL_KEY_COLUMNS.map(text) as [
    string[],
    string[],
    string[],
    string[],
    string[],
    string[],
    string[],
  ];
  const count = table.getChild('count')!.toArray() as ArrayLike<number>;
  const n = table.numRows;
  const cells = new Array<CubeCell>(n);
  for (let i = 0; i < n; i++) {
    cells[i] = {
      indicatorId: ind[i]!,
      areaCode: area[i]!,
      level: level[i] as GeographyLevel,
      period: period[i]!,
      periodType: ptype[i] as PeriodType,
      ageBand: age[i] as AgeBand,
      sex: sex[i] as Sex,
      count: Number(count[i]),
    };
  }
  const options = onProgress ? { onProgress, lpComponentCap } : { lpComponentCap };
  const result = protectCube(cells, policy, { parentOf: new Map(parents) }, options, highs);
  const flag = new Uint8Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = result.cells[i]!;
    flag[i] = c.status === 'shown' ? 0 : c.status === 'rounded' ? 1 : 2;
    value[i] = c.value ?? Number.NaN;
  }
  return { flag, value, summary: result.summary };
}
