import { useFiguresCurrent } from '../../hooks/coordinator/use-figures-current';
import { downloadFile } from '../../ui/download-file';

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
