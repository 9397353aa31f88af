import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The data path runs one way: import -> engine -> queries and disclosure -> hooks -> views.
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
    files: [
      'src/import/**',
      'src/engine/**',
      'src/queries/**',
      'src/disclosure/**',
      'src/stats/**',
      'src/contract/**',
      'src/session/**',
      'src/workspace/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: NO_REACT }] },
  },
  {
    files: ['src/views/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: VIEW_LIMITS }] },
  },
  {
    files: ['test/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
