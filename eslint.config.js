import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The data path runs one way: import -> engine -> disclosure -> queries (readers; figures and wording, pure) -> hooks -> views.
// These rules make the direction structural: a view cannot reach the engine or raw queries, and the
// data layers cannot reach React.
const NO_REACT = [
  {
    group: ['react', 'react-dom', 'react-dom/*', '@tanstack/react-query', 'recharts', 'react-leaflet', 'leaflet'],
    message: 'The data path (import, engine, queries, disclosure, stats) does not use React or UI libraries.',
  },
  { group: ['**/views/**', '**/hooks/**', '**/app/**'], message: 'The data path must not depend on hooks or views.' },
];
const VIEW_LIMITS = [
  {
    group: ['**/engine/**', '@duckdb/*'],
    message: 'Views never reach the engine: ask a hook, which asks the disclosure layer.',
    allowTypeImports: true,
  },
  {
    group: ['**/queries/**', '**/import/**'],
    message: 'Views get figures from hooks only, through the disclosure layer.',
    allowTypeImports: true,
  },
];

// src/queries is split by role (README, "How it is built"): readers build SQL and run it; figures and wording
// are pure, so they can be tested without an engine and never run a query a view did not ask for.
const PURE_QUERY_LIMITS = [
  {
    group: ['**/engine/**', '@duckdb/*'],
    message: 'Figure builders and wording are pure: they never reach the engine (a reader in queries/readers does).',
  },
  {
    group: ['**/readers/**', '../readers/*'],
    message: 'Figure builders and wording take rows, they do not read them: import only the types of readers.',
    allowTypeImports: true,
  },
];

const HOOK_LIMITS = {
  group: ['**/views/**', '**/app/**', '../views/*', '../app/*'],
  message: 'Hooks, view state and shared UI sit below the views: they never import a view or the app shell.',
};
// Each folder of src/views is one view (shell holds what every view shares).
const VIEW_FOLDERS = readdirSync(join(import.meta.dirname, 'src/views'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'bench/out', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Everything below the hooks, whatever its folder (a new folder is covered without editing this list).
    files: ['src/**'],
    ignores: ['src/views/**', 'src/hooks/**', 'src/app/**', 'src/ui/**', 'src/url-state/**', 'src/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: NO_REACT }] },
  },
  {
    // A later block replaces the rule's options for these files, so the data-path limits are repeated.
    files: ['src/queries/figures/**', 'src/queries/wording/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...NO_REACT, ...PURE_QUERY_LIMITS] }] },
  },
  {
    files: ['src/hooks/**', 'src/url-state/**', 'src/ui/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [HOOK_LIMITS] }] },
  },
  ...VIEW_FOLDERS.map((folder) => ({
    files: [`src/views/${folder}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...VIEW_LIMITS,
            {
              // A view's folder owns its parts; shared pieces live in views/shell or src/ui.
              group: VIEW_FOLDERS.filter((f) => f !== folder && f !== 'shell')
                .map((f) => `**/views/${f}/**`)
                .concat(VIEW_FOLDERS.filter((f) => f !== folder && f !== 'shell').map((f) => `../${f}/**`)),
              message: 'A view does not import another view: move what both need to views/shell or src/ui.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['test/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
