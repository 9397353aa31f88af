import type { Engine } from '../engine/engine-types';
import { str } from '../engine/sql-literals';
import type { GeographyLevel, Manifest, TableKind } from '../contract';

/** A file the manifest names that nothing loaded so far came from. */
export interface ExpectedFile {
  name: string;
  kind: TableKind | 'boundary';
}

/** "data/extracts 2024.csv" and "extracts 2024.csv" are the same file to a person dropping it in. */
const baseName = (path: string) => path.split(/[\\/]/).pop()?.split('?')[0] ?? path;

/**
 * The files the manifest lists (its `files` and the boundary files of its levels) that have not been loaded:
 * a table none of whose rows came from a file of that name, or a level with no boundaries yet. A boundary
 * given by URL is fetched, not dropped, so it is not expected here.
 */
export async function filesStillExpected(
  engine: Engine,
  manifest: Manifest | null,
  boundaries: Partial<Record<GeographyLevel, unknown>>,
): Promise<ExpectedFile[]> {
  if (!manifest) return [];
  const tables: ExpectedFile[] = (['extracts', 'areas', 'population'] as const).flatMap((kind) =>
    manifest.files[kind].map((name) => ({ name: baseName(name), kind })),
  );
  const expected: ExpectedFile[] = [];
  if (tables.length > 0) {
    // One statement; EXISTS stops at the first row of each file, and rows are stored file by file.
    const found = await engine.query<{ i: number; present: boolean }>(
      tables
        .map((t, i) => `SELECT ${i} AS i, EXISTS (SELECT 1 FROM ${t.kind} WHERE source_file = ${str(t.name)}) AS present`)
        .join(' UNION ALL '),
    );
    const present = new Set(found.filter((r) => r.present).map((r) => Number(r.i)));
    expected.push(...tables.filter((_, i) => !present.has(i)));
  }
  for (const g of manifest.geographies) {
    const source = g.boundary?.source;
    if (!source || /^[a-z][a-z0-9+.-]*:\/\//i.test(source)) continue;
    const name = baseName(source);
    // Boundaries for the level from a file of another name serve as well: only a level with none is waiting.
    if (!boundaries[g.level]) expected.push({ name, kind: 'boundary' });
  }
  return expected;
}
