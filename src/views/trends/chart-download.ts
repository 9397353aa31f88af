// Chart downloads of the Trends view: the Recharts SVG in a figure, framed by the shared picture layout
// (src/ui/picture-export.ts). Everything is same-origin and uses system fonts, so nothing is fetched and the
// canvas a PNG is drawn on is never tainted.
import { chartPicture, type ChartPicture, type PictureText } from '../../ui/picture-export';

/** The chart's SVG inside `container`, framed with its words, as a stand-alone picture. */
export function chartSvgText(container: HTMLElement, text: PictureText): ChartPicture {
  const chart = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!chart) throw new Error('There is no chart to download yet.');
  return chartPicture(chart, text);
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
