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

/** `text` cut to at most `max` characters, with an ellipsis where it was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A value from a file, as a message quotes it: a 1 MB cell or a 500-character name stays one short line. */
export function quoted(value: unknown, max = 60): string {
  return `"${clip(String(value), max)}"`;
}

/**
 * Longest parts of a problem, in characters. Each check keeps its own text short by clipping the values it
 * quotes; these limits catch whatever is left (an engine's error, a name in a file), so that a problem is read
 * in a glance and a thousand of them cannot make the page slow.
 */
const LIMITS = { column: 100, message: 280, fix: 220 } as const;

export function shortProblem(p: Problem): Problem {
  return {
    ...p,
    ...(p.column !== undefined ? { column: clip(p.column, LIMITS.column) } : {}),
    message: clip(p.message, LIMITS.message),
    fix: clip(p.fix, LIMITS.fix),
  };
}

/** The problems a failed load of `file` gives: a rejection's own, or one saying what went wrong and `fix`. */
export function rejectionProblems(e: unknown, file: string, fix: string): Problem[] {
  if (e instanceof FileRejected) return e.problems;
  // An engine's error can be long (a whole statement): a line of it says enough.
  return [{ file, severity: 'error', message: `could not be loaded: ${clip((e as Error).message, 200)}`, fix }];
}
