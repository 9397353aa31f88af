// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chartPicture, estimateTextWidth, footerLines, wrapToWidth, type PictureText } from '../../../src/ui/picture-export';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A small chart as Recharts or a sparkline draws it: an SVG with a width, a height and its own text. */
function chart(width: number, height: number): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('class', 'recharts-surface');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', `M0 ${height} L${width} 0`);
  path.setAttribute('stroke', '#1d70b8');
  const label = document.createElementNS(SVG_NS, 'text');
  label.setAttribute('x', '4');
  label.setAttribute('y', '12');
  label.textContent = '2025';
  svg.append(path, label);
  return svg;
}

const LONG_NAME = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch'.repeat(2);
const TITLE = `Violence with injury in ${LONG_NAME} rose 6% in 2025 compared with 2024, the largest rise in any district of the partnership area since records in this form began, and the third rise in a row for young people aged 15 to 24 in 2025`;

const text: PictureText = {
  title: TITLE,
  subtitle: 'Rate per 1,000 residents, with 95% confidence limits; months with no data are left as gaps.',
  source: `Police recorded crime, Test Constabulary. Measure: violence with injury in ${LONG_NAME}.`,
  date: '26 November 2025',
  rules: 'Partner disclosure rules',
  synthetic: true,
  symbols: ['c', 'x', 'z'],
};

/** The picture as a viewer reads it: its size and each line of text with where it starts. */
function parse(svg: string) {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  const root = doc.documentElement;
  const lines = [...root.children]
    .filter((el) => el.tagName === 'text')
    .map((el) => ({
      x: Number(el.getAttribute('x')),
      y: Number(el.getAttribute('y')),
      size: Number(el.getAttribute('font-size')),
      bold: el.getAttribute('font-weight') === '700',
      text: el.textContent ?? '',
    }));
  const inner = [...root.children].find((el) => el.tagName === 'svg');
  return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), lines, inner };
}

describe('an exported chart picture', () => {
  it(`keeps every line of a ${TITLE.length}-character title and the whole footer inside the picture`, () => {
    expect(TITLE.length).toBeGreaterThanOrEqual(300);
    const picture = chartPicture(chart(300, 120), text);
    const { width, height, lines, inner } = parse(picture.svg);
    expect(width).toBe(picture.width);
    for (const line of lines) {
      expect(line.x).toBeGreaterThanOrEqual(0);
      expect(line.x + estimateTextWidth(line.text, line.size, line.bold), line.text).toBeLessThanOrEqual(width);
      expect(line.y).toBeLessThanOrEqual(height);
    }
    // The title is all there, in order, bold at 17 px, however it was broken.
    const title = lines.filter((l) => l.size === 17);
    expect(title.length).toBeGreaterThan(3);
    expect(
      title
        .map((l) => l.text)
        .join('')
        .replaceAll(' ', ''),
    ).toBe(TITLE.replaceAll(' ', ''));
    const footer = lines
      .filter((l) => l.size === 12)
      .map((l) => l.text)
      .join(' ');
    expect(footer).toContain('Source: Police recorded crime, Test Constabulary.');
    expect(footer).toContain(
      'Produced 26 November 2025 with the violence needs assessment dashboard (partner disclosure rules).',
    );
    expect(footer).toContain('Symbols: c = hidden to protect privacy; x = not available; z = not applicable.');
    expect(footer).toContain('SYNTHETIC DATA: made-up figures for demonstration, not real people.');
    // The footer and title do not overlap the chart: lines above it, then the chart, then lines below it.
    const chartTop = Number(inner?.getAttribute('y'));
    const chartBottom = chartTop + Number(inner?.getAttribute('height'));
    expect(Math.max(...title.map((l) => l.y))).toBeLessThan(chartTop);
    expect(Math.min(...lines.filter((l) => l.size === 12).map((l) => l.y))).toBeGreaterThan(chartBottom);
    expect(Number(inner?.getAttribute('x')) + Number(inner?.getAttribute('width'))).toBeLessThanOrEqual(width);
    // The chart keeps its drawing, without the page's classes.
    expect(inner?.querySelector('path')?.getAttribute('stroke')).toBe('#1d70b8');
    expect(inner?.getAttribute('class')).toBeNull();
  });

  it('grows taller, not wider, as the title grows', () => {
    const short = chartPicture(chart(600, 200), { ...text, title: 'Violence with injury rose 6% in 2025' });
    const long = chartPicture(chart(600, 200), text);
    expect(long.width).toBe(short.width);
    expect(long.height).toBeGreaterThan(short.height + 3 * 22);
  });

  it('writes a hostile title as text, in well-formed XML', () => {
    const picture = chartPicture(chart(300, 100), {
      ...text,
      title: '<script>alert(1)</script> & "quotes" \u0001 end',
      synthetic: false,
    });
    const { lines } = parse(picture.svg);
    expect(lines[0]?.text).toBe('<script>alert(1)</script> & "quotes" end');
    expect(lines.map((l) => l.text).join(' ')).not.toContain('SYNTHETIC');
  });
});

describe('the rules a picture names', () => {
  // rulesFor's three answers (contract/provenance.ts), each read as part of the "Produced" sentence.
  it.each([
    ['Partner disclosure rules', '(partner disclosure rules).'],
    ['Published open data: exact counts', '(published open data: exact counts).'],
    [
      'Partner disclosure rules; published open data: exact counts',
      '(partner disclosure rules; published open data: exact counts).',
    ],
  ])('%s', (rules, words) => {
    expect(footerLines({ ...text, rules }).map((l) => l.text)).toContain(
      `Produced 26 November 2025 with the violence needs assessment dashboard ${words}`,
    );
  });
});

describe('wrapToWidth', () => {
  it('breaks at spaces, and inside a word too long for a line', () => {
    const lines = wrapToWidth(`short words then ${'x'.repeat(200)} end`, 200, 12);
    expect(lines[0]).toBe('short words then');
    for (const l of lines) expect(estimateTextWidth(l, 12)).toBeLessThanOrEqual(200);
    expect(lines.join('')).toBe(`short wordsthen${'x'.repeat(200)}end`.replace('wordsthen', 'words then'));
  });

  it('measures bold and wide letters as wider', () => {
    expect(estimateTextWidth('WWW', 10)).toBeGreaterThan(estimateTextWidth('iii', 10) * 3);
    expect(estimateTextWidth('abc', 10, true)).toBeGreaterThan(estimateTextWidth('abc', 10));
  });
});
