import type { ExpectedFile } from '../../import/expected-files';
import { useSessionSnapshot } from '../../hooks/session-context';

const KIND_TEXT: Record<ExpectedFile['kind'], string> = {
  extracts: 'extract',
  areas: 'areas lookup',
  population: 'population',
  area_deprivation: 'deprivation',
  benchmarks: 'benchmarks',
  boundary: 'boundaries',
};

/** How many expected files the notice names before it says how many more. */
const NAMED = 20;

/** The files the loaded manifest lists that have not been loaded: what is still to come, said after every load. */
export function StillExpected() {
  const { state } = useSessionSnapshot();
  const expected = state.stillExpected ?? [];
  if (expected.length === 0) return null;
  return (
    <div className="notice notice--warning still-expected" role="status">
      <h2 className="notice__title">
        The manifest lists {expected.length === 1 ? 'a file that is' : `${expected.length} files that are`} not loaded yet
      </h2>
      <ul className="still-expected__files">
        {expected.slice(0, NAMED).map((f) => (
          <li key={`${f.kind}:${f.name}`}>
            <span className="outcome__file">{f.name}</span> ({KIND_TEXT[f.kind]})
          </li>
        ))}
        {expected.length > NAMED ? <li>and {expected.length - NAMED} more</li> : null}
      </ul>
      <p>Load them here when you have them. Until then the views show only what is loaded, and say where figures are missing.</p>
    </div>
  );
}
