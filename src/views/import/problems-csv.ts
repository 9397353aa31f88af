import { csvComment, csvLine } from '../../disclosure/export-csv';
import type { Problem } from '../../import/problems';

/**
 * Every problem found in a load, one per line, for a person to work through in a spreadsheet. Written with the
 * dashboard's one CSV escaping (csvLine), so a file or column name that starts with "=" is shown, not run.
 */
export function problemsCsv(problems: readonly Problem[]): string {
  const lines = [
    csvComment('Problems found when loading files into the violence needs assessment dashboard'),
    csvComment('row = data row in the file, counting the header as row 0'),
    csvLine(['file', 'severity', 'row', 'column', 'problem', 'how_to_fix']),
    ...problems.map((p) => csvLine([p.file, p.severity, p.row ?? null, p.column ?? null, p.message, p.fix])),
  ];
  return lines.join('\n') + '\n';
}
