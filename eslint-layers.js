// The engine's layers, checked on every relative import (types too, export-from and dynamic
// import as well): a layer imports only the layers below it, and its own modules. Layers of one
// rank (format, i18n) do not import each other. electron/ may import only the contract, i18n
// and format; its engine worker hosts the engine and may import any engine layer.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** Lowest first. A module belongs to the first layer one of whose paths is a prefix of its path. */
export const LAYERS = [
  { name: 'contract', rank: 0, paths: ['shared/contract/'] },
  { name: 'format', rank: 1, paths: ['shared/format/'] },
  { name: 'i18n', rank: 1, paths: ['shared/i18n/'] },
  { name: 'ingest', rank: 2, paths: ['shared/ingest/'] },
  { name: 'workspace', rank: 3, paths: ['shared/workspace/'] },
  { name: 'rules', rank: 4, paths: ['shared/rules/'] },
  { name: 'leads', rank: 5, paths: ['shared/leads/'] },
  { name: 'analytics', rank: 6, paths: ['shared/analytics/'] },
  { name: 'service', rank: 7, paths: ['shared/service'] },
  { name: 'cli', rank: 8, paths: ['shared/cli', 'shared/demo'] },
];

const ORDER = 'contract < format, i18n < ingest < workspace < rules < leads < analytics < service < cli';
/** What the shell may use of shared/: plain data and pure functions, no engine. */
const SHELL_MAY_IMPORT = ['contract', 'i18n', 'format'];
/** The sample district's file names, for the command line's and the engine worker's defaults. */
const SAMPLE_FILES = 'fixtures/district-files';

function layerOf(path) {
  // 'shared/rules' (an index) belongs to rules as much as 'shared/rules/types' does.
  return LAYERS.find((l) => l.paths.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p)));
}

/** Why `from` may not import `to`, or null when it may. Paths are relative to the repository, without extension. */
function refusal(from, to) {
  const source = layerOf(from);
  const target = layerOf(to);
  if (from.startsWith('shared/')) {
    if (!source) return `${from} is in no layer of eslint-layers.js: put it in one (${ORDER})`;
    if (target) {
      if (target === source || target.rank < source.rank) return null;
      return `${source.name} may not import ${target.name} (${to}): a layer imports only the layers below it (${ORDER})`;
    }
    if (source.name === 'cli' && to === SAMPLE_FILES) return null;
    return `the engine (shared/) may not import ${to}`;
  }
  if (from.startsWith('electron/')) {
    if (to.startsWith('electron/')) return null;
    if (from === 'electron/engine-worker') {
      if ((target && target.name !== 'cli') || to === SAMPLE_FILES) return null;
      return `the engine worker may not import ${to}`;
    }
    if (target && SHELL_MAY_IMPORT.includes(target.name)) return null;
    return `the shell may import only shared/${SHELL_MAY_IMPORT.join(', shared/')} (not ${to}); the engine runs in electron/engine-worker.ts`;
  }
  return null;
}

const withoutExtension = (p) => p.replace(/\.(c|m)?[jt]sx?$/, '');

const importsRule = {
  meta: { type: 'problem', docs: { description: 'Imports follow the layers of eslint-layers.js' }, schema: [] },
  create(context) {
    const from = withoutExtension(relative(ROOT, context.filename).split('\\').join('/'));
    const check = (node) => {
      const spec = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
      if (!spec || !spec.startsWith('.')) return;
      const to = withoutExtension(relative(ROOT, resolve(dirname(context.filename), spec)).split('\\').join('/'));
      const why = refusal(from, to);
      if (why) context.report({ node, message: why });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};

export const layersPlugin = { rules: { imports: importsRule } };
