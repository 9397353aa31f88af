/**
 * One-off helper: derive the small-area code/name lookup used by the demo-data generator from the real
 * Lancashire boundaries in ../shared/geo (see /work/shared/geo/SOURCES.md).
 *
 *   npx tsx scripts/demo/build-small-areas.ts [path/to/shared/geo]
 *
 * Only codes, names and parent codes are kept. Boundaries are NOT copied into this repository: the
 * product loads boundaries that its user supplies. The generator itself reads only the committed
 * lancashire-small-areas.json, so `npm run demo-data` runs without ../shared.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const featureCollection = <P extends z.ZodRawShape>(props: P) =>
  z.object({ features: z.array(z.object({ properties: z.object(props) })) });

const msoaFile = featureCollection({ MSOA11CD: z.string(), MSOA11NM: z.string(), LAD13CD: z.string() });
const lsoaFile = featureCollection({ LSOA11CD: z.string(), LSOA11NM: z.string(), LAD13CD: z.string() });

const here = fileURLToPath(new URL('.', import.meta.url));
const geoDir = resolve(process.argv[2] ?? join(here, '..', '..', '..', 'shared', 'geo'));

const msoas = msoaFile
  .parse(JSON.parse(readFileSync(join(geoDir, 'lancashire-msoa-2011.geojson'), 'utf8')))
  .features.map((f) => [f.properties.MSOA11CD, f.properties.MSOA11NM, f.properties.LAD13CD] as const)
  .sort((a, b) => a[0].localeCompare(b[0]));
const msoaByName = new Map(msoas.map(([code, name, lad]) => [name, { code, lad }]));

const lsoas = lsoaFile
  .parse(JSON.parse(readFileSync(join(geoDir, 'lancashire-lsoa-2011.geojson'), 'utf8')))
  .features.map((f) => {
    const { LSOA11CD: code, LSOA11NM: name, LAD13CD: lad } = f.properties;
    // "Preston 013A" lies in MSOA "Preston 013".
    const msoa = msoaByName.get(name.slice(0, -1));
    if (!msoa) throw new Error(`LSOA ${code} ${name}: no MSOA named "${name.slice(0, -1)}"`);
    if (msoa.lad !== lad) throw new Error(`LSOA ${code} ${name}: district ${lad} differs from its MSOA's ${msoa.lad}`);
    return [code, name, msoa.code] as const;
  })
  .sort((a, b) => a[0].localeCompare(b[0]));

const out = {
  note:
    'Codes and names of the 2011 MSOAs and LSOAs in the 14 Lancashire districts, derived from ONS boundaries ' +
    '(via UK-GeoJSON by Martin Chorley, CC BY 4.0; contains National Statistics data (c) Crown copyright and ' +
    'database right 2014). No boundaries are stored here. msoas: [code, name, district code]; lsoas: [code, name, MSOA code].',
  msoas,
  lsoas,
};
const target = join(here, 'lancashire-small-areas.json');
// One row per line keeps the file small and diff-friendly (and matches Prettier's formatting).
const lines = (rows: readonly (readonly string[])[]) =>
  rows.map((r) => `    [${r.map((x) => JSON.stringify(x)).join(', ')}]`).join(',\n');
writeFileSync(
  target,
  `{\n  "note": ${JSON.stringify(out.note)},\n  "msoas": [\n${lines(msoas)}\n  ],\n  "lsoas": [\n${lines(lsoas)}\n  ]\n}\n`,
);
console.log(`wrote ${target}: ${msoas.length} MSOAs, ${lsoas.length} LSOAs`);
