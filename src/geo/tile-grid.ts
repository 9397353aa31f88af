/**
 * Tile-grid cartogram: one equal square per area, roughly where the area lies, drawn when no boundary file
 * is available so the map panel is never blank. Equal squares also give small, dense towns the same weight
 * as large rural districts, which a choropleth does not.
 */

export interface GridPlace {
  code: string;
  /** Column (west to east) and row (north to south). */
  col: number;
  row: number;
  /** Label lines written on the square. */
  label: string[];
}

/**
 * The 14 districts of the Lancashire Violence Reduction Network area, placed by the project from where
 * their main towns lie: Lancaster at the top; Wyre, Ribble Valley and Pendle below it; Blackpool and Fylde
 * on the coast; Preston in the middle; Blackburn with Darwen, Hyndburn and Burnley to the east; South
 * Ribble, Chorley and Rossendale below them, and West Lancashire to the south-west.
 */
export const LANCASHIRE_DISTRICT_GRID: readonly GridPlace[] = [
  { code: 'E07000121', col: 2, row: 0, label: ['Lancaster'] },
  { code: 'E07000128', col: 1, row: 1, label: ['Wyre'] },
  { code: 'E07000124', col: 3, row: 1, label: ['Ribble', 'Valley'] },
  { code: 'E07000122', col: 5, row: 1, label: ['Pendle'] },
  { code: 'E06000009', col: 0, row: 2, label: ['Blackpool'] },
  { code: 'E07000119', col: 1, row: 2, label: ['Fylde'] },
  { code: 'E07000123', col: 2, row: 2, label: ['Preston'] },
  { code: 'E06000008', col: 3, row: 2, label: ['Blackburn', 'with Darwen'] },
  { code: 'E07000120', col: 4, row: 2, label: ['Hyndburn'] },
  { code: 'E07000117', col: 5, row: 2, label: ['Burnley'] },
  { code: 'E07000127', col: 1, row: 3, label: ['West', 'Lancashire'] },
  { code: 'E07000126', col: 2, row: 3, label: ['South', 'Ribble'] },
  { code: 'E07000118', col: 3, row: 3, label: ['Chorley'] },
  { code: 'E07000125', col: 4, row: 3, label: ['Rossendale'] },
];

export interface CartogramArea {
  code: string;
  name: string;
  /** The district the area lies in (the area itself at district level). */
  districtCode: string | null;
}

export interface CartogramTile {
  code: string;
  name: string;
  x: number;
  y: number;
  size: number;
  /** Lines written on the square; null when squares are too small for text. */
  label: string[] | null;
}

export interface CartogramGroup {
  code: string;
  name: string;
  /** The name on one or two short lines, written above the block. */
  lines: string[];
  x: number;
  y: number;
  width: number;
}

export interface CartogramLayout {
  tiles: CartogramTile[];
  /** District names above blocks of small areas. */
  groups: CartogramGroup[];
  width: number;
  height: number;
  /** How the squares were placed, for the caption. */
  arrangement: 'districts-in-place' | 'grouped-by-district' | 'alphabetical';
}

const BY_NAME = new Intl.Collator('en-GB', { numeric: true }).compare;

const BIG = 100;
const GAP = 6;
const SMALL = 11;

