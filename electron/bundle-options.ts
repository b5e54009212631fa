// esbuild options of the desktop app's bundles, shared by `npm run build:electron` and the bench
// (which times the parse worker exactly as the app ships it).
export const BUNDLE_COMMON = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  logLevel: 'info' as const,
  // fixtures/district-files.ts locates the sample by import.meta.url; in the app the worker is
  // given sampleDir instead, so an empty stand-in is enough.
  define: { 'import.meta.url': '"file:///"' },
};

/** The parse worker's entry: the engine's helper thread for big ledgers (shared/workspace/parse-client.ts). */
export const PARSE_WORKER_ENTRY = 'shared/workspace/parse-worker.ts';
