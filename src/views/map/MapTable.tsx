import { useMemo, useState } from 'react';
import type { AreaFigure } from '../../queries/figures/map-area-figures';
import type { Polarity } from '../../stats';
import { Figure } from '../../ui/Figure';
import { comparisonLabel, formatCountValue, formatRate } from './map-model';
import { SymbolLegend } from '../../ui/SymbolLegend';
import type { FigureFlag } from '../../disclosure/protected-tables';

export type SortKey = 'name' | 'district' | 'count' | 'rate' | 'comparison';
type Direction = 'ascending' | 'descending';

export interface MapTableProps {
  areas: readonly AreaFigure[];
  benchmark: AreaFigure | null;
  benchmarkName: string;
  caption: string;
  levelLabel: string;
  /** District names, shown in a column for smaller areas. */
  districtNames: ReadonlyMap<string, string> | null;
  showRate: boolean;
  /** The count column's heading: 'Count', or 'Average month' for people counted each month over a longer period. */
  countLabel?: string;
  rateLabel: string;
  polarity: Polarity;
  selected: string | null;
  onSelect: (code: string) => void;
  suppressedReason: string;
  roundedReason: string;
  lowCountBelow: number;
}

const COLLATE = new Intl.Collator('en-GB', { numeric: true }).compare;
const COMPARISON_ORDER = { higher: 0, similar: 1, lower: 2, 'not-compared': 3 } as const;

function missing(flag: FigureFlag): boolean {
  return flag === 'c' || flag === 'x';
}

/** Sorts areas; suppressed and missing figures always go last, whichever way the column is sorted. */
export function sortAreas(
  areas: readonly AreaFigure[],
  key: SortKey,
  dir: Direction,
  districtNames: ReadonlyMap<string, string> | null = null,
): AreaFigure[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const byName = (a: AreaFigure, b: AreaFigure) => COLLATE(a.name, b.name);
  const value = (f: AreaFigure): number | null => {
    if (key === 'count') return missing(f.countFlag) ? null : f.count;
    if (key === 'rate') return missing(f.rateFlag) ? null : (f.rate?.value ?? null);
    if (key === 'comparison') return f.comparison === 'not-compared' ? null : COMPARISON_ORDER[f.comparison];
    return null;
  };
  return [...areas].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    if (key === 'district') {
      const da = districtNames?.get(a.districtCode ?? '') ?? '';
      const db = districtNames?.get(b.districtCode ?? '') ?? '';
      return sign * COLLATE(da, db) || byName(a, b);
    }
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    return sign * (va - vb) || byName(a, b);
  });
}

function FlaggedFigure({
  value,
  flag,
  format,
  reasons,
  missingReason = null,
}: {
  value: number | null;
  flag: FigureFlag;
  format: (v: number) => string;
  reasons: { c: string; r: string };
  /** Why the figure is `x`, e.g. that the area has no population figure and why. */
  missingReason?: string | null;
}) {
  if (flag === 'x' || (value === null && flag !== 'c')) {
    const why = missingReason ?? 'no figure in the loaded data';
    return (
      <span className="figure figure--missing" title={`Not available: ${why}.`}>
        <span aria-hidden="true">x</span>
        <span className="visually-hidden">{`not available (x): ${why}.`}</span>
      </span>
    );
  }
  return <Figure value={value} flag={flag} format={format} suppressedReason={reasons.c} roundedReason={reasons.r} />;
}

/**
 * The map's numbers as a table: the accessible alternative to the map, sortable by any column. Each area's
 * name is a button that selects it, as clicking the map does.
 */
