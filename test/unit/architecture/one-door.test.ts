import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

// Readers that describe the shape of what was loaded (rows, months, areas). Every other query reads figures from a
// protected table only; the cube the disclosure layer protects is built in src/disclosure (build-cube.ts).
const RAW_READERS = new Set(['catalogue-summary.ts', 'coverage-matrix.ts', 'area-list.ts']);
const RAW_TABLE = /\b(FROM|JOIN)\s+"?(extracts|cube)"?(\s|$|\)|,|;)/i;

describe('one door for numbers', () => {
  it('no query module reads the raw extracts or the unprotected cube, except the ones that build or describe them', () => {
    const offenders = files('src/queries')
      .filter((f) => !RAW_READERS.has(path.basename(f)))
      .filter((f) => RAW_TABLE.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the raw-table pattern does catch a raw read (so the check above means something)', () => {
    expect(RAW_TABLE.test('SELECT count FROM extracts WHERE x')).toBe(true);
    expect(RAW_TABLE.test('SELECT * FROM cube;')).toBe(true);
    expect(RAW_TABLE.test('SELECT * FROM population_cube')).toBe(false);
    expect(RAW_TABLE.test('SELECT * FROM protected_analyst')).toBe(false);
  });

  it('no view imports the engine, a query module or the importer (other than types)', () => {
    const offenders = files('src/views').flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => /^import\s(?!type\b)/.test(l) && /from '[./]*\/(engine|queries|import)\//.test(l))
        .map((l) => `${f}: ${l}`),
    );
    expect(offenders).toEqual([]);
  });

  it('nothing outside the session and the engine starts an engine', () => {
    const offenders = files('src')
      .filter((f) => !f.includes(`${path.sep}engine${path.sep}`) && !f.endsWith('SessionBoot.tsx'))
      .filter((f) => /create(Browser|Node)Engine\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
