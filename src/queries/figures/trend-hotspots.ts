// Emerging hotspots: districts whose last three months are significantly above what the seasonal model,
// fitted on their earlier months, expected (src/stats emergingHotspot, one-sided, 5%). Areas only,
// never people. Counts are the protected monthly cells; a hidden or missing month is missing to the model.
import { emergingHotspot, fitSeasonalModel, HOTSPOT_SIGNIFICANCE, type HotspotResult } from '../../stats';
import type { ProtectedFigure } from '../readers/trend-cells';
import { hiddenMonthsProblem, judgeHiddenMonths, modelSeries } from './trend-projection';
import { monthName } from '../../contract/months';
import { type TrendIndicator } from './trend-series';
import { listOf } from '../../contract/list-of';

export const RECENT_MONTHS = 3;

export type HotspotOutcome =
  // The test's own result (its recent months are those with a count: a hidden recent month is left out).
  ({ kind: 'tested' } & Omit<HotspotResult, 'kind'>) | { kind: 'not-tested'; reason: string };

export interface HotspotRow {
  areaCode: string;
  areaName: string;
  outcome: HotspotOutcome;
}

export interface TrendHotspots {
  recentMonths: number;
  /** The months tested, e.g. October to December 2025. */
  periods: string[];
  rows: HotspotRow[];
  tested: number;
  flagged: number;
  /** Areas expected to be flagged by chance alone when nothing has changed (tested x 5%). */
  expectedByChance: number;
  title: string;
}

export function buildHotspots(
  indicator: TrendIndicator,
  periods: readonly string[],
  areas: readonly { code: string; name: string; months: ReadonlyMap<string, ProtectedFigure>; partial?: ReadonlySet<string> }[],
  suppressBelowOrEqual: number,
): TrendHotspots {
  const recent = periods.slice(-RECENT_MONTHS);
  const rows: HotspotRow[] = areas.map((a) => {
    const series = modelSeries(periods, a.months, a.partial);
    // The fit on the whole series only judges hidden months: with none hidden there is nothing to judge.
    const whole = series.some((m) => m.flag === 'c')
      ? fitSeasonalModel(series.map((m) => ({ period: m.period, count: m.count })))
      : null;
    if (whole?.kind === 'seasonal-model') {
      const problem = hiddenMonthsProblem(series, judgeHiddenMonths(series, whole, suppressBelowOrEqual));
      if (problem) return { areaCode: a.code, areaName: a.name, outcome: { kind: 'not-tested', reason: problem } };
    }
    const result = emergingHotspot(
      series.map((m) => ({ period: m.period, count: m.count })),
      RECENT_MONTHS,
    );
    if (result.kind === 'not-enough-data')
      return { areaCode: a.code, areaName: a.name, outcome: { kind: 'not-tested', reason: result.reason } };
    return {
      areaCode: a.code,
      areaName: a.name,
      outcome: {
        kind: 'tested',
        periods: result.periods,
        observed: result.observed,
        expected: result.expected,
        ratio: result.ratio,
        pValue: result.pValue,
        emerging: result.emerging,
      },
    };
  });
  // Flagged areas first (smallest p first), then the rest by name.
  rows.sort((x, y) => {
    const px = x.outcome.kind === 'tested' && x.outcome.emerging ? x.outcome.pValue : 2;
    const py = y.outcome.kind === 'tested' && y.outcome.emerging ? y.outcome.pValue : 2;
    return px - py || x.areaName.localeCompare(y.areaName);
  });
  const tested = rows.filter((r) => r.outcome.kind === 'tested').length;
  const flaggedRows = rows.filter((r) => r.outcome.kind === 'tested' && r.outcome.emerging);
  const span = recent.length > 0 ? `the ${recent.length} months to ${monthName(recent.at(-1) ?? '')}` : 'the latest months';
  let title: string;
  if (tested === 0) title = `No district could be tested for an unusual rise in ${indicator.unit} in ${span}`;
  else if (flaggedRows.length === 0) title = `No district had significantly more ${indicator.unit} than expected in ${span}`;
  else {
    const names = listOf(flaggedRows.map((r) => r.areaName));
    title = `${flaggedRows.length} of ${tested} districts had significantly more ${indicator.unit} than expected in ${span}: ${names}`;
  }
  return {
    recentMonths: RECENT_MONTHS,
    periods: recent,
    rows,
    tested,
    flagged: flaggedRows.length,
    expectedByChance: tested * HOTSPOT_SIGNIFICANCE,
    title,
  };
}
