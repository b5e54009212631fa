// One benchmark size in its own process, so peak memory (maxRSS) is this size's alone.
// Prints one JSON line: time per phase, lines per second, peak memory.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { readTable } from '../../shared/ingest/read-table';
import { TableRows } from '../../shared/ingest/table-rows';
import { AuditService } from '../../shared/service';
import { setParseWorkerPath } from '../../shared/workspace/parse-client';
import { writeSyntheticLedger } from './synthetic';

const lines = Number(process.argv[2]);
// bench.ts hands over the bundled parse worker, the one the app runs.
if (process.env.VA_BENCH_PARSE_WORKER) setParseWorkerPath(process.env.VA_BENCH_PARSE_WORKER);
const dir = join(process.cwd(), 'test', 'bench', 'data');
mkdirSync(dir, { recursive: true });
const file = join(dir, `synthetic-${lines}.csv`);
if (!existsSync(file)) await writeSyntheticLedger(file, lines);
const ws = join(dir, `bench-${lines}.sqlite`);
for (const f of [ws, `${ws}-wal`, `${ws}-shm`]) rmSync(f, { force: true });

const ms = (t0: number): number => Math.round(performance.now() - t0);

// Phase 1: decode + parse alone (the import below does it again, with mapping and inserts).
let t = performance.now();
await readTable(file, { onRow: () => true });
const parseMs = ms(t);

// Phase 1b: decode + parse + every row mapped to a ledger record (as the parse worker does), nothing kept:
// with phase 1, what the stack costs before a line is encoded or stored.
t = performance.now();
const mapper = new TableRows({ kind: 'ledger', file: 'bench', maxErrors: 200, checkWidth: true, reuseRecords: true, onHeader: () => undefined, onRecord: () => undefined });
await readTable(file, { onRow: mapper.onRow });
mapper.finish();
const mapMs = ms(t);
if (mapper.rowsImported !== lines) throw new Error(`mapped ${mapper.rowsImported} of ${lines} rows`);

// Phase 2: the whole import into an on-disk workspace (decode, parse, map, insert, index).
const service = new AuditService();
// VA_BENCH_PASSWORD: the same run into an encrypted workspace (SQLCipher), for the plain-vs-encrypted comparison.
await service.openWorkspace({ path: ws, create: true, ...(process.env.VA_BENCH_PASSWORD ? { password: process.env.VA_BENCH_PASSWORD } : {}) });
t = performance.now();
const r = await service.importFile({ path: file, kind: 'ledger' });
const importMs = ms(t);
if (r.status !== 'imported') throw new Error(`import failed: ${r.message}`);

// Phase 3: every rule.
t = performance.now();
const run = await service.runRules();
const rulesMs = ms(t);

// Phase 4: findings and lead files.
t = performance.now();
await service.listFindings({ limit: 200_000 });
await service.exportLeads({ dir: join(dir, `leads-${lines}`) });
const exportMs = ms(t);
await service.closeWorkspace();

const totalMs = importMs + rulesMs + exportMs;
console.log(JSON.stringify({
  lines: r.rowsImported,
  fileMB: +(statSync(file).size / 1e6).toFixed(1),
  parseMs,
  mapMs,
  insertMs: importMs - parseMs,
  importMs,
  rulesMs,
  // The rules alone (runRules times each rule's function): without loading the snapshot or storing findings.
  rulesOnlyMs: run.rulesMs,
  perRuleMs: Object.fromEntries(run.rules.map((x) => [x.rule, x.ms])),
  exportMs,
  totalMs,
  linesPerSec: Math.round(r.rowsImported / (totalMs / 1000)),
  findings: run.total,
  peakMB: Math.round(resourceUsage().maxRSS / 1024),
}));