export function MapTable(props: MapTableProps) {
  const { areas, districtNames, showRate, selected, onSelect } = props;
  const [sort, setSort] = useState<{ key: SortKey; dir: Direction }>({ key: showRate ? 'rate' : 'count', dir: 'descending' });
  const sorted = useMemo(() => sortAreas(areas, sort.key, sort.dir, districtNames), [areas, sort, districtNames]);
  const reasons = { c: props.suppressedReason, r: props.roundedReason };
  const notes = [...areas, ...(props.benchmark ? [props.benchmark] : [])].some((a) => a.lowCount || a.incompleteMonths > 0);
  const header = (key: SortKey, text: string, numeric = false, hint?: string) => {
    const current = sort.key === key;
    return (
      <th scope="col" className={numeric ? 'num' : undefined} aria-sort={current ? sort.dir : undefined}>
        <button
          type="button"
          className="sort-button"
          onClick={() =>
            setSort({
              key,
              dir: current
                ? sort.dir === 'ascending'
                  ? 'descending'
                  : 'ascending'
                : key === 'name' || key === 'district'
                  ? 'ascending'
                  : 'descending',
            })
          }
        >
          <span>
            {text}
            {hint ? <span className="hint sort-button__hint"> {hint}</span> : null}
          </span>
          <span aria-hidden="true" className="sort-button__arrow">
            {current ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  const row = (f: AreaFigure, isBenchmark: boolean) => (
    <tr key={f.code} className={selected === f.code ? 'is-selected' : undefined} data-code={f.code}>
      <th scope="row">
        {isBenchmark ? (
          f.name
        ) : (
          <button type="button" className="link-button" aria-pressed={selected === f.code} onClick={() => onSelect(f.code)}>
            {f.name}
          </button>
        )}
      </th>
      {districtNames ? <td>{isBenchmark ? '' : (districtNames.get(f.districtCode ?? '') ?? '')}</td> : null}
      <td className="num">
        <FlaggedFigure value={f.count} flag={f.countFlag} format={formatCountValue} reasons={reasons} />
      </td>
      {showRate ? (
        <>
          <td className="num">
            <FlaggedFigure
              value={f.rate?.value ?? null}
              flag={f.rateFlag}
              format={formatRate}
              reasons={reasons}
              missingReason={f.rateReason}
            />
          </td>
          <td className="num">
            {!missing(f.rateFlag) && f.rate?.lower95 != null && f.rate.upper95 != null
              ? `${formatRate(f.rate.lower95)} to ${formatRate(f.rate.upper95)}`
              : ''}
          </td>
          <td>{isBenchmark ? 'Benchmark' : comparisonLabel(f.comparison, props.polarity)}</td>
        </>
      ) : null}
      {notes ? (
        <td>
          {[
            f.lowCount ? `Low count (fewer than ${props.lowCountBelow})` : null,
            f.incompleteMonths > 0 ? `Partial: parts sent no data for ${monthsWord(f.incompleteMonths)}` : null,
          ]
            .filter(Boolean)
            .join('; ')}
        </td>
      ) : null}
    </tr>
  );
  return (
    <>
      <div
        className={`table-scroll map-table${areas.length > 30 ? ' map-table--long' : ''}`}
        role="region"
        aria-labelledby="map-table-caption"
        tabIndex={0}
      >
        <table className="data-table">
          <caption id="map-table-caption">{props.caption}</caption>
          <thead>
            <tr>
              {header('name', props.levelLabel)}
              {districtNames ? header('district', 'District') : null}
              {header('count', props.countLabel ?? 'Count', true)}
              {showRate ? (
                <>
                  {header('rate', 'Rate', true, props.rateLabel)}
                  <th scope="col" className="num">
                    95% confidence interval
                  </th>
                  {header(
                    'comparison',
                    props.benchmark?.level === 'benchmark' ? `Compared with ${props.benchmark.name}` : 'Compared with whole area',
                  )}
                </>
              ) : null}
              {notes ? <th scope="col">Notes</th> : null}
            </tr>
          </thead>
          <tbody>{sorted.map((f) => row(f, false))}</tbody>
          {props.benchmark ? <tfoot>{row(props.benchmark, true)}</tfoot> : null}
        </table>
      </div>
      <SymbolLegend symbols={['c', 'x']} />
    </>
  );
}

const monthsWord = (n: number): string => (n === 1 ? 'one month' : `${n} months`);
