import { useId, memo } from 'react';
import { CartesianGrid, LabelList, ReferenceArea, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DisclosurePolicy, Indicator } from '../../contract';
import type { CohortNeedHarm, NeedHarmPoint } from '../../queries/readers/cohort-need-harm';
import { protectedCsv, type ExportMeta } from '../../disclosure/export-csv';
import type { PublicFlag } from '../../disclosure/protected-tables';
import { niceAxis } from './chart-axes';
import { CsvButton } from './CsvButton';
import type { ExportMetaFor } from './export-meta';
import { FigureCell } from './FigureCell';
import { formatRate, indicatorName, isSymbol, noteList, populationYearNote, SYMBOL_NOTES } from './cohort-format';
import { CohortFigure } from './CohortFigure';

export type Quadrant =
  'higher need, higher harm' | 'higher need, lower harm' | 'lower need, higher harm' | 'lower need, lower harm';

/** Which side of the VRU area's values a district lies on each axis (a tie counts as lower). */
export function quadrantOf(need: number, harm: number, vruNeed: number, vruHarm: number): Quadrant {
  const n = need > vruNeed ? 'higher need' : 'lower need';
  const h = harm > vruHarm ? 'higher harm' : 'lower harm';
  return `${n}, ${h}` as Quadrant;
}

interface Plotted {
  code: string;
  name: string;
  x: number;
  y: number;
  quadrant: Quadrant | null;
}

export function needHarmFinding(points: readonly Plotted[], total: number): { title: string; divergence: string } {
  const of = (q: Quadrant) => points.filter((p) => p.quadrant === q).map((p) => p.name);
  const list = (names: string[]) => (names.length ? names.join(', ') : 'none');
  return {
    title: `${of('higher need, higher harm').length} of ${total} districts have both higher need and higher harm than the VRU area`,
    divergence: `Higher harm without higher need: ${list(of('lower need, higher harm'))}. Higher need without higher harm: ${list(of('higher need, lower harm'))}.`,
  };
}

/** Labels go right of their point, or left when another point sits just to the right. */
export function labelSides(points: readonly { x: number; y: number }[], xSpan: number, ySpan: number): ('left' | 'right')[] {
  return points.map((p) =>
    points.some((q) => q !== p && q.x > p.x && q.x - p.x < xSpan * 0.14 && Math.abs(q.y - p.y) < ySpan * 0.05) ? 'left' : 'right',
  );
}

function valueOf(p: NeedHarmPoint, axis: 'need' | 'harm'): number | null {
  const f = p[axis];
  return isSymbol(f.flag) ? null : f.stat.value;
}

/** Diamond for the cohort's own area, circles for the other districts. */
function DistrictDot(props: { cx?: number; cy?: number; highlight: boolean }) {
  const { cx = 0, cy = 0, highlight } = props;
  if (highlight)
    return (
      <path
        d={`M${cx},${cy - 8} L${cx + 8},${cy} L${cx},${cy + 8} L${cx - 8},${cy}Z`}
        fill="#871a5b"
        stroke="#0b0c0c"
        strokeWidth={1.5}
      />
    );
  return <circle cx={cx} cy={cy} r={5} fill="#206095" stroke="#ffffff" strokeWidth={1} />;
}

/** Axis numbers: whole numbers as they are, others to one decimal place. */
function axisNumber(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-GB') : formatRate(v);
}

function PointLabel(props: {
  x?: unknown;
  y?: unknown;
  width?: unknown;
  height?: unknown;
  value?: unknown;
  side?: 'left' | 'right';
  bold?: boolean;
}) {
  // The label's box is the point's symbol; place the text beside its centre.
  const x = Number(props.x) + (Number(props.width) || 0) / 2;
  const y = Number(props.y) + (Number(props.height) || 0) / 2;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const left = props.side === 'left';
  return (
    <text
      x={left ? x - 10 : x + 10}
      y={y + 4}
      textAnchor={left ? 'end' : 'start'}
      fill="#0b0c0c"
      fontSize={props.bold ? 13 : 12}
      fontWeight={props.bold ? 700 : 400}
    >
      {String(props.value ?? '')}
    </text>
  );
}

