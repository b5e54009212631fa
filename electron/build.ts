// `npm run build:electron`: bundles main, preload and the engine worker to dist-electron/*.cjs.
// better-sqlite3 (native) and electron stay external; everything else is inlined.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'info' as const,
  // fixtures/district-files.ts locates the sample by import.meta.url; in the app the worker is
  // given sampleDir instead, so an empty stand-in is enough.
  define: { 'import.meta.url': '"file:///"' },
};

// playwright-core is the CLI's PDF printer; in the app main prints with Electron (electron/pdf.ts),
// so the worker never loads it and it is not packaged. The parse worker is the engine's helper
// thread for big ledgers (shared/workspace/parse-client.ts).
await build({ ...common, entryPoints: { main: 'electron/main.ts', 'engine-worker': 'electron/engine-worker.ts', 'parse-worker': 'shared/workspace/parse-worker.ts' }, outdir: 'dist-electron', outExtension: { '.js': '.cjs' }, external: [...common.external, 'playwright-core'] });
// The preload runs sandboxed: only `electron` may be required.
await build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir: 'dist-electron', outExtension: { '.js': '.cjs' }, external: ['electron'] });
