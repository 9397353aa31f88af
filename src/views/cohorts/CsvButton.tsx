import type { ExportMeta } from '../../disclosure/export-csv';
import { useFiguresCurrent } from '../../hooks/coordinator/use-figures-current';
import { downloadFile } from '../../ui/download-file';

/**
 * A cohort file's source, synthetic mark and rules, for the indicators whose figures it holds: each file draws
 * on its own (the profile on every indicator, the pyramid on one), and must name the rules those follow.
 */
export type ExportMetaFor = (indicatorIds: readonly string[]) => ExportMeta;

/** Saves a CSV built from protected figures only (see protectedCsv); nothing leaves the computer. */
export function CsvButton({ fileName, label, build }: { fileName: string; label: string; build: () => string }) {
  // No download while the figures are being worked out for a new choice: a file must match its labels.
  const current = useFiguresCurrent();
  return (
    <button type="button" className="button cohort-csv" disabled={!current} onClick={() => downloadFile(fileName, build())}>
      {label}
    </button>
  );
}
