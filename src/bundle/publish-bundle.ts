import { parquetWriteBuffer } from 'hyparquet-writer';
import {
  AUDIENCE_PERMISSIONS,
  allIndicatorIds,
  drawsOnSynthetic,
  type Audience,
  type GeographyLevel,
  type Manifest,
} from '../contract';
import type { Engine } from '../engine/engine-types';
import { ident, strList } from '../engine/sql-literals';
import { protectedTable } from '../disclosure/protected-tables';
import type { RuleBounds } from '../disclosure/audit';
import type { AreaHierarchy } from '../disclosure/cube-types';
import {
  auditAsPublisher,
  auditAsRecipient,
  bundleRelations,
  publishedAudit,
  boundsAt,
  hierarchyFrom,
  wholeCubeMarkBounds,
  type BundleCell,
} from './audit-bundle';
import { CELL_KEY_COLUMNS } from '../disclosure/cube-types';
import {
  BUNDLE_FILE_NAMES,
  BUNDLE_FORMAT,
  sha256Hex,
  type BundleAudience,
  type BundleAudit,
  type BundleFile,
  type BundleMetadata,
} from './bundle-format';

export interface PublishOptions {
  audience: BundleAudience;
  levels: readonly GeographyLevel[];
  manifest: Manifest;
  now?: Date;
}

export interface PublishedBundle {
  metadata: BundleMetadata;
  /** bundle.json first, then the files it lists. */
  files: BundleFile[];
}

const CELL_ORDER = 'indicator_id, level, area_code, period_type, period, age_band, sex';

function columnOf<T>(rows: readonly Record<string, unknown>[], name: string): T[] {
  return rows.map((r) => r[name] as T);
}

/** The cells' Parquet: only what the audience may see. There is no count column to leak. */
export function cellsParquet(cells: readonly BundleCell[]): Uint8Array {
  const text = (pick: (c: BundleCell) => string) => ({ data: cells.map(pick), type: 'STRING' as const, nullable: false });
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'indicator_id', ...text((c) => c.indicatorId) },
        { name: 'area_code', ...text((c) => c.areaCode) },
        { name: 'level', ...text((c) => c.level) },
        { name: 'period', ...text((c) => c.period) },
        { name: 'period_type', ...text((c) => c.periodType) },
        { name: 'age_band', ...text((c) => c.ageBand) },
        { name: 'sex', ...text((c) => c.sex) },
        { name: 'value', data: cells.map((c) => (c.flag === 'c' ? null : c.value)), type: 'DOUBLE', nullable: true },
        { name: 'flag', ...text((c) => c.flag) },
      ],
      codec: 'SNAPPY',
      rowGroupSize: 100_000,
      createdBy: 'violence needs assessment dashboard: partner bundle',
    }),
  );
}

interface AudienceCells {
  cells: BundleCell[];
  /** The cube's count for each cell: only for the publisher's audit, never written. */
  counts: Float64Array;
}

