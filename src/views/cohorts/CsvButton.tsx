import { downloadFile } from '../../ui/download-file';

/** Saves a CSV built from protected figures only (see protectedCsv); nothing leaves the computer. */
export function CsvButton({ fileName, label, build }: { fileName: string; label: string; build: () => string }) {
  return (
    <button type="button" className="button cohort-csv" onClick={() => downloadFile(fileName, build())}>
      {label}
    </button>
  );
}
