import { type GeographyLevel, breakdownWords } from '../../contract';
import { BENCHMARK_METHOD } from '../../stats';
import { withOption } from '../../url-state/view-options';
import { levelNoun } from './map-model';
import type { MapViewModel } from './use-map-view';

/** The loaded benchmarks (England, a region) areas can be compared with instead of the whole VRU area. */
export function BenchmarkPicker({ m }: { m: MapViewModel }) {
  if (!m.hasRate || m.benchNames.length === 0 || !m.manifest) return null;
  return (
    <div className="field map-benchmark">
      <label htmlFor="map-benchmark">Compare areas with</label>
      <select
        id="map-benchmark"
        value={m.chosenBench ?? ''}
        onChange={(e) => m.update({ options: withOption(m.state.options, 'bench', e.target.value || undefined, undefined) })}
      >
        <option value="">{m.manifest.area.name} (the whole VRU area)</option>
        {m.benchNames.map((n) => (
          <option key={n} value={n}>
            {n} (loaded benchmark)
          </option>
        ))}
      </select>
      <p className="hint">{BENCHMARK_METHOD}</p>
    </div>
  );
}

/** Small areas are published for all ages and persons only: says so when another breakdown is chosen. */
export function SmallLevelNotice({ m }: { m: MapViewModel }) {
  const { state, update, level } = m;
  if (!m.small || (state.age === 'all' && state.sex === 'all')) return null;
  return (
    <div className="notice notice--warning map-notice" role="status">
      <p>
        {levelNoun(level, false)} figures are published for all ages and persons only (smaller breakdowns would nearly all be
        suppressed), so this map shows all ages and persons, not {breakdownWords(state.age, state.sex)}.
      </p>
      <p>
        <button type="button" className="button" onClick={() => update({ age: 'all', sex: 'all' })}>
          Set the filters to all ages and persons
        </button>{' '}
        <button type="button" className="button" onClick={() => update({ level: 'district' })}>
          Show districts instead ({breakdownWords(state.age, state.sex)})
        </button>
      </p>
    </div>
  );
}

/** The indicator has no figures at this level: the levels it has, and the indicators this level has. */
export function NoFiguresNotice({ m }: { m: MapViewModel }) {
  const { indicator, level, byLevel, levels, here, indicators, update } = m;
  if (!indicator || !m.indicatorLevels.isSuccess || m.hasFigures) return null;
  return (
    <div className="notice notice--warning map-notice" role="status">
      <p>
        {indicator.title} has no figures by {levelNoun(level, false)}.{' '}
        {[...byLevel].filter(([l, set]) => l !== 'vru' && set.has(indicator.id)).length ? 'It is available by: ' : ''}
        {[...byLevel]
          .filter(([l, set]) => l !== 'vru' && set.has(indicator.id) && levels.some((x) => x.level === l))
          .map(([l]) => (
            <button key={l} type="button" className="link-button" onClick={() => update({ level: l as GeographyLevel })}>
              {levelNoun(l)}
            </button>
          ))}
      </p>
      {here.size ? (
        <p>
          Indicators with figures by {levelNoun(level, false)}:{' '}
          {indicators
            .filter((i) => here.has(i.id))
            .map((i) => (
              <button
                key={i.id}
                type="button"
                className="link-button map-notice__choice"
                onClick={() => update({ indicator: i.id })}
              >
                {i.title}
              </button>
            ))}
        </p>
      ) : null}
    </div>
  );
}
