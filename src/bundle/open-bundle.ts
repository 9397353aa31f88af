import { makeVector, Table } from 'apache-arrow';
import { parquetMetadata, parquetRead } from 'hyparquet';
import { PUBLISHED_AGE_VALUES, GEOGRAPHY_LEVELS, SEX_VALUES, type Manifest } from '../contract';
import { utf8Vector } from '../engine/arrow-vectors';
import type { Engine } from '../engine/engine-types';
import { ident, str } from '../engine/sql-literals';
import { protectedTable } from '../disclosure/protected-tables';
import { EMPTY_POPULATION_PARTS_SQL } from '../disclosure/population-cube';
import { parseManifest } from '../import/parse-manifest';
import { FileRejected, problemText } from '../import/problems';
import { auditAsRecipient, hierarchyFrom, type BundleAuditReport, type BundleCell } from './audit-bundle';
import {
  BUNDLE_AREA_COLUMNS,
  BUNDLE_CELL_COLUMNS,
  BUNDLE_FILE_NAMES,
  BUNDLE_POPULATION_COLUMNS,
  BUNDLE_FORMAT_1,
  bundleMetadataSchema,
  bundleMetadataSchemaFormat1,
  sha256Hex,
  type BundleFileRole,
  type BundleMetadata,
} from './bundle-format';

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export interface OpenedBundle {
  metadata: BundleMetadata;
  manifest: Manifest;
  cells: BundleCell[];
  areas: { code: string; name: string; level: string; parent_code: string | null }[];
  population: Record<(typeof BUNDLE_POPULATION_COLUMNS)[number], unknown[]>;
  /** The recipient's audit, run on opening (with its counts, for the one who opens it; never shown). */
  audit: BundleAuditReport;
}

export class BundleError extends Error {}

/** True when a set of dropped or fetched files is a bundle (it has bundle.json). */
export function isBundle(files: readonly { name: string }[]): boolean {
  return files.some((f) => f.name === BUNDLE_FILE_NAMES.metadata || f.name.endsWith(`/${BUNDLE_FILE_NAMES.metadata}`));
}

export function parseBundleMetadata(bytes: Uint8Array): BundleMetadata {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new BundleError('bundle.json is not valid JSON.');
  }
  const format1 = typeof json === 'object' && json !== null && (json as { format?: unknown }).format === BUNDLE_FORMAT_1;
  const parsed = (format1 ? bundleMetadataSchemaFormat1 : bundleMetadataSchema).safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new BundleError(
      `bundle.json is not a dashboard bundle: ${first ? `${first.path.join('.') || 'file'} ${first.message}` : 'unknown format'}.`,
    );
  }
  return parsed.data;
}

async function parquetColumns(bytes: Uint8Array, file: string): Promise<{ names: string[]; columns: Record<string, unknown[]> }> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let meta;
  try {
    meta = parquetMetadata(buffer);
  } catch (e) {
    throw new BundleError(`${file} is not a readable Parquet file (${e instanceof Error ? e.message : String(e)}).`);
  }
  const total = Number(meta.num_rows);
  const names = meta.schema.slice(1).map((s) => s.name);
  const columns: Record<string, unknown[]> = Object.fromEntries(names.map((n) => [n, new Array<unknown>(total).fill(null)]));
  await parquetRead({
    file: buffer,
    metadata: meta,
    onChunk({ columnName, columnData, rowStart }) {
      const target = columns[columnName];
      if (!target) return;
      for (let i = 0; i < columnData.length && rowStart + i < total; i++) target[rowStart + i] = columnData[i];
    },
  });
  return { names, columns };
}

function expectColumns(file: string, names: readonly string[], expected: readonly string[]): void {
  const extra = names.filter((n) => !expected.includes(n));
  const missing = expected.filter((n) => !names.includes(n));
  if (extra.length > 0)
    throw new BundleError(`${file} has columns a bundle must not hold (${extra.join(', ')}); it was not opened.`);
  if (missing.length > 0) throw new BundleError(`${file} lacks the columns ${missing.join(', ')}.`);
}

const FLAGS = new Set(['shown', 'rounded', 'c']);
const PERIOD_TYPES = new Set(['month', 'quarter', 'year']);

/**
 * Reads and checks a bundle's files (fetched or dropped): bundle.json against its schema, every listed file
 * against its size and SHA-256, the manifest against the manifest schema, and cells.parquet column by column.
 * A bundle with a count column, a suppressed cell carrying a value, or any value the vocabularies do not know is
 * refused. Then the recipient's audit runs on the cells.
 */
