// @ts-check
// `npm run lint` runs this (typescript-eslint's type-checked rules) and `prettier --check .`, with no
// warning allowed. A local `eslint-disable-next-line` must say why, after `--`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.cache/', 'node_modules/', 'screenshots/', 'test/fixtures/', 'lessons/', 'types/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // One program over every file (tsconfig.eslint.json), not one per runtime: type-checked rules
      // need types, not each runtime's globals, which `npm run typecheck` enforces. 17 s, not 33 s.
      parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      eqeqeq: ['error', 'smart'],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // The compiler already refuses these (each folder's tsconfig.json); this also catches `import 'vscode'`,
    // a side-effect import the compiler lets through.
    files: ['src/core/**', 'src/common/**', 'src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Only src/extension uses the vscode API (docs/architecture.md).' }],
          patterns: [{ group: ['node:*'], message: 'src/core, src/common and src/renderer run without Node.' }],
        },
      ],
    },
  },
  {
    // TypeScript itself reports undefined names, with the right globals per runtime.
    files: ['**/*.ts'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Plain JavaScript: values read from JSON, child processes and the page are untyped here, so the
    // no-unsafe-* family would flag every line; the promise, unused and exhaustiveness rules still apply.
    files: ['**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Functions passed to page.evaluate run in the browser.
    files: ['test/e2e/**/*.mjs', 'scripts/preview-renderer.mjs', 'scripts/lib/workbench.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
