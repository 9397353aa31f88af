import { kindOf } from '../../indicator-kinds';
import { useId, memo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { DisclosurePolicy, Indicator } from '../../contract';
import type { CohortPyramid, PyramidBand } from '../../queries/readers/cohort-pyramid';
import { protectedCsv, type ExportMeta } from '../../disclosure/export-csv';
import type { PublicFlag } from '../../disclosure/protected-tables';
import { CsvButton } from './CsvButton';
import type { ExportMetaFor } from './export-meta';
import { FigureCell } from './FigureCell';
import { formatRate, formatValue, indicatorName, isSymbol, noteList, populationYearNote, SYMBOL_NOTES } from './cohort-format';
import { CohortFigure } from './CohortFigure';

const FEMALE = '#206095';
const MALE = '#118c7b';

interface PyramidDatum {
  band: string;
  female: number | null;
  male: number | null;
  femaleHidden: number | null;
  maleHidden: number | null;
}

/** A round number at or above `v` (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), for the axis ends. */
export function niceCeiling(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => m <= s) ?? 10;
  return step * p;
}

/** Chart rows, oldest band at the top; females to the left (negative), males to the right. */
export function pyramidData(pyramid: CohortPyramid): { data: PyramidDatum[]; max: number; anyShown: boolean } {
  const values = pyramid.bands
    .flatMap((b) => [b.female, b.male])
    .flatMap((f) => (isSymbol(f.flag) || f.stat.value === null ? [] : [f.stat.value]));
  const max = niceCeiling(Math.max(0, ...values));
  // A hidden bar has a fixed, short length: long enough to see and label, too short to read as a value.
  const marker = max * 0.06;
  const data = [...pyramid.bands].reverse().map((b) => ({
    band: b.ageBand,
    female: b.female.stat.value === null || isSymbol(b.female.flag) ? null : -b.female.stat.value,
    male: b.male.stat.value === null || isSymbol(b.male.flag) ? null : b.male.stat.value,
    femaleHidden: b.female.flag === 'c' ? -marker : null,
    maleHidden: b.male.flag === 'c' ? marker : null,
  }));
  return { data, max, anyShown: values.length > 0 };
}

/**
 * The pyramid's title. It names the highest bar only when every bar can be shown: with a bar hidden, the highest
 * shown is not the highest (a hidden figure is never read as a number), so the title says how many are hidden.
 */
export function pyramidFinding(pyramid: CohortPyramid, indicator: Indicator): string {
  const bars = pyramid.bands.flatMap((b) => [
    { band: b.ageBand, sex: 'females', f: b.female },
    { band: b.ageBand, sex: 'males', f: b.male },
  ]);
  const hidden = bars.filter((b) => b.f.flag === 'c').length;
  const missing = bars.filter(
    (b) => b.f.flag === 'x' || b.f.flag === 'z' || (b.f.flag !== 'c' && b.f.stat.value === null),
  ).length;
  const name = indicatorName(indicator);
  const isCount = !kindOf(indicator).hasRate;
  if (hidden === bars.length) return `${name}: every bar is hidden to protect privacy (c)`;
  if (hidden > 0) {
    return `${name}: ${hidden} of ${bars.length} bars are hidden to protect privacy (c), so which ${isCount ? 'count' : 'rate'} is highest cannot be said`;
  }
  if (missing > 0) return `${name}: ${missing} of ${bars.length} bars have no figure (x), so which is highest cannot be said`;
  let best: { band: string; sex: string; value: number } | null = null;
  for (const b of bars)
    if (b.f.stat.value !== null && (!best || b.f.stat.value > best.value))
      best = { band: b.band, sex: b.sex, value: b.f.stat.value };
  if (!best || best.value === 0) return `${name}: none were recorded in any age band`;
  const amount = isCount ? formatValue(best.value, 'count') : `${formatRate(best.value)} ${indicator.rateLabel}`;
  return `${name}: the highest ${isCount ? 'count' : 'rate'} is among ${best.sex} aged ${best.band} (${amount})`;
}

