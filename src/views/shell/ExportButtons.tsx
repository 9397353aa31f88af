import { useState, type RefObject } from 'react';
import { useSessionSnapshot } from '../../hooks/session-context';
import { useFiguresCurrent } from '../../hooks/use-figures-current';
import { useViewState } from '../../url-state/use-view-state';
import { downloadFile } from '../../ui/download-file';

export interface ExportMeta {
  title: string;
  source: string;
  synthetic: boolean;
  audience: string;
  date: string;
}

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

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

/** The lines every exported picture carries under the chart, so that a file that travels keeps its context. */
export function exportFooterLines(meta: ExportMeta): string[] {
  return [
    `Source: ${meta.source}`,
    `Produced ${meta.date} with the violence needs assessment dashboard (${meta.audience} disclosure rules). c = hidden to protect privacy.`,
    ...(meta.synthetic ? ['SYNTHETIC DATA: made-up figures for demonstration, not real people.'] : []),
  ];
}

/**
 * A stand-alone SVG document: the chart's own SVG (which shows protected figures only, gaps for hidden ones)
 * framed by its title above and the source, date, disclosure rules and "synthetic" below. Charts must draw
 * with presentation attributes, not CSS classes, so that they look the same outside the page.
 */
export function exportSvgDocument(chart: SVGSVGElement, meta: ExportMeta): { text: string; width: number; height: number } {
  const box = chart.viewBox?.baseVal;
  const chartWidth = Number(chart.getAttribute('width')) || box?.width || chart.getBoundingClientRect().width || 300;
  const chartHeight = Number(chart.getAttribute('height')) || box?.height || chart.getBoundingClientRect().height || 100;
  const footer = exportFooterLines(meta);
  const pad = 16;
  const width = Math.max(Math.ceil(chartWidth) + 2 * pad, 640);
  const top = 44;
  const height = Math.ceil(top + chartHeight + 12 + footer.length * 18 + pad);
  const clone = chart.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('x', String(pad));
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(chartWidth));
  clone.setAttribute('height', String(chartHeight));
  clone.removeAttribute('class');
  clone.removeAttribute('style');
  const inner = new XMLSerializer().serializeToString(clone);
  const text = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, sans-serif">`,
    `<title>${escapeXml(meta.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${pad}" y="28" font-size="17" font-weight="700" fill="#0b0c0c">${escapeXml(meta.title)}</text>`,
    inner,
    ...footer.map(
      (line, i) =>
        `<text x="${pad}" y="${top + chartHeight + 24 + i * 18}" font-size="12" fill="#0b0c0c"${i === 2 ? ' font-weight="700"' : ''}>${escapeXml(line)}</text>`,
    ),
    '</svg>',
  ].join('\n');
  return { text, width, height };
}

async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = svg.width * scale;
    canvas.height = svg.height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw pictures');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, svg.width, svg.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no picture'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
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
  fileName,
  disabled,
}: {
  title: string;
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
  const { state: loaded } = useSessionSnapshot();
  const { state } = useViewState();
  const current = useFiguresCurrent();
  const off = disabled ?? !current;
  const wait = off ? 'Available once the figures for your choice are shown' : undefined;
  const [error, setError] = useState<string | null>(null);
  const base = `${fileName ?? fileSlug(title)}-${new Date().toISOString().slice(0, 10)}`;
  const meta = (): ExportMeta => ({
    title,
    source,
    synthetic: loaded.manifest?.synthetic ?? false,
    audience: state.audience,
    date: new Date().toISOString().slice(0, 10),
  });
  const picture = async (kind: 'svg' | 'png') => {
    setError(null);
    const el = svg?.current;
    if (!el) return;
    try {
      const doc = exportSvgDocument(el, meta());
      if (kind === 'svg') downloadFile(`${base}.svg`, doc.text, 'image/svg+xml;charset=utf-8');
      else downloadFile(`${base}.png`, await svgToPng(doc));
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
