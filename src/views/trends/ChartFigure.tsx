import { useId, useRef, useState, type ReactNode } from 'react';
import { useFiguresCurrent } from '../../hooks/coordinator/use-figures-current';
import { downloadFile } from '../../ui/download-file';
import { formatDate } from '../../ui/format';
import type { ExportMeta } from '../../disclosure/export-csv';
import { pictureToPng } from '../../ui/picture-export';
import { chartSvgText, fileNameFor } from './chart-download';

/**
 * One figure of the Trends view: a title that states the finding, the chart (if any), notes, the
 * data table behind it (always available, folded), and downloads of the data (CSV) and chart (SVG, PNG).
 */
export function ChartFigure({
  title,
  subtitle,
  controls,
  chart,
  chartLabel,
  notes,
  table,
  tableSummary = 'Show the data table',
  csv,
  fileStem,
  exportMeta,
  headingLevel = 2,
  tableOpen = false,
}: {
  title: string;
  subtitle?: string;
  controls?: ReactNode;
  chart?: ReactNode;
  /** What the chart shows, for screen readers (the table has the figures). */
  chartLabel?: string;
  notes?: ReactNode;
  table: ReactNode;
  tableSummary?: string;
  csv: () => string;
  fileStem: string;
  exportMeta: ExportMeta;
  headingLevel?: 2 | 3;
  /** Show the table itself rather than folded (when the table is the figure). */
  tableOpen?: boolean;
}) {
  const headingId = useId();
  // No download while the figures are being worked out for a new choice: a file must match its labels.
  const current = useFiguresCurrent();
  const chartRef = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A folded table is drawn when it is opened: it is not seen until then, and drawing every folded table
  // (the months, the projection, the back-test) on each change was a large share of a Trends change.
  const [tableShown, setTableShown] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const image = () => {
    if (!chartRef.current) throw new Error('There is no chart to download yet.');
    return chartSvgText(chartRef.current, {
      title,
      subtitle,
      ...exportMeta,
      date: formatDate(new Date().toISOString().slice(0, 10)),
    });
  };
  const run = async (task: () => Promise<void> | void) => {
    setProblem(null);
    try {
      await task();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : 'The download could not be made.');
    }
  };

  return (
    <section className="trend-figure" aria-labelledby={headingId}>
      <Heading id={headingId} className="trend-figure__title">
        {title}
      </Heading>
      {subtitle ? <p className="trend-figure__subtitle">{subtitle}</p> : null}
      {controls}
      {chart ? (
        <div className="trend-figure__chart" ref={chartRef} role="img" aria-label={chartLabel ?? title}>
          {chart}
        </div>
      ) : null}
      {notes}
      {tableOpen ? (
        table
      ) : (
        <details className="trend-figure__table" onToggle={(e) => setTableShown(e.currentTarget.open)}>
          <summary>{tableSummary}</summary>
          {tableShown ? table : null}
        </details>
      )}
      <div className="trend-figure__downloads">
        <button
          type="button"
          className="button button--small"
          disabled={!current}
          onClick={() => run(() => downloadFile(fileNameFor(fileStem, 'csv'), csv()))}
        >
          Download the data (CSV)
        </button>
        {chart ? (
          <>
            <button
              type="button"
              className="button button--small"
              disabled={!current}
              onClick={() =>
                run(() => {
                  downloadFile(fileNameFor(fileStem, 'svg'), image().svg, 'image/svg+xml;charset=utf-8');
                })
              }
            >
              Download the chart (SVG)
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={!current}
              onClick={() =>
                run(async () => {
                  downloadFile(fileNameFor(fileStem, 'png'), await pictureToPng(image()));
                })
              }
            >
              Download the chart (PNG)
            </button>
          </>
        ) : null}
        {problem ? (
          <p role="alert" className="trend-figure__problem">
            {problem}
          </p>
        ) : null}
      </div>
    </section>
  );
}