export async function readBundle(files: readonly NamedBytes[]): Promise<OpenedBundle> {
  const byName = new Map(files.map((f) => [f.name.split('/').pop()!, f.bytes]));
  const metaBytes = byName.get(BUNDLE_FILE_NAMES.metadata);
  if (!metaBytes) throw new BundleError('The bundle has no bundle.json.');
  const metadata = parseBundleMetadata(metaBytes);
  const bytesOf = async (role: BundleFileRole): Promise<Uint8Array> => {
    const entry = metadata.files.find((f) => f.role === role);
    if (!entry) throw new BundleError(`bundle.json lists no ${role} file.`);
    const bytes = byName.get(entry.name);
    if (!bytes) throw new BundleError(`The bundle's ${entry.name} is missing.`);
    if (bytes.byteLength !== entry.bytes || (await sha256Hex(bytes)) !== entry.sha256) {
      throw new BundleError(`${entry.name} is not the file the bundle was published with (its size or checksum differs).`);
    }
    return bytes;
  };

  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(new TextDecoder().decode(await bytesOf('manifest')));
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError('bundle-manifest.json is not valid JSON.');
  }
  let manifest: Manifest;
  try {
    manifest = parseManifest(BUNDLE_FILE_NAMES.manifest, manifestJson);
  } catch (e) {
    const why =
      e instanceof FileRejected ? e.problems.slice(0, 3).map(problemText).join('; ') : e instanceof Error ? e.message : String(e);
    throw new BundleError(`bundle-manifest.json is not a valid manifest: ${why}`);
  }

  const cellFile = await parquetColumns(await bytesOf('cells'), BUNDLE_FILE_NAMES.cells);
  expectColumns(BUNDLE_FILE_NAMES.cells, cellFile.names, BUNDLE_CELL_COLUMNS);
  const col = (n: (typeof BUNDLE_CELL_COLUMNS)[number]) => cellFile.columns[n]!;
  const levels = new Set<string>(metadata.levels);
  const cells: BundleCell[] = col('indicator_id').map((id, i) => {
    const flag = String(col('flag')[i]);
    const raw = col('value')[i];
    const value = raw === null || raw === undefined ? null : Number(raw);
    const level = String(col('level')[i]);
    const cell = {
      indicatorId: String(id),
      areaCode: String(col('area_code')[i]),
      level,
      period: String(col('period')[i]),
      periodType: String(col('period_type')[i]),
      ageBand: String(col('age_band')[i]),
      sex: String(col('sex')[i]),
      value,
      flag,
    };
    if (!FLAGS.has(flag)) throw new BundleError(`cells.parquet row ${i + 1} has the unknown flag "${flag}".`);
    if (flag === 'c' && value !== null)
      throw new BundleError(`cells.parquet row ${i + 1} is suppressed but carries a value; the bundle was not opened.`);
    if (flag !== 'c' && (value === null || !Number.isFinite(value)))
      throw new BundleError(`cells.parquet row ${i + 1} is shown but has no value.`);
    if (!levels.has(level) || !(GEOGRAPHY_LEVELS as readonly string[]).includes(level)) {
      throw new BundleError(`cells.parquet row ${i + 1} is at the level "${level}", which bundle.json does not list.`);
    }
    if (
      !PERIOD_TYPES.has(cell.periodType) ||
      !(PUBLISHED_AGE_VALUES as readonly string[]).includes(cell.ageBand) ||
      !(SEX_VALUES as readonly string[]).includes(cell.sex)
    ) {
      throw new BundleError(`cells.parquet row ${i + 1} has a period type, age band or sex the dashboard does not know.`);
    }
    return cell as BundleCell;
  });
  if (cells.length !== metadata.cells)
    throw new BundleError(`cells.parquet holds ${cells.length} cells; bundle.json says ${metadata.cells}.`);

  const areaFile = await parquetColumns(await bytesOf('areas'), BUNDLE_FILE_NAMES.areas);
  expectColumns(BUNDLE_FILE_NAMES.areas, areaFile.names, BUNDLE_AREA_COLUMNS);
  const areas = areaFile.columns.code!.map((code, i) => ({
    code: String(code),
    name: String(areaFile.columns.name![i]),
    level: String(areaFile.columns.level![i]),
    parent_code: areaFile.columns.parent_code![i] == null ? null : String(areaFile.columns.parent_code![i]),
  }));
  const popFile = await parquetColumns(await bytesOf('population'), BUNDLE_FILE_NAMES.population);
  expectColumns(BUNDLE_FILE_NAMES.population, popFile.names, BUNDLE_POPULATION_COLUMNS);

  const audit = auditAsRecipient(cells, manifest.disclosure[metadata.audience], hierarchyFrom(areas));
  return { metadata, manifest, cells, areas, population: popFile.columns as OpenedBundle['population'], audit };
}

