/** One thing wrong with a file, said so that the person who made the file can fix it. */
export interface Problem {
  file: string;
  severity: 'error' | 'warning';
  /** 1-based data row (the header is row 0), when the problem is in one row. */
  row?: number;
  column?: string;
  message: string;
  fix: string;
}

export function problemText(p: Problem): string {
  const where = [p.file, p.row !== undefined ? `row ${p.row}` : null, p.column ? `column "${p.column}"` : null]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message} ${p.fix}`;
}

/** Thrown to reject a whole file; the loader catches it and keeps what was loaded before. */
export class FileRejected extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(problemText).join('\n'));
    this.name = 'FileRejected';
  }
}

/** The problems a failed load of `file` gives: a rejection's own, or one saying what went wrong and `fix`. */
export function rejectionProblems(e: unknown, file: string, fix: string): Problem[] {
  if (e instanceof FileRejected) return e.problems;
  return [{ file, severity: 'error', message: `could not be loaded: ${(e as Error).message}`, fix }];
}
