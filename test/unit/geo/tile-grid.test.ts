import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cartogramLayout, LANCASHIRE_DISTRICT_GRID, tileInDirection, tilesOverlap, wrapLabel } from '../../../src/geo/tile-grid';

/** The areas lookup the demo ships with (code, name, level, parent_code). */
const areas = readFileSync('data/areas.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [code, name, level, parent] = line.split(',');
    return { code: code!, name: name!, level: level!, parent: parent || null };
  });
const districts = areas.filter((a) => a.level === 'district');
const parentOf = new Map(areas.map((a) => [a.code, a.parent]));
const districtOf = (code: string): string | null => {
  let c: string | null = code;
  while (c && !districts.some((d) => d.code === c)) c = parentOf.get(c) ?? null;
  return c;
};

describe('the Lancashire tile grid', () => {
  it('places each of the 14 district codes exactly once, with no two in the same place', () => {
    const codes = LANCASHIRE_DISTRICT_GRID.map((g) => g.code);
    expect(new Set(codes).size).toBe(14);
    expect([...codes].sort()).toEqual(districts.map((d) => d.code).sort());
    const places = LANCASHIRE_DISTRICT_GRID.map((g) => `${g.col},${g.row}`);
    expect(new Set(places).size).toBe(14);
  });

  it('lays the districts out roughly where they lie', () => {
    const at = (code: string) => LANCASHIRE_DISTRICT_GRID.find((g) => g.code === code)!;
    const [lancaster, blackpool, burnley, westLancs, preston] = [
      'E07000121',
      'E06000009',
      'E07000117',
      'E07000127',
      'E07000123',
    ].map(at);
    expect(lancaster!.row).toBe(0); // the north
    expect(blackpool!.col).toBe(0); // the coast
    expect(burnley!.col).toBeGreaterThan(preston!.col); // east of Preston
    expect(westLancs!.row).toBeGreaterThan(preston!.row); // south of Preston
  });

  it('draws the districts as 14 equal, non-overlapping squares', () => {
    const layout = cartogramLayout(districts.map((d) => ({ code: d.code, name: d.name, districtCode: d.code })));
    expect(layout.arrangement).toBe('districts-in-place');
    expect(layout.tiles).toHaveLength(14);
    expect(new Set(layout.tiles.map((t) => t.code)).size).toBe(14);
    expect(tilesOverlap(layout.tiles)).toBe(false);
    for (const t of layout.tiles) {
      expect(t.x + t.size).toBeLessThanOrEqual(layout.width);
      expect(t.y + t.size).toBeLessThanOrEqual(layout.height);
    }
  });

  it('groups the 941 LSOAs inside their districts without overlaps', () => {
    const lsoas = areas
      .filter((a) => a.level === 'lsoa')
      .map((a) => ({ code: a.code, name: a.name, districtCode: districtOf(a.code) }));
    expect(lsoas).toHaveLength(941);
    const layout = cartogramLayout(lsoas, new Map(districts.map((d) => [d.code, d.name])));
    expect(layout.arrangement).toBe('grouped-by-district');
    expect(layout.tiles).toHaveLength(941);
    expect(layout.groups).toHaveLength(14);
    expect(tilesOverlap(layout.tiles)).toBe(false);
  });

  it('falls back to an alphabetical grid for areas the project has not placed', () => {
    const layout = cartogramLayout([
      { code: 'X2', name: 'Beta', districtCode: null },
      { code: 'X1', name: 'Alpha', districtCode: null },
      { code: 'X3', name: 'Gamma', districtCode: null },
    ]);
    expect(layout.arrangement).toBe('alphabetical');
    expect(layout.tiles.map((t) => t.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(tilesOverlap(layout.tiles)).toBe(false);
  });

  it('moves between squares with the arrow keys by where they lie', () => {
    const layout = cartogramLayout(districts.map((d) => ({ code: d.code, name: d.name, districtCode: d.code })));
    const name = (t: { code: string } | null) => districts.find((d) => d.code === t?.code)?.name ?? null;
    expect(name(tileInDirection(layout.tiles, 'E07000123', 'ArrowRight'))).toBe('Blackburn with Darwen');
    expect(name(tileInDirection(layout.tiles, 'E07000123', 'ArrowLeft'))).toBe('Fylde');
    expect(name(tileInDirection(layout.tiles, 'E07000123', 'ArrowDown'))).toBe('South Ribble');
    expect(name(tileInDirection(layout.tiles, 'E07000121', 'ArrowUp'))).toBeNull();
  });

  it('wraps long names onto two short lines', () => {
    expect(wrapLabel('Blackburn with Darwen')).toEqual(['Blackburn', 'with Darwen']);
    expect(wrapLabel('Preston')).toEqual(['Preston']);
  });
});
