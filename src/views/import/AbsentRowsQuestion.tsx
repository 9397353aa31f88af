import { useState, type FormEvent } from 'react';
import type { AbsentRows } from '../../contract';
import { useAbsentRowsQuestion } from '../../hooks/use-absent-rows';

export const ABSENT_ROWS_WORDS: Record<AbsentRows, string> = {
  zero: 'No events: a row left out is a count of 0',
  notReported: 'Not reported: an area and month with no row at all sent no data (the file gives its zeros as rows)',
};

/**
 * Asked for each extract file whose manifest does not say how rows left out of it are read: a guess either way
 * would be wrong somewhere (a gap shown as 0, or a 0 shown as a gap that tells where someone was counted), so its
 * indicators are not shown until it is answered.
 */
export function AbsentRowsQuestion() {
  const { files, answer, busy, error } = useAbsentRowsQuestion();
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="absent-rows-title" className="absent-rows">
      <h2 id="absent-rows-title">A question about rows left out</h2>
      <p>
        Agencies often leave out the rows of cells where nothing happened. The manifest does not say how to read rows left out of{' '}
        {files.length === 1 ? 'this file' : 'these files'}, so {files.length === 1 ? 'its' : 'their'} indicators are not shown
        until you answer. The answer is kept with your workspace and shown in Data and ethics.
      </p>
      {files.map((file) => (
        <FileQuestion key={file} file={file} busy={busy === file} disabled={busy !== null} onAnswer={answer} />
      ))}
      {error ? <p role="alert">The answer could not be used: {error}</p> : null}
    </section>
  );
}

function FileQuestion(props: {
  file: string;
  busy: boolean;
  disabled: boolean;
  onAnswer: (file: string, reading: AbsentRows) => Promise<void>;
}) {
  const { file, busy, disabled, onAnswer } = props;
  const [choice, setChoice] = useState<AbsentRows | null>(null);
  const [missing, setMissing] = useState(false);
  const id = `absent-rows-${file.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (choice === null) return setMissing(true);
    void onAnswer(file, choice);
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <fieldset aria-describedby={missing ? `${id}-missing` : undefined}>
        <legend id={`${id}-legend`}>Rows left out of {file}: do they mean no events (zero) or not reported?</legend>
        {missing ? (
          <p id={`${id}-missing`} role="alert">
            Choose one of the two answers.
          </p>
        ) : null}
        {(Object.keys(ABSENT_ROWS_WORDS) as AbsentRows[]).map((reading) => (
          <div key={reading}>
            <input
              type="radio"
              id={`${id}-${reading}`}
              name={id}
              checked={choice === reading}
              onChange={() => {
                setChoice(reading);
                setMissing(false);
              }}
            />{' '}
            <label htmlFor={`${id}-${reading}`}>{ABSENT_ROWS_WORDS[reading]}</label>
          </div>
        ))}
        <button type="submit" disabled={disabled}>
          {busy ? 'Using the answer…' : 'Use this answer'}
        </button>
      </fieldset>
    </form>
  );
}