/** Every cell of the audience's protected table, with the cube's count beside it. */
async function readProtectedCells(engine: Engine, audience: Audience): Promise<AudienceCells> {
  // Read as Arrow columns: a few hundred thousand cells as row objects would take seconds more.
  const result = await engine.queryArrow(`
    SELECT p.indicator_id, p.area_code, p.level, p.period, p.period_type, p.age_band, p.sex,
           CAST(p.value AS DOUBLE) AS value, p.flag, CAST(c.count AS DOUBLE) AS count
    FROM ${ident(protectedTable(audience))} p
    LEFT JOIN cube c USING (indicator_id, area_code, level, period, period_type, age_band, sex)
    ORDER BY ${CELL_ORDER}`);
  const column = (name: string) => {
    const child = result.getChild(name);
    if (!child) throw new Error(`the protected table has no ${name} column`);
    return child.toArray() as ArrayLike<unknown>;
  };
  const [ind, area, level, period, ptype, age, sex, value, flag, count] = [...CELL_KEY_COLUMNS, 'value', 'flag', 'count'].map(
    column,
  ) as [
    ArrayLike<string>,
    ArrayLike<string>,
    ArrayLike<string>,
    ArrayLike<string>,
    ArrayLike<string>,
    ArrayLike<string>,
    ArrayLike<string>,
    ArrayLike<number>,
    ArrayLike<string>,
    ArrayLike<number>,
  ];
  const valueCol = result.getChild('value')!;
  const countCol = result.getChild('count')!;
  const cells: BundleCell[] = new Array<BundleCell>(result.numRows);
  const counts = new Float64Array(result.numRows);
  for (let i = 0; i < result.numRows; i++) {
    if (!countCol.isValid(i))
      throw new Error('The protected table and the data loaded do not match; reload the data and try again.');
    const f = flag[i] as BundleCell['flag'];
    cells[i] = {
      indicatorId: ind[i]!,
      areaCode: area[i]!,
      level: level[i] as BundleCell['level'],
      period: period[i]!,
      periodType: ptype[i] as BundleCell['periodType'],
      ageBand: age[i] as BundleCell['ageBand'],
      sex: sex[i] as BundleCell['sex'],
      value: f === 'c' || !valueCol.isValid(i) ? null : value[i]!,
      flag: f,
    };
    counts[i] = count[i]!;
  }
  return { cells, counts };
}

/** The positions of the cells at the chosen levels, in order. */
function atLevels(cells: readonly BundleCell[], levels: readonly GeographyLevel[]): Uint32Array {
  const wanted = new Set<string>(levels);
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) if (wanted.has(cells[i]!.level)) out.push(i);
  return Uint32Array.from(out);
}

/** What every bundle of one audience is cut from: its protected cells, their counts, the areas and the yardstick. */
export interface BundleSource extends AudienceCells {
  areas: { code: string; name: string; level: string; parent_code: string | null }[];
  policy: Manifest['disclosure'][Audience];
  hierarchy: AreaHierarchy;
  /** wholeCubeMarkBounds of the whole protected table: the publisher's audit of any levels is judged against it. */
  wholeBounds: RuleBounds;
}

/** Reads, once for any number of bundles of the audience, what they are cut from. */
export async function readBundleSource(engine: Engine, audience: BundleAudience, manifest: Manifest): Promise<BundleSource> {
  if (!AUDIENCE_PERMISSIONS[audience].receivesBundles) throw new Error(`A bundle is never made for the ${audience} audience.`);
  const whole = await readProtectedCells(engine, audience);
  const areas = await engine.query<{ code: string; name: string; level: string; parent_code: string | null }>(
    'SELECT code, name, level, parent_code FROM areas ORDER BY level, code',
  );
  const policy = manifest.disclosure[audience];
  const hierarchy = hierarchyFrom(areas);
  return { ...whole, areas, policy, hierarchy, wholeBounds: wholeCubeMarkBounds(whole.cells, whole.counts, policy, hierarchy) };
}

function refuseNoLevels(levels: readonly GeographyLevel[]): void {
  if (levels.length === 0) throw new Error('Choose at least one geography level.');
}

/**
 * The cells of a bundle at the chosen levels and both audits of exactly those cells. Only whether each audit
 * passed, and how, is kept: their counts would say how many hidden cells are small.
 */
export function cutBundle(
  source: BundleSource,
  levels: readonly GeographyLevel[],
): { cells: BundleCell[]; audit: BundleAudit[] } {
  refuseNoLevels(levels);
  const picked = atLevels(source.cells, levels);
  const cells = Array.from(picked, (i) => source.cells[i]!);
  const counts = Float64Array.from(picked, (i) => source.counts[i]!);
  const { policy, hierarchy } = source;
  const floor = boundsAt(source.wholeBounds, picked);
  const relations = bundleRelations(cells, hierarchy);
  const audit = [
    auditAsPublisher(cells, counts, policy, hierarchy, floor, relations),
    auditAsRecipient(cells, policy, hierarchy, relations),
  ].map(publishedAudit);
  return { cells, audit };
}

