import { AGE_BAND_VALUES, AUDIENCES, SEX_VALUES, TIER_LABELS, TIERS, AUDIENCE_WORDS, SEX_WORDS } from '../../contract';
import { useAreas, usePeriods } from '../../hooks/use-areas';
import { useSessionSnapshot } from '../../hooks/session-context';
import { useViewState } from '../../url-state/use-view-state';
import { formatMonth } from '../../ui/format';
import { useShownIndicator } from '../../ui/shown-indicator';
import type { ViewName } from '../../url-state/view-state';

type Filter = 'indicator' | 'area' | 'period' | 'age' | 'sex' | 'audience';

/** Filters a view does not use (or uses for one part only), said under the filter so a choice is not expected to act. */
const NOT_USED: Partial<Record<ViewName, Partial<Record<Filter, string>>>> = {
  overview: {
    indicator: 'Not used on this page: it shows every headline measure.',
    age: 'Not used on this page: each measure follows its own definition.',
    sex: 'Not used on this page: each measure follows its own definition.',
  },
  cohorts: {
    indicator: 'Used for the age and sex pyramid only.',
    age: 'Not used on this page: the cohort sets its own ages.',
    sex: 'Not used on this page: the cohort sets its own sex.',
  },
  inequality: {
    area: 'Not used on this page: it compares the small areas of the whole area.',
    age: 'Not used on this page: all ages, persons.',
    sex: 'Not used on this page: all ages, persons.',
  },
  concentration: {
    area: 'Not used on this page: it compares the small areas of the whole area.',
    period: 'Not used on this page: every calendar year is shown.',
    age: 'Not used on this page: all ages, persons.',
    sex: 'Not used on this page: all ages, persons.',
  },
};

/** The note under a filter, with the id its box is described by. */
function FilterNote({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className="hint" id={id}>
      {text}
    </p>
  ) : null;
}

/** The shared filters. Every choice is written to the URL, so the link always reproduces the view. */
export function FilterBar() {
  const { state: loaded } = useSessionSnapshot();
  const { state, update, lockedAudience: locked } = useViewState();
  const areas = useAreas();
  const periods = usePeriods();
  const indicators = loaded.manifest?.indicators ?? [];
  const latest = periods.data?.at(-1) ?? '';
  const notes = NOT_USED[state.view] ?? {};
  const described = (filter: Filter) => (notes[filter] ? { 'aria-describedby': `f-${filter}-note` } : {});
  // With no indicator in the link, a view that shows one anyway (the Map, Trends) names it here.
  const shownId = useShownIndicator();
  const shown = state.indicator === null ? indicators.find((i) => i.id === shownId) : undefined;
  return (
    <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="f-indicator">Indicator</label>
        <select
          id="f-indicator"
          value={state.indicator ?? ''}
          onChange={(e) => update({ indicator: e.target.value || null })}
          {...described('indicator')}
        >
          <option value="">{shown ? `${shown.title} (shown by default)` : 'Choose an indicator'}</option>
          {TIERS.map((tier) => (
            <optgroup key={tier} label={TIER_LABELS[tier]}>
              {indicators
                .filter((i) => i.tier === tier)
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <FilterNote id="f-indicator-note" text={notes.indicator} />
      </div>
      <div className="field">
        <label htmlFor="f-area">Area</label>
        <select
          id="f-area"
          value={state.area ?? ''}
          onChange={(e) => update({ area: e.target.value || null })}
          {...described('area')}
        >
          <option value="">{loaded.manifest?.area.name ?? 'Whole area'}</option>
          {(areas.data ?? [])
            .filter((a) => a.level === 'district')
            .map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
        </select>
        <FilterNote id="f-area-note" text={notes.area} />
      </div>
      <div className="field">
        <label htmlFor="f-period">Latest month</label>
        <select
          id="f-period"
          value={state.period ?? ''}
          onChange={(e) => update({ period: e.target.value || null })}
          {...described('period')}
        >
          <option value="">Latest ({latest ? formatMonth(latest) : 'none loaded'})</option>
          {(periods.data ?? [])
            .slice()
            .reverse()
            .map((p) => (
              <option key={p} value={p}>
                {formatMonth(p)}
              </option>
            ))}
        </select>
        <FilterNote id="f-period-note" text={notes.period} />
      </div>
      <div className="field">
        <label htmlFor="f-age">Age band</label>
        <select
          id="f-age"
          value={state.age}
          onChange={(e) => update({ age: e.target.value as typeof state.age })}
          {...described('age')}
        >
          {AGE_BAND_VALUES.map((a) => (
            <option key={a} value={a}>
              {a === 'all' ? 'All ages' : `Aged ${a}`}
            </option>
          ))}
        </select>
        <FilterNote id="f-age-note" text={notes.age} />
      </div>
      <div className="field">
        <label htmlFor="f-sex">Sex</label>
        <select
          id="f-sex"
          value={state.sex}
          onChange={(e) => update({ sex: e.target.value as typeof state.sex })}
          {...described('sex')}
        >
          {SEX_VALUES.map((s) => (
            <option key={s} value={s}>
              {SEX_WORDS[s].label}
            </option>
          ))}
        </select>
        <FilterNote id="f-sex-note" text={notes.sex} />
      </div>
      <div className="field">
        <label htmlFor="f-audience">Disclosure rules for</label>
        <select
          id="f-audience"
          value={state.audience}
          aria-describedby={locked !== null ? 'f-audience-hint' : undefined}
          onChange={(e) => update({ audience: e.target.value as typeof state.audience })}
        >
          {AUDIENCES.map((a) => (
            <option key={a} value={a} disabled={locked !== null && a !== locked}>
              {AUDIENCE_WORDS[a].label}
              {locked !== null && a !== locked ? ' (not in this bundle)' : ''}
            </option>
          ))}
        </select>
        {locked !== null ? (
          <p className="hint" id="f-audience-hint">
            This bundle holds the {AUDIENCE_WORDS[locked].label.toLowerCase()} figures only.
          </p>
        ) : null}
      </div>
    </form>
  );
}
