// The import directions eslint.config.js enforces, shown to bite: each rule is run by ESLint itself on a line that
// breaks it (so a rule that stops matching, e.g. after a folder is renamed, fails here), and the tree is read
// for the same directions so a file that escapes the lint (a disable comment) is caught too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

/** The module specifiers a file imports at run time (type-only imports are left out). */
function runtimeImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
}

const eslint = new ESLint({ cwd: process.cwd() });

/** The messages of no-restricted-imports for `code` as if it were the file at `filePath`. */
async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import directions (eslint.config.js)', () => {
  it('a figure builder or wording module may not reach the engine, nor call a reader', async () => {
    const engine = "import { createNodeEngine } from '../../engine/node-engine';\nexport const e = createNodeEngine;\n";
    const reader = "import { mapFigures } from '../readers/map-figures';\nexport const m = mapFigures;\n";
    for (const folder of ['figures', 'wording']) {
      expect(await restricted(engine, `src/queries/${folder}/probe.ts`)).toEqual([expect.stringContaining('pure')]);
      expect(await restricted(reader, `src/queries/${folder}/probe.ts`)).toEqual([expect.stringContaining('take rows')]);
    }
    // The types of what a reader returns are what a builder works on, so they stay allowed.
    const readerType = "import type { MapFigures } from '../readers/map-figures';\nexport type M = MapFigures;\n";
    expect(await restricted(readerType, 'src/queries/figures/probe.ts')).toEqual([]);
    expect(await restricted(engine, 'src/queries/readers/probe.ts')).toEqual([]);
  }, 60_000);

  it('readers and the rest of the data path never import React, hooks or views', async () => {
    const react = "import { useState } from 'react';\nexport const u = useState;\n";
    const view = "import { MapView } from '../../views/map/MapView';\nexport const v = MapView;\n";
    for (const file of ['src/queries/readers/probe.ts', 'src/queries/figures/probe.ts', 'src/disclosure/probe.ts']) {
      expect(await restricted(react, file)).toHaveLength(1);
      expect(await restricted(view.replace('../../', '../'.repeat(file.split('/').length - 2)), file)).toHaveLength(1);
    }
  }, 60_000);

  it('hooks never import a view, and a view never imports another view', async () => {
    const hookToView = "import { MapView } from '../views/map/MapView';\nexport const v = MapView;\n";
    expect(await restricted(hookToView, 'src/hooks/probe.ts')).toHaveLength(1);
    const viewToView = "import { TrendsView } from '../trends/TrendsView';\nexport const v = TrendsView;\n";
    expect(await restricted(viewToView, 'src/views/map/probe.tsx')).toHaveLength(1);
  }, 60_000);
});

describe('import directions in the tree', () => {
  it('no figure builder or wording module imports the engine or a reader at run time', () => {
    const offenders = [...files('src/queries/figures'), ...files('src/queries/wording')].flatMap((f) =>
      runtimeImports(f)
        .filter((spec) => /(^|\/)(engine|readers)\//.test(spec) || spec.startsWith('@duckdb/'))
        .map((spec) => `${f}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('src/queries holds only its three parts, so every module is under one of the rules above', () => {
    expect(readdirSync('src/queries').sort()).toEqual(['figures', 'readers', 'wording']);
  });

  it('nothing outside src/views and the app shell imports a view', () => {
    const offenders = files('src')
      .filter((f) => !f.startsWith(path.join('src', 'views')) && !f.startsWith(path.join('src', 'app')))
      .filter((f) => !f.endsWith('main.tsx'))
      .flatMap((f) =>
        runtimeImports(f)
          .filter((spec) => /(^|\/)views\//.test(spec))
          .map((spec) => `${f}: ${spec}`),
      );
    expect(offenders).toEqual([]);
  });
});
