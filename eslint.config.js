// Lint, including the import boundaries of DESIGN.md's layout: the engine's layers and the
// shell's share of shared/ (eslint-layers.js), renderer -> contract, format, i18n; shared/ knows
// nothing of Electron or React.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layersPlugin } from './eslint-layers.js';

// CJK characters (ideographs, CJK punctuation, full-width forms): text a user reads, which
// belongs in the catalogue (shared/i18n), not in code.
const CJK = '[\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef]';
const cjkMessage = 'User-facing text goes in the catalogue (shared/i18n/messages-*.ts), Chinese and English; data words in a data module.';

/** Files the importer rewrite owns (field labels, separators, data patterns), exempt from the CJK rule until it lands. */
const nodeOnly = ['node:*', 'fs', 'path', 'os', 'crypto', 'worker_threads', 'better-sqlite3-multiple-ciphers', 'electron'];

export default tseslint.config(
  { ignores: ['types/', 'node_modules/', 'dist/', 'dist-electron/', 'release/', 'docs/', 'test/bench/data/', 'tmp/', 'dist-cli/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'react', 'react-dom', 'antd', 'recharts'], message: 'shared/ is the engine: no Electron or UI imports.' },
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import from electron/ or renderer/.' },
        ],
      }],
    },
  },
  {
    // Tests may reach across layers to set a case up; the code they test may not.
    files: ['shared/**/*.ts', 'electron/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
  {
    // i18n: no Chinese in code outside the catalogue and the header aliases the importer matches.
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: [
      '**/*.test.{ts,tsx}', 'shared/i18n/**', 'shared/ingest/fields.ts',
      // Shipped migrations are history, never edited: their SQL holds stored values.
      'shared/workspace/migrations/**',
      // The importer's rewrite replaces these: field labels from one source, data patterns
      // (subtotal rows, cash accounts) in data modules. Until it lands they are not checked.
    ],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: `Literal[value=/${CJK}/]`, message: cjkMessage },
        { selector: `TemplateElement[value.raw=/${CJK}/]`, message: cjkMessage },
        { selector: `JSXText[value=/${CJK}/]`, message: cjkMessage },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/vite.config.ts'], // the Vite config runs in Node at build time
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeOnly.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'The renderer never touches Node: go through window.audit.' })),
        patterns: [
          { group: ['node:*'], message: 'The renderer never touches Node: go through window.audit.' },
          { group: ['**/shared/*', '!**/shared/contract', '!**/shared/contract/*', '!**/shared/format', '!**/shared/format/*', '!**/shared/i18n', '!**/shared/i18n/*'], message: 'The renderer may import only shared/contract, shared/format and shared/i18n.' },
          { group: ['**/electron/**'], message: 'The renderer must not import the shell.' },
        ],
      }],
    },
  },
);
