import { useId, memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { TIER_LABELS, TIERS, type Indicator, type Tier } from '../../contract';
import type { CohortPathway, TierLine } from '../../queries/readers/cohort-pathway';
import { protectedCsv, type ExportMeta } from '../../disclosure/export-csv';
import type { PublicFlag } from '../../disclosure/protected-tables';
import { CsvButton } from './CsvButton';
import type { ExportMetaFor } from './export-meta';
import { SymbolWithReason } from './FigureCell';
import { cohortSuppressedReason } from './FigureCell';
import { Figure } from '../../ui/Figure';
import { formatRate, indicatorName, noteList, populationYearNote, SYMBOL_NOTES } from './cohort-format';
import { labelNudges, lastPoints, pathwayFinding, pathwayGapText, TIER_SHORT } from './pathway-labels';
import { niceAxis } from './chart-axes';
import { CohortFigure } from './CohortFigure';

/** Direct labels at the lines' ends: short, as the description says what each tier is. */
const TIER_LABEL_SHORT: Record<Tier, string> = { primary: 'Primary', secondary: 'Secondary', tertiary: 'Tertiary' };

const HEIGHT = 320;
const MARGIN = { top: 16, right: 90, bottom: 8, left: 8 };
const X_AXIS_HEIGHT = 30;

/** Each tier has its own colour, dash pattern and point shape, and a direct label: never colour alone. */
export const TIER_STYLE: Record<Tier, { stroke: string; dash: string; shape: 'circle' | 'square' | 'triangle' }> = {
  primary: { stroke: '#206095', dash: '0', shape: 'circle' },
  secondary: { stroke: '#118c7b', dash: '9 5', shape: 'square' },
  tertiary: { stroke: '#871a5b', dash: '3 4', shape: 'triangle' },
};

function periodLabel(period: string): string {
  return period.replace('-', ' ');
}

function PointShape({ tier, cx, cy }: { tier: Tier; cx: number; cy: number }) {
  const { stroke, shape } = TIER_STYLE[tier];
  if (shape === 'circle') return <circle cx={cx} cy={cy} r={4} fill={stroke} />;
  if (shape === 'square') return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill={stroke} />;
  return <path d={`M${cx},${cy - 5} L${cx + 5},${cy + 4} L${cx - 5},${cy + 4}Z`} fill={stroke} />;
}

function yAxisOf(tiers: readonly TierLine[]): { domain: [number, number]; ticks: number[] } {
  const values = tiers.flatMap((t) => t.points.flatMap((p) => (p.index === null ? [] : [p.index])));
  const lo = Math.min(100, ...values);
  const hi = Math.max(100, ...values);
  const pad = Math.max(4, (hi - lo) * 0.08);
  return niceAxis(lo - pad, hi + pad, 5, false);
}

/** The cohort's tiers over time, indexed on the first year, with the table and CSV behind the chart. */
export const PathwayChart = memo(function PathwayChart({
  pathway,
  cohortName,
  indicators,
  exportMeta,
}: {
  pathway: CohortPathway;
  cohortName: string;
  indicators: ReadonlyMap<string, Indicator>;
  exportMeta: ExportMetaFor;
}) {
  const id = useId();
  const tiers = pathway.tiers;
  const data = pathway.periods.map((period, i) => ({
    period,
    ...Object.fromEntries(tiers.map((t) => [t.tier, t.points[i]?.index ?? null])),
  }));
  const yAxis = yAxisOf(tiers);
  const domain = yAxis.domain;
  const ends = lastPoints(tiers);
  const nudges = labelNudges(ends, domain, HEIGHT - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT);
  const finding = pathwayFinding(tiers);
  const drawn = tiers.filter((t) => t.points.some((p) => p.index !== null));
  const unit = pathway.granularity === 'year' ? 'year' : 'quarter';
  return (
    <CohortFigure
      id={id}
      heading="h4"
      title={
        <>
          {cohortName}: {finding}
        </>
      }
      notes={
        <>
          <p className="hint">
            Each line is the mean of its tier&apos;s indicators (primary = universal, secondary = early help, tertiary = harm),
            each indexed so that its rate in the first year = 100
            {unit === 'quarter'
              ? ' (each quarter against the same quarter of the first year, so the seasons do not move the lines)'
              : ''}
            . A gap is a {unit} where a figure is hidden to protect privacy (c) or missing (x).
          </p>
        </>
      }
    >
      {drawn.length === 0 ? (
        <p className="notice">{pathwayGapText(pathway.series)}</p>
      ) : (
        <div className="chart__plot" role="img" aria-label={`Line chart: ${finding}. The table below gives every point.`}>
          <LineChart responsive width="100%" height={HEIGHT} data={data} margin={MARGIN} accessibilityLayer={false}>
            <CartesianGrid stroke="#dcdcdc" vertical={false} />
            <XAxis
              dataKey="period"
              tickFormatter={periodLabel}
              height={X_AXIS_HEIGHT}
              tick={{ fill: '#0b0c0c', fontSize: 12 }}
              // A fixed step instead of Recharts' measured thinning, which measures every label in the DOM on each draw.
              interval={data.length > 12 ? Math.ceil(data.length / 10) - 1 : 0}
            />
            <YAxis
              interval={0}
              domain={domain}
              ticks={yAxis.ticks}
              tick={{ fill: '#0b0c0c', fontSize: 12 }}
              width={62}
              label={{
                value: 'Index, first year = 100',
                angle: -90,
                position: 'insideLeft',
                offset: 4,
                fill: '#0b0c0c',
                fontSize: 12,
                style: { textAnchor: 'middle' },
              }}
            />
            <ReferenceLine y={100} stroke="#505a5f" strokeDasharray="2 2" />
            <Tooltip
              formatter={(v) => (typeof v === 'number' ? v.toFixed(0) : 'c')}
              labelFormatter={(l) => periodLabel(String(l))}
            />
            {drawn.map((t) => {
              const style = TIER_STYLE[t.tier];
              const end = ends.find((e) => e.tier === t.tier);
              return (
                <Line
                  key={t.tier}
                  dataKey={t.tier}
                  name={TIER_SHORT[t.tier]}
                  stroke={style.stroke}
                  strokeWidth={t.tier === 'tertiary' ? 3 : 2.5}
                  strokeDasharray={style.dash}
                  connectNulls={false}
                  isAnimationActive={false}
                  dot={(props) => {
                    const { cx, cy, index } = props;
                    if (typeof cx !== 'number' || typeof cy !== 'number' || props.value === null || props.value === undefined)
                      return null;
                    return (
                      <g key={`${t.tier}-${index}`}>
                        <PointShape tier={t.tier} cx={cx} cy={cy} />
                        {end && end.index === index ? (
                          <text x={cx + 10} y={cy + 4 + (nudges[t.tier] ?? 0)} fill={style.stroke} fontSize={13} fontWeight={700}>
                            {TIER_LABEL_SHORT[t.tier]}
                          </text>
                        ) : null}
                      </g>
                    );
                  }}
                  activeDot={false}
                />
              );
            })}
          </LineChart>
        </div>
      )}
      {drawn.length > 0 ? <TierGaps tiers={tiers} /> : null}
      <details className="chart-table">
        <summary>Table of the pathway for {cohortName}</summary>
        <PathwayTable pathway={pathway} cohortName={cohortName} indicators={indicators} captionId={`${id}-caption`} />
      </details>
      <CsvButton
        fileName={`cohort-pathway-${pathway.granularity}.csv`}
        label="Download the pathway (CSV)"
        build={() => pathwayCsv(pathway, cohortName, exportMeta(pathway.tiers.flatMap((t) => t.included)))}
      />
    </CohortFigure>
  );
});

/** Says, in words, which tiers have no line or only a point, and why. */
function TierGaps({ tiers }: { tiers: readonly TierLine[] }) {
  const notes = tiers.flatMap((t) => {
    const shown = t.points.filter((p) => p.index !== null);
    const name = TIER_LABELS[t.tier].toLowerCase();
    if (t.included.length === 0)
      return [`No line for ${name}: none of its indicators can be indexed for this cohort (the table says why).`];
    if (shown.length === 0) return [`No line for ${name}: every point is hidden to protect privacy (c) or missing (x).`];
    if (shown.length === 1)
      return [
        `Only ${periodLabel(shown[0]?.period ?? '')} can be shown for ${name}: the other points are hidden (c) or missing (x).`,
      ];
    return [];
  });
  if (notes.length === 0) return null;
  return (
    <ul className="compact chart__gaps">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

function PointCell({ index, flag }: { index: number | null; flag: string }) {
  if (flag === 'x' || flag === 'z')
    return <SymbolWithReason flag={flag} reason={flag === 'x' ? 'a figure is missing for this period' : null} />;
  return (
    <Figure
      value={index === null ? null : Math.round(index)}
      flag={flag === 'c' ? 'c' : flag === 'rounded' ? 'rounded' : 'shown'}
      suppressedReason={cohortSuppressedReason()}
      roundedReason="Calculated from counts rounded to protect privacy."
    />
  );
}

function PathwayTable({
  pathway,
  cohortName,
  indicators,
  captionId,
}: {
  pathway: CohortPathway;
  cohortName: string;
  indicators: ReadonlyMap<string, Indicator>;
  captionId: string;
}) {
  const name = (id: string) => {
    const i = indicators.get(id);
    return i ? indicatorName(i) : id;
  };
  const populationNote = populationYearNote(pathway.series.flatMap((s) => s.points));
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table cohort-table">
        <caption id={captionId}>
          Index by tier for {cohortName}, by {pathway.granularity} (first year = 100; the number of indicators averaged in
          brackets)
        </caption>
        <thead>
          <tr>
            <th scope="col">{pathway.granularity === 'year' ? 'Year' : 'Quarter'}</th>
            {TIERS.map((t) => (
              <th scope="col" className="num" key={t}>
                {TIER_LABELS[t]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pathway.periods.map((period, i) => (
            <tr key={period}>
              <th scope="row">{periodLabel(period)}</th>
              {pathway.tiers.map((t) => {
                const p = t.points[i];
                return (
                  <td className="num" key={t.tier}>
                    {p ? (
                      <>
                        <PointCell index={p.index} flag={p.flag} /> <span className="hint">({p.members})</span>
                      </>
                    ) : (
                      'x'
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="compact">
        {pathway.tiers.map((t) => (
          <li key={t.tier}>
            <strong>{TIER_LABELS[t.tier]}:</strong>{' '}
            {t.included.length ? `averages ${t.included.map(name).join(', ')}` : 'no indicator can be indexed'}
            {t.excluded.length
              ? `. Not included: ${t.excluded.map((e) => `${name(e.indicatorId)} (${e.reason})`).join('; ')}`
              : ''}
            .
          </li>
        ))}
      </ul>
      <p className="hint">{SYMBOL_NOTES.join('. ')}.</p>
      {populationNote ? <p className="hint">{populationNote}</p> : null}
      <p className="hint">
        Rates behind the index:{' '}
        {pathway.series
          .filter((s) => s.base !== null)
          .map((s) => `${name(s.indicatorId)} first year ${formatRate(s.base ?? 0)}`)
          .join('; ')}
        .
      </p>
    </div>
  );
}

interface CsvRow {
  tier: Tier;
  period: string;
  index: number | null;
  members: number;
  flag: string;
}

export function pathwayCsv(pathway: CohortPathway, cohortName: string, meta: ExportMeta): string {
  const rows: CsvRow[] = pathway.tiers.flatMap((t) =>
    t.points.map((p) => ({ tier: t.tier, period: p.period, index: p.index, members: p.members, flag: p.flag })),
  );
  return protectedCsv<CsvRow>(
    {
      title: `Pathway over time: ${cohortName} (index, first year = 100)`,
      ...meta,
      notes: [
        ...SYMBOL_NOTES,
        'members = number of indicators averaged',
        ...noteList(populationYearNote(pathway.series.flatMap((s) => s.points))),
      ],
    },
    [
      { header: 'tier', value: (r) => r.tier },
      { header: 'period', value: (r) => r.period },
      {
        header: 'value',
        figure: true,
        value: (r) => (r.flag === 'x' || r.flag === 'z' ? r.flag : r.index === null ? 'x' : Number(r.index.toFixed(2))),
      },
      { header: 'members', value: (r) => r.members },
    ],
    rows,
    (r): PublicFlag => (r.flag === 'c' || r.flag === 'rounded' ? r.flag : 'shown'),
  );
}
