// A small partnership of its own (manifest, areas, population, extracts) whose first district has a
// 500-character name: words that wrap, then one 120-character word that cannot. Complete on its own, so the
// views work with it whether or not the demo stays loaded beside it.
import { miniManifest } from '../fixtures/mini-contract';

export const LONG_CODE = 'E07999001';
const WORD = 'Longford';
const LONG_WORD = 'X'.repeat(120);
export const LONG_NAME = `${`${WORD} `.repeat(60)}`.slice(0, 380) + LONG_WORD;

const months = Array.from({ length: 24 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

export function longNameFiles(): { name: string; mimeType: string; buffer: Buffer }[] {
  const manifest = {
    ...miniManifest,
    title: 'Long names partnership (synthetic)',
    area: { code: 'LN-VRU', name: 'Long names VRU area' },
    datasets: miniManifest.datasets.map((d) => ({
      ...d,
      id: `ln_${d.id}`,
      coverage: { ...d.coverage, from: '2023-01', to: '2024-12' },
    })),
    indicators: miniManifest.indicators.map((i) => ({ ...i, id: `ln_${i.id}`, dataset: `ln_${i.dataset}`, headline: true })),
    // One extract the partnership has not sent yet: the import says it is still expected.
    files: { extracts: ['ln-extracts.csv', 'ln-extracts-2025.csv'], areas: ['ln-areas.csv'], population: ['ln-population.csv'] },
  };
  const areas = [
    'code,name,level,parent_code',
    'LN-VRU,Long names VRU area,vru,',
    `${LONG_CODE},"${LONG_NAME}",district,LN-VRU`,
    'E07999002,Short,district,LN-VRU',
  ];
  const population = ['area_code,year,age_band,sex,population'];
  for (const code of [LONG_CODE, 'E07999002'])
    for (const year of [2023, 2024]) population.push(`${code},${year},all,all,${code === LONG_CODE ? 84_000 : 61_000}`);
  const extracts = ['indicator_id,period,area_code,age_band,sex,count,denominator'];
  months.forEach((period, m) => {
    // Some months small enough to be hidden (c), so the symbols show too.
    extracts.push(`ln_vwi,${period},${LONG_CODE},all,all,${m % 7 === 3 ? 2 : 20 + ((m * 7) % 13)},`);
    extracts.push(`ln_vwi,${period},E07999002,all,all,${15 + ((m * 5) % 11)},`);
    extracts.push(`ln_reoff,${period},${LONG_CODE},all,all,${10 + (m % 5)},${60 + m}`);
    extracts.push(`ln_reoff,${period},E07999002,all,all,${8 + (m % 4)},${50 + m}`);
  });
  const file = (name: string, text: string, mimeType = 'text/csv') => ({ name, mimeType, buffer: Buffer.from(text) });
  return [
    file('ln-manifest.json', JSON.stringify(manifest), 'application/json'),
    file('ln-areas.csv', `${areas.join('\n')}\n`),
    file('ln-population.csv', `${population.join('\n')}\n`),
    file('ln-extracts.csv', `${extracts.join('\n')}\n`),
  ];
}
