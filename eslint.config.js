// ESLint for the TypeScript sources of every package (`npm test` runs it). Beyond the recommended rules it keeps
// the layers apart: the React package's core stays free of React and the DOM, and the server helper imports
// `node:*` modules only in its Node entry.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SOURCES = ['**/*.{ts,tsx}'];
const TESTS = ['**/*.test.{ts,tsx}', '**/test-support/**', '**/test/**'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/storybook-static/**', '**/.next/**', '**/*.d.ts', '**/.size-entries/**', 'bench/results/**'] },
  {
    files: SOURCES,
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Test doubles and fixtures cast freely; production code is checked by the type checker's strict mode.
      '@typescript-eslint/no-explicit-any': 'error',
      // Control characters in regular expressions are deliberate in the URL checks (they refuse them).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['packages/react-checkout/src/**/*.{ts,tsx}', 'examples/*/src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Scripts, benchmarks and end-to-end runners: plain JavaScript on Node.
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: TESTS,
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The CommonJS consumer test loads every entry with require() on purpose.
    files: ['tests/commonjs/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core is pure TypeScript: no React, no DOM globals (what it may read, it reads through `globalThis`,
    // guarded, so it loads on a server and in a worker).
    files: ['packages/react-checkout/src/core/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/*', 'qrcode.react'], message: 'The core has no React: move this to react/.' },
            { group: ['**/react/**', '../react*'], message: 'Dependencies point one way: react/ may import core/, never the reverse.' },
            { group: ['node:*'], message: 'The core runs in browsers too.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'matchMedia'].map((name) => ({
          name,
          message: 'No DOM in the core: take it as an argument (or read it through globalThis, guarded).',
        })),
      ],
    },
  },
  {
    // Only the Node adapter of the server helper imports Node's own modules; the rest runs on any runtime.
    files: ['packages/server-helper/src/**/*.ts'],
    ignores: ['packages/server-helper/src/node/**', ...TESTS],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'node:* belongs in src/node/ (the Node entry) only.' }] }],
    },
  },
);