/**
 * Builds a bundle for a partner or public audience, in the browser that holds the data: the audience's protected
 * cells at the chosen levels, the public lookups, the manifest, and bundle.json. Both audits run on exactly the
 * cells written; a bundle whose audit fails is still returned (so the publisher sees why) but flagged, and is
 * not offered for download.
 *
 * The publisher's audit reads the cube's counts for the same cells, only to know which hidden cells are small,
 * and the whole protected table's, to judge the chosen levels by the same yardstick as the whole (see
 * auditAsPublisher); no count is written to any file.
 */
export async function publishBundle(engine: Engine, opts: PublishOptions): Promise<PublishedBundle> {
  refuseNoLevels(opts.levels); // before the whole protected table is read
  const source = await readBundleSource(engine, opts.audience, opts.manifest);
  const { cells, audit } = cutBundle(source, opts.levels);
  const levels = strList([...opts.levels]);
  const { areas } = source;
  const population = await engine.query<Record<string, string | number>>(`
    SELECT area_code, level, CAST(year AS INTEGER) AS year, age_band, sex, CAST(population AS DOUBLE) AS population
    FROM population_cube WHERE level IN ${levels} ORDER BY area_code, year, age_band, sex`);

  const encoder = new TextEncoder();
  // The manifest travels unchanged in schema; it lists no extract files, because none is in the bundle.
  const manifest = { ...opts.manifest, files: { extracts: [], areas: [], population: [] } };
  const strings = (data: unknown[]) => ({ data, type: 'STRING' as const, nullable: true });
  const payload: { role: BundleMetadata['files'][number]['role']; name: string; bytes: Uint8Array; type: string }[] = [
    {
      role: 'manifest',
      name: BUNDLE_FILE_NAMES.manifest,
      bytes: encoder.encode(JSON.stringify(manifest, null, 2)),
      type: 'application/json',
    },
    { role: 'cells', name: BUNDLE_FILE_NAMES.cells, bytes: cellsParquet(cells), type: 'application/vnd.apache.parquet' },
    {
      role: 'areas',
      name: BUNDLE_FILE_NAMES.areas,
      bytes: new Uint8Array(
        parquetWriteBuffer({
          columnData: (['code', 'name', 'level', 'parent_code'] as const).map((n) => ({
            name: n,
            ...strings(columnOf(areas, n)),
          })),
        }),
      ),
      type: 'application/vnd.apache.parquet',
    },
    {
      role: 'population',
      name: BUNDLE_FILE_NAMES.population,
      bytes: new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            ...(['area_code', 'level'] as const).map((n) => ({ name: n, ...strings(columnOf(population, n)) })),
            { name: 'year', data: Int32Array.from(columnOf<number>(population, 'year')), type: 'INT32', nullable: false },
            ...(['age_band', 'sex'] as const).map((n) => ({ name: n, ...strings(columnOf(population, n)) })),
            {
              name: 'population',
              data: Float64Array.from(columnOf<number>(population, 'population')),
              type: 'DOUBLE',
              nullable: false,
            },
          ],
        }),
      ),
      type: 'application/vnd.apache.parquet',
    },
  ];

  const metadata: BundleMetadata = {
    format: BUNDLE_FORMAT,
    audience: opts.audience,
    createdAt: (opts.now ?? new Date()).toISOString(),
    levels: [...opts.levels],
    title: opts.manifest.title,
    // True when any figure in it draws on a synthetic dataset; the manifest inside says which, dataset by dataset.
    synthetic: drawsOnSynthetic(opts.manifest, allIndicatorIds(opts.manifest)),
    cells: cells.length,
    suppressed: cells.filter((c) => c.flag === 'c').length,
    files: await Promise.all(
      payload.map(async (f) => ({ role: f.role, name: f.name, bytes: f.bytes.byteLength, sha256: await sha256Hex(f.bytes) })),
    ),
    audit,
  };
  return {
    metadata,
    files: [
      { name: BUNDLE_FILE_NAMES.metadata, bytes: encoder.encode(JSON.stringify(metadata, null, 2)), type: 'application/json' },
      ...payload.map(({ name, bytes, type }) => ({ name, bytes, type })),
    ],
  };
}
