// `npm run build:electron`: bundles main, preload and the engine worker to dist-electron/*.cjs.
// better-sqlite3-multiple-ciphers (native, SQLite with SQLCipher) and electron stay external; everything else is inlined.
import { build } from 'esbuild';
import { BUNDLE_COMMON, PARSE_WORKER_ENTRY } from './bundle-options';

// playwright-core is the CLI's PDF printer; in the app main prints with Electron (electron/pdf.ts),
// so the worker never loads it and it is not packaged. The parse worker is the engine's helper
// thread for big ledgers (shared/workspace/parse-client.ts).
await build({ ...BUNDLE_COMMON, entryPoints: { main: 'electron/main.ts', 'engine-worker': 'electron/engine-worker.ts', 'parse-worker': PARSE_WORKER_ENTRY }, outdir: 'dist-electron', outExtension: { '.js': '.cjs' }, external: [...BUNDLE_COMMON.external, 'playwright-core'] });
// The preload runs sandboxed: only `electron` may be required.
await build({ ...BUNDLE_COMMON, entryPoints: { preload: 'electron/preload.ts' }, outdir: 'dist-electron', outExtension: { '.js': '.cjs' }, external: ['electron'] });
