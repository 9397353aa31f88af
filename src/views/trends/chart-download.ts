// Chart downloads: the chart's own SVG (serialised with XMLSerializer) framed with its title, source,
// date and, for synthetic data, a warning; PNG is the same SVG drawn onto a canvas. Everything is
// same-origin and uses system fonts, so nothing is fetched and the canvas is never tainted.
import { CHART_FONT } from './chart-parts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ChartImageMeta {
  title: string;
  subtitle?: string;
  source: string;
  synthetic: boolean;
  /** e.g. "Produced 26 November 2025" */
  produced: string;
}

/** Splits text into lines of at most `width` characters, at spaces. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function textBlock(
  doc: Document,
  lines: readonly string[],
  x: number,
  y: number,
  size: number,
  weight: number,
  fill: string,
): SVGTextElement {
  const text = doc.createElementNS(SVG_NS, 'text');
  text.setAttribute('x', String(x));
  text.setAttribute('y', String(y));
  text.setAttribute('font-size', String(size));
  text.setAttribute('font-weight', String(weight));
  text.setAttribute('fill', fill);
  lines.forEach((l, i) => {
    const span = doc.createElementNS(SVG_NS, 'tspan');
    span.setAttribute('x', String(x));
    if (i > 0) span.setAttribute('dy', String(Math.round(size * 1.3)));
    span.textContent = l;
    text.append(span);
  });
  return text;
}

/** The chart's SVG inside `container`, framed with title and source, as standalone SVG text. */
export function chartSvgText(container: HTMLElement, meta: ChartImageMeta): { svg: string; width: number; height: number } {
  const chart = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!chart) throw new Error('There is no chart to download yet.');
  const doc = container.ownerDocument;
  const box = chart.getBoundingClientRect();
  const width = Math.round(Number(chart.getAttribute('width')) || box.width || 800);
  const chartHeight = Math.round(Number(chart.getAttribute('height')) || box.height || 400);
  const pad = 16;
  const chars = Math.max(40, Math.floor((width - 2 * pad) / 8.5));
  const titleLines = wrapText(meta.title, chars);
  const subtitleLines = meta.subtitle ? wrapText(meta.subtitle, Math.floor(chars * 1.2)) : [];
  const footLines = [
    ...wrapText(`Source: ${meta.source}. ${meta.produced}.`, Math.floor(chars * 1.3)),
    ...(meta.synthetic ? ['SYNTHETIC DATA: made-up figures for demonstration, not real people.'] : []),
  ];
  const top = pad + titleLines.length * 22 + subtitleLines.length * 18 + 8;
  const height = top + chartHeight + footLines.length * 16 + pad;

  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', CHART_FONT);
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', '#ffffff');
  root.append(bg);
  root.append(textBlock(doc, titleLines, pad, pad + 16, 17, 700, '#0b0c0c'));
  if (subtitleLines.length > 0)
    root.append(textBlock(doc, subtitleLines, pad, pad + titleLines.length * 22 + 12, 13, 400, '#484949'));
  const clone = chart.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartHeight));
  clone.removeAttribute('style');
  clone.removeAttribute('tabindex');
  root.append(clone);
  root.append(textBlock(doc, footLines, pad, top + chartHeight + 14, 12, 400, '#0b0c0c'));
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** Draws SVG text onto a canvas at `scale` and returns it as a PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the chart as an image.');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image could not be made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from a title: lower case, words joined by hyphens, at most 80 characters. */
export function fileNameFor(title: string, extension: string): string {
  const stem = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
  return `${stem || 'chart'}.${extension}`;
}
