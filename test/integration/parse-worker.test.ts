// Big CSV ledgers are parsed in a worker thread while the importer writes. The result must be
// the same as parsing inline, errors included; a worker that cannot start means inline parsing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../shared/workspace/db';
import type { AuditService } from '../../shared/service';
import { CancelledError } from '../../shared/ingest/table';
import { parseInWorker, setParseWorkerPath } from '../../shared/workspace/parse-client';
import { writeSyntheticLedger } from '../bench/synthetic';
import { openTempService, tempDir } from '../helpers';

const dbOf = (s: AuditService): Db => (s as unknown as { db: Db }).db;
/** What an import stored: the line and voucher blocks (their ids, sizes and bytes), the texts and the attribute tuples. */
const dump = (s: AuditService) => ({
  lines: dbOf(s).prepare('SELECT first_line, line_count, hex(data) FROM line_blocks ORDER BY first_line').raw().all(),
  vouchers: dbOf(s).prepare('SELECT first_voucher, voucher_count, hex(data) FROM voucher_blocks ORDER BY id').raw().all(),
  texts: dbOf(s).prepare('SELECT id, text FROM texts ORDER BY id').raw().all(),
  attrs: dbOf(s).prepare('SELECT * FROM line_attrs ORDER BY id').raw().all(),
});

describe('the parse worker', () => {
  const services: AuditService[] = [];
  afterEach(async () => {
    setParseWorkerPath(undefined);
    for (const s of services.splice(0)) await s.closeWorkspace();
  });
  const open = async () => {
    const { service } = await openTempService();
    services.push(service);
    return service;
  };

  it('writes exactly what inline parsing writes, and the rules find the same', async () => {
    const big = join(tempDir(), 'big.csv');
    await writeSyntheticLedger(big, 60_000);
    const a = await open();
    const ra = await a.importFile({ path: big, kind: 'ledger' });
    expect(ra).toMatchObject({ status: 'imported', parser: 'worker', rowsImported: 60_000 });
    process.env.VA_PARSE_WORKER = '0';
    const b = await open();
    const rb = await b.importFile({ path: big, kind: 'ledger' });
    delete process.env.VA_PARSE_WORKER;
    expect(rb).toMatchObject({ status: 'imported', parser: 'inline', rowsImported: 60_000 });
    expect(dump(a)).toEqual(dump(b));
    const fa = await a.runRules();
    const fb = await b.runRules();
    expect(fa.total).toBe(fb.total);
    expect((await a.listFindings({ limit: 100_000 })).rows).toEqual((await b.listFindings({ limit: 100_000 })).rows);
  });

  it('reports row errors with file:line:column and imports nothing', async () => {
    const big = join(tempDir(), 'big-bad.csv');
    await writeSyntheticLedger(big, 50_000);
    // Break two lines far into the file.
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(big, 'utf8').split('\n');
    lines[40_000] = lines[40_000]!.replace(/,\d{4}-\d{2}-\d{2},/, ',2018-13-45,');
    lines[45_000] = lines[45_000]!.replace(/,(\d+\.\d{2}),/, ',12x.5,');
    writeFileSync(big, lines.join('\n'));
    const s = await open();
    const r = await s.importFile({ path: big, kind: 'ledger' });
    expect(r).toMatchObject({ status: 'rejected', parser: 'worker', errorCount: 2 });
    expect(r.errors.map((e) => `${e.file}:${e.line}:${e.column}`)).toEqual(['big-bad.csv:40001:3', expect.stringMatching(/^big-bad\.csv:45001:\d+$/)]);
    expect(await s.workspaceInfo()).toMatchObject({ files: 0, lines: 0 });
  });

  it('recognises the same big file twice by its hash, checked while the worker starts, and writes nothing', async () => {
    const big = join(tempDir(), 'twice.csv');
    await writeSyntheticLedger(big, 50_000);
    const s = await open();
    expect(await s.importFile({ path: big, kind: 'ledger' })).toMatchObject({ status: 'imported', parser: 'worker' });
    const before = dump(s);
    const again = await s.importFile({ path: big, kind: 'ledger' });
    expect(again).toMatchObject({ status: 'duplicate', rowsImported: 0 });
    expect(again.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The same when the worker cannot start and the file is read here instead.
    setParseWorkerPath(join(tempDir(), 'no-such-worker.cjs'));
    expect(await s.importFile({ path: big, kind: 'ledger' })).toMatchObject({ status: 'duplicate' });
    expect(dump(s)).toEqual(before);
    expect((await s.listFiles()).length).toBe(1);
  });

  it('handles every message, its done included, when the worker ends before the hash is checked', async () => {
    const small = join(tempDir(), 'small.csv');
    await writeSyntheticLedger(small, 3000);
    let lines = 0;
    let headers = 0;
    // The worker reads 3,000 lines and exits long before this resolves.
    const ready = new Promise((r) => setTimeout(r, 1500));
    const done = await parseInWorker({ path: small, file: 'small.csv', opts: {}, seed: { texts: [], nextText: 1 }, maxErrors: 200 },
      { onHeader: () => { headers++; }, onBatch: (b) => { lines += b.lines.count; }, onProgress: () => undefined }, undefined, ready);
    expect(done).toMatchObject({ t: 'done', rowsImported: 3000, errorCount: 0 });
    expect([headers, lines]).toEqual([1, 3000]);
  });

  it('hears a cancel while a backlog of batches waits to be written', async () => {
    const big = join(tempDir(), 'backlog.csv');
    await writeSyntheticLedger(big, 200_000);
    const abort = new AbortController();
    let handled = 0;
    // A slow writer (5 ms a batch): the worker runs far ahead and its batches queue up here.
    const slowWrite = (): void => {
      const until = performance.now() + 5;
      while (performance.now() < until) { /* SQLite at its slowest */ }
      handled++;
      if (handled === 1) setTimeout(() => abort.abort(), 0);
    };
    const run = parseInWorker({ path: big, file: 'backlog.csv', opts: {}, seed: { texts: [], nextText: 1 }, maxErrors: 200 },
      { onHeader: () => undefined, onBatch: slowWrite, onProgress: () => undefined }, abort.signal);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    // 200,000 lines are about 200 batches: the cancel came in long before the last of them.
    expect(handled).toBeGreaterThan(0);
    expect(handled).toBeLessThan(50);
  });

  it('parses inline when the worker cannot start', async () => {
    const big = join(tempDir(), 'big2.csv');
    await writeSyntheticLedger(big, 50_000);
    setParseWorkerPath(join(tempDir(), 'no-such-worker.cjs'));
    const s = await open();
    expect(await s.importFile({ path: big, kind: 'ledger' })).toMatchObject({ status: 'imported', parser: 'inline', rowsImported: 50_000 });
  });

  it('stops on cancel and leaves the workspace as it was', async () => {
    const big = join(tempDir(), 'big3.csv');
    await writeSyntheticLedger(big, 300_000);
    const s = await open();
    const p = s.importFile({ path: big, kind: 'ledger' });
    await new Promise((r) => setTimeout(r, 300));
    await s.cancelImport();
    expect(await p).toMatchObject({ status: 'cancelled' });
    expect(await s.workspaceInfo()).toMatchObject({ files: 0, lines: 0 });
  });
});
