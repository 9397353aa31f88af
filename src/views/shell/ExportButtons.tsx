import { useState, type RefObject } from 'react';
import { useFiguresCurrent } from '../../hooks/coordinator/use-figures-current';
import { downloadFile } from '../../ui/download-file';
import { formatDate } from '../../ui/format';
import { chartPicture, pictureToPng, type PictureText } from '../../ui/picture-export';

/** "Knife crime, under 25: 2025" -> "knife-crime-under-25-2025" for file names. */
export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'export'
  );
}

/**
 * Download buttons for one table or chart: CSV always (built by the caller with protectedCsv, so it carries the
 * flags and the file's context), SVG and PNG when a chart's SVG element is given. Every figure in them comes
 * from what is already on screen, which came through the disclosure layer.
 */
export function ExportButtons({
  title,
  csv,
  svg,
  source,
  synthetic,
  rules,
  fileName,
  disabled,
}: {
  title: string;
  /** The figures draw on a synthetic dataset (contract/provenance.ts): the picture says so. */
  synthetic: boolean;
  /** The rules the figures follow (rulesFor, for their indicators): the picture names them, as the CSV does. */
  rules: string;
  /** Builds the CSV text when asked (use protectedCsv). */
  csv: () => string;
  /** The chart to export as SVG and PNG. */
  svg?: RefObject<SVGSVGElement | null>;
  source: string;
  fileName?: string;
  /**
   * True while the figures to export are not yet the answer to what is asked now. By default, while any figures
   * on screen are being worked out (useFiguresCurrent): a file must never carry another audience's figures.
   */
  disabled?: boolean;
}) {
  const current = useFiguresCurrent();
  const off = disabled ?? !current;
  const wait = off ? 'Available once the figures for your choice are shown' : undefined;
  const [error, setError] = useState<string | null>(null);
  const base = `${fileName ?? fileSlug(title)}-${new Date().toISOString().slice(0, 10)}`;
  const meta = (): PictureText => ({
    title,
    source,
    synthetic,
    rules,
    date: formatDate(new Date().toISOString().slice(0, 10)),
  });
  const picture = async (kind: 'svg' | 'png') => {
    setError(null);
    const el = svg?.current;
    if (!el) return;
    try {
      const doc = chartPicture(el, meta());
      if (kind === 'svg') downloadFile(`${base}.svg`, doc.svg, 'image/svg+xml;charset=utf-8');
      else downloadFile(`${base}.png`, await pictureToPng(doc));
    } catch (e) {
      setError(`The picture could not be made: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };
  return (
    <div className="export-buttons" role="group" aria-label={`Download ${title}`}>
      <button
        type="button"
        className="action-button action-button--small"
        disabled={off}
        title={wait}
        onClick={() => downloadFile(`${base}.csv`, csv())}
      >
        CSV<span className="visually-hidden"> of {title}</span>
      </button>
      {svg ? (
        <>
          <button
            type="button"
            className="action-button action-button--small"
            disabled={off}
            title={wait}
            onClick={() => void picture('svg')}
          >
            SVG<span className="visually-hidden"> of {title}</span>
          </button>
          <button
            type="button"
            className="action-button action-button--small"
            disabled={off}
            title={wait}
            onClick={() => void picture('png')}
          >
            PNG<span className="visually-hidden"> of {title}</span>
          </button>
        </>
      ) : null}
      {error ? (
        <p role="alert" className="export-buttons__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