// Arrow's generic builders compile code at run time, which the page's Content Security Policy forbids.
const text = (values: unknown[]) => utf8Vector(values.map((v) => (v == null ? null : String(v))));

/** Ancestors of every area (itself included), as build-cube makes them, from the lookup alone. */
function ancestorsOf(areas: OpenedBundle['areas']): { code: string[]; ancestor: string[]; level: string[] } {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const out = { code: [] as string[], ancestor: [] as string[], level: [] as string[] };
  for (const a of areas) {
    let at: (typeof areas)[number] | undefined = a;
    for (let depth = 0; at && depth < 9; depth++) {
      out.code.push(a.code);
      out.ancestor.push(at.code);
      out.level.push(at.level);
      at = at.parent_code ? byCode.get(at.parent_code) : undefined;
    }
  }
  return out;
}

/**
 * Replaces whatever the engine held with the bundle: the lookups, and the protected cells as the audience's
 * protected table. Extracts and population rows are emptied and no cube is built, so nothing but the bundle's
 * own figures can be shown.
 */
export async function installBundle(engine: Engine, bundle: OpenedBundle): Promise<void> {
  const tables = [
    'cube',
    'population_cube',
    'population_parts',
    'area_ancestors',
    'declared_coverage',
    ...(['analyst', 'partner', 'public'] as const).map(protectedTable),
  ];
  await engine.exec(tables.map((t) => `DROP TABLE IF EXISTS ${ident(t)};`).join('\n'));
  await engine.exec('DELETE FROM extracts; DELETE FROM population; DELETE FROM areas;');

  const a = bundle.areas;
  await engine.exec('DROP TABLE IF EXISTS bundle_areas_stage');
  await engine.insertArrow(
    new Table({
      code: text(a.map((x) => x.code)),
      name: text(a.map((x) => x.name)),
      level: text(a.map((x) => x.level)),
      parent_code: text(a.map((x) => x.parent_code)),
    }),
    'bundle_areas_stage',
    'create',
  );
  await engine.exec(
    `INSERT INTO areas (code, name, level, parent_code, source_file) SELECT code, name, level, parent_code, 'areas.parquet' FROM bundle_areas_stage; DROP TABLE bundle_areas_stage`,
  );
  const anc = ancestorsOf(a);
  await engine.insertArrow(
    new Table({ code: text(anc.code), ancestor: text(anc.ancestor), level: text(anc.level) }),
    'area_ancestors',
    'create',
  );

  // The bundle's population comes rolled up already; its gaps are not carried, so views say only "none loaded".
  await engine.exec(EMPTY_POPULATION_PARTS_SQL);
  const p = bundle.population;
  await engine.insertArrow(
    new Table({
      area_code: text(p.area_code),
      level: text(p.level),
      year: makeVector(Int32Array.from(p.year, Number)),
      age_band: text(p.age_band),
      sex: text(p.sex),
      population: makeVector(Float64Array.from(p.population, Number)),
    }),
    'population_cube',
    'create',
  );

  // The cells go in as CSV, which the engine reads natively: building Arrow string vectors for a few hundred
  // thousand cells in JavaScript takes many seconds, writing and parsing the text well under one.
  const name = protectedTable(bundle.metadata.audience);
  const vfile = `${name}.csv`;
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = bundle.cells.map(
    (x) =>
      [x.indicatorId, x.areaCode, x.level, x.period, x.periodType, x.ageBand, x.sex].map(quote).join(',') +
      `,${x.value ?? ''},${x.flag}`,
  );
  await engine.registerFile(vfile, new TextEncoder().encode(`${BUNDLE_CELL_COLUMNS.join(',')}\n${lines.join('\n')}\n`));
  try {
    const types = BUNDLE_CELL_COLUMNS.map((col) => `${str(col)}: '${col === 'value' ? 'DOUBLE' : 'VARCHAR'}'`).join(', ');
    await engine.exec(
      `CREATE OR REPLACE TABLE ${ident(name)} AS SELECT * FROM read_csv(${str(vfile)}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"', columns = {${types}})
       ORDER BY indicator_id, level, area_code, period_type, period`,
    );
  } finally {
    await engine.dropFile(vfile);
  }
}
