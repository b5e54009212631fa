// An import is all or nothing: row errors, a bad second file in a batch, the same file twice, and a
// process killed mid-import all leave the workspace exactly as it was.
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { formatRowError } from '../../shared/ingest/row-errors';
import { AuditService } from '../../shared/service';
import { MAX_REPORTED_ERRORS } from '../../shared/workspace/importer';
import { writeSyntheticLedger } from '../bench/synthetic';
import { csvText, LEDGER_HEADER, ledgerCsv, ledgerRow, openTempService, payment, tempDir, workspaceCounts, type LineSpec } from '../helpers';

const REPO = resolve(__dirname, '../..');

function goodLines(village: string, n: number): LineSpec[] {
  return Array.from({ length: n }, (_, i) =>
    payment({ date: '2018-03-05', voucher: `记-${i + 1}`, summary: '购办公用品', name: '管理费用-办公费', amount: `${i + 1}.00`, village })).flat();
}

describe('import atomicity', () => {
  it('an error on line N leaves the workspace unchanged, and names file:line:column', async () => {
    const { service, dir, path } = await openTempService();
    writeFileSync(join(dir, 'base.csv'), ledgerCsv(goodLines('观山村', 5)));
    expect((await service.importFile({ path: join(dir, 'base.csv'), kind: 'ledger' })).status).toBe('imported');
    await service.runRules();
    const before = workspaceCounts(path);

    const lines = goodLines('赵湾村', 300);
    lines[400] = { ...lines[400]!, debit: '12.345' }; // line 402 (header is line 1), column 8 借方金额
    writeFileSync(join(dir, 'bad.csv'), ledgerCsv(lines));
    const r = await service.importFile({ path: join(dir, 'bad.csv'), kind: 'ledger' });
    expect(r.status).toBe('rejected');
    expect(r.rowsImported).toBe(0);
    expect(r.errorCount).toBe(1);
    expect(formatRowError(r.errors[0]!)).toMatch(/^bad\.csv:402:8（借方金额） /);
    expect(r.errors[0]).toMatchObject({ expected: '1234.50', found: '12.345', code: 'row.money.too-many-decimals' });
    expect(workspaceCounts(path)).toEqual(before);
    expect(r.message).toContain('工作区保持不变');
    await service.closeWorkspace();
  });

  it('reports every error up to a cap, and counts the rest', async () => {
    const { service, dir, path } = await openTempService();
    const before = workspaceCounts(path);
    const rows = Array.from({ length: 500 }, (_, i) => ledgerRow({ date: i % 2 ? '2018-02-30' : '2018-03-01', voucher: `记-${i}`, summary: 'x', code: '541', name: '管理费用', debit: i % 2 ? '1' : 'abc' }));
    writeFileSync(join(dir, 'many.csv'), csvText([LEDGER_HEADER, ...rows]));
    const r = await service.importFile({ path: join(dir, 'many.csv'), kind: 'ledger' });
    expect(r.status).toBe('rejected');
    expect(r.errorCount).toBe(500);
    expect(r.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(r.errors[0]).toMatchObject({ file: 'many.csv', line: 2, column: 8, field: 'debit', found: 'abc' });
    expect(r.errors[1]).toMatchObject({ file: 'many.csv', line: 3, column: 3, field: 'date', found: '2018-02-30' });
    for (const e of r.errors) expect(formatRowError(e)).toMatch(/^many\.csv:\d+:\d+/);
    expect(workspaceCounts(path)).toEqual(before);
    await service.closeWorkspace();
  });

  it('recognises the same file twice (also under another name) and does not double its lines', async () => {
    const { service, dir, path } = await openTempService();
    const text = ledgerCsv(goodLines('赵湾村', 10));
    writeFileSync(join(dir, 'a.csv'), text);
    writeFileSync(join(dir, 'copy-of-a.csv'), text);
    const first = await service.importFile({ path: join(dir, 'a.csv'), kind: 'ledger' });
    expect(first.status).toBe('imported');
    const after = workspaceCounts(path);
    expect(after.ledger_rows).toBe(20);
    const again = await service.importFile({ path: join(dir, 'a.csv'), kind: 'ledger' });
    expect(again.status).toBe('duplicate');
    expect(again.sha256).toBe(first.sha256);
    expect((await service.importFile({ path: join(dir, 'copy-of-a.csv'), kind: 'ledger' })).status).toBe('duplicate');
    expect(workspaceCounts(path)).toEqual(after);
    const batch = await service.importBatch([{ path: join(dir, 'a.csv'), kind: 'ledger' }]);
    expect(batch.ok).toBe(true);
    expect(batch.results[0]?.status).toBe('duplicate');
    expect(workspaceCounts(path)).toEqual(after);
    expect((await service.previewFile({ path: join(dir, 'a.csv'), kind: 'ledger' })).alreadyImported).toBe(true);
    await service.closeWorkspace();
  });

  it('a batch whose second file is bad leaves nothing from the first', async () => {
    const { service, dir, path } = await openTempService();
    writeFileSync(join(dir, 'base.csv'), ledgerCsv(goodLines('观山村', 3)));
    await service.importFile({ path: join(dir, 'base.csv'), kind: 'ledger' });
    const before = workspaceCounts(path);
    writeFileSync(join(dir, 'good.csv'), ledgerCsv(goodLines('赵湾村', 50)));
    const bad = goodLines('石板冲村', 5);
    bad[7] = { ...bad[7]!, date: '2018-13-01' };
    writeFileSync(join(dir, 'bad.csv'), ledgerCsv(bad));
    const r = await service.importBatch([{ path: join(dir, 'good.csv'), kind: 'ledger' }, { path: join(dir, 'bad.csv'), kind: 'ledger' }]);
    expect(r.ok).toBe(false);
    expect(r.results.map((x) => x.status)).toEqual(['imported', 'rejected']);
    expect(r.results[1]?.errors[0]).toMatchObject({ file: 'bad.csv', line: 9, column: 3 });
    expect(workspaceCounts(path)).toEqual(before);
    // The first file was not left behind as "already imported".
    expect((await service.importFile({ path: join(dir, 'good.csv'), kind: 'ledger' })).status).toBe('imported');
    await service.closeWorkspace();
  });

  it('a batch with a file that needs a mapping, or is missing, leaves nothing either', async () => {
    const { service, dir, path } = await openTempService();
    const before = workspaceCounts(path);
    writeFileSync(join(dir, 'good.csv'), ledgerCsv(goodLines('赵湾村', 5)));
    writeFileSync(join(dir, 'odd.csv'), csvText([['甲', '乙', '丙'], ['1', '2', '3']]));
    const r = await service.importBatch([{ path: join(dir, 'good.csv'), kind: 'ledger' }, { path: join(dir, 'odd.csv'), kind: 'ledger' }]);
    expect(r.ok).toBe(false);
    expect(r.results[1]?.status).toBe('needs-mapping');
    expect(workspaceCounts(path)).toEqual(before);
    const r2 = await service.importBatch([{ path: join(dir, 'good.csv'), kind: 'ledger' }, { path: join(dir, 'nope.csv'), kind: 'ledger' }]);
    expect(r2.ok).toBe(false);
    expect(workspaceCounts(path)).toEqual(before);
    await service.closeWorkspace();
  });

  it('reports progress in bytes and lines, and a cancelled import leaves the workspace unchanged', async () => {
    const dir = tempDir('va-progress-');
    const big = join(dir, 'big.csv');
    await writeSyntheticLedger(big, 60_000); // about 6 MB
    const path = join(dir, 'ws.sqlite');
    const seen: { bytesRead: number; totalBytes: number; lines: number }[] = [];
    let cancelAt = Number.POSITIVE_INFINITY;
    const service: AuditService = new AuditService({
      onEvent: (e) => {
        if (e.type !== 'import-progress') return;
        seen.push(e.progress);
        if (e.progress.bytesRead >= cancelAt) void service.cancelImport();
      },
    });
    await service.openWorkspace({ path, create: true });
    const before = workspaceCounts(path);
    cancelAt = 3 << 20;
    const cancelled = await service.importFile({ path: big, kind: 'ledger' });
    expect(cancelled.status).toBe('cancelled');
    expect(workspaceCounts(path)).toEqual(before);

    seen.length = 0;
    cancelAt = Number.POSITIVE_INFINITY;
    const ok = await service.importFile({ path: big, kind: 'ledger' });
    expect(ok.status).toBe('imported');
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.bytesRead).toBeGreaterThanOrEqual(seen[i - 1]!.bytesRead);
      expect(seen[i]!.lines).toBeGreaterThanOrEqual(seen[i - 1]!.lines);
    }
    expect(seen.at(-1)).toEqual({ file: 'big.csv', bytesRead: statSync(big).size, totalBytes: statSync(big).size, lines: 60_001 });
    await service.closeWorkspace();
  });

  it('a process killed mid-import leaves the workspace openable and unchanged', async () => {
    const dir = tempDir('va-kill-');
    const big = join(dir, 'big.csv');
    await writeSyntheticLedger(big, 200_000); // about 20 MB: many 1 MiB chunks
    const { service, path } = await openTempService();
    writeFileSync(join(dir, 'base.csv'), ledgerCsv(goodLines('观山村', 5)));
    expect((await service.importFile({ path: join(dir, 'base.csv'), kind: 'ledger' })).status).toBe('imported');
    await service.closeWorkspace();
    const before = workspaceCounts(path);

    const child = spawn('npx', ['tsx', join(REPO, 'test/integration/import-child.ts'), path, big, String(10 << 20)], {
      cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
    await new Promise<void>((res, rej) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('progress')) res();
      });
      child.on('exit', () => rej(new Error(`child exited before progress: ${out}\n${err}`)));
    });
    // The whole group: npx and the node process under it.
    process.kill(-(child.pid as number), 'SIGKILL');
    await exited;
    expect(out).not.toContain('done');

    // Rows were written before the kill (the transaction was open), yet none of them stayed.
    expect(Number(out.split(' ')[2])).toBeGreaterThan(50_000);
    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(workspaceCounts(path)).toEqual(before);

    const again = await openTempService();
    await again.service.openWorkspace({ path });
    expect((await again.service.workspaceInfo())?.lines).toBe(before.ledger_rows);
    expect((await again.service.importFile({ path: big, kind: 'ledger' })).status).toBe('imported');
    expect(workspaceCounts(path).ledger_rows).toBe(before.ledger_rows! + 200_000);
    await again.service.closeWorkspace();
  });
});
