// Lint, including the import boundaries of DESIGN.md's layout: the engine's layers and the
// shell's share of shared/ (eslint-layers.js), renderer -> contract, format, i18n; shared/ knows
// nothing of Electron or React.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layersPlugin } from './eslint-layers.js';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'crypto', 'worker_threads', 'better-sqlite3', 'electron'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'docs/', 'test/bench/data/'] },
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
