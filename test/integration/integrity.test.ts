// Issue 12: tamper evidence (edits made to the SQLite file outside the app, with a raw handle and by
// patching bytes, are found by `verify` and on opening), schema versions, two processes at once,
// encryption at rest, money bounds.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_DIR, FILES } from '../../fixtures/district-files';
import { asEngineError } from '../../shared/i18n/errors';
import { AuditService } from '../../shared/service';
import { MIGRATIONS } from '../../shared/workspace/migrations';
import { ledgerCsv, importDistrict, openTempService, payment, tempDir } from '../helpers';

const REPO = resolve(__dirname, '../..');
const NOW = '2026-11-25T08:00:00.000Z';

function cli(args: string[], env: Record<string, string> = {}, input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'shared/cli.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env }, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The sample district audited, confirmed, with leads, one township handed over and a closed rectification item. */
async function auditedWorkspace(password?: string): Promise<string> {
  const dir = tempDir();
  const path = join(dir, 'ws.sqlite');
  const service = new AuditService({ now: () => NOW });
  await service.openWorkspace({ path, create: true, password });
  await importDistrict(service);
  await service.importCadres({ path: join(DISTRICT_DIR, FILES.cadres), actor: '张审计' });
  await service.runRules();
  const all = await service.listFindings({ limit: 1000 });
  await service.reviewFindings({ ids: all.rows.map((f) => f.id), decision: 'confirmed', reviewer: '张审计', note: '已调阅纸质凭证' });
  await service.buildCaseLeads({ actor: '张审计' });
  await service.handoffLeads({ dir: join(dir, 'out'), township: '城南镇', handedBy: '张审计', pdf: false });
  const item = await service.createRectification({ leadNumber: '石板冲乡-2017-004', actor: '张审计' });
  await service.closeRectification({ id: item.id, note: '已全额追缴', actor: '张审计' });
  await service.closeWorkspace();
  return path;
}

/** A raw handle on the file, as a person with sqlite3 would have (no app functions, no triggers respected once dropped). */
function raw(path: string, work: (db: Database.Database) => void): void {
  const db = new Database(path);
  try {
    work(db);
  } finally {
    db.close();
  }
}

describe('tamper evidence', () => {
  let clean: string;
  beforeAll(async () => {
    clean = await auditedWorkspace();
  }, 120_000);

  const copy = (): string => {
    const p = join(tempDir(), 'ws.sqlite');
    writeFileSync(p, readFileSync(clean));
    return p;
  };

  it('a workspace as the app left it verifies: every entry chained, every source sealed', () => {
    const r = cli(['verify', '--workspace', clean]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/工作区校验通过：校验链 \d+ 条，来源文件 4 个/);
  }, 60_000);

  it('a review changed with a raw SQLite handle (its trigger dropped) fails verify, naming the entry and the change, and the app says so on opening', async () => {
    const path = copy();
    raw(path, (db) => {
      db.exec('DROP TRIGGER reviews_append_only_update');
      db.prepare("UPDATE reviews SET note = '伪造的理由' WHERE id = 3").run();
    });
    const r = cli(['verify', '--workspace', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('工作区校验失败');
    expect(r.stderr).toContain('verification FAILED');
    expect(r.stderr).toContain('审核记录 #3');
    expect(r.stderr).toContain('备注：写入时“已调阅纸质凭证”，现在“伪造的理由”');
    expect(r.stderr).toContain('保护触发器 reviews_append_only_update 被删除');
    const s = new AuditService({ now: () => NOW });
    const info = await s.openWorkspace({ path });
    expect(info.integrity.ok).toBe(false);
    expect(info.integrity.breaks.map((b) => b.kind).sort()).toEqual(['changed', 'protection', 'review-state']);
    await s.closeWorkspace();
  }, 60_000);

  it('a ledger text patched in the file\'s bytes fails verify as a changed source file', async () => {
    const path = copy();
    const bytes = readFileSync(path);
    const from = Buffer.from('裕民路', 'utf8');
    const to = Buffer.from('富民路', 'utf8');
    let n = 0;
    for (let i = bytes.indexOf(from); i >= 0; i = bytes.indexOf(from, i + 1)) { to.copy(bytes, i); n++; }
    expect(n).toBeGreaterThan(0);
    writeFileSync(path, bytes);
    const s = new AuditService({ now: () => NOW });
    const info = await s.openWorkspace({ path });
    const source = info.integrity.breaks.filter((b) => b.kind === 'source');
    expect(source.length).toBeGreaterThan(0);
    expect(source[0]!.message.zh).toMatch(/导入的数据与导入时不同/);
    expect(source[0]!.changes.map((c) => c.field)).toEqual(['content_sha256']);
    await s.closeWorkspace();
  }, 60_000);

  it('a deleted trail entry, a finding dismissed behind the app\'s back and a ledger amount changed are each reported', async () => {
    const path = copy();
    raw(path, (db) => {
      db.exec('DROP TRIGGER trail_append_only_delete; DROP TRIGGER findings_review_state; DROP TRIGGER line_blocks_no_update');
      db.prepare('DELETE FROM trail WHERE id = 5').run();
      db.prepare("UPDATE findings SET status = 'dismissed' WHERE rowid = (SELECT MIN(rowid) FROM findings)").run();
      // The tenth line's debit, one yuan more, in its block's bytes (line-blocks.ts: a 16-byte header, then the debit column).
      const block = db.prepare('SELECT rowid AS id, data FROM line_blocks ORDER BY first_line LIMIT 1').get() as { id: number; data: Buffer };
      const data = Buffer.from(block.data);
      data.writeDoubleLE(data.readDoubleLE(16 + 8 * 9) + 100, 16 + 8 * 9);
      db.prepare('UPDATE line_blocks SET data = ? WHERE rowid = ?').run(data, block.id);
    });
    const s = new AuditService({ now: () => NOW });
    const { integrity } = await s.openWorkspace({ path });
    const kinds = integrity.breaks.map((b) => b.kind);
    expect(kinds).toContain('deleted');
    expect(kinds).toContain('review-state');
    expect(kinds).toContain('source');
    const del = integrity.breaks.find((b) => b.kind === 'deleted')!;
    expect(del.what.zh).toMatch(/^操作记录 #5（校验链第 \d+ 条）$/);
    const state = integrity.breaks.find((b) => b.kind === 'review-state')!;
    expect(state.changes).toEqual([expect.objectContaining({ field: 'status', was: 'confirmed', now: 'dismissed' })]);
    await s.closeWorkspace();
  }, 60_000);

  it('a chain entry recomputed by hand still breaks the link after it', async () => {
    const path = copy();
    raw(path, (db) => {
      db.exec('DROP TRIGGER chain_no_update');
      db.prepare("UPDATE chain SET hash = printf('%064d', 1) WHERE seq = 2").run();
    });
    const s = new AuditService({ now: () => NOW });
    const { integrity } = await s.openWorkspace({ path });
    expect(integrity.breaks.filter((b) => b.kind === 'link').map((b) => b.seq)).toEqual([2, 3]);
    await s.closeWorkspace();
  }, 60_000);
});

describe('opening a workspace', () => {
  it('refuses one written by a newer schema, and leaves it untouched', async () => {
    const { service, path } = await openTempService();
    await service.closeWorkspace();
    raw(path, (db) => db.pragma('user_version = 99'));
    const before = readFileSync(path);
    await expect(new AuditService().openWorkspace({ path })).rejects.toThrow(new RegExp(`由更新版本的程序写入（结构版本 99，本程序只认识到 ${MIGRATIONS.at(-1)?.version}）`));
    expect(readFileSync(path).equals(before)).toBe(true);
    const r = cli(['verify', '--workspace', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('update Village Audit to open it');
    expect(r.stderr).not.toMatch(/\bat \S+:\d+:\d+/);
  }, 60_000);

  it('two processes on one workspace wait for each other instead of failing with "database is locked"', async () => {
    const { service, path } = await openTempService();
    await importDistrict(service);
    await service.runRules();
    const ids = (await service.listFindings({ limit: 5 })).rows.map((f) => f.id);
    // Another process takes the write lock and holds it for 1.5 s.
    const child = spawn(process.execPath, ['-e', `
      const D = require(${JSON.stringify(require.resolve('better-sqlite3-multiple-ciphers'))});
      const db = new D(${JSON.stringify(path)});
      db.exec('BEGIN IMMEDIATE'); console.log('locked');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, 1500);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((ok) => child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('locked')) ok(); }));
    const started = Date.now();
    expect(await service.reviewFindings({ ids, decision: 'confirmed', reviewer: '张审计' })).toBe(5);
    expect(Date.now() - started).toBeGreaterThan(500);
    await new Promise((ok) => child.on('exit', ok));
    await service.closeWorkspace();
  }, 60_000);

  it('a busy or failing database is a clear message, not a stack trace', () => {
    expect(asEngineError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toMatchObject({ code: 'conflict', messageKey: 'ws.err.busy' });
    expect(asEngineError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }))).toMatchObject({ messageKey: 'ws.err.sqlite' });
    expect(asEngineError(Object.assign(new Error('no space'), { code: 'ENOSPC', path: '/x' }))).toMatchObject({ messageKey: 'ws.err.disk-full' });
    expect(asEngineError(Object.assign(new Error('denied'), { code: 'EACCES', path: '/x' }))).toMatchObject({ code: 'invalid-arguments', messageKey: 'ws.err.file' });
  });

  it('review, leads, handoff and rectify on a file that is not a workspace exit 2 with a message', () => {
    const bad = join(tempDir(), 'not.sqlite');
    writeFileSync(bad, 'just some text, not SQLite at all, long enough to have a header');
    for (const cmd of [['review', '--all', '--decision', 'confirmed', '--reviewer', 'x'], ['leads'], ['handoff', '--out', tempDir()], ['rectify'], ['verify']]) {
      const r = cli([cmd[0]!, '--workspace', bad, ...cmd.slice(1)]);
      expect(r.code, cmd[0]).toBe(2);
      expect(r.stderr, cmd[0]).toContain('不是工作区文件');
      expect(r.stderr, cmd[0]).not.toMatch(/\bat \S+:\d+:\d+/);
    }
  }, 120_000);
});

describe('encryption at rest', () => {
  it('creates an encrypted workspace, refuses a missing or wrong password, changes it, and encrypts evidence files', async () => {
    const dir = tempDir();
    const path = join(dir, 'secret.sqlite');
    const password = 'correct horse 电池 staple';
    const s = new AuditService({ now: () => NOW });
    const info = await s.openWorkspace({ path, create: true, password });
    expect(info.encrypted).toBe(true);
    await importDistrict(s);
    await s.runRules();
    const all = await s.listFindings({ limit: 1000 });
    await s.reviewFindings({ ids: all.rows.map((f) => f.id), decision: 'confirmed', reviewer: '张审计' });
    await s.buildCaseLeads({ actor: '张审计' });
    const item = await s.createRectification({ leadNumber: '石板冲乡-2017-004', actor: '张审计' });
    const evidence = join(dir, '收据.txt');
    writeFileSync(evidence, '追缴款收据 ¥46,200.00 赵湾村');
    const withEv = await s.addRectificationEvidence({ id: item.id, path: evidence, actor: '张审计' });
    await s.closeWorkspace();

    // On disk: no SQLite header, no names, no password; the evidence file neither readable nor named by its hash.
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    for (const needle of ['赵湾村', '裕民路', password, 'correct horse']) expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    const stored = readdirSync(`${path}.files`);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toBe(withEv.evidence[0]!.sha256);
    expect(readFileSync(join(`${path}.files`, stored[0]!)).includes(Buffer.from('赵湾村', 'utf8'))).toBe(false);

    expect(await s.inspectWorkspace({ path })).toMatchObject({ exists: true, encrypted: true });
    await expect(s.openWorkspace({ path })).rejects.toThrow(/已加密：请输入密码/);
    expect(cli(['verify', '--workspace', path]).stderr).toContain('enter its password');
    await expect(s.openWorkspace({ path, password: 'wrong' })).rejects.toThrow(/密码不正确/);
    const cliWrong = cli(['verify', '--workspace', path], { VILLAGE_AUDIT_PASSWORD: 'wrong' });
    expect(cliWrong.code).toBe(2);
    expect(cliWrong.stderr).toContain('Wrong password');

    // The right password: everything there, verified, the evidence given back as it was.
    const again = await s.openWorkspace({ path, password });
    expect(again.integrity.ok).toBe(true);
    const out = join(dir, 'back.txt');
    await s.saveRectificationEvidence({ evidenceId: withEv.evidence[0]!.id, path: out });
    expect(readFileSync(out, 'utf8')).toBe('追缴款收据 ¥46,200.00 赵湾村');
    await s.changePassword({ current: password, next: 'new password 2' });
    await s.closeWorkspace();
    await expect(s.openWorkspace({ path, password })).rejects.toThrow(/密码不正确/);
    await s.openWorkspace({ path, password: 'new password 2' });
    await s.saveRectificationEvidence({ evidenceId: withEv.evidence[0]!.id, path: out });
    expect(readFileSync(out, 'utf8')).toBe('追缴款收据 ¥46,200.00 赵湾村');
    await s.closeWorkspace();

    // The CLI reads the password from standard input, and changes it from two lines.
    expect(cli(['verify', '--workspace', path, '--password-stdin'], {}, 'new password 2\n').code).toBe(0);
    expect(cli(['password', '--workspace', path], {}, 'new password 2\nthird\n').code).toBe(0);
    expect(cli(['verify', '--workspace', path], { VILLAGE_AUDIT_PASSWORD: 'third' }).code).toBe(0);

    // A changed evidence file is refused, and verify reports it.
    const f = join(`${path}.files`, stored[0]!);
    const enc = readFileSync(f);
    enc[enc.length - 1] = enc[enc.length - 1]! ^ 1;
    writeFileSync(f, enc);
    const t = await s.openWorkspace({ path, password: 'third' });
    expect(t.integrity.breaks.map((b) => b.kind)).toEqual(['evidence']);
    await expect(s.saveRectificationEvidence({ evidenceId: withEv.evidence[0]!.id, path: out })).rejects.toThrow(/已被改动/);
    await s.closeWorkspace();
  }, 120_000);

  it('a plain workspace is not opened with a password, and has no password to change', async () => {
    const { service, path } = await openTempService();
    await expect(service.changePassword({ current: 'a', next: 'b' })).rejects.toThrow(/未加密/);
    await service.closeWorkspace();
    await expect(service.openWorkspace({ path, password: 'x' })).rejects.toThrow(/未加密/);
    expect(existsSync(path)).toBe(true);
  });
});

describe('money stays exact', () => {
  it('refuses, with a row error at its line, an amount that would take the workspace past what sums exactly', async () => {
    const { service, dir } = await openTempService();
    // ¥5,000,000,000,000.00 paid and booked: 10^15 fen of amounts, under the bound (2^53 / 8 fen).
    writeFileSync(join(dir, 'big.csv'), ledgerCsv(payment({ date: '2018-03-05', voucher: '记-1', summary: '工程款', name: '在建工程', amount: '5000000000000.00' })));
    expect((await service.importFile({ path: join(dir, 'big.csv'), kind: 'ledger' })).status).toBe('imported');
    // One more yuan-trillion voucher would pass it: refused at the line that crosses, nothing written.
    writeFileSync(join(dir, 'more.csv'), ledgerCsv(payment({ date: '2018-03-06', voucher: '记-2', summary: '工程款', name: '在建工程', amount: '1000000000000.00', village: '观山村' })));
    const r = await service.importFile({ path: join(dir, 'more.csv'), kind: 'ledger' });
    expect(r.status).toBe('rejected');
    expect(r.errors[0]).toMatchObject({ line: 3, code: 'row.money.over-budget', field: 'credit' });
    expect(r.errors[0]!.message).toContain('合计无法精确到分');
    expect((await service.listFiles()).length).toBe(1);
    await service.closeWorkspace();
  });
});
