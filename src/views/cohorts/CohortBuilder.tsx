import { useId, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { AGE_BANDS, SEX_WORDS, type AgeBand, type Sex } from '../../contract';
import { useViewState } from '../../url-state/use-view-state';
import { encodeCohort, type CohortSpec } from '../../url-state/view-state';
import { defaultCohortName } from './cohort-name';

export interface AreaChoice {
  code: string;
  name: string;
}

const SEX_CHOICES: { value: Sex; label: string }[] = (['female', 'male', 'all'] as const).map((value) => ({
  value,
  label: SEX_WORDS[value].label,
}));

/**
 * A form for one cohort: age bands (checkboxes), sex (radios), area (select) and a name. Until the name is
 * edited it follows the choices ("Males aged 15-24 in Preston").
 */
export function CohortBuilder({
  title,
  initial,
  areas,
  vruName,
  submitLabel,
  onSubmit,
  children,
  headingRef,
}: {
  title: string;
  initial: CohortSpec;
  areas: readonly AreaChoice[];
  vruName: string;
  submitLabel: string;
  onSubmit: (cohort: CohortSpec) => void;
  children?: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const id = useId();
  const areaName = (code: string | null) => (code ? (areas.find((a) => a.code === code)?.name ?? code) : null);
  const [ages, setAges] = useState<AgeBand[]>(initial.ages.includes('all') ? [...AGE_BANDS] : initial.ages);
  const [sex, setSex] = useState<Sex>(initial.sex);
  const [area, setArea] = useState<string | null>(initial.area);
  const autoName = defaultCohortName({ ages, sex }, areaName(area), vruName);
  const initialIsAuto = initial.name === defaultCohortName(initial, areaName(initial.area), vruName);
  const [name, setName] = useState<string | null>(initialIsAuto ? null : initial.name);
  const [error, setError] = useState<string | null>(null);

  const toggle = (band: AgeBand, on: boolean) => {
    setAges((prev) => AGE_BANDS.filter((b) => (b === band ? on : prev.includes(b))));
    setError(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ages.length === 0) {
      setError('Choose at least one age band');
      document.getElementById(`${id}-age-0`)?.focus();
      return;
    }
    const chosen = name?.trim() ? name.trim().replaceAll('|', '/').slice(0, 80) : autoName;
    onSubmit({ ages: ages.length === AGE_BANDS.length ? ['all'] : ages, sex, area, name: chosen });
  };
  return (
    <form className="cohort-builder" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h3 id={`${id}-title`} className="cohort-builder__title" tabIndex={-1} ref={headingRef}>
        {title}
      </h3>
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <fieldset className="cohort-builder__ages" aria-describedby={error ? `${id}-error` : undefined}>
        <legend>Age bands</legend>
        <div className="choices">
          {AGE_BANDS.map((band, i) => (
            <div className="choice" key={band}>
              <input
                id={`${id}-age-${i}`}
                type="checkbox"
                checked={ages.includes(band)}
                onChange={(e) => toggle(band, e.target.checked)}
              />
              <label htmlFor={`${id}-age-${i}`}>{band}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Sex</legend>
        <div className="choices">
          {SEX_CHOICES.map((s) => (
            <div className="choice" key={s.value}>
              <input
                id={`${id}-sex-${s.value}`}
                type="radio"
                name={`${id}-sex`}
                value={s.value}
                checked={sex === s.value}
                onChange={() => setSex(s.value)}
              />
              <label htmlFor={`${id}-sex-${s.value}`}>{s.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-area`}>Area</label>
        <select id={`${id}-area`} value={area ?? ''} onChange={(e) => setArea(e.target.value || null)}>
          <option value="">Whole VRU area ({vruName})</option>
          {areas.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Cohort name</label>
        <span className="hint" id={`${id}-name-hint`}>
          Used in titles and in the link. Describe who the people are by age, sex and area.
        </span>
        <input
          id={`${id}-name`}
          type="text"
          className="text-input"
          maxLength={80}
          value={name ?? autoName}
          aria-describedby={`${id}-name-hint`}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="button-group">
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}

/** A second cohort to start comparing with: the same ages and area for the other sex (or the whole VRU area). */
export function suggestComparison(c: CohortSpec, areaName: string | null, vruName: string): CohortSpec {
  const next: Omit<CohortSpec, 'name'> =
    c.sex === 'male'
      ? { ...c, sex: 'female' }
      : c.sex === 'female'
        ? { ...c, sex: 'male' }
        : { ...c, area: c.area ? null : c.area };
  return { ...next, name: defaultCohortName(next, next.area ? areaName : null, vruName) };
}

/** The cohort and comparison forms, writing to the URL (`cohort` and `compare`). */
export function CohortControls({
  cohort,
  compare,
  areas,
  vruName,
}: {
  cohort: CohortSpec;
  compare: CohortSpec | null;
  areas: readonly AreaChoice[];
  vruName: string;
}) {
  const { update } = useViewState();
  const [opened, setOpened] = useState(false);
  const comparing = opened || compare !== null;
  const compareHeading = useRef<HTMLHeadingElement>(null);
  const areaName = (code: string | null) => (code ? (areas.find((a) => a.code === code)?.name ?? code) : null);
  const suggestion = compare ?? suggestComparison(cohort, areaName(cohort.area), vruName);
  return (
    <div className={`cohort-controls${comparing ? ' cohort-controls--two' : ''}`}>
      <CohortBuilder
        key={encodeCohort(cohort)}
        title="Cohort"
        initial={cohort}
        areas={areas}
        vruName={vruName}
        submitLabel="Show cohort"
        onSubmit={(c) => update({ cohort: c })}
      >
        {!comparing ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              // Render the second form now, so focus can move to it straight away.
              flushSync(() => setOpened(true));
              compareHeading.current?.focus();
            }}
          >
            Compare with another cohort
          </button>
        ) : null}
      </CohortBuilder>
      {comparing ? (
        <CohortBuilder
          key={`compare-${encodeCohort(suggestion)}`}
          title="Comparison cohort"
          initial={suggestion}
          areas={areas}
          vruName={vruName}
          submitLabel="Show comparison"
          onSubmit={(c) => update({ compare: c })}
          headingRef={compareHeading}
        >
          <button
            type="button"
            className="button"
            onClick={() => {
              update({ compare: null });
              setOpened(false);
            }}
          >
            Stop comparing
          </button>
        </CohortBuilder>
      ) : null}
    </div>
  );
}
