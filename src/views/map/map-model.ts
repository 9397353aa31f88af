import { kindOf } from '../../indicator-kinds';
import type { Indicator } from '../../contract';
import type { AreaFigure, MapFigures, MapPeriod } from '../../queries/figures/map-area-figures';
import type { BenchmarkComparison, NotCompared, Polarity } from '../../stats';
import { classify, classifyCentred, classIndex, classLabels, type ClassMethod, type Classes } from '../../geo/classify';
import { comparisonColour, HATCH_FILL, NO_DATA_FILL, paletteColours, textColourOn, type PaletteKind } from '../../geo/palettes';
import { decimalsApart, fixedDecimals, formatMonth } from '../../ui/format';
import type { FigureFlag } from '../../disclosure/protected-tables';

/** What the colours show: the count, the rate, or the comparison with the whole VRU area. */
export type MapMeasure = 'count' | 'rate' | 'compare';

export interface MapStyleOptions {
  measure: MapMeasure;
  method: ClassMethod;
  palette: PaletteKind;
  classes: number;
  fixedBreaks: number[];
}

export interface AreaStyle {
  code: string;
  name: string;
  /** A colour, or a url(#pattern) for suppressed (`c`) and missing (`x`) figures. */
  fill: string;
  textColour: string;
  /** Class (or comparison category) index; -1 for `c` and `x`. */
  classIndex: number;
  symbol: 'c' | 'x' | null;
  /** Short text written on a cartogram square. */
  valueText: string;
  /** Name and every figure and flag in one sentence: the accessible name and the tooltip's text. */
  description: string;
  /** Tooltip heading and lines. */
  title: string;
  lines: string[];
}

export interface LegendEntry {
  key: string;
  label: string;
  fill: string;
  areas: number;
}

export interface MapModel {
  byCode: Map<string, AreaStyle>;
  classes: Classes | null;
  legend: LegendEntry[];
  legendTitle: string;
  /** How the classes were made, in words, for under the legend. */
  legendNote: string;
}

const COMPARISONS: (BenchmarkComparison | NotCompared)[] = ['higher', 'similar', 'lower', 'not-compared'];

// One formatter each, made once: toLocaleString with options builds a new one per call, which adds up
// over 941 areas on every recolour.
const RATE_FORMAT = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const COUNT_FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function formatRate(v: number): string {
  return RATE_FORMAT.format(v);
}

/** "12.3 per 1,000 residents", or "42.7% of residents" when the label starts with %. */
export function rateWithLabel(v: number, rateLabel: string): string {
  return `${formatRate(v)}${rateLabel.startsWith('%') ? '' : ' '}${rateLabel}`;
}

export function formatCountValue(v: number): string {
  return COUNT_FORMAT.format(v);
}

/**
 * The legend's rate format: one decimal place, or as many more (up to four) as it takes for no two different class
 * edges to read the same. Small rates (robbery at 0.1-1.0 per 1,000 residents) gave "over 0.2" and then "over 0.2 to
 * 0.3", two classes a reader could not tell apart.
 */
function legendRateFormat(edges: readonly number[]): (v: number) => string {
  const digits = decimalsApart(edges, 1, 4);
  return (v) => fixedDecimals(v, digits);
}

export function comparisonLabel(c: BenchmarkComparison | NotCompared, polarity: Polarity): string {
  if (c === 'not-compared') return 'Not compared';
  if (c === 'similar') return 'Similar';
  const word = c === 'higher' ? 'higher' : 'lower';
  if (polarity === 'neutral') return `Significantly ${word}`;
  const worse = (c === 'higher') === (polarity === 'higher-is-worse');
  return `Significantly ${word} (${worse ? 'worse' : 'better'})`;
}

/** "2025", "January to June 2025 (part year)" or "June 2025". */
export function periodText(period: MapPeriod | null): string {
  if (!period) return 'no period loaded';
  if (period.type === 'month') return formatMonth(period.period);
  if (period.type === 'quarter') {
    const first = formatMonth(period.firstMonth ?? '').split(' ')[0];
    return `${first} to ${formatMonth(period.lastMonth ?? '')}`;
  }
  if (period.months >= 12 || !period.firstMonth || !period.lastMonth) return period.period;
  const first = formatMonth(period.firstMonth).split(' ')[0];
  return `${first} to ${formatMonth(period.lastMonth)} (part year)`;
}

