// Chart pictures (SVG and PNG) that travel whole: the chart framed by its title above and its source, date,
// disclosure rules, symbols and (for made-up data) the synthetic notice below, every line wrapped to the
// picture's width so nothing is cut off whatever its length. Text is measured without the page's layout: by
// Arial's character widths with a margin, and by the browser's own canvas where there is one.
import { madeWith } from '../contract';
import { SYMBOL_MEANING, type FigureSymbol } from './symbols';

/** The words every exported picture carries besides its chart. */
export interface PictureText {
  title: string;
  subtitle?: string;
  source: string;
  /** When it was made, as it should read: "2025-11-26" or "26 November 2025". */
  date: string;
  /** The rules the figures follow, as rulesFor names them for the chart's indicators. */
  rules: string;
  synthetic: boolean;
  /** The symbols the chart can show, explained under it (`c` and `x` when not given). */
  symbols?: readonly FigureSymbol[];
}

export interface ChartPicture {
  svg: string;
  width: number;
  height: number;
}

/** The fonts the frame's text is drawn in: Arial, or a font with Arial's widths (Liberation Sans, Helvetica). */
export const PICTURE_FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif";

export const SYNTHETIC_NOTICE = 'SYNTHETIC DATA: made-up figures for demonstration, not real people.';

// Helvetica's (and so Arial's) advance widths in thousandths of an em for the printable ASCII characters, from
// the Adobe font metrics; anything else is counted as a full em, wider than nearly every glyph.
const REGULAR =
  '278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584';
const BOLD =
  '278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 556 556 500 389 280 389 584';
const WIDTHS = { regular: REGULAR.split(' ').map(Number), bold: BOLD.split(' ').map(Number) };

/** A safety margin on the estimate, for a viewer that draws in a font a little wider than Arial. */
const MARGIN = 1.12;

/** The estimated width in pixels of `text` drawn at `size` px, regular or bold, with the safety margin. */
export function estimateTextWidth(text: string, size: number, bold = false): number {
  const table = bold ? WIDTHS.bold : WIDTHS.regular;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 32 && code <= 126 ? (table[code - 32] ?? 1000) : 1000;
  }
  return (units / 1000) * size * MARGIN;
}

type Measure = (text: string, size: number, bold: boolean) => number;

/** The browser's own measure of the text in the picture's font, where an offscreen canvas exists (not in tests). */
function canvasMeasure(): Measure | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const ctx = new OffscreenCanvas(1, 1).getContext('2d');
  if (!ctx) return null;
  return (text, size, bold) => {
    ctx.font = `${bold ? 700 : 400} ${size}px ${PICTURE_FONT}`;
    return ctx.measureText(text).width;
  };
}

/** The wider of the estimate and the browser's measure: a line fits in both the file and the PNG drawn here. */
function textWidth(measure: Measure | null): Measure {
  return (text, size, bold) => Math.max(estimateTextWidth(text, size, bold), measure?.(text, size, bold) ?? 0);
}

/**
 * Lines of `text` no wider than `maxWidth`: broken at spaces, and a word too long for a line of its own (a
 * 500-character area name) broken where it reaches the edge.
 */
export function wrapToWidth(
  text: string,
  maxWidth: number,
  size: number,
  bold = false,
  measure: Measure = textWidth(null),
): string[] {
  const fits = (line: string) => measure(line, size, bold) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (!fits(rest)) {
      // The longest start of the word that fits, at least one character so that the loop always moves on.
      let cut = 1;
      while (cut < rest.length && fits(rest.slice(0, cut + 1))) cut++;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** Control characters (which XML does not allow, and a hostile name could hold) as spaces. */
function plainText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code < 0x20 || code === 0xfffe || code === 0xffff ? ' ' : ch;
  }
  return out;
}

