import type { FileOutcome } from '../../import/load-files';
import { ProblemList } from './ProblemList';

const KIND_TEXT: Record<FileOutcome['kind'], string> = {
  manifest: 'manifest',
  extracts: 'extract',
  areas: 'areas lookup',
  population: 'population',
  area_deprivation: 'deprivation of small areas',
  benchmarks: 'benchmark values',
  boundary: 'boundaries',
  unknown: 'file',
  'police-uk': 'police.uk file',
  reference: 'public reference data',
  archive: 'archive',
};

/** What a file's row count counts. */
const ROWS_TEXT: Partial<Record<FileOutcome['kind'], string>> = { boundary: 'shapes', 'police-uk': 'records' };

/** One entry per file: loaded or not, and each problem with where it is and how to fix it. */
export function LoadOutcomes({ outcomes }: { outcomes: readonly FileOutcome[] }) {
  const rejected = outcomes.filter((o) => o.status === 'rejected').length;
  return (
    <div className="outcomes">
      <h2>Result of this load</h2>
      <p role={rejected > 0 ? 'alert' : undefined} className={rejected > 0 ? 'notice notice--error' : 'notice notice--success'}>
        {rejected === 0
          ? `All ${outcomes.length} files loaded.`
          : `${rejected} of ${outcomes.length} files could not be loaded. Nothing from them was added; everything loaded before is unchanged.`}
      </p>
      <ul className="outcome-list">
        {outcomes.map((o) => (
          <li key={o.file} className={`outcome outcome--${o.status}`}>
            <p>
              <strong className={`tag ${o.status === 'loaded' ? 'tag--ok' : 'tag--error'}`}>
                {o.status === 'loaded' ? 'Loaded' : 'Not loaded'}
              </strong>{' '}
              <span className="outcome__file">{o.file}</span> ({o.detail ?? KIND_TEXT[o.kind]}
              {o.status === 'loaded' && o.rows > 0 ? `, ${o.rows.toLocaleString('en-GB')} ${ROWS_TEXT[o.kind] ?? 'rows'}` : ''})
            </p>
            {o.notes && o.notes.length > 0 ? (
              <ul className="outcome__notes">
                {o.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
            <ProblemList file={o.file} problems={o.problems} />
          </li>
        ))}
      </ul>
    </div>
  );
}