export function measureValue(f: AreaFigure, measure: MapMeasure): number | null {
  if (measure === 'count') return f.countFlag === 'c' || f.countFlag === 'x' ? null : f.count;
  return f.rateFlag === 'c' || f.rateFlag === 'x' ? null : (f.rate?.value ?? null);
}

export function measureFlag(f: AreaFigure, measure: MapMeasure): FigureFlag {
  return measure === 'count' ? f.countFlag : f.rateFlag;
}

interface Context {
  indicator: Pick<Indicator, 'unit' | 'rateLabel' | 'polarity' | 'statistic'>;
  benchmarkName: string;
  benchmark: AreaFigure | null;
  lowCountBelow: number;
}

/** What "partial" means beside an area's figure: some of its parts sent no data for some months of the period. */
function partialNote(months: number): string {
  return `Partial: some parts of the area sent no data for ${months === 1 ? 'one month' : `${months} months`} of the period, so this total is too low`;
}

/** Every figure and flag of an area, as text: used for the tooltip, the accessible name and the table. */
export function describeArea(f: AreaFigure, ctx: Context): { title: string; lines: string[] } {
  const lines: string[] = [];
  if (f.countFlag === 'c') lines.push('Count: c (suppressed to protect privacy)');
  else if (f.countFlag === 'x' || f.count === null) lines.push('Count: x (no figure in the loaded data)');
  else lines.push(`Count: ${formatCountValue(f.count)} ${ctx.indicator.unit}${f.countFlag === 'rounded' ? ' (rounded)' : ''}`);
  if (f.rate) {
    if (f.rateFlag === 'c') lines.push('Rate: c (suppressed)');
    else if (f.rateFlag === 'x' || f.rate.value === null) lines.push(`Rate: x (${f.rate.reason ?? 'not available'})`);
    else {
      lines.push(`Rate: ${rateWithLabel(f.rate.value, ctx.indicator.rateLabel)}`);
      if (f.rate.lower95 !== null && f.rate.upper95 !== null) {
        lines.push(`95% confidence interval: ${formatRate(f.rate.lower95)} to ${formatRate(f.rate.upper95)}`);
      }
      if (ctx.benchmark && f.code !== ctx.benchmark.code) {
        const benchmarkMissing = ctx.benchmark.rateFlag === 'c' || ctx.benchmark.rateFlag === 'x';
        lines.push(
          benchmarkMissing
            ? `Not compared with ${ctx.benchmarkName}: its figure is ${ctx.benchmark.rateFlag === 'c' ? 'suppressed' : 'not available'}`
            : f.incompleteMonths > 0 || ctx.benchmark.incompleteMonths > 0
              ? `Not compared with ${ctx.benchmarkName}: ${f.incompleteMonths > 0 ? 'this figure' : 'its figure'} is partial`
              : `Compared with ${ctx.benchmarkName}: ${comparisonLabel(f.comparison, ctx.indicator.polarity).toLowerCase()}`,
        );
      }
    }
  }
  if (f.lowCount) lines.push(`Low count: fewer than ${ctx.lowCountBelow}, so read the rate with care`);
  if (f.incompleteMonths > 0) lines.push(partialNote(f.incompleteMonths));
  return { title: f.name, lines };
}

/**
 * Colours, symbols and words for every area under the chosen measure and classes. Pure: recomputed on
 * every filter change, while the shapes themselves are joined once.
 */