function xmlText(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

/** Lines of `text` as the picture shows them: control characters are gaps, wrapped away like spaces. */
function wrapped(text: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
  return wrapToWidth(plainText(text), width, size, bold, measure);
}

/** The lines under the chart: source, when and under which rules, what the symbols mean, and "synthetic". */
export function footerLines(text: PictureText): { text: string; bold: boolean }[] {
  const symbols = (text.symbols ?? ['c', 'x']).map((s) => `${s} = ${SYMBOL_MEANING[s]}`).join('; ');
  return [
    { text: `Source: ${text.source}`, bold: false },
    {
      text: `Produced ${text.date} ${madeWith(text.rules)}.`,
      bold: false,
    },
    { text: `Symbols: ${symbols}.`, bold: false },
    ...(text.synthetic ? [{ text: SYNTHETIC_NOTICE, bold: true }] : []),
  ];
}

const PAD = 16;
/** Narrow charts (a sparkline, a phone's chart) sit in a picture wide enough for a readable title. */
const MIN_WIDTH = 560;
const TITLE = { size: 17, line: 22 };
const SUBTITLE = { size: 13, line: 18 };
const FOOT = { size: 12, line: 16 };

/**
 * A stand-alone SVG document of `chart` (its own SVG, which shows protected figures only) framed by its words.
 * The picture grows in height to hold every wrapped line. Charts must draw with presentation attributes, not
 * CSS classes, so that they look the same outside the page.
 */
export function chartPicture(chart: SVGSVGElement, text: PictureText): ChartPicture {
  const box = chart.viewBox?.baseVal;
  const rect = chart.getBoundingClientRect();
  const chartWidth = Math.ceil(Number(chart.getAttribute('width')) || box?.width || rect.width || 300);
  const chartHeight = Math.ceil(Number(chart.getAttribute('height')) || box?.height || rect.height || 100);
  const width = Math.max(chartWidth + 2 * PAD, MIN_WIDTH);
  const inner = width - 2 * PAD;
  const measure = textWidth(canvasMeasure());
  const out: string[] = [];
  let y = PAD;
  const block = (lines: readonly string[], size: number, lineHeight: number, bold: boolean, fill: string) => {
    for (const line of lines) {
      y += lineHeight;
      out.push(
        // The baseline sits in the middle of the line box, a little below the text's own middle.
        `<text x="${PAD}" y="${Math.round(y - lineHeight + (lineHeight - size) / 2 + size * 0.88)}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${fill}">${xmlText(line)}</text>`,
      );
    }
  };
  block(wrapped(text.title, inner, TITLE.size, true, measure), TITLE.size, TITLE.line, true, '#0b0c0c');
  if (text.subtitle)
    block(wrapped(text.subtitle, inner, SUBTITLE.size, false, measure), SUBTITLE.size, SUBTITLE.line, false, '#484949');
  y += 8;
  const chartY = y;
  y += chartHeight + 8;
  for (const line of footerLines(text)) {
    block(wrapped(line.text, inner, FOOT.size, line.bold, measure), FOOT.size, FOOT.line, line.bold, '#0b0c0c');
  }
  const height = Math.ceil(y + PAD);

  const clone = chart.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('x', String(PAD + Math.floor((inner - chartWidth) / 2)));
  clone.setAttribute('y', String(chartY));
  clone.setAttribute('width', String(chartWidth));
  clone.setAttribute('height', String(chartHeight));
  for (const attr of ['class', 'style', 'tabindex', 'role', 'aria-label', 'aria-labelledby', 'focusable'])
    clone.removeAttribute(attr);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${PICTURE_FONT.replaceAll("'", '&apos;')}">`,
    `<title>${xmlText(plainText(text.title))}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...out,
    new XMLSerializer().serializeToString(clone),
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}

/** Draws the picture onto a canvas at `scale` (2: sharp on high-density screens and in print) as a PNG. */
export async function pictureToPng(picture: ChartPicture, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the chart as an image.');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, picture.width, picture.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image could not be made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
