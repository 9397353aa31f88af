/**
 * How a view draws its figures (map measure and classes, trend series and limits, cohort pathway and the
 * indicators chosen for comparisons), kept in the link beside the filters so that a partner who opens it sees
 * the same chart, not just the same data. Each is its own query parameter, written only when it differs from
 * the view's default; a value this version does not know gives a notice and the default.
 */
export interface ViewOptions {
  /** Map: count, rate or comparison with the VRU area; Trends: count or rate. */
  measure?: 'count' | 'rate' | 'compare';
  /** Map classification. */
  method?: 'quantile' | 'equal' | 'fixed';
  palette?: 'sequential' | 'diverging';
  classes?: number;
  /** Map fixed breaks, ascending. */
  breaks?: number[];
  /** Trends: monthly figures or rolling 12-month totals. */
  series?: 'month' | 'rolling';
  /** Trends: confidence limits shown ('on', the default) or not. */
  limits?: 'on' | 'off';
  /** Cohorts: pathway by year or quarter. */
  pathway?: 'year' | 'quarter';
  /** Cohorts: need and harm indicators. */
  need?: string;
  harm?: string;
  /** Trends: the indicators compared side by side. */
  with?: string[];
  /** Trends: which part is shown (its tabs): the trend over time (default), indicators side by side, or predictions. */
  part?: 'trend' | 'compare' | 'predictions';
  /** Map: the loaded benchmark areas are compared with (its name, e.g. "England"); unset: the whole VRU area. */
  bench?: string;
}

export const VIEW_OPTION_PARAMS = [
  'measure',
  'method',
  'palette',
  'classes',
  'breaks',
  'series',
  'limits',
  'pathway',
  'need',
  'harm',
  'with',
  'part',
  'bench',
] as const satisfies readonly (keyof ViewOptions)[];

const CHOICES = {
  measure: ['count', 'rate', 'compare'],
  method: ['quantile', 'equal', 'fixed'],
  palette: ['sequential', 'diverging'],
  series: ['month', 'rolling'],
  limits: ['on', 'off'],
  pathway: ['year', 'quarter'],
  part: ['trend', 'compare', 'predictions'],
} as const;

const ID = /^[a-z0-9_-]{1,64}$/;

/** Reads the options from a query string, adding a notice for each value it cannot use. */
export function parseViewOptions(params: URLSearchParams, notices: string[]): ViewOptions {
  const out: ViewOptions = {};
  const bad = (key: string, value: string) =>
    notices.push(`The link's ${key} "${value.slice(0, 40)}" is not recognised, so the default is shown.`);
  for (const key of Object.keys(CHOICES) as (keyof typeof CHOICES)[]) {
    const value = params.get(key);
    if (value === null) continue;
    if ((CHOICES[key] as readonly string[]).includes(value)) (out as Record<string, string>)[key] = value;
    else bad(key, value);
  }
  const classes = params.get('classes');
  if (classes !== null) {
    const n = Number(classes);
    if (Number.isInteger(n) && n >= 2 && n <= 7) out.classes = n;
    else bad('classes', classes);
  }
  const breaks = params.get('breaks');
  if (breaks !== null) {
    const list = breaks.split('_').map(Number);
    if (list.length > 0 && list.length <= 8 && list.every((b, i) => Number.isFinite(b) && (i === 0 || b > list[i - 1]!)))
      out.breaks = list;
    else bad('breaks', breaks);
  }
  for (const key of ['need', 'harm'] as const) {
    const value = params.get(key);
    if (value === null) continue;
    if (ID.test(value)) out[key] = value;
    else bad(key, value);
  }
  const bench = params.get('bench');
  if (bench !== null) {
    // A name from a benchmark file ("North West region"): letters, digits and a little punctuation, never markup.
    if (/^[\p{L}\p{N} ,.'()&/-]{1,80}$/u.test(bench)) out.bench = bench;
    else bad('benchmark', bench);
  }
  const chosen = params.get('with');
  if (chosen !== null) {
    const ids = chosen.split('.').filter(Boolean);
    if (ids.length > 0 && ids.length <= 8 && ids.every((id) => ID.test(id))) out.with = ids;
    else bad('comparison', chosen);
  }
  return out;
}

/** Writes the options that are set (views leave an option unset while it is their default). */
export function writeViewOptions(options: ViewOptions, params: URLSearchParams): void {
  for (const key of VIEW_OPTION_PARAMS) {
    const value = options[key];
    if (value === undefined) continue;
    // Indicator ids may hold '_' and breaks may hold '.', so each list has the separator its items cannot.
    params.set(key, Array.isArray(value) ? value.join(key === 'with' ? '.' : '_') : String(value));
  }
}

/** The options with one changed; a value equal to the view's default is removed, so defaults stay out of links. */
export function withOption<K extends keyof ViewOptions>(
  options: ViewOptions,
  key: K,
  value: ViewOptions[K],
  defaultValue: ViewOptions[K],
): ViewOptions {
  const next = { ...options };
  const same = JSON.stringify(value) === JSON.stringify(defaultValue);
  if (same || value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