export function buildMapModel(figures: MapFigures, opts: MapStyleOptions, ctx: Context): MapModel {
  const polarity = ctx.indicator.polarity;
  const values = figures.areas.map((f) => measureValue(f, opts.measure));
  let classes: Classes | null = null;
  let colours: string[] = [];
  if (opts.measure !== 'compare') {
    const centre = opts.measure === 'rate' ? (ctx.benchmark?.rate?.value ?? null) : null;
    classes =
      opts.palette === 'diverging' && opts.method !== 'fixed' && centre !== null
        ? classifyCentred(values, centre, opts.classes)
        : classify(values, opts.method, opts.classes, opts.fixedBreaks);
    colours = paletteColours(opts.palette, classes.count);
  }
  const format = opts.measure === 'count' ? formatCountValue : formatRate;
  const byCode = new Map<string, AreaStyle>();
  const tally = new Map<string, number>();
  figures.areas.forEach((f, i) => {
    const flag = measureFlag(f, opts.measure);
    const v = values[i] ?? null;
    let fill: string;
    let idx = -1;
    let symbol: AreaStyle['symbol'] = null;
    let valueText: string;
    if (flag === 'c') {
      fill = HATCH_FILL;
      symbol = 'c';
      valueText = 'c';
    } else if (flag === 'x' || v === null) {
      fill = NO_DATA_FILL;
      symbol = 'x';
      valueText = 'x';
    } else if (opts.measure === 'compare') {
      idx = COMPARISONS.indexOf(f.comparison);
      fill = comparisonColour(f.comparison, polarity);
      valueText =
        f.comparison === 'not-compared'
          ? 'Not compared'
          : f.comparison === 'similar'
            ? 'Similar'
            : f.comparison === 'higher'
              ? 'Higher'
              : 'Lower';
    } else {
      idx = classIndex(v, classes!);
      fill = colours[idx] ?? NO_DATA_FILL;
      valueText = format(v);
    }
    const key = symbol ?? (opts.measure === 'compare' ? f.comparison : String(idx));
    tally.set(key, (tally.get(key) ?? 0) + 1);
    const { title, lines } = describeArea(f, ctx);
    byCode.set(f.code, {
      code: f.code,
      name: f.name,
      fill,
      textColour: fill.startsWith('#') ? textColourOn(fill) : '#0b0c0c',
      classIndex: idx,
      symbol,
      valueText,
      description: `${title}. ${lines.join('. ')}.`,
      title,
      lines,
    });
  });

  const legend: LegendEntry[] = [];
  let legendTitle: string;
  let legendNote: string;
  if (opts.measure === 'compare') {
    legendTitle = `Compared with ${ctx.benchmarkName} (95% confidence)`;
    legendNote = `An area is significantly higher or lower when its whole 95% confidence interval lies above or below ${
      ctx.benchmark?.level === 'benchmark' ? `the value for ${ctx.benchmarkName}` : 'the whole area\u2019s rate'
    }.`;
    for (const c of COMPARISONS) {
      if (c === 'not-compared' && !tally.get(c)) continue;
      legend.push({ key: c, label: comparisonLabel(c, polarity), fill: comparisonColour(c, polarity), areas: tally.get(c) ?? 0 });
    }
  } else {
    legendTitle = opts.measure === 'count' ? `Count (${ctx.indicator.unit})` : `Rate (${ctx.indicator.rateLabel})`;
    const labels = classLabels(classes!, opts.measure === 'count' ? format : legendRateFormat(classes!.edges));
    labels.forEach((label, i) => legend.push({ key: String(i), label, fill: colours[i]!, areas: tally.get(String(i)) ?? 0 }));
    const how =
      opts.palette === 'diverging' && opts.method !== 'fixed' && opts.measure === 'rate' && ctx.benchmark?.rate?.value != null
        ? `equal intervals centred on ${ctx.benchmarkName} (${formatRate(ctx.benchmark.rate.value)}), which falls in the middle class`
        : opts.method === 'quantile'
          ? 'quantiles: about the same number of areas in each class'
          : opts.method === 'equal'
            ? 'equal intervals between the lowest and highest value'
            : 'fixed breaks you chose';
    legendNote = classes!.count === 0 ? 'No figures to class.' : `Classes by ${how}. Each range includes its upper value.`;
  }
  legend.push({ key: 'c', label: 'c: suppressed to protect privacy', fill: HATCH_FILL, areas: tally.get('c') ?? 0 });
  if (tally.get('x'))
    legend.push({ key: 'x', label: 'x: no figure in the loaded data', fill: NO_DATA_FILL, areas: tally.get('x') ?? 0 });
  return { byCode, classes, legend, legendTitle, legendNote };
}

const LEVEL_NOUNS: Record<string, [string, string]> = {
  district: ['district', 'districts'],
  lsoa: ['LSOA', 'LSOAs'],
  msoa: ['MSOA', 'MSOAs'],
  ward: ['ward', 'wards'],
  vru: ['VRU area', 'VRU areas'],
};

export function levelNoun(level: string, plural = true): string {
  const n = LEVEL_NOUNS[level] ?? [level, `${level}s`];
  return plural ? n[1] : n[0];
}

/** The count's unit: "residents", or "residents in an average month" when counts are averaged over months. */
export function averageMonthUnit(unit: string, averagedOver: number | null): string {
  return averagedOver === null ? unit : `${unit} in an average month`;
}

/** Why counts of people counted each month are an average month, for the notes and the CSV file. */
export function averageMonthNote(unit: string, averagedOver: number): string {
  return `Each month counts the ${unit} that month, so a count over ${averagedOver} months is shown as the average month (people), not the sum (person-months).`;
}

