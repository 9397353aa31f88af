import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/import/parse-manifest';
import { FileRejected, type Problem } from '../../../src/import/problems';
import { miniManifest } from '../../fixtures/mini-contract';
import { manifestWith, problemMatching } from '../../fixtures/import-helpers';

// Manifest checks need no engine: parseManifest is what loadFiles calls for a manifest, and what it throws
// is what loadFiles reports. (A rejected manifest keeping the earlier one is in atomicity.test.ts.)
function problemsOf(manifest: unknown): Problem[] {
  try {
    parseManifest('manifest.json', manifest);
  } catch (e) {
    if (e instanceof FileRejected) return e.problems;
    throw e;
  }
  throw new Error('the manifest was accepted');
}

describe('manifest', () => {
  it('accepts the mini manifest', () => {
    expect(parseManifest('manifest.json', miniManifest).indicators.map((i) => i.id)).toEqual(['vwi', 'reoff']);
  });

  it('names a missing required field by its path', () => {
    const problems = problemsOf(
      manifestWith((x) => {
        delete (x as Partial<typeof x>).title;
      }),
    );
    expect(problems).toHaveLength(1);
    const p = problemMatching(problems, /^"title" is missing \(it must be a string\)/);
    expect(p).toMatchObject({ file: 'manifest.json', severity: 'error', column: 'title' });
    expect(p.fix).toMatch(/Add "title" there/);
  });

  it('names a missing field inside a dataset by index and id', () => {
    const problems = problemsOf(
      manifestWith((x) => {
        delete (x.datasets[0] as Partial<(typeof x.datasets)[number]>).licence;
      }),
    );
    const p = problemMatching(problems, /"datasets\[0\] \(police\)\.licence" is missing/);
    expect(p).toMatchObject({ file: 'manifest.json', column: 'datasets[0] (police).licence' });
    expect(p.fix).toMatch(/Add "licence" there/);
  });

  it('names an indicator whose dataset is not in the manifest', () => {
    const problems = problemsOf(
      manifestWith((x) => {
        const ind = x.indicators[1];
        if (ind) ind.dataset = 'health';
      }),
    );
    expect(problems).toHaveLength(1);
    const p = problemMatching(
      problems,
      /"indicators\[1\] \(reoff\)\.dataset" names dataset "health", which is not among the manifest's datasets/,
    );
    expect(p).toMatchObject({ file: 'manifest.json', column: 'indicators[1] (reoff).dataset' });
    expect(p.fix).toMatch(/Add a dataset with that id under "datasets"/);
  });

  it('names a geography whose parent level is not declared', () => {
    const problems = problemsOf(manifestWith((x) => x.geographies.push({ level: 'lsoa', title: 'LSOA', parentLevel: 'msoa' })));
    expect(problems).toHaveLength(1);
    const p = problemMatching(
      problems,
      /"geographies\[2\] \(lsoa\)\.parentLevel" parent level "msoa" is not declared among the geographies/,
    );
    expect(p).toMatchObject({ file: 'manifest.json', column: 'geographies[2] (lsoa).parentLevel' });
    expect(p.fix).toMatch(/Declare that level under "geographies"/);
  });

  it('names a parent level that is not a geography level at all, and lists the allowed ones', () => {
    const problems = problemsOf(
      manifestWith((x) => x.geographies.push({ level: 'ward', title: 'Ward', parentLevel: 'county' as 'district' })),
    );
    const p = problemMatching(problems, /"geographies\[2\] \(ward\)\.parentLevel" is "county", which is not allowed/);
    expect(p.fix).toBe('Use one of: "lsoa", "msoa", "ward", "district", "vru".');
  });

  it('names a wrong schema version and a wrong type', () => {
    const problems = problemsOf({ ...miniManifest, schemaVersion: 2, synthetic: 'yes' });
    expect(problemMatching(problems, /"schemaVersion" is 2, which is not allowed/).fix).toBe('Use one of: 1.');
    expect(problemMatching(problems, /"synthetic" must be a boolean, but is "yes"/).column).toBe('synthetic');
  });

  it('names a field of the wrong kind', () => {
    const problems = problemsOf({ schemaVersion: 1, datasets: 'police' });
    expect(problemMatching(problems, /"datasets" must be an array, but is "police"/).column).toBe('datasets');
  });
});
