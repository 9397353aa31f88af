import { z } from 'zod';
import { listOf } from '../contract/list-of';

/**
 * The mark a store of files writes before the files and removes once they and the settings naming them are written.
 * Found on opening, it means the page was closed part way: the files are not all there and the settings still
 * describe what was stored before (or nothing), so the page must say so rather than show the demo, or an older
 * workspace, as if it were what the person last loaded.
 */
const storingMarkSchema = z.object({
  /** The store began a new workspace in place of any stored before, rather than adding to the stored one. */
  fresh: z.boolean(),
  /** The files being stored, by the names the person gave them. */
  files: z.array(z.string()),
  /** The keys they are stored under: settings that name them all mean the store finished and only the mark was left. */
  keys: z.array(z.string()),
});
export type StoringMark = z.infer<typeof storingMarkSchema>;
/** What a later visit knows of a store that never finished. */
export type UnfinishedStore = Pick<StoringMark, 'fresh' | 'files'>;

export function encodeMark(mark: StoringMark): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(mark));
}

/** The mark as written; one that cannot be read still says a store was cut off, so it reads as a new workspace's. */
export function parseMark(bytes: Uint8Array): StoringMark {
  try {
    const parsed = storingMarkSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: read as below.
  }
  return { fresh: true, files: [], keys: [] };
}

const NAMES_SHOWN = 3;

/** " (a.csv, b.csv, c.csv and 9 other files)": enough names to find the files again, never a page of them. */
function namedFiles(files: readonly string[]): string {
  if (files.length === 0) return '';
  const others = files.length - NAMES_SHOWN;
  const names = others > 0 ? [...files.slice(0, NAMES_SHOWN), `${others} other ${others === 1 ? 'file' : 'files'}`] : files;
  return ` (${listOf(names)})`;
}

/**
 * What to tell a person whose last store was cut off. Files added to a workspace stored whole before: it is kept
 * (and opened) without them. A new workspace: nothing of it is opened; a workspace stored before it is still kept.
 */
export function unfinishedStoreMessage(mark: UnfinishedStore, earlierKept: boolean): string {
  const cause = 'were not stored completely, because the page was closed while they were being stored.';
  if (!mark.fresh && earlierKept) {
    return `The files you added last time${namedFiles(mark.files)} ${cause} Your workspace is kept without them: choose them again to add them.`;
  }
  return (
    `The files you loaded last time${namedFiles(mark.files)} ${cause} They were not opened: choose them again to use them.` +
    (earlierKept ? ' The workspace you stored before them is still kept on this device.' : '')
  );
}
