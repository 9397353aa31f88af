import { DataTable } from '../../ui/DataTable';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useCatalogueSummary } from '../../hooks/use-catalogue';
import { useLoadFiles } from '../../hooks/use-load-files';
import { useSessionSnapshot } from '../../hooks/session-context';
import { formatMonth } from '../../ui/format';
import { markOnce } from '../../ui/performance-marks';
import type { BoundaryMode } from '../../import/boundary-layers';
import { AbsentRowsQuestion } from './AbsentRowsQuestion';
import { BoundaryModeChoice } from './BoundaryModeChoice';
import { LoadOutcomes } from './LoadOutcomes';
import { StillExpected } from './StillExpected';
import { WorkspacePanel } from './WorkspacePanel';
import { PublicDataHelp } from './PublicDataHelp';
import { PublicDataPanel } from './PublicDataPanel';

/** Choose or drop several files at once; see progress, what loaded and every problem found. */
export function ImportView() {
  const { load, progress, outcomes, busy } = useLoadFiles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [boundaryMode, setBoundaryMode] = useState<BoundaryMode>('add');
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (!busy && e.dataTransfer.files.length > 0) void load([...e.dataTransfer.files], { boundaryMode });
  };
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Load data</h1>
      <p className="lede">
        Add a manifest, aggregated extracts, an areas lookup, population denominators and boundary files. They are read here, in
        your browser, and never sent anywhere.
      </p>
      <WorkspacePanel />
      <details className="help">
        <summary>What files can I load?</summary>
        <ul>
          <li>
            <strong>Manifest</strong> (JSON): the datasets, indicators, geography levels and disclosure rules.
          </li>
          <li>
            <strong>Extracts</strong> (CSV, Parquet, Arrow or JSON): one row per aggregated cell, with the columns indicator_id,
            period (YYYY-MM), area_code, age_band, sex, count and, optionally, denominator.
          </li>
          <li>
            <strong>Areas lookup</strong>: code, name, level, parent_code. <strong>Population</strong>: area_code, year, age_band,
            sex, population.
          </li>
          <li>
            <strong>Boundaries</strong>: GeoJSON or TopoJSON with a property holding the area code.
          </li>
          <li>
            From <strong>Excel</strong>: save each sheet with File, Save As, &ldquo;CSV UTF-8 (Comma delimited)&rdquo;; a workbook
            or &ldquo;Unicode Text&rdquo; file is refused with a note saying so.
          </li>
          <PublicDataHelp />
        </ul>
        <p>
          The dashboard takes aggregated counts only. Files about individual people (names, dates of birth, NHS numbers,
          addresses, postcodes, crime references, or one row per person) are refused.
        </p>
      </details>
      <BoundaryModeChoice value={boundaryMode} onChange={setBoundaryMode} />
      <div
        className={`dropzone${dragging ? ' dropzone--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor="file-input" className="dropzone__label">
          Choose files, or drag them here
        </label>
        <input
          ref={input}
          id="file-input"
          type="file"
          multiple
          disabled={busy}
          accept=".csv,.tsv,.txt,.parquet,.arrow,.feather,.json,.geojson,.topojson,.zip,.gz,.xlsx,.xls"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            if (files.length > 0) void load(files, { boundaryMode }).then(() => input.current && (input.current.value = ''));
          }}
        />
      </div>
      {progress ? (
        <div className="progress" role="status" aria-live="polite">
          <label htmlFor="load-progress">{progress.step}</label>
          <progress id="load-progress" max={progress.total} value={progress.done}>
            {Math.round((100 * progress.done) / Math.max(1, progress.total))}%
          </progress>
        </div>
      ) : null}
      <div aria-live="polite">{outcomes ? <LoadOutcomes outcomes={outcomes} /> : null}</div>
      <AbsentRowsQuestion />
      <StillExpected />
      <LoadedSummary />
      <PublicDataPanel onLoad={load} busy={busy} />
    </section>
  );
}

function LoadedSummary() {
  const summary = useCatalogueSummary();
  const { state } = useSessionSnapshot();
  const titles = new Map(state.manifest?.indicators.map((i) => [i.id, i.title]) ?? []);
  const rows = summary.data?.indicators ?? [];
  useEffect(() => {
    if (summary.isSuccess) markOnce('view-ready:import');
  }, [summary.isSuccess]);
  return (
    <>
      <h2>What is loaded now</h2>
      {rows.length === 0 ? (
        <p>No extracts are loaded.</p>
      ) : (
        <DataTable
          captionId="loaded-caption"
          caption="Areas and months covered per indicator"
          columns={[
            { label: 'Indicator' },
            { label: 'Area-months', num: true },
            { label: 'Areas', num: true },
            { label: 'Level' },
            { label: 'Months' },
          ]}
        >
          <tbody>
            {rows.map((r) => (
              <tr key={r.indicatorId}>
                <th scope="row">{titles.get(r.indicatorId) ?? r.indicatorId}</th>
                <td className="num">{r.areaMonths.toLocaleString('en-GB')}</td>
                <td className="num">{r.areas}</td>
                <td>{r.levels}</td>
                <td>
                  {r.months} ({formatMonth(r.firstPeriod)} to {formatMonth(r.lastPeriod)})
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
