// The indicator kinds (src/indicator-kinds): one registered for every statistic a manifest may declare, each
// answering for itself; the standardised rate against PHE's published values; and no branching on `statistic`
// left outside the kinds' folder, so adding a kind stays one module and two registrations.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorSchema } from '../../../src/contract/manifest-schema';
import { denominatorOf, kindNamed, kindOf, standardisedKind } from '../../../src/indicator-kinds';
import { dsrKind } from '../../../src/indicator-kinds/dsr';
import { ESP2013_BANDS } from '../../../src/stats';
import { num, PHE_REFERENCE_DIR, readReferenceCsv, relClose } from '../stats/csv';

const STATISTICS = indicatorSchema.shape.statistic.unwrap().options;

describe('the registry', () => {
  it('has a kind for every statistic the manifest accepts, named by it', () => {
    expect(STATISTICS).toEqual(['rate', 'proportion', 'count', 'dsr']);
    for (const s of STATISTICS) expect(kindNamed(s).statistic).toBe(s);
  });

  it('shows an indicator with no denominator as a count, whatever it declares', () => {
    for (const s of STATISTICS) {
      const kind = kindOf({ statistic: s, denominatorSource: 'none' });
      expect(kind.statistic).toBe('count');
      expect(kind.hasRate).toBe(false);
    }
  });

  it('says where each kind’s denominator comes from', () => {
    expect(denominatorOf({ statistic: 'rate', denominatorSource: 'population' })).toBe('population');
    expect(denominatorOf({ statistic: 'rate', denominatorSource: 'extract' })).toBe('extract');
    expect(denominatorOf({ statistic: 'proportion', denominatorSource: 'population' })).toBe('extract');
    expect(denominatorOf({ statistic: 'count', denominatorSource: 'population' })).toBe('none');
    expect(denominatorOf({ statistic: 'dsr', denominatorSource: 'population' })).toBe('population-by-age');
    expect(standardisedKind({ statistic: 'dsr', denominatorSource: 'population' })).toBe(dsrKind);
    expect(standardisedKind({ statistic: 'rate', denominatorSource: 'population' })).toBeNull();
  });

  it('gives each kind its own change test: a proportion’s is not the Poisson test', () => {
    const current = { count: 60, denominator: 100 };
    const previous = { count: 40, denominator: 100 };
    const rate = kindNamed('rate').changeTest(current, previous);
    const proportion = kindNamed('proportion').changeTest(current, previous);
    expect(rate).toMatchObject({ kind: 'tested', method: 'exact conditional binomial' });
    expect(proportion).toMatchObject({ kind: 'tested', method: 'Katz log ratio of proportions' });
    expect(kindNamed('dsr').changeTest(current, previous).kind).toBe('not-tested');
  });
});

describe('the directly standardised rate kind', () => {
  it('reproduces PHE’s DSRs per 100,000 (dsr_expected.csv) from the ESP2013 five-year bands', () => {
    expect(existsSync(PHE_REFERENCE_DIR), `PHE reference values not found at ${PHE_REFERENCE_DIR}`).toBe(true);
    const inputs = readReferenceCsv('dsr_inputs_multiarea.csv');
    const rows = readReferenceCsv('dsr_expected.csv').filter(
      // The others need inputs that are not provided (SOURCES.md).
      (r) => r.statistic === 'dsr per 100000' && ['testdata_big', 'testdata_small'].includes(r.area ?? ''),
    );
    expect(rows.map((r) => r.area)).toEqual(['testdata_big', 'testdata_small']);
    for (const row of rows) {
      const bands = inputs.filter((r) => r.area === row.area);
      // In ESP2013 order (phe-reference.test.ts); the file labels 55-59 "55-69", so the bands are named here.
      expect(bands).toHaveLength(ESP2013_BANDS.length);
      const dsr = dsrKind.fromAgeBands(
        ESP2013_BANDS,
        bands.map((b) => num(b.count)),
        bands.map((b) => Number(b.pop)),
      );
      expect(relClose(dsr.value, num(row.value)), `${row.area} value`).toBe(true);
      expect(relClose(dsr.lower95, num(row.lower95_0cl)), `${row.area} lower`).toBe(true);
      expect(relClose(dsr.upper95, num(row.upper95_0cl)), `${row.area} upper`).toBe(true);
    }
  });

  it('standardises over the bands an indicator records, with the standard population of those ages', () => {
    // 10-14 is the five-year band (5,500); 15-19 (5,500) splits 3/5 to 15-17, 2/5 to 18-24 with all of 20-24 (6,000).
    const w = [5500, 3300, 8200];
    const counts = [30, 50, 80];
    const pops = [6000, 4000, 9000];
    const byHand = (w.reduce((s, wi, i) => s + (wi * counts[i]!) / pops[i]!, 0) / (5500 + 3300 + 8200)) * 100000;
    expect(dsrKind.fromAgeBands(['10-14', '15-17', '18-24'], counts, pops).value).toBeCloseTo(byHand, 9);
    // The order the bands come in does not matter.
    expect(dsrKind.fromAgeBands(['18-24', '10-14', '15-17'], [80, 30, 50], [9000, 6000, 4000]).value).toBeCloseTo(byHand, 9);
  });

  it('never gives a crude rate under its name from one count', () => {
    const one = dsrKind.fromCount(120, 50000, 100000);
    expect(one.value).toBeNull();
    expect(one.reason).toMatch(/not shown as a crude rate/);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('one place for what a kind means', () => {
  it('no module outside src/indicator-kinds branches on an indicator’s statistic', () => {
    const src = path.resolve(__dirname, '../../../src');
    const branch =
      /\bstatistic\s*[!=]==|['"](rate|proportion|count|dsr)['"]\s*[!=]==\s*[\w.?]*statistic\b|case '(rate|proportion|dsr)'/;
    const offending = sources(src)
      .filter((f) => !f.includes(`${path.sep}indicator-kinds${path.sep}`))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => [`${path.relative(src, f)}:${i + 1}`, line] as const)
          .filter(([, line]) => branch.test(line)),
      )
      .map(([where, line]) => `${where}: ${line.trim()}`);
    expect(offending).toEqual([]);
  });
});
