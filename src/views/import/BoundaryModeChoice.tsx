import type { BoundaryMode } from '../../import/boundary-layers';
import { useSessionSnapshot } from '../../hooks/session-context';

const CHOICES: readonly [BoundaryMode, string][] = [
  ['add', 'Add to the shapes loaded before (a new shape replaces the old one for its code)'],
  ['replace', 'Replace all the shapes loaded before for that level'],
];

const LEVEL_WORDS: Record<string, string> = {
  vru: 'VRU area',
  district: 'districts',
  ward: 'wards',
  msoa: 'MSOAs',
  lsoa: 'LSOAs',
};

/**
 * Asked once shapes are loaded: a boundary file for a level that already has shapes adds to them (keeping the
 * shapes of codes the new file does not have) or replaces them. Adding is the default: nothing drawn is lost.
 */
export function BoundaryModeChoice({ value, onChange }: { value: BoundaryMode; onChange: (mode: BoundaryMode) => void }) {
  const { state } = useSessionSnapshot();
  const levels = Object.keys(state.boundaries);
  if (levels.length === 0) return null;
  return (
    <fieldset className="boundary-mode">
      <legend>Boundary files for {levels.map((l) => LEVEL_WORDS[l] ?? l).join(', ')}, which already have shapes</legend>
      {CHOICES.map(([mode, label]) => (
        <div key={mode}>
          <input
            type="radio"
            id={`boundary-mode-${mode}`}
            name="boundary-mode"
            checked={value === mode}
            onChange={() => onChange(mode)}
          />{' '}
          <label htmlFor={`boundary-mode-${mode}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}
