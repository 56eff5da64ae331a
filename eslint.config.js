import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Imports that would make the DOM-free core depend on the page. */
const pageOnlyImports = [
  { group: ['**/app/**', '**/ui/**', '*.svelte', '**/*.svelte'], message: 'The core must not import the app or UI layers.' },
  { group: ['svelte', 'svelte/*', 'maplibre-gl', 'maplibre-gl/*', 'deck.gl', '@deck.gl/*'], message: 'The core is DOM-free: no UI or map libraries.' },
];

export default tseslint.config(
  { ignores: ['dist/', '.scratch/', 'node_modules/', 'bench/results/', 'public/', '.svelte-kit/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig } },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/app/**', 'src/ui/**', 'src/main.ts', 'src/vite-env.d.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: pageOnlyImports }] },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pageOnlyImports[0]] }],
    },
  },
  {
    // The plain reference risk model is a test oracle (src/risk/reference): only tests import it.
    files: ['**/*.ts', '**/*.svelte'],
    ignores: ['**/*.test.ts', 'src/risk/reference/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/risk/reference/**', './reference/**'], message: 'The reference risk model is for tests only.' }] },
      ],
    },
  },
  {
    // The board worker, the CLI and the workers reach the risk engine through its facade only
    // (src/risk/RiskEngine.ts); types may come from anywhere in src/risk.
    files: ['src/board/**/*.ts', 'src/cli/**/*.ts', 'workers/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.bench.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/risk/reference/**', './reference/**'], message: 'The reference risk model is for tests only.' },
            {
              group: ['**/risk/*', '!**/risk/RiskEngine.ts'],
              allowTypeImports: true,
              message: 'Go through the RiskEngine facade (src/risk/RiskEngine.ts); only type imports may reach further.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.svelte', 'src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['dexie', 'h3-js', 'proj4', 'udsv'], message: 'Components render and dispatch: go through src/app or a worker.' }] },
      ],
    },
  },
  {
    // Unit files share a module graph (isolate: false in vite.config.ts): vi.mock cannot replace a
    // module another file has already loaded, and our own modules are not mocked anyway.
    files: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'vi', property: 'mock', message: 'Unit files share modules: pass the real thing, or a stand-in through a parameter.' },
        { object: 'vi', property: 'doMock', message: 'Unit files share modules: pass the real thing, or a stand-in through a parameter.' },
      ],
    },
  },
);
