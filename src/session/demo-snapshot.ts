import { AUDIENCES, type Audience } from '../contract';
import { protectedTable } from '../disclosure/protected-tables';
import type { Engine } from '../engine/engine-types';
import { ident } from '../engine/sql-literals';
import type { PublishedProtection } from '../disclosure/published-protection';
import type { FileOutcome, LoadedState } from '../import/load-files';

/**
 * The embedded demo as the build leaves it: loaded, checked, and protected for every audience, with only what an
 * audience may see written out as Arrow IPC (SNAPSHOT_TABLES: the protected tables and the public lookups; never
 * the extracts or the cube). The demo is the same at every open, so the page restores these tables instead of
 * spending seconds of the user's CPU redoing the same work before the first chart. Built by the same code in the
 * same build (scripts/build-demo-snapshot.ts), so it cannot drift from it; the build refuses data that are not
 * synthetic, since the file is served to anyone who opens the page.
 */
export interface DemoSnapshot {
  state: LoadedState;
  lastLoad: FileOutcome[];
  protection: Partial<Record<Audience, PublishedProtection>>;
  tables: SnapshotTable[];
}

export interface SnapshotTable {
  name: string;
  /** Column names and engine types, so the restored table has the types the load gave it. */
  columns: { name: string; type: string }[];
  ipc: Uint8Array;
}

export type SnapshotHeader = Omit<DemoSnapshot, 'tables'> & {
  format: typeof SNAPSHOT_FORMAT;
  tables: (Omit<SnapshotTable, 'ipc'> & { bytes: number })[];
};

/**
 * The lookups views read beside the protected tables: areas and their ancestors, and population as the views use
 * it (by area, year, age and sex; and which parts of a population are missing). Public in any bundle too.
 */
export const SNAPSHOT_LOOKUPS = ['areas', 'area_ancestors', 'population_cube', 'population_parts'] as const;

/** Every table a snapshot holds: each audience's protected table and the lookups, nothing else. */
export const SNAPSHOT_TABLES: readonly string[] = [...AUDIENCES.map(protectedTable), ...SNAPSHOT_LOOKUPS];

export const SNAPSHOT_MAGIC = 'VRNDEMO';
/** 2: protected tables and lookups only, and protection as PublishedProtection (1 held the extracts and cube). */
export const SNAPSHOT_FORMAT = 2;

/**
 * Replaces the engine's tables of the same names with the snapshot's. Straight into place, no copy; Arrow gives
 * each column the type it had, which the build checks (scripts/build-demo-snapshot.ts) so the page need not.
 */
export async function restoreEngineTables(engine: Engine, tables: readonly SnapshotTable[]): Promise<void> {
  // Few statements: each is a round trip to the engine's worker, on a page that is busy starting up.
  await engine.exec(tables.map((t) => `DROP TABLE IF EXISTS ${ident(t.name)}`).join(';\n'));
  for (const t of tables) await engine.insertIpc(t.ipc, t.name, 'create');
}

/**
 * Reads a snapshot, or returns null when the bytes are not one this code can read (an older format, or a
 * server's fallback page), so the caller loads the demo the ordinary way.
 */
export async function decodeSnapshot(bytes: Uint8Array): Promise<DemoSnapshot | null> {
  // A server may have undone the gzip already (Content-Encoding); both arrive here.
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? await transform(bytes, new DecompressionStream('gzip')) : bytes;
  const magic = new TextEncoder().encode(SNAPSHOT_MAGIC);
  if (raw.length < magic.length + 5 || magic.some((b, i) => raw[i] !== b)) return null;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (view.getUint8(magic.length) !== SNAPSHOT_FORMAT) return null;
  const jsonLength = view.getUint32(magic.length + 1, true);
  let at = magic.length + 5;
  const header = JSON.parse(new TextDecoder().decode(raw.subarray(at, at + jsonLength))) as SnapshotHeader;
  at += jsonLength;
  const tables = header.tables.map(({ name, columns, bytes: n }) => {
    // Each its own buffer: the browser engine transfers the buffer it is given to its worker, detaching it.
    const ipc = raw.slice(at, at + n);
    at += n;
    return { name, columns, ipc };
  });
  if (at !== raw.length) return null;
  return { state: header.state, lastLoad: header.lastLoad, protection: header.protection, tables };
}

export async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}
