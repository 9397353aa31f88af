import type { Manifest } from '../../contract';

const datasets = (n: number): string => `${n.toLocaleString('en-GB')} dataset${n === 1 ? '' : 's'}`;

/**
 * What the loaded datasets are, in the catalogue's opening line: shared by partner agencies, published open data
 * (police.uk: `published`), or both. Open data are nobody's partner extract, so "from partner agencies" is said
 * only of the datasets that are.
 */
export function datasetsPhrase(list: Manifest['datasets']): string {
  const open = list.filter((d) => d.published).length;
  const shared = list.length - open;
  if (open === 0) return `${datasets(shared)} from partner agencies`;
  if (shared === 0) return `${datasets(open)} of published open data`;
  return `${datasets(list.length)}: ${shared.toLocaleString('en-GB')} from partner agencies, ${open.toLocaleString('en-GB')} of published open data`;
}
