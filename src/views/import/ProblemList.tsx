import type { Problem } from '../../import/problems';
import { downloadFile } from '../../ui/download-file';
import { problemsCsv } from './problems-csv';

/** How many problems a file's entry lists on screen; the download has them all. */
export const PROBLEMS_SHOWN = 20;

interface ProblemGroup {
  severity: Problem['severity'];
  fix: string;
  problems: Problem[];
}

/** Problems of one kind share their fix: grouped by it, errors first, each group in the order found. */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const key = `${p.severity}\u0000${p.fix}`;
    const group = groups.get(key) ?? { severity: p.severity, fix: p.fix, problems: [] };
    group.problems.push(p);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'));
}

/** The groups with the problems each lists on screen: the first `limit` problems in group order. */
export function listedGroups(problems: readonly Problem[], limit: number): (ProblemGroup & { shown: Problem[] })[] {
  let room = limit;
  return groupProblems(problems).map((g) => {
    const shown = g.problems.slice(0, room);
    room -= shown.length;
    return { ...g, shown };
  });
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

function totalText(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return [errors ? plural(errors, 'error') : null, warnings ? plural(warnings, 'warning') : null].filter(Boolean).join(' and ');
}

function where(p: Problem): string {
  return [p.row !== undefined ? `Row ${p.row.toLocaleString('en-GB')}` : null, p.column ? `column “${p.column}”` : null]
    .filter(Boolean)
    .join(', ');
}

/** Messages about the file as a whole are written to follow its name ("has 200,000 columns"). */
const ABOUT_THE_FILE = /^(is|has|looks|could|cannot|repeats)\b/;

function ProblemLine({ problem }: { problem: Problem }) {
  const at = where(problem);
  return (
    <>
      {at ? `${at}: ` : ''}
      {ABOUT_THE_FILE.test(problem.message) ? `${problem.file} ${problem.message}` : problem.message}
    </>
  );
}

/**
 * One file's problems for a person to act on: the total, the first PROBLEMS_SHOWN grouped by what to do about
 * them (each group's fix said once), and a download of every problem as CSV to work through elsewhere.
 */
export function ProblemList({ file, problems }: { file: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  const groups = listedGroups(problems, PROBLEMS_SHOWN);
  const listed = groups.reduce((n, g) => n + g.shown.length, 0);
  const stem =
    file
      .replace(/\.[^.]+$/, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'file';
  return (
    <div className="problem-list">
      <p className="problem-list__total">
        {totalText(problems)}
        {listed < problems.length ? `. The first ${listed} are listed, grouped by how to fix them.` : '.'}
      </p>
      <ul className="problem-groups">
        {groups
          .filter((g) => g.shown.length > 0)
          .map((g) => {
            const label = g.severity === 'error' ? 'Error' : 'Warning';
            const hidden = g.problems.length - g.shown.length;
            return (
              <li key={`${g.severity}${g.fix}`} className={`problem-group problem-group--${g.severity}`}>
                {g.problems.length === 1 ? (
                  <p className="problem-group__one">
                    <strong>{label}</strong>
                    {', '}
                    <ProblemLine problem={g.problems[0]!} /> <span className="problem__fix">{g.fix}</span>
                  </p>
                ) : (
                  <>
                    <p className="problem-group__title">
                      <strong>{label}</strong>, {plural(g.problems.length, 'problem')} of this kind:
                    </p>
                    <ul className="problems">
                      {g.shown.map((p, i) => (
                        <li key={i} className={`problem problem--${p.severity}`}>
                          <ProblemLine problem={p} />
                        </li>
                      ))}
                    </ul>
                    {hidden > 0 ? <p className="hint">{plural(hidden, 'more problem')} of this kind in the download.</p> : null}
                    <p className="problem__fix">How to fix: {g.fix}</p>
                  </>
                )}
              </li>
            );
          })}
      </ul>
      {problems.length > 1 ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => downloadFile(`problems-${stem}.csv`, problemsCsv(problems))}
        >
          Download all {plural(problems.length, 'problem')} (CSV) <span className="visually-hidden">found in {file}</span>
        </button>
      ) : null}
    </div>
  );
}
