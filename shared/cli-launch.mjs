// `npm run cli`: runs the command line from its bundle (dist-cli/, built with esbuild like the
// app's shell), so no TypeScript loader runs at start. ES modules split at the engine's dynamic
// imports: `--help` loads a few hundred kilobytes, `audit` the engine, an .xls SheetJS, a handoff
// exceljs. The bundle is built on first use, and again whenever a source of the engine is newer.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-cli');
const entry = join(out, 'cli-bundle.mjs');
const SOURCES = ['shared', 'fixtures/district-files.ts', 'package-lock.json'];

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of readdirSync(path)) if (!e.endsWith('.test.ts')) m = Math.max(m, newest(join(path, e)));
  return m;
}

function stale() {
  if (!existsSync(entry) || !existsSync(join(out, 'parse-worker.cjs'))) return true;
  const built = statSync(entry).mtimeMs;
  return SOURCES.some((s) => existsSync(join(root, s)) && newest(join(root, s)) > built);
}

if (stale()) {
  const { build } = await import('esbuild');
  // As electron/bundle-options.ts (BUNDLE_COMMON) has it for the app: node, the native module and
  // the PDF printer outside. ES modules need `require` made for the CommonJS dependencies inside.
  const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', external: ['electron', 'better-sqlite3-multiple-ciphers', 'playwright-core'], absWorkingDir: root };
  await build({
    ...common, entryPoints: ['shared/cli-bundle.ts'], outdir: out, format: 'esm', splitting: true, outExtension: { '.js': '.mjs' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  // The parse worker is one file of its own: CommonJS, as the app ships it.
  await build({ ...common, entryPoints: { 'parse-worker': 'shared/workspace/parse-worker.ts' }, outdir: out, format: 'cjs', outExtension: { '.js': '.cjs' } });
}

const { run } = await import(pathToFileURL(entry).href);
process.exitCode = await run(process.argv.slice(2), out);