/** A title that states the finding, in the GOV.UK way; falls back to saying what is shown. */
export function findingTitle(figures: MapFigures, measure: MapMeasure, ctx: Context & { level: string }): string {
  const when = periodText(figures.period);
  const shown = figures.areas.filter((f) => measureValue(f, measure) !== null);
  const total = figures.areas.length;
  if (shown.length === 0)
    return `No ${levelNoun(ctx.level, false)} figures can be shown for ${when}: they are suppressed or not in the data`;
  if (measure === 'compare') {
    const polarity = ctx.indicator.polarity;
    const higher = shown.filter((f) => f.comparison === 'higher').length;
    const lower = shown.filter((f) => f.comparison === 'lower').length;
    const [n, word] = polarity === 'higher-is-better' ? [lower, 'lower'] : [higher, 'higher'];
    return `In ${when}, ${n} of ${total} ${levelNoun(ctx.level)} had a rate significantly ${word} than ${ctx.benchmarkName}`;
  }
  const top = Math.max(...shown.map((f) => measureValue(f, measure) ?? -Infinity));
  const leaders = shown.filter((f) => measureValue(f, measure) === top);
  const what = measure === 'count' ? 'the most' : 'the highest rate';
  const value =
    measure === 'count' ? `${formatCountValue(top)} ${ctx.indicator.unit}` : rateWithLabel(top, ctx.indicator.rateLabel);
  if (top === 0)
    return `None of the ${shown.length} ${levelNoun(ctx.level)} with figures had any ${ctx.indicator.unit} in ${when}`;
  // A hidden or missing figure is never read as lower than the top one: the claim is only about those shown.
  const among = shown.length < total ? `Of the ${shown.length} of ${total} ${levelNoun(ctx.level)} that can be shown, ` : '';
  if (leaders.length > 1) {
    const lead = among ? `${among}${leaders.length}` : `${leaders.length} ${levelNoun(ctx.level)}`;
    return `${lead} shared ${what} in ${when}: ${value} each`;
  }
  return `${among}${leaders[0]!.name} had ${what} in ${when}: ${value}`;
}

const TIER_ORDER = { tertiary: 0, secondary: 1, primary: 2 } as const;

/**
 * With no indicator chosen, the map opens on one most of whose areas can be shown at this level (a map of
 * nothing but `c` tells nobody anything): a headline rate first, then a rate of harm (tertiary, then
 * secondary tier) before context indicators, in manifest order.
 */
export function defaultIndicator(indicators: readonly Indicator[], shownShare: ReadonlyMap<string, number>): Indicator | null {
  const share = (i: Indicator) => shownShare.get(i.id) ?? -1;
  const rates = indicators.filter((i) => kindOf(i).hasRate && kindOf(i).fromOneCount && share(i) >= 0.5);
  const headline = rates.find((i) => i.headline);
  if (headline) return headline;
  const byTier = [...rates].sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier]);
  if (byTier[0]) return byTier[0];
  const any = indicators.reduce<Indicator | null>((a, b) => (a === null || share(b) > share(a) ? b : a), null);
  return any && share(any) >= 0 ? any : (indicators.find((i) => i.headline) ?? indicators[0] ?? null);
}

/**
 * A loaded benchmark value (England, a region) in the shape of the map's benchmark figure, for the period shown:
 * named with its period, with its limits when the file gave them, and `x` when it has no value for the period.
 */
export function loadedBenchmarkFigure(
  name: string,
  period: MapFigures['period'],
  values: readonly { benchmark: string; period: string; value: number; lower95: number | null; upper95: number | null }[],
): AreaFigure {
  const v = values.find((b) => b.benchmark === name && b.period === period?.period) ?? null;
  return {
    code: `benchmark:${name}`,
    name: `${name} (${period?.period ?? 'no period'})`,
    level: 'benchmark',
    districtCode: null,
    count: null,
    countFlag: 'x',
    rate: v
      ? { value: v.value, lower95: v.lower95, upper95: v.upper95, lower998: null, upper998: null, method: null, reason: null }
      : null,
    rateFlag: v ? 'shown' : 'x',
    rateReason: v ? null : `the benchmark file has no value for ${period?.period ?? 'this period'}`,
    denominator: null,
    lowCount: false,
    incompleteMonths: 0,
    comparison: 'not-compared',
    outcome: 'not-compared',
  };
}
