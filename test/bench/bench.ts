// `npm run bench`: synthetic districts of 10k, 100k and 1M ledger lines, each in its own
// process; prints time per phase, lines per second and peak memory, then checks that time
// grows linearly. Targets (issue 3): 1M lines <= 3.5 s in all, peak <= 400 MB.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_COMMON, PARSE_WORKER_ENTRY } from '../../electron/bundle-options';

// The parse worker as the app ships it (electron/build.ts bundles the same entry): measuring it
// through tsx would time tsx's loader in the worker, not the engine.
const parseWorker = join(process.cwd(), 'test', 'bench', 'data', 'parse-worker.cjs');
await build({ ...BUNDLE_COMMON, entryPoints: [PARSE_WORKER_ENTRY], outfile: parseWorker, sourcemap: false, logLevel: 'warning' });

const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
const results: (Record<string, number> & { perRuleMs?: Record<string, number> })[] = [];
for (const n of sizes) {
  // The app's engine worker runs with a 256 MB old-generation limit (electron/engine-client.ts):
  // the benchmark runs the engine the same way, so V8 collects instead of growing the heap.
  const out = execFileSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', 'test/bench/run-one.ts', String(n)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, VA_BENCH_PARSE_WORKER: parseWorker } });
  const r = JSON.parse(out.trim().split('\n').at(-1) as string) as Record<string, number> & { perRuleMs?: Record<string, number> };
  results.push(r);
}
console.log('lines      file MB  parse ms  insert ms  import ms  rules ms rules-only export ms  total ms  lines/s    findings  peak MB');
for (const r of results) {
  console.log([r.lines, r.fileMB, r.parseMs, r.insertMs, r.importMs, r.rulesMs, r.rulesOnlyMs, r.exportMs, r.totalMs, r.linesPerSec, r.findings, r.peakMB]
    .map((v, i) => String(v).padStart(i === 0 ? 9 : 9)).join(' '));
}
// "rules ms" is the whole run (loading the ledger into memory, every rule, storing the findings); "rules-only" the rules' own time.
const largest = results[results.length - 1];
if (largest?.perRuleMs) console.log(`per rule at ${largest.lines} lines (ms): ${Object.entries(largest.perRuleMs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (results.length > 1) {
  const first = results[0] as Record<string, number>;
  const last = results[results.length - 1] as Record<string, number>;
  const perLine = (r: Record<string, number>): number => (r.totalMs as number) / (r.lines as number);
  console.log(`time per line, largest vs smallest: ${(perLine(last) / perLine(first)).toFixed(2)}x (1.00 = linear)`);
}
const big = results.find((r) => r.lines === 1_000_000);
if (big) console.log(`1M lines: ${big.totalMs} ms (target <= 3500), peak ${big.peakMB} MB (target <= 400)`);