/** A suppressed bar: hatched, outlined and labelled c, so it is never read as a zero. */
function HiddenBar(props: {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  value?: unknown;
  side: 'female' | 'male';
  patternId: string;
}) {
  const { x = 0, y = 0, width = 0, height = 0, side, patternId } = props;
  // Recharts calls the shape for every row of the stack, also where this series has no value.
  const value = Array.isArray(props.value) ? props.value[1] - props.value[0] : props.value;
  if (value === null || value === undefined || value === 0 || Number.isNaN(value)) return null;
  const left = Math.min(x, x + width);
  const w = Math.abs(width);
  return (
    <g>
      <rect x={left} y={y} width={w} height={height} fill={`url(#${patternId})`} stroke="#0b0c0c" strokeWidth={1} />
      <text
        x={side === 'female' ? left - 4 : left + w + 4}
        y={y + height / 2 + 4}
        textAnchor={side === 'female' ? 'end' : 'start'}
        fontSize={13}
        fontWeight={700}
        fill="#0b0c0c"
      >
        c
      </text>
    </g>
  );
}

export const AgeSexPyramid = memo(function AgeSexPyramid({
  pyramid,
  indicator,
  areaName,
  policy,
  exportMeta,
}: {
  pyramid: CohortPyramid;
  indicator: Indicator;
  areaName: string;
  policy: Pick<DisclosurePolicy, 'roundTo'> | null;
  exportMeta: ExportMetaFor;
}) {
  const id = useId().replaceAll(':', '');
  const patternId = `${id}-hatch`;
  const { data, max, anyShown } = pyramidData(pyramid);
  const finding = pyramidFinding(pyramid, indicator);
  const populationNote = populationYearNote(pyramid.bands.flatMap((b) => [b.female, b.male]));
  const isCount = !kindOf(indicator).hasRate;
  const fmt = (v: number) => (isCount ? Math.abs(v).toLocaleString('en-GB') : formatRate(Math.abs(v)));
  return (
    <CohortFigure
      id={id}
      title={finding}
      notes={
        <>
          <p className="hint">
            {areaName}, {pyramid.year}: {isCount ? 'counts' : indicator.rateLabel}, by age band. Females to the left, males to the
            right. A hatched bar marked c is hidden to protect privacy; it is not a zero.
            {populationNote ? ` ${populationNote}` : ''}
          </p>
        </>
      }
    >
      <div
        className="chart__plot pyramid"
        role="img"
        aria-label={`Population pyramid: ${finding}. The table below gives every bar.`}
      >
        <div className="pyramid__sides" aria-hidden="true">
          <span>◀ Females</span>
          <span>Males ▶</span>
        </div>
        <BarChart
          responsive
          width="100%"
          height={Math.max(220, data.length * 42 + 60)}
          data={data}
          layout="vertical"
          stackOffset="sign"
          margin={{ top: 8, right: 40, bottom: 8, left: 8 }}
          barCategoryGap="18%"
          accessibilityLayer={false}
        >
          <defs>
            <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#0b0c0c" strokeWidth="2" />
            </pattern>
          </defs>
          <CartesianGrid stroke="#dcdcdc" horizontal={false} />
          <XAxis
            interval={0}
            type="number"
            domain={[-max, max]}
            ticks={[-max, -max / 2, 0, max / 2, max]}
            tickFormatter={(v: number) => (!anyShown ? '' : Number.isInteger(v) ? Math.abs(v).toLocaleString('en-GB') : fmt(v))}
            tick={{ fill: '#0b0c0c', fontSize: 12 }}
          />
          <YAxis interval={0} type="category" dataKey="band" width={56} tick={{ fill: '#0b0c0c', fontSize: 13 }} />
          <ReferenceLine x={0} stroke="#0b0c0c" />
          <Tooltip formatter={(v, name) => [typeof v === 'number' ? fmt(v) : 'c', String(name)]} />
          <Bar dataKey="female" name="Females" stackId="p" fill={FEMALE} isAnimationActive={false} />
          <Bar dataKey="male" name="Males" stackId="p" fill={MALE} isAnimationActive={false} />
          <Bar
            dataKey="femaleHidden"
            name="Females (hidden, c)"
            stackId="p"
            isAnimationActive={false}
            shape={(p: object) => <HiddenBar {...p} side="female" patternId={patternId} />}
          />
          <Bar
            dataKey="maleHidden"
            name="Males (hidden, c)"
            stackId="p"
            isAnimationActive={false}
            shape={(p: object) => <HiddenBar {...p} side="male" patternId={patternId} />}
          />
        </BarChart>
      </div>
      <details className="chart-table">
        <summary>Table of the pyramid</summary>
        <PyramidTable pyramid={pyramid} indicator={indicator} areaName={areaName} policy={policy} captionId={`${id}-caption`} />
      </details>
      <CsvButton
        fileName={`cohort-pyramid-${indicator.id}-${pyramid.areaCode}.csv`}
        label="Download the pyramid (CSV)"
        build={() => pyramidCsv(pyramid, indicator, areaName, exportMeta([indicator.id]))}
      />
    </CohortFigure>
  );
});

