import { z } from 'zod';
import { BUNDLE_AUDIENCES, GEOGRAPHY_LEVELS } from '../contract';
import { CELL_KEY_COLUMNS } from '../disclosure/cube-types';

/*
 * A partner bundle: what one audience may see, ready to put on any static web host.
 *
 *   bundle.json           this metadata: format, audience, levels, creation time, the files with their
 *                         sizes and SHA-256, and whether the audits made when it was published passed, and
 *                         by which method (never how many hidden cells are small, nor which)
 *   bundle-manifest.json  the dataset manifest, unchanged in schema (it stays valid against manifestSchema)
 *   cells.parquet         the protected cells only: indicator_id, area_code, level, period, period_type,
 *                         age_band, sex, value (null when suppressed), flag ('shown' | 'rounded' | 'c')
 *   areas.parquet         the public areas lookup: code, name, level, parent_code
 *   population.parquet    the public population lookup: area_code, level, year, age_band, sex, population
 *
 * Several plain files rather than one container: each can be read by any Parquet or JSON tool, checked against
 * its hash, and served as it is. No raw extract, count column or cube is ever written.
 */
export const BUNDLE_FORMAT = 'vrn-dashboard-bundle/2';
/**
 * Format 1 also wrote each audit's counts of hidden cells checked and narrowed, which told a recipient how many
 * hidden cells were small. Its bundles still open; those counts are read past and never shown.
 */
export const BUNDLE_FORMAT_1 = 'vrn-dashboard-bundle/1';
/** The method format 1 bundles do not name: they were audited before bundles said how. */
export const METHOD_NOT_RECORDED = 'not recorded (bundle format 1)';

export const BUNDLE_FILE_NAMES = {
  metadata: 'bundle.json',
  manifest: 'bundle-manifest.json',
  cells: 'cells.parquet',
  areas: 'areas.parquet',
  population: 'population.parquet',
} as const;

export type BundleFileRole = Exclude<keyof typeof BUNDLE_FILE_NAMES, 'metadata'>;

/** The columns of cells.parquet, in order. Anything else (a count above all) makes a bundle invalid. */
export const BUNDLE_CELL_COLUMNS = [...CELL_KEY_COLUMNS, 'value', 'flag'] as const;
export const BUNDLE_AREA_COLUMNS = ['code', 'name', 'level', 'parent_code'] as const;
export const BUNDLE_POPULATION_COLUMNS = ['area_code', 'level', 'year', 'age_band', 'sex', 'population'] as const;

/** Audiences a bundle may be made for: never the analyst's, whose small numbers stay on the analyst's machine. */
export type BundleAudience = (typeof BUNDLE_AUDIENCES)[number];

/** A plain file name: no folders, so fetching a bundle never leaves the place its address names. */
export const BUNDLE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;

const auditSchema = z.object({
  pass: z.boolean(),
  /** 'publisher': knows which hidden cells are small (primary); 'recipient': sees only 'c'. */
  model: z.enum(['publisher', 'recipient']),
  /** How the audit works (AUDIT_METHOD when it was published). */
  method: z.string().min(1),
});
/** Format 1's audit: its counts are dropped on reading (zod keeps only the keys it names). */
const auditSchemaFormat1 = auditSchema
  .omit({ method: true })
  .transform((a): z.infer<typeof auditSchema> => ({ ...a, method: METHOD_NOT_RECORDED }));
export type BundleAudit = z.infer<typeof auditSchema>;

/** A bundle is offered, and opened, only when every audit it carries passed. */
export function auditsPassed(audits: readonly BundleAudit[]): boolean {
  return audits.length > 0 && audits.every((a) => a.pass);
}

const metadataFields = {
  format: z.literal(BUNDLE_FORMAT),
  audience: z.enum(BUNDLE_AUDIENCES),
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T/, 'must be an ISO date and time'),
  levels: z.array(z.enum(GEOGRAPHY_LEVELS)).min(1),
  title: z.string(),
  synthetic: z.boolean(),
  cells: z.number().int().min(0),
  suppressed: z.number().int().min(0),
  files: z
    .array(
      z.object({
        role: z.enum(['manifest', 'cells', 'areas', 'population']),
        name: z.string().regex(BUNDLE_FILE_NAME, 'must be a plain file name'),
        bytes: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(4),
  audit: z.array(auditSchema),
};
export const bundleMetadataSchema = z.object(metadataFields);
export type BundleMetadata = z.infer<typeof bundleMetadataSchema>;

/** Read in place of {@link bundleMetadataSchema} when bundle.json says it is format 1; gives today's shape. */
export const bundleMetadataSchemaFormat1 = z
  .object({ ...metadataFields, format: z.literal(BUNDLE_FORMAT_1), audit: z.array(auditSchemaFormat1) })
  .transform((m): BundleMetadata => ({ ...m, format: BUNDLE_FORMAT }));

export interface BundleFile {
  name: string;
  bytes: Uint8Array;
  type: string;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
