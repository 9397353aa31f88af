import { useId, type ReactNode } from 'react';
import { downloadFile } from '../../ui/download-file';

/**
 * One figure of the Deprivation and Concentration views: a title that states the finding, the chart (with a
 * text description for screen readers), notes that explain its symbols and method, the table with the same
 * figures (always shown), and a CSV of that table built from protected figures only.
 */
export function FigureSection({
  title,
  subtitle,
  chart,
  chartLabel,
  notes,
  table,
  csv,
  fileName,
}: {
  title: string;
  subtitle?: string;
  chart?: ReactNode;
  chartLabel?: string;
  notes?: ReactNode;
  table: ReactNode;
  csv: () => string;
  fileName: string;
}) {
  const headingId = useId();
  return (
    <section className="ineq-figure" aria-labelledby={headingId}>
      <h2 id={headingId} className="ineq-figure__title">
        {title}
      </h2>
      {subtitle ? <p className="ineq-figure__subtitle">{subtitle}</p> : null}
      {chart ? (
        <div className="ineq-figure__chart" role="img" aria-label={chartLabel ?? title}>
          {chart}
        </div>
      ) : null}
      {notes}
      {table}
      <p className="ineq-figure__downloads">
        <button type="button" className="button" onClick={() => downloadFile(fileName, csv())}>
          Download the table (CSV)
        </button>
      </p>
    </section>
  );
}

/** A figure in a table: the number, or `c` / `x` with its meaning for screen readers and on hover. */
export function Cell({ text, flag, reason }: { text: string | null; flag: 'shown' | 'rounded' | 'c' | 'x'; reason: string }) {
  if (flag === 'c' || flag === 'x' || text === null) {
    const symbol = flag === 'c' ? 'c' : 'x';
    const why = flag === 'c' ? reason : 'No figure in the loaded data';
    return (
      <span className={`figure ${symbol === 'c' ? 'figure--suppressed' : 'figure--missing'}`} title={why}>
        <span aria-hidden="true">{symbol}</span>
        <span className="visually-hidden">{`${symbol === 'c' ? 'hidden' : 'not available'} (${symbol}). ${why}`}</span>
      </span>
    );
  }
  if (flag === 'rounded')
    return (
      <span className="figure figure--rounded" title="Rounded to protect privacy">
        {text}
        <sup aria-hidden="true">r</sup>
        <span className="visually-hidden"> (rounded to protect privacy)</span>
      </span>
    );
  return <span className="figure">{text}</span>;
}

/** The symbols used in the tables, explained once beside them. */
export function SymbolsNote({ rounding }: { rounding: boolean }) {
  return (
    <p className="ineq-figure__symbols">
      Symbols: <strong>c</strong> hidden to protect privacy; <strong>x</strong> not available in the loaded data
      {rounding ? (
        <>
          ; <strong>r</strong> rounded to protect privacy
        </>
      ) : null}
      .
    </p>
  );
}
