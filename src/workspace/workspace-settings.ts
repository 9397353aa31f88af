import { z } from 'zod';
import { BOUNDARY_MODES } from '../import/boundary-layers';

/**
 * What a stored workspace remembers besides its files: the files in the order they were loaded, each with the
 * choices made when it was loaded, and choices about the workspace as a whole. Versioned, and open to fields this
 * version does not know (kept as they are), so later choices can be added without losing what is stored.
 */
export const SETTINGS_VERSION = 1;

const fileOptionsSchema = z.looseObject({ boundaryMode: z.enum(BOUNDARY_MODES).optional() });
export type FileOptions = z.infer<typeof fileOptionsSchema>;

const storedFileSchema = z.object({
  /** The name it is stored under (never the user's file name, which may hold characters storage refuses). */
  key: z.string().regex(/^[a-z0-9-]+$/),
  /** The file's name as the user gave it. */
  name: z.string().min(1),
  /** Its size in bytes, checked on reading: a file of another size is damaged. */
  size: z.number().int().min(0),
  options: fileOptionsSchema.default({}),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

export const workspaceSettingsSchema = z.looseObject({
  version: z.literal(SETTINGS_VERSION),
  /** The workspace's title when it was last saved (its manifest's), to name it while the demo is shown. */
  title: z.string().nullable().default(null),
  files: z.array(storedFileSchema),
  /** Whether it was the workspace shown when the page was left: if so, it is opened on the next visit. */
  open: z.boolean().default(true),
  /** Choices about the workspace as a whole, by name (for example how absent rows are read). */
  choices: z.record(z.string(), z.unknown()).default({}),
  savedAt: z.string(),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** Reads stored settings, or says why they cannot be read (the caller treats that as damaged storage). */
export function parseSettings(json: unknown): { ok: true; settings: WorkspaceSettings } | { ok: false; why: string } {
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SETTINGS_VERSION) {
    return { ok: false, why: `they were saved by a newer version of the dashboard (settings version ${version})` };
  }
  const parsed = workspaceSettingsSchema.safeParse(json);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, why: `their settings are not in the expected form (${parsed.error.issues[0]?.message ?? 'unknown'})` };
}
