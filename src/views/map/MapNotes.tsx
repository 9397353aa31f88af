import type { AreaFigure, MapFigures } from '../../queries/figures/map-area-figures';
import { arrangementNote, missingBoundaryNote, periodNote } from './map-notes';
import { averageMonthNote } from './map-model';
import type { MapViewModel } from './use-map-view';

/** The notes under the map: the period, the benchmark, ages, averaging, population year, rates and boundaries. */
export function MapNotes({ m, data, unit }: { m: MapViewModel; data: MapFigures; unit: string }) {
  const { hasRate, benchmarkName, nounPlural, boundary, joined, layout, level } = m;
  return (
    <div className="map-notes">
      <p>{periodNote({ small: m.small, level, when: m.when, period: data.period, monthChosen: Boolean(m.state.period) })}</p>
      {hasRate && data.benchmark && (data.benchmark.rateFlag === 'c' || data.benchmark.rateFlag === 'x') ? (
        <p>
          The figure for {benchmarkName} is{' '}
          {data.benchmark.rateFlag === 'c'
            ? 'hidden to protect privacy (c)'
            : `not available (x)${data.benchmark.rateReason ? `: ${data.benchmark.rateReason}` : ''}`}{' '}
          for this period, so no area can be compared with it.
          {data.benchmark.rateFlag === 'c' ? ' Try the latest full year.' : ''}
        </p>
      ) : null}
      <PartialNote data={data} noun={m.nounPlural} benchmarkName={benchmarkName} />
      {data.ageBands ? (
        <p>Rates for all ages are per head of the population aged {data.ageBands.join(', ')}: the ages this indicator covers.</p>
      ) : null}
      {data.countAveragedOver !== null ? <p>{averageMonthNote(unit, data.countAveragedOver)}</p> : null}
      {data.populationYear !== null ? (
        <p>
          Rates use {data.populationYear} population estimates, the nearest year loaded: there is no population figure for{' '}
          {data.period?.period.slice(0, 4)}.
        </p>
      ) : null}
      {hasRate ? <NoRateNote areas={data.areas} noun={nounPlural} /> : null}
      {m.showCartogram ? (
        <p>
          {missingBoundaryNote(boundary, level)}
          {arrangementNote(layout?.arrangement, level)}
          To draw real boundaries, load a GeoJSON or TopoJSON file for this level in Load data.
        </p>
      ) : boundary.status === 'ready' ? (
        <p>
          Boundaries from {boundary.origin === 'url' ? new URL(boundary.layer.file).host : boundary.layer.file}.{' '}
          {joined && joined.shapes.length > 40
            ? 'With this many areas the shapes are not in the keyboard order: use the table to read and select them.'
            : 'Tab to an area to hear its figures; press Enter to select it.'}{' '}
          Places show where events were recorded, not where the people involved live.
        </p>
      ) : null}
    </div>
  );
}

/** How many areas have a count but no rate, and why (the first reason, e.g. a population with a part missing). */
function NoRateNote({ areas, noun }: { areas: readonly AreaFigure[]; noun: string }) {
  const without = areas.filter((a) => a.rateFlag === 'x' && a.countFlag !== 'x' && a.rateReason !== null);
  const first = without[0];
  if (!first) return null;
  return (
    <p>
      {without.length} of {areas.length} {noun} have a count but no rate (x): {first.rateReason}
      {without.length > 1 ? ', and similarly for the others' : ''}.
    </p>
  );
}

/**
 * Which figures are partial: some parts of the area sent no data for some months of the period (declared not
 * reported), so those totals are too low. They are marked in the table and tooltips and not compared.
 */
function PartialNote({ data, noun, benchmarkName }: { data: MapFigures; noun: string; benchmarkName: string }) {
  const partial = data.areas.filter((a) => a.incompleteMonths > 0);
  const wholePartial = (data.benchmark?.incompleteMonths ?? 0) > 0;
  if (partial.length === 0 && !wholePartial) return null;
  return (
    <p>
      {partial.length > 0
        ? `${partial.length} of ${data.areas.length} ${noun} ${partial.length === 1 ? 'has a partial figure' : 'have partial figures'} (marked "Partial" in the table): some of ${partial.length === 1 ? 'its' : 'their'} parts sent no data for some months of this period, so ${partial.length === 1 ? 'its total is' : 'their totals are'} too low and not compared. `
        : ''}
      {wholePartial ? `The figure for ${benchmarkName} is partial for the same reason, so no area is compared with it.` : ''}
    </p>
  );
}
