import type { Manifest } from '../contract';
import { splitCsvLine } from './csv-fields';
import { FileRejected, type Problem } from './problems';

/** The columns that mark a Fingertips "download data" CSV (fingertips.phe.org.uk, the indicator's data export). */
const FINGERTIPS_COLUMNS = ['Indicator ID', 'Area Code', 'Area Name', 'Area Type', 'Time period', 'Value'] as const;

export function isFingertipsDownload(columns: readonly string[]): boolean {
  return FINGERTIPS_COLUMNS.every((c) => columns.includes(c));
}

/** Area types whose values serve as benchmarks: the country and its regions (other rows are local areas). */
const BENCHMARK_AREA_TYPE = /^(England|Region|Regions \(statistical\)|Country)$/i;

/**
 * Turns a Fingertips indicator download into benchmark rows (indicator_id, benchmark, period, value, lower95,
 * upper95): each row of England or a region, all categories together (no "Category Type"), for an indicator whose
 * manifest entry names the Fingertips id (`fingertipsId`). The values keep Fingertips' scale, which must be the
 * indicator's multiplier; the rows left out are counted in warnings. Throws FileRejected when nothing is usable.
 */
export function fingertipsBenchmarks(
  file: string,
  bytes: Uint8Array,
  manifest: Manifest | null,
): { csv: string; problems: Problem[] } {
  const lines = new TextDecoder()
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '', ',').map((c) => c.trim());
  const at = (name: string) => header.indexOf(name);
  const [iId, iName, iType, iPeriod, iValue] = ['Indicator ID', 'Area Name', 'Area Type', 'Time period', 'Value'].map(at);
  const iLower = at('Lower CI 95.0 limit');
  const iUpper = at('Upper CI 95.0 limit');
  const iCategory = at('Category Type');
  const byFingertips = new Map(
    (manifest?.indicators ?? []).filter((i) => i.fingertipsId).map((i) => [String(i.fingertipsId), i.id]),
  );
  const out = ['indicator_id,benchmark,period,value,lower95,upper95'];
  const unmatched = new Set<string>();
  let local = 0;
  let categories = 0;
  let noValue = 0;
  const quote = (t: string) => (/[",\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t);
  for (const line of lines.slice(1)) {
    const f = splitCsvLine(line, ',');
    const id = byFingertips.get((f[iId!] ?? '').trim());
    if (!id) {
      unmatched.add((f[iId!] ?? '').trim());
      continue;
    }
    if (!BENCHMARK_AREA_TYPE.test((f[iType!] ?? '').trim())) {
      local++;
      continue;
    }
    if (iCategory >= 0 && (f[iCategory] ?? '').trim() !== '') {
      categories++;
      continue;
    }
    const value = (f[iValue!] ?? '').trim();
    if (value === '' || !Number.isFinite(Number(value))) {
      noValue++;
      continue;
    }
    const limit = (i: number) =>
      i >= 0 && Number.isFinite(Number(f[i])) && (f[i] ?? '').trim() !== '' ? (f[i] ?? '').trim() : '';
    out.push(
      [id, quote((f[iName!] ?? '').trim()), quote((f[iPeriod!] ?? '').trim()), value, limit(iLower), limit(iUpper)].join(','),
    );
  }
  if (out.length === 1) {
    const ids = [...unmatched].filter(Boolean);
    throw new FileRejected([
      {
        file,
        severity: 'error',
        message:
          byFingertips.size === 0
            ? 'is a Fingertips download, but no indicator in the manifest names its Fingertips id.'
            : ids.length > 0 && ![...byFingertips.keys()].some((k) => ids.includes(k))
              ? `is a Fingertips download for indicator ${ids.slice(0, 3).join(', ')}, which no indicator in the manifest names as its Fingertips id.`
              : 'is a Fingertips download with no values for England or a region.',
        fix: 'Add "fingertipsId": <the Fingertips indicator id> to the indicator in manifest.json, and download the data with England (and regions) included.',
      },
    ]);
  }
  const problems: Problem[] = [];
  const left = [
    local ? `${local} rows of local areas` : '',
    categories ? `${categories} rows of categories (e.g. deprivation or ethnic group)` : '',
    noValue ? `${noValue} rows with no value` : '',
    unmatched.size ? `rows of Fingertips indicators not named in the manifest (${[...unmatched].slice(0, 3).join(', ')})` : '',
  ].filter(Boolean);
  if (left.length)
    problems.push({
      file,
      severity: 'warning',
      message: `is a Fingertips download: ${out.length - 1} values for England and regions were kept as benchmarks; left out: ${left.join('; ')}.`,
      fix: "Nothing to do, unless a benchmark you need is missing. Fingertips values must be on the indicator's scale (its multiplier).",
    });
  return { csv: out.join('\n'), problems };
}