/** Splits a name into at most two short lines for a square. */
export function wrapLabel(name: string, width = 12): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (!line) line = w;
    else if (`${line} ${w}`.length <= width) line = `${line} ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines;
  return [
    lines[0]!,
    `${lines
      .slice(1)
      .join(' ')
      .slice(0, width - 1)}…`,
  ];
}

function alphabetical(areas: readonly CartogramArea[]): CartogramLayout {
  const sorted = [...areas].sort((a, b) => BY_NAME(a.name, b.name));
  const cols = Math.max(1, Math.ceil(Math.sqrt(sorted.length * 1.5)));
  const size = sorted.length <= 40 ? BIG : SMALL;
  const gap = size === BIG ? GAP : 1;
  const tiles = sorted.map((a, i) => ({
    code: a.code,
    name: a.name,
    x: (i % cols) * (size + gap),
    y: Math.floor(i / cols) * (size + gap),
    size,
    label: size === BIG ? wrapLabel(a.name) : null,
  }));
  const rows = Math.ceil(sorted.length / cols);
  return {
    tiles,
    groups: [],
    width: cols * (size + gap) - gap,
    height: Math.max(0, rows * (size + gap) - gap),
    arrangement: 'alphabetical',
  };
}

/**
 * Lays the areas out. Districts the project has placed go where they lie; smaller areas are drawn as a
 * block of small squares inside their district's place; anything else falls back to an alphabetical grid.
 */
export function cartogramLayout(
  areas: readonly CartogramArea[],
  districtNames: ReadonlyMap<string, string> = new Map(),
  grid: readonly GridPlace[] = LANCASHIRE_DISTRICT_GRID,
): CartogramLayout {
  if (areas.length === 0) return { tiles: [], groups: [], width: 0, height: 0, arrangement: 'alphabetical' };
  const place = new Map(grid.map((g) => [g.code, g]));
  const cols = Math.max(...grid.map((g) => g.col)) + 1;
  const rows = Math.max(...grid.map((g) => g.row)) + 1;
  if (areas.every((a) => place.has(a.code))) {
    const tiles = areas.map((a) => {
      const g = place.get(a.code)!;
      return { code: a.code, name: a.name, x: g.col * (BIG + GAP), y: g.row * (BIG + GAP), size: BIG, label: g.label };
    });
    return {
      tiles,
      groups: [],
      width: cols * (BIG + GAP) - GAP,
      height: rows * (BIG + GAP) - GAP,
      arrangement: 'districts-in-place',
    };
  }
  if (!areas.every((a) => a.districtCode && place.has(a.districtCode))) return alphabetical(areas);

  const byDistrict = new Map<string, CartogramArea[]>();
  for (const a of areas) {
    const list = byDistrict.get(a.districtCode!) ?? [];
    list.push(a);
    byDistrict.set(a.districtCode!, list);
  }
  const most = Math.max(...[...byDistrict.values()].map((l) => l.length));
  const side = Math.ceil(Math.sqrt(most));
  const labelHeight = 28;
  const block = side * (SMALL + 1) - 1;
  const cell = block + labelHeight + 14;
  const tiles: CartogramTile[] = [];
  const groups: CartogramGroup[] = [];
  for (const [district, list] of byDistrict) {
    const g = place.get(district)!;
    const x0 = g.col * (block + 14);
    const y0 = g.row * cell;
    groups.push({
      code: district,
      name: districtNames.get(district) ?? g.label.join(' '),
      lines: g.label,
      x: x0,
      y: y0 + 11,
      width: block,
    });
    list
      .sort((a, b) => BY_NAME(a.name, b.name))
      .forEach((a, i) =>
        tiles.push({
          code: a.code,
          name: a.name,
          x: x0 + (i % side) * (SMALL + 1),
          y: y0 + labelHeight + Math.floor(i / side) * (SMALL + 1),
          size: SMALL,
          label: null,
        }),
      );
  }
  return { tiles, groups, width: cols * (block + 14) - 14, height: rows * cell - 14, arrangement: 'grouped-by-district' };
}

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/**
 * The nearest square in the direction of an arrow key (spatial navigation): among squares whose centre
 * lies that way, the one closest along the arrow, with sideways distance counting double. Null at an edge.
 */
export function tileInDirection(tiles: readonly CartogramTile[], fromCode: string, key: ArrowKey): CartogramTile | null {
  const from = tiles.find((t) => t.code === fromCode);
  if (!from) return null;
  const cx = from.x + from.size / 2;
  const cy = from.y + from.size / 2;
  let best: CartogramTile | null = null;
  let bestScore = Infinity;
  for (const t of tiles) {
    if (t === from) continue;
    const dx = t.x + t.size / 2 - cx;
    const dy = t.y + t.size / 2 - cy;
    const [along, across] =
      key === 'ArrowRight' ? [dx, dy] : key === 'ArrowLeft' ? [-dx, dy] : key === 'ArrowDown' ? [dy, dx] : [-dy, dx];
    if (along <= 0.5) continue;
    const score = along + 2 * Math.abs(across);
    if (score < bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}

/** True when no two squares overlap (used by tests and as a guard on hand-written layouts). */
export function tilesOverlap(tiles: readonly CartogramTile[]): boolean {
  for (let i = 0; i < tiles.length; i++) {
    for (let j = i + 1; j < tiles.length; j++) {
      const a = tiles[i]!;
      const b = tiles[j]!;
      if (a.x < b.x + b.size && b.x < a.x + a.size && a.y < b.y + b.size && b.y < a.y + a.size) return true;
    }
  }
  return false;
}
