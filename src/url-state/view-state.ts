import {
  AGE_BAND_VALUES,
  AUDIENCES,
  GEOGRAPHY_LEVELS,
  SEX_VALUES,
  type AgeBand,
  type Audience,
  type GeographyLevel,
  type Sex,
} from '../contract';
import { parseViewOptions, VIEW_OPTION_PARAMS, writeViewOptions, type ViewOptions } from './view-options';

export const VIEWS = ['overview', 'map', 'trends', 'inequality', 'concentration', 'cohorts', 'data', 'import'] as const;
export type ViewName = (typeof VIEWS)[number];

export const VIEW_TITLES: Record<ViewName, string> = {
  overview: 'Overview',
  map: 'Map',
  trends: 'Trends',
  inequality: 'Deprivation',
  concentration: 'Concentration',
  cohorts: 'Cohorts',
  data: 'Data and ethics',
  import: 'Load data',
};

/** A named group of people: some age bands, a sex, an area (null = the whole VRU area). */
export interface CohortSpec {
  name: string;
  ages: AgeBand[];
  sex: Sex;
  area: string | null;
}

/** "15-17+18-24|male|E07000123|Young men in Preston": readable in a link, and carries no data values. */
export function encodeCohort(c: CohortSpec): string {
  return [c.ages.join('+'), c.sex, c.area ?? '', c.name].join('|');
}

export function decodeCohort(text: string): CohortSpec | null {
  const [ages = '', sex = '', area = '', ...name] = text.split('|');
  // Bands are joined with '+', and "65+" ends with one, so bands are matched rather than split.
  // "all" (everyone, as the cohort shown by default where no indicator is recorded by age) stands alone.
  const BAND = /\d+-\d+|\d+\+|^all$/g;
  const bands = ages.match(BAND) ?? [];
  if (ages.replace(BAND, '').replace(/\+/g, '') !== '') return null;
  if (bands.length === 0 || !bands.every((b) => (AGE_BAND_VALUES as readonly string[]).includes(b))) return null;
  if (!(SEX_VALUES as readonly string[]).includes(sex)) return null;
  if (area && !/^[A-Za-z0-9_-]{1,32}$/.test(area)) return null;
  return { ages: bands as AgeBand[], sex: sex as Sex, area: area || null, name: name.join('|').slice(0, 80) || 'Cohort' };
}

/**
 * Everything that decides what a view shows. It lives in the URL, so a link reproduces the view; only
 * what differs from the defaults is written, and links carry no data values.
 */
export interface ViewState {
  view: ViewName;
  indicator: string | null;
  area: string | null;
  level: GeographyLevel;
  /** Latest month of the period shown (YYYY-MM); null means the latest month loaded. */
  period: string | null;
  age: AgeBand;
  sex: Sex;
  audience: Audience;
  /** The cohort shown on the Cohorts view, and a second one to compare it with. */
  cohort: CohortSpec | null;
  compare: CohortSpec | null;
  /** How the view draws its figures (see view-options.ts); empty means every view's defaults. */
  options: ViewOptions;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  view: 'overview',
  indicator: null,
  area: null,
  level: 'district',
  period: null,
  age: 'all',
  sex: 'all',
  audience: 'analyst',
  cohort: null,
  compare: null,
  options: {},
};

const SIMPLE_PARAMS = ['view', 'indicator', 'area', 'level', 'period', 'age', 'sex', 'audience'] as const;
const PARAMS = [...SIMPLE_PARAMS, 'cohort', 'compare', ...VIEW_OPTION_PARAMS] as const;

/**
 * Parameters that are not view state but must travel with every link made from the page: `bundle` names the
 * partner bundle the page was opened from, so a link shared by a partner opens the same bundle and view.
 */
export const RESERVED_PARAMS = ['bundle'] as const;

function pick<T extends string>(value: string | null, allowed: readonly T[], name: string, notices: string[]): T | undefined {
  if (value === null) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  notices.push(`The link's ${name} "${value}" is not recognised, so the default is shown.`);
  return undefined;
}

/** Reads a URL query string; anything unknown gives a notice and the default, never an error. */
export function parseViewState(search: string): { state: ViewState; notices: string[] } {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const state: ViewState = { ...DEFAULT_VIEW_STATE };
  state.view = pick(params.get('view'), VIEWS, 'view', notices) ?? state.view;
  state.level = pick(params.get('level'), GEOGRAPHY_LEVELS, 'geography level', notices) ?? state.level;
  state.age = pick(params.get('age'), AGE_BAND_VALUES, 'age band', notices) ?? state.age;
  state.sex = pick(params.get('sex'), SEX_VALUES, 'sex', notices) ?? state.sex;
  state.audience = pick(params.get('audience'), AUDIENCES, 'audience', notices) ?? state.audience;
  const indicator = params.get('indicator');
  if (indicator)
    state.indicator = /^[a-z0-9_-]{1,64}$/.test(indicator)
      ? indicator
      : (notices.push('The link names an indicator that is not valid, so the default is shown.'), null);
  const area = params.get('area');
  if (area)
    state.area = /^[A-Za-z0-9_-]{1,32}$/.test(area)
      ? area
      : (notices.push('The link names an area code that is not valid, so the default is shown.'), null);
  const period = params.get('period');
  if (period)
    state.period = /^\d{4}-(0[1-9]|1[0-2])$/.test(period)
      ? period
      : (notices.push(`The link's period "${period}" is not a month (YYYY-MM), so the latest month is shown.`), null);
  for (const key of ['cohort', 'compare'] as const) {
    const text = params.get(key);
    if (text === null) continue;
    const cohort = decodeCohort(text);
    if (cohort) state[key] = cohort;
    else notices.push(`The link's ${key === 'cohort' ? 'cohort' : 'comparison cohort'} could not be read, so it is not shown.`);
  }
  state.options = parseViewOptions(params, notices);
  for (const key of params.keys()) {
    if (!(PARAMS as readonly string[]).includes(key) && !(RESERVED_PARAMS as readonly string[]).includes(key))
      notices.push(`The link's setting "${key}" is not used by this version and was ignored.`);
  }
  return { state, notices };
}

/**
 * The query string for a view state. Give the current query string as `current` to carry the reserved
 * parameters (the bundle's address) over into the new link.
 */
export function serializeViewState(state: ViewState, current?: string): string {
  const params = new URLSearchParams();
  if (current !== undefined) {
    const from = new URLSearchParams(current);
    for (const key of RESERVED_PARAMS) {
      const value = from.get(key);
      if (value) params.set(key, value);
    }
  }
  for (const key of SIMPLE_PARAMS) {
    const value = state[key];
    if (value !== null && value !== DEFAULT_VIEW_STATE[key]) params.set(key, value);
  }
  if (state.cohort) params.set('cohort', encodeCohort(state.cohort));
  if (state.compare) params.set('compare', encodeCohort(state.compare));
  writeViewOptions(state.options, params);
  const text = params.toString();
  return text ? `?${text}` : '';
}
