import type { ReactNode } from 'react';
import {
  AGE_BAND_VALUES,
  AUDIENCES,
  SEX_VALUES,
  TIER_LABELS,
  TIERS,
  AUDIENCE_WORDS,
  SEX_WORDS,
  breakdownWords,
} from '../../contract';
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
    age: `Not used on this page: ${breakdownWords('all', 'all')}.`,
    sex: `Not used on this page: ${breakdownWords('all', 'all')}.`,
  },
  concentration: {
    area: 'Not used on this page: it compares the small areas of the whole area.',
    period: 'Not used on this page: every calendar year is shown.',
    age: `Not used on this page: ${breakdownWords('all', 'all')}.`,
    sex: `Not used on this page: ${breakdownWords('all', 'all')}.`,
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

/** One filter: its label, its box (described by its note when the view does not use it) and the note. */
function FilterField({
  filter,
  label,
  value,
  onChange,
  note,
  children,
}: {
  filter: Filter;
  label: string;
  value: string;
  onChange: (value: string) => void;
  note: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={`f-${filter}`}>{label}</label>
      <select
        id={`f-${filter}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...(note ? { 'aria-describedby': `f-${filter}-note` } : {})}
      >
        {children}
      </select>
      <FilterNote id={`f-${filter}-note`} text={note} />
    </div>
  );
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
  // With no indicator in the link, a view that shows one anyway (the Map, Trends) names it here.
  const shownId = useShownIndicator();
  const shown = state.indicator === null ? indicators.find((i) => i.id === shownId) : undefined;
  return (
    <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <FilterField
        filter="indicator"
        label="Indicator"
        value={state.indicator ?? ''}
        onChange={(v) => update({ indicator: v || null })}
        note={notes.indicator}
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
      </FilterField>
      <FilterField
        filter="area"
        label="Area"
        value={state.area ?? ''}
        onChange={(v) => update({ area: v || null })}
        note={notes.area}
      >
        <option value="">{loaded.manifest?.area.name ?? 'Whole area'}</option>
        {(areas.data ?? [])
          .filter((a) => a.level === 'district')
          .map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
      </FilterField>
      <FilterField
        filter="period"
        label="Latest month"
        value={state.period ?? ''}
        onChange={(v) => update({ period: v || null })}
        note={notes.period}
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
      </FilterField>
      <FilterField
        filter="age"
        label="Age band"
        value={state.age}
        onChange={(v) => update({ age: v as typeof state.age })}
        note={notes.age}
      >
        {AGE_BAND_VALUES.map((a) => (
          <option key={a} value={a}>
            {a === 'all' ? 'All ages' : `Aged ${a}`}
          </option>
        ))}
      </FilterField>
      <FilterField
        filter="sex"
        label="Sex"
        value={state.sex}
        onChange={(v) => update({ sex: v as typeof state.sex })}
        note={notes.sex}
      >
        {SEX_VALUES.map((s) => (
          <option key={s} value={s}>
            {SEX_WORDS[s].label}
          </option>
        ))}
      </FilterField>
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