export const NeedHarmScatter = memo(function NeedHarmScatter({
  data,
  need,
  harm,
  areaNames,
  cohortArea,
  policy,
  exportMeta,
}: {
  data: CohortNeedHarm;
  need: Indicator;
  harm: Indicator;
  areaNames: ReadonlyMap<string, string>;
  cohortArea: string | null;
  policy: Pick<DisclosurePolicy, 'roundTo'> | null;
  exportMeta: ExportMetaFor;
}) {
  const id = useId();
  const vruNeed = data.vru ? valueOf(data.vru, 'need') : null;
  const vruHarm = data.vru ? valueOf(data.vru, 'harm') : null;
  const name = (code: string) => areaNames.get(code) ?? code;
  const plotted: Plotted[] = data.points.flatMap((p) => {
    const x = valueOf(p, 'need');
    const y = valueOf(p, 'harm');
    if (x === null || y === null) return [];
    return [
      {
        code: p.areaCode,
        name: name(p.areaCode),
        x,
        y,
        quadrant: vruNeed !== null && vruHarm !== null ? quadrantOf(x, y, vruNeed, vruHarm) : null,
      },
    ];
  });
  const hidden = data.points.filter((p) => valueOf(p, 'need') === null || valueOf(p, 'harm') === null);
  const { title: finding, divergence } = needHarmFinding(plotted, data.points.length);
  const xs = plotted.map((p) => p.x).concat(vruNeed ?? []);
  const ys = plotted.map((p) => p.y).concat(vruHarm ?? []);
  const xAxis = niceAxis(Math.min(...xs), Math.max(...xs));
  const yAxis = niceAxis(Math.min(...ys), Math.max(...ys));
  const [x0, x1] = xAxis.domain;
  const [y0, y1] = yAxis.domain;
  const sides = labelSides(plotted, x1 - x0, y1 - y0);
  const sideOf = new Map(plotted.map((p, i) => [p.code, sides[i] ?? 'right']));
  // The years the figures are for; with no complete year loaded there is none to name.
  const yearOf = (y: string | null) => y ?? 'no complete year loaded';
  const years =
    data.needYear === data.harmYear
      ? data.needYear
      : `${need.shortTitle ?? need.title} ${yearOf(data.needYear)}, ${harm.shortTitle ?? harm.title} ${yearOf(data.harmYear)}`;
  const others = plotted.filter((p) => p.code !== cohortArea).map((p) => ({ ...p, side: sideOf.get(p.code) }));
  const mine = plotted.filter((p) => p.code === cohortArea).map((p) => ({ ...p, side: sideOf.get(p.code) }));
  const quadrantLabel = { fill: '#505a5f', fontSize: 12 };
  const populationNote = populationYearNote([...data.points, ...(data.vru ? [data.vru] : [])].flatMap((p) => [p.need, p.harm]));
  return (
    <CohortFigure
      id={id}
      title={finding}
      notes={
        <>
          <p className="chart__finding">{divergence}</p>
          <p className="hint">
            Each point is a district, for all ages and both sexes{years ? ` in ${years}` : ''}. Across: {indicatorName(need)} (
            {need.rateLabel}). Up: {indicatorName(harm)} ({harm.rateLabel}). The dashed lines are the VRU area&apos;s values.
            {cohortArea && mine.length ? ` The diamond is ${name(cohortArea)}, the cohort's area.` : ''}
            {populationNote ? ` ${populationNote}` : ''}
          </p>
        </>
      }
    >
      {plotted.length === 0 ? (
        <p className="notice">No district has both figures to show: they are hidden to protect privacy (c) or missing (x).</p>
      ) : (
        <div className="chart__plot" role="img" aria-label={`Scatter chart: ${finding}. The table below gives every district.`}>
          <ScatterChart
            responsive
            width="100%"
            height={440}
            margin={{ top: 20, right: 72, bottom: 40, left: 24 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#e5e5e5" />
            <XAxis
              interval={0}
              type="number"
              dataKey="x"
              domain={[x0, x1]}
              ticks={xAxis.ticks}
              tickFormatter={axisNumber}
              tick={{ fill: '#0b0c0c', fontSize: 12 }}
              label={{
                value: `${indicatorName(need)} (${need.rateLabel})`,
                position: 'bottom',
                offset: 16,
                fill: '#0b0c0c',
                fontSize: 13,
              }}
            />
            <YAxis
              interval={0}
              type="number"
              dataKey="y"
              domain={[y0, y1]}
              ticks={yAxis.ticks}
              tickFormatter={axisNumber}
              tick={{ fill: '#0b0c0c', fontSize: 12 }}
              width={64}
              label={{
                value: `${indicatorName(harm)} (${harm.rateLabel})`,
                angle: -90,
                position: 'insideLeft',
                offset: -12,
                fill: '#0b0c0c',
                fontSize: 13,
                style: { textAnchor: 'middle' },
              }}
            />
            {vruNeed !== null && vruHarm !== null ? (
              <>
                <ReferenceArea
                  x1={vruNeed}
                  x2={x1}
                  y1={vruHarm}
                  y2={y1}
                  fillOpacity={0}
                  label={{ value: 'Higher need, higher harm', position: 'insideTopRight', ...quadrantLabel }}
                />
                <ReferenceArea
                  x1={x0}
                  x2={vruNeed}
                  y1={vruHarm}
                  y2={y1}
                  fillOpacity={0}
                  label={{ value: 'Lower need, higher harm', position: 'insideTopLeft', ...quadrantLabel }}
                />
                <ReferenceArea
                  x1={vruNeed}
                  x2={x1}
                  y1={y0}
                  y2={vruHarm}
                  fillOpacity={0}
                  label={{ value: 'Higher need, lower harm', position: 'insideBottomRight', ...quadrantLabel }}
                />
                <ReferenceArea
                  x1={x0}
                  x2={vruNeed}
                  y1={y0}
                  y2={vruHarm}
                  fillOpacity={0}
                  label={{ value: 'Lower need, lower harm', position: 'insideBottomLeft', ...quadrantLabel }}
                />
                <ReferenceLine
                  x={vruNeed}
                  stroke="#0b0c0c"
                  strokeDasharray="5 4"
                  label={{ value: 'VRU area', position: 'top', fill: '#0b0c0c', fontSize: 12 }}
                />
                <ReferenceLine
                  y={vruHarm}
                  stroke="#0b0c0c"
                  strokeDasharray="5 4"
                  label={{ value: 'VRU area', position: 'right', fill: '#0b0c0c', fontSize: 12 }}
                />
              </>
            ) : null}
            <Tooltip
              formatter={(v, key) => [
                typeof v === 'number' ? formatRate(v) : String(v),
                key === 'x' ? indicatorName(need) : indicatorName(harm),
              ]}
              labelFormatter={() => ''}
            />
            <Scatter
              name="Districts"
              data={others}
              isAnimationActive={false}
              shape={(p: object) => <DistrictDot {...p} highlight={false} />}
            >
              <LabelList dataKey="name" content={(p) => <PointLabel {...p} side={others[Number(p.index)]?.side} />} />
            </Scatter>
            {mine.length ? (
              <Scatter
                name="The cohort's area"
                data={mine}
                isAnimationActive={false}
                shape={(p: object) => <DistrictDot {...p} highlight />}
              >
                <LabelList dataKey="name" content={(p) => <PointLabel {...p} side={mine[Number(p.index)]?.side} bold />} />
              </Scatter>
            ) : null}
          </ScatterChart>
        </div>
      )}
      {hidden.length ? (
        <p className="hint">
          Not placed: {hidden.map((p) => `${name(p.areaCode)} (${isSymbol(p.need.flag) ? p.need.flag : p.harm.flag})`).join(', ')}
          . c = hidden to protect privacy; x = not available.
        </p>
      ) : null}
      <details className="chart-table">
        <summary>Table of need and harm by district</summary>
        <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="data-table cohort-table">
            <caption id={`${id}-caption`}>
              {indicatorName(need)} and {indicatorName(harm)} by district, all ages and both sexes, {years ?? yearOf(null)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col" className="num">
                  {indicatorName(need)} ({need.rateLabel})
                </th>
                <th scope="col" className="num">
                  {indicatorName(harm)} ({harm.rateLabel})
                </th>
                <th scope="col">Against the VRU area</th>
              </tr>
            </thead>
            <tbody>
              {data.points.map((p) => {
                const q = plotted.find((d) => d.code === p.areaCode)?.quadrant;
                return (
                  <tr key={p.areaCode}>
                    <th scope="row">{name(p.areaCode)}</th>
                    <td className="num">
                      <FigureCell figure={p.need} policy={policy} />
                    </td>
                    <td className="num">
                      <FigureCell figure={p.harm} policy={policy} />
                    </td>
                    <td>{q ?? 'not placed'}</td>
                  </tr>
                );
              })}
              {data.vru ? (
                <tr className="total-row">
                  <th scope="row">{name(data.vru.areaCode)}</th>
                  <td className="num">
                    <FigureCell figure={data.vru.need} policy={policy} />
                  </td>
                  <td className="num">
                    <FigureCell figure={data.vru.harm} policy={policy} />
                  </td>
                  <td>the reference lines</td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <p className="hint">{SYMBOL_NOTES.join('. ')}.</p>
        </div>
      </details>
      <CsvButton
        fileName={`need-and-harm-${need.id}-${harm.id}.csv`}
        label="Download need and harm (CSV)"
        build={() => needHarmCsv(data, need, harm, name, exportMeta([need.id, harm.id]))}
      />
    </CohortFigure>
  );
});

export function needHarmCsv(
  data: CohortNeedHarm,
  need: Indicator,
  harm: Indicator,
  name: (code: string) => string,
  meta: ExportMeta,
): string {
  const rows = [...data.points, ...(data.vru ? [data.vru] : [])];
  const sym = (p: NeedHarmPoint, axis: 'need' | 'harm') => (isSymbol(p[axis].flag) ? p[axis].flag : p[axis].stat.value);
  const flagOf = (p: NeedHarmPoint): PublicFlag =>
    p.need.flag === 'c' || p.harm.flag === 'c'
      ? 'c'
      : p.need.flag === 'rounded' || p.harm.flag === 'rounded'
        ? 'rounded'
        : 'shown';
  return protectedCsv<NeedHarmPoint>(
    {
      title: `Need and harm by district: ${need.title} (${data.needYear}) against ${harm.title} (${data.harmYear})`,
      ...meta,
      notes: [
        ...SYMBOL_NOTES,
        `need: ${need.rateLabel}; harm: ${harm.rateLabel}; all ages, both sexes`,
        ...noteList(populationYearNote(rows.flatMap((p) => [p.need, p.harm]))),
      ],
    },
    [
      { header: 'area_code', value: (p) => p.areaCode },
      { header: 'area', value: (p) => name(p.areaCode) },
      { header: 'need', value: (p) => sym(p, 'need') },
      { header: 'harm', value: (p) => sym(p, 'harm') },
    ],
    rows,
    flagOf,
  );
}
