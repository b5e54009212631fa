// `npm run bench`: synthetic districts of 10k, 100k and 1M ledger lines, each in its own
// process; prints time per phase, lines per second and peak memory, then checks that time
// grows linearly. Targets (issue 3): 1M lines <= 3.5 s in all, peak <= 400 MB.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_COMMON, PARSE_WORKER_ENTRY } from '../../electron/bundle-options';
import { appImport, cliAudit, pandasReference } from './whole-process';

// The parse worker as the app ships it (electron/build.ts bundles the same entry): measuring it
// through tsx would time tsx's loader in the worker, not the engine.
const parseWorker = join(process.cwd(), 'test', 'bench', 'data', 'parse-worker.cjs');
await build({ ...BUNDLE_COMMON, entryPoints: [PARSE_WORKER_ENTRY], outfile: parseWorker, sourcemap: false, logLevel: 'warning' });

const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
type Result = Record<string, number> & { perRuleMs?: Record<string, number> };
/** One size, plain or encrypted (SQLCipher with a password), in its own process. */
function runOne(n: number, encrypted: boolean): Result {
  // The app's engine worker runs with a 256 MB old-generation limit (electron/engine-client.ts):
  // the benchmark runs the engine the same way, so V8 collects instead of growing the heap.
  const env = { ...process.env, VA_BENCH_PARSE_WORKER: parseWorker, ...(encrypted ? { VA_BENCH_PASSWORD: 'bench password' } : {}) };
  const out = execFileSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', 'test/bench/run-one.ts', String(n)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as Result;
}
const results = sizes.map((n) => runOne(n, false));
// The largest size again, encrypted: an encrypted audit stays within 1.2x of the plain one (issue 12).
const largest = Math.max(...sizes);
const encrypted = runOne(largest, true);
console.log('lines      file MB  parse ms  insert ms  import ms  rules ms rules-only export ms  total ms  lines/s    findings  peak MB');
for (const r of results) {
  console.log([r.lines, r.fileMB, r.parseMs, r.insertMs, r.importMs, r.rulesMs, r.rulesOnlyMs, r.exportMs, r.totalMs, r.linesPerSec, r.findings, r.peakMB]
    .map((v, i) => String(v).padStart(i === 0 ? 9 : 9)).join(' '));
}
// "rules ms" is the whole run (loading the ledger into memory, every rule, storing the findings); "rules-only" the rules' own time.
const top = results[results.length - 1];
if (top?.perRuleMs) console.log(`per rule at ${top.lines} lines (ms): ${Object.entries(top.perRuleMs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (results.length > 1) {
  const first = results[0] as Record<string, number>;
  const last = results[results.length - 1] as Record<string, number>;
  const perLine = (r: Record<string, number>): number => (r.totalMs as number) / (r.lines as number);
  console.log(`time per line, largest vs smallest: ${(perLine(last) / perLine(first)).toFixed(2)}x (1.00 = linear)`);
}
const plain = results.find((r) => r.lines === largest) as Record<string, number>;
console.log(`encrypted ${largest} lines: ${encrypted.totalMs} ms (import ${encrypted.importMs}, rules ${encrypted.rulesMs}, export ${encrypted.exportMs}) vs plain ${plain.totalMs} ms: ${((encrypted.totalMs as number) / (plain.totalMs as number)).toFixed(2)}x (target <= 1.20)`);
const big = results.find((r) => r.lines === 1_000_000);
if (big) console.log(`1M lines: ${big.totalMs} ms (target <= 3500), peak ${big.peakMB} MB (target <= 400)`);

// Whole process, as the user runs it, on the largest size: the CLI from outside against pandas doing
// only the first three checks in memory (test/bench/pandas_reference.py), and the app's engine.
const file = join(process.cwd(), 'test', 'bench', 'data', `synthetic-${largest}.csv`);
const cli = cliAudit(file);
// The same with the file parsed in the importer's thread: on two cores the parse workers buy some
// time with memory (two heaps, and what the allocator keeps of them after they end).
const cliInThread = cliAudit(file, true);
const pandas = pandasReference(file);
const app = await appImport(file);
const mb = (v: number | null): string => (v === null ? '?' : `${v} MB`);
console.log(`\nwhole process, ${largest.toLocaleString('en')} lines (wall s, peak RSS):`);
console.log(`  CLI audit (bundled, all rules, on-disk workspace, lead files): ${cli.seconds.toFixed(2)} s, ${mb(cli.peakMB)} (${availableParallelism()} cores)`);
console.log(`  the same parsed in-thread, no parse worker (VA_PARSE_WORKER=0): ${cliInThread.seconds.toFixed(2)} s, ${mb(cliInThread.peakMB)}`);
if (pandas) console.log(`  pandas reference (three checks, in memory):                  ${pandas.seconds.toFixed(2)} s, ${mb(pandas.peakMB)}`);
else console.log('  pandas reference: python3-pandas not installed (apt-get install python3-pandas)');
if (pandas) console.log(`  ratio CLI / pandas: ${(cli.seconds / pandas.seconds).toFixed(2)} (target <= 1.00), CLI peak ${mb(cli.peakMB)} (target <= 400 MB)`);
// The floor our stack sets, from the largest size's phases: the engine's reader decoding and
// parsing the file (phase 1 of run-one.ts), every row mapped to a ledger record (phase 1b), and the
// rules' own time, each in one thread; then all of it as if split perfectly over two cores, with
// no line stored, no finding written and no file made.
const parseOnly = (top?.parseMs ?? 0) / 1000;
const mapping = ((top?.mapMs ?? 0) - (top?.parseMs ?? 0)) / 1000;
const rulesOnly = (top?.rulesOnlyMs ?? 0) / 1000;
if (pandas && rulesOnly > 0) {
  const best = (parseOnly + Math.max(0, mapping) + rulesOnly) / 2;
  console.log(`  floor: decode and parse ${parseOnly.toFixed(2)} s, mapping the rows ${mapping.toFixed(2)} s, the rules' own time ${rulesOnly.toFixed(2)} s (one thread each);` +
    ` split perfectly over two cores ${best.toFixed(2)} s = ${(best / pandas.seconds).toFixed(2)}x pandas, with nothing stored`);
}
console.log(`  app engine worker (${app.parser}): import ${app.importSeconds.toFixed(2)} s (${(app.importSeconds / cli.seconds).toFixed(2)}x the whole CLI run; target <= 1.3x), rules ${app.rulesSeconds.toFixed(2)} s;`);
console.log(`    progress: ${app.progressEvents} reports, longest pause ${app.longestGapMs} ms, last at ${(app.lastFraction * 100).toFixed(0)}%`);
