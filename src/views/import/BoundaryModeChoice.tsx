import type { BoundaryMode } from '../../import/boundary-layers';
import { useSessionSnapshot } from '../../hooks/session-context';

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
      <div>
        <input
          type="radio"
          id="boundary-mode-add"
          name="boundary-mode"
          checked={value === 'add'}
          onChange={() => onChange('add')}
        />{' '}
        <label htmlFor="boundary-mode-add">Add to the shapes loaded before (a new shape replaces the old one for its code)</label>
      </div>
      <div>
        <input
          type="radio"
          id="boundary-mode-replace"
          name="boundary-mode"
          checked={value === 'replace'}
          onChange={() => onChange('replace')}
        />{' '}
        <label htmlFor="boundary-mode-replace">Replace all the shapes loaded before for that level</label>
      </div>
    </fieldset>
  );
}