function PyramidTable({
  pyramid,
  indicator,
  areaName,
  policy,
  captionId,
}: {
  pyramid: CohortPyramid;
  indicator: Indicator;
  areaName: string;
  policy: Pick<DisclosurePolicy, 'roundTo'> | null;
  captionId: string;
}) {
  const isCount = !kindOf(indicator).hasRate;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table cohort-table">
        <caption id={captionId}>
          {indicator.title} by age band and sex, {areaName}, {pyramid.year}
        </caption>
        <thead>
          <tr>
            <th scope="col">Age band</th>
            <th scope="col" className="num">
              Females: count
            </th>
            {isCount ? null : (
              <th scope="col" className="num">
                Females: {indicator.rateLabel}
              </th>
            )}
            <th scope="col" className="num">
              Males: count
            </th>
            {isCount ? null : (
              <th scope="col" className="num">
                Males: {indicator.rateLabel}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {pyramid.bands.map((b) => (
            <tr key={b.ageBand}>
              <th scope="row">{b.ageBand}</th>
              <td className="num">
                <FigureCell figure={b.female} field="count" policy={policy} />
              </td>
              {isCount ? null : (
                <td className="num">
                  <FigureCell figure={b.female} policy={policy} />
                </td>
              )}
              <td className="num">
                <FigureCell figure={b.male} field="count" policy={policy} />
              </td>
              {isCount ? null : (
                <td className="num">
                  <FigureCell figure={b.male} policy={policy} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{SYMBOL_NOTES.join('. ')}.</p>
    </div>
  );
}

interface CsvRow {
  band: PyramidBand;
  sex: 'female' | 'male';
}

export function pyramidCsv(pyramid: CohortPyramid, indicator: Indicator, areaName: string, meta: ExportMeta): string {
  const rows: CsvRow[] = pyramid.bands.flatMap((band) => [
    { band, sex: 'female' as const },
    { band, sex: 'male' as const },
  ]);
  const f = (r: CsvRow) => r.band[r.sex];
  const sym = (r: CsvRow, v: number | null) => (isSymbol(f(r).flag) ? f(r).flag : v);
  return protectedCsv<CsvRow>(
    {
      title: `${indicator.title} by age band and sex, ${areaName}, ${pyramid.year}`,
      ...meta,
      notes: [
        ...SYMBOL_NOTES,
        `value: ${indicator.rateLabel}`,
        ...noteList(populationYearNote(pyramid.bands.flatMap((b) => [b.female, b.male]))),
      ],
    },
    [
      { header: 'age_band', value: (r) => r.band.ageBand },
      { header: 'sex', value: (r) => r.sex },
      { header: 'count', figure: true, value: (r) => sym(r, f(r).count) },
      { header: 'value', figure: true, value: (r) => sym(r, f(r).stat.value) },
      { header: 'lower_95', figure: true, value: (r) => sym(r, f(r).stat.lower95) },
      { header: 'upper_95', figure: true, value: (r) => sym(r, f(r).stat.upper95) },
    ],
    rows,
    (r): PublicFlag => (f(r).flag === 'c' || f(r).flag === 'rounded' ? (f(r).flag as PublicFlag) : 'shown'),
  );
}
