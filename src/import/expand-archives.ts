import { gunzipSync, unzipSync } from 'fflate';
import type { FileOutcome, InputFile } from './load-files';

/** Entries the dashboard can read; anything else in an archive is left out and listed. */
const READABLE = /\.(csv|json|geojson|topojson|parquet|arrow|feather|gz)$/i;
/** How many left-out names a message lists. */
const LISTED = 5;

const isZip = (b: Uint8Array) =>
  b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;

/** An .xlsx is a ZIP holding xl/workbook.xml: it is left whole, for the Excel message detect-file-kind.ts gives. */
export function isExcelWorkbook(bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  let found = false;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (f.name === 'xl/workbook.xml') found = true;
        return false;
      },
    });
  } catch {
    return false;
  }
  return found;
}

const baseName = (path: string) => path.split('/').pop() ?? path;
const list = (names: readonly string[]) =>
  `${names.slice(0, LISTED).join(', ')}${names.length > LISTED ? `, and ${names.length - LISTED} more` : ''}`;

/**
 * Unpacks dropped ZIP archives (police.uk's download is a zip of month folders) and gzipped files into the
 * files they hold, before anything else looks at them. Each archive gets an outcome saying what it held; one
 * holding nothing the dashboard reads is refused with a message. Excel workbooks are passed on untouched.
 */
export function expandArchives(files: readonly InputFile[]): { files: InputFile[]; outcomes: FileOutcome[] } {
  const out: InputFile[] = [];
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    if (isGzip(file.bytes)) {
      try {
        out.push({ name: file.name.replace(/\.gz$/i, ''), bytes: gunzipSync(file.bytes) });
      } catch (e) {
        outcomes.push(
          refused(
            file.name,
            `is a gzip file that could not be decompressed (${(e as Error).message}).`,
            'Download the file again.',
          ),
        );
      }
      continue;
    }
    // A workbook (by its name or its contents) is left for detect-file-kind.ts, which tells the user to save it as CSV.
    if (!isZip(file.bytes) || /\.xls[xmb]?$/i.test(file.name) || isExcelWorkbook(file.bytes)) {
      out.push(file);
      continue;
    }
    let entries: Record<string, Uint8Array>;
    const skipped: string[] = [];
    try {
      entries = unzipSync(file.bytes, {
        filter: (f) => {
          const name = f.name;
          if (name.endsWith('/') || name.startsWith('__MACOSX/') || baseName(name).startsWith('.')) return false;
          if (READABLE.test(name)) return true;
          skipped.push(baseName(name));
          return false;
        },
      });
    } catch (e) {
      outcomes.push(
        refused(
          file.name,
          `is a ZIP archive that could not be opened (${(e as Error).message}).`,
          'Download the archive again, or unzip it and load the files inside.',
        ),
      );
      continue;
    }
    const names = Object.keys(entries).sort();
    if (names.length === 0) {
      outcomes.push(
        refused(
          file.name,
          `is a ZIP archive holding nothing the dashboard reads${skipped.length ? ` (it holds ${list(skipped)})` : ' (it is empty)'}.`,
          'The dashboard reads CSV, Parquet, Arrow, JSON, GeoJSON and TopoJSON files, and police.uk, IMD and ONS files as published.',
        ),
      );
      continue;
    }
    // Month folders hold files with their own month in the name: the base name is the file's name, unless two
    // entries share it, when the path inside the archive tells them apart.
    const seen = new Map<string, number>();
    for (const n of names) seen.set(baseName(n), (seen.get(baseName(n)) ?? 0) + 1);
    const inner = expandArchives(
      names.map((n) => ({ name: (seen.get(baseName(n)) ?? 0) > 1 ? n : baseName(n), bytes: entries[n] as Uint8Array })),
    );
    out.push(...inner.files);
    outcomes.push(...inner.outcomes, {
      file: file.name,
      kind: 'archive',
      status: 'loaded',
      rows: 0,
      problems: [],
      detail: 'ZIP archive',
      notes: [
        `Unpacked ${names.length} ${names.length === 1 ? 'file' : 'files'}; each is listed on its own below.`,
        ...(skipped.length > 0
          ? [
              `Left out ${skipped.length} ${skipped.length === 1 ? 'file' : 'files'} the dashboard does not read: ${list(skipped)}.`,
            ]
          : []),
      ],
    });
  }
  return { files: out, outcomes };
}

function refused(file: string, message: string, fix: string): FileOutcome {
  return { file, kind: 'archive', status: 'rejected', rows: 0, problems: [{ file, severity: 'error', message, fix }] };
}
