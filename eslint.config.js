import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  // generated folders, present once made: vite build, e2e artifacts, `npm run bench` (bench/result.json)
  { ignores: ['dist', 'node_modules', 'test-output', 'bench'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  // Layer boundaries (README "Folder map"): each layer imports only from the layers below it.
  {
    // The domain layer is pure: no UI, storage or i18n imports.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['svelte', 'svelte/*', 'dexie', 'i18next', '**/ui/**', '**/db/**'] },
      ],
    },
  },
  {
    // The report is built from domain results in the language it is given; the caller hands in what needs the
    // UI (the language, the chart rasteriser), so no UI, app state or storage here.
    files: ['src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['svelte', 'svelte/*', 'dexie', '**/ui/**', '**/state/**', '**/db/**', '**/*.svelte'],
              message: 'report/ takes UI things (language, chart rasteriser) as parameters; see build-report.ts.',
            },
          ],
        },
      ],
      // no-restricted-imports does not see import(): the PDF writer once loaded the UI's chart drawing that way
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/(^|[.][.][/])(ui|state|db)[/]|[.]svelte$/]',
          message: 'report/ takes UI things (language, chart rasteriser) as parameters; see build-report.ts.',
        },
      ],
    },
  },
  {
    // Storage knows the domain only: the UI and the app state are built on top of it.
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['svelte', 'svelte/*', '**/ui/**', '**/state/**', '**/*.svelte'],
              message: 'db/ must not depend on the UI or the app state.',
            },
          ],
        },
      ],
    },
  },
  {
    // tests build deliberately malformed files
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    rules: {
      'svelte/no-at-html-tags': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
