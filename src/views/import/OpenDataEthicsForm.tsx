import { useId, useState, type FormEvent } from 'react';
import { ETHICS_CANVAS_SECTIONS, type Dataset, type EthicsCanvas } from '../../contract';

/** The ethics canvas of a police.uk dataset, with the dashboard's answers for open data, for the user to edit. */
export function OpenDataEthicsForm({
  dataset,
  busy,
  onSave,
}: {
  dataset: Dataset;
  busy: boolean;
  onSave: (answers: Partial<EthicsCanvas>) => Promise<void>;
}) {
  const id = useId();
  const [answers, setAnswers] = useState<EthicsCanvas>(dataset.ethics);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSave(answers);
  };
  return (
    <details className="canvas public-data__ethics">
      <summary>Data ethics canvas for {dataset.title}: edit the answers</summary>
      <form onSubmit={submit}>
        {ETHICS_CANVAS_SECTIONS.map(([key, title]) => (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${key}`}>{title}</label>
            <textarea
              id={`${id}-${key}`}
              className="text-input"
              rows={3}
              value={answers[key]}
              onChange={(e) => setAnswers({ ...answers, [key]: e.target.value })}
            />
          </div>
        ))}
        <button type="submit" className="button button--primary" disabled={busy}>
          Save these answers
        </button>{' '}
        <span className="hint">An empty answer keeps the dashboard’s.</span>
      </form>
    </details>
  );
}
