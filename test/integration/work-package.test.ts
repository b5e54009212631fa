// Two laptops of one district: A has the whole sample district and works on 赵湾村 and 城南镇; B has
// only 石板冲乡's ledger and works on 观山村 and 石板冲村. Their packages are merged both ways: the
// files one lacks are added (the same file not doubled), decisions merge by finding, a finding
// confirmed on one side and dismissed on the other is a conflict to resolve, lead numbers stay
// unique per township and year (a taken number is renumbered and recorded), the trail is appended,
// and both merged workspaces still verify. A changed byte or a wrong password is refused with
// nothing written.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_DIR, FILES } from '../../fixtures/district-files';
import type { Finding } from '../../shared/contract';
import { AuditService } from '../../shared/service';
import { openDb } from '../../shared/workspace/db';
import { importFile } from '../../shared/workspace/importer';
import { MIGRATIONS } from '../../shared/workspace/migrations';
import { PACKAGE_FORMAT, type Manifest } from '../../shared/leads/package-manifest';
import { packBody, sealPackage } from '../../shared/workspace/package-crypto';
import { district, ledgerCsv, tempDir, workspaceCounts } from '../helpers';

const PASSWORD = 'laptop-to-laptop';

async function laptop(dir: string, name: string, day: string, source: string, files: { ledgers: string[]; cadres: boolean }): Promise<{ s: AuditService; path: string; tick: () => string }> {
  let n = 0;
  const tick = (): string => `${day}T08:${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n++ % 60).padStart(2, '0')}.000Z`;
  const s = new AuditService({ now: tick });
  const path = join(dir, `${name}.sqlite`);
  await s.openWorkspace({ path, create: true });
  const r = await s.importBatch([...files.ledgers.map((p) => ({ path: p, kind: 'ledger' as const })), { path: district.projects, kind: 'projects' }], files.cadres ? [join(DISTRICT_DIR, FILES.cadres)] : []);
  expect(r.ok).toBe(true);
  await s.runRules();
  await s.setLeadSource({ source, actor: name });
  return { s, path, tick };
}

const idsOf = (fs: Finding[], village: string, year?: string): string[] => fs.filter((f) => f.village === village && (!year || f.date.startsWith(year))).map((f) => f.id);

describe('work packages between two laptops', () => {
  const dir = tempDir('va-team-');
  let A: Awaited<ReturnType<typeof laptop>>;
  let B: Awaited<ReturnType<typeof laptop>>;
  let conflictId = '';
  const pkgA = join(dir, 'A.vapkg');
  const pkgB = join(dir, 'B.vapkg');

  beforeAll(async () => {
    A = await laptop(dir, 'A', '2026-11-20', '村级财务审计 第一审计组', { ledgers: [district.shibanchong, district.chengnan], cadres: true });
    B = await laptop(dir, 'B', '2026-11-21', '村级财务审计 第二审计组', { ledgers: [district.shibanchong], cadres: true });
    const fa = (await A.s.listFindings({ limit: 1000 })).rows;
    const fb = (await B.s.listFindings({ limit: 1000 })).rows;
    // The one both decide, differently: 石板冲村's 2017 finding.
    conflictId = idsOf(fa, '石板冲村', '2017')[0] as string;
    expect(idsOf(fb, '石板冲村', '2017')).toContain(conflictId);
    await A.s.reviewFindings({ ids: [...idsOf(fa, '赵湾村'), ...fa.filter((f) => f.township === '城南镇').map((f) => f.id)], decision: 'confirmed', reviewer: '张审计' });
    await A.s.reviewFindings({ ids: [conflictId], decision: 'dismissed', reviewer: '张审计', note: '已见正式发票' });
    await B.s.reviewFindings({ ids: [...idsOf(fb, '观山村'), conflictId], decision: 'confirmed', reviewer: '李审计' });
    await A.s.buildCaseLeads({ actor: '张审计' });
    await B.s.buildCaseLeads({ actor: '李审计' });
    // A hands 城南镇 over; a rectification item with evidence on a 赵湾村 lead.
    const handoff = await A.s.handoffLeads({ dir: join(dir, 'handoff'), township: '城南镇', handedBy: '张审计', pdf: false });
    expect(handoff).toHaveLength(1);
    // On the lead whose number B has too: the item must follow it when it is renumbered there.
    const item = await A.s.createRectification({ leadNumber: '石板冲乡-2017-001', actor: '张审计' });
    const evidence = join(dir, '收据.txt');
    writeFileSync(evidence, '追缴款收据 46200.00');
    await A.s.addRectificationEvidence({ id: item.id, path: evidence, actor: '张审计' });
    await A.s.updateRectification({ id: item.id, patch: { recoveredFen: 4_620_000, progress: '整改中' }, actor: '张审计' });
  });

  it('B and A number their leads alike: 石板冲乡-2017-001 is a different lead on each laptop', async () => {
    const a = (await A.s.listCaseLeads({})).find((l) => l.number === '石板冲乡-2017-001');
    const b = (await B.s.listCaseLeads({})).find((l) => l.number === '石板冲乡-2017-001');
    expect(a?.village).toBe('赵湾村');
    expect(b?.village).toBe('观山村');
  });

  it('exports each laptop\'s work as one encrypted file with its content hash', async () => {
    const ra = await A.s.exportPackage({ path: pkgA, password: PASSWORD, actor: '张审计' });
    const rb = await B.s.exportPackage({ path: pkgB, password: PASSWORD, actor: '李审计' });
    expect(ra.counts).toMatchObject({ sources: 3, cadreFiles: 1, handoffs: 1, rectifications: 1, evidence: 1 });
    expect(rb.counts).toMatchObject({ sources: 2, cadreFiles: 1, handoffs: 0 });
    expect(ra.group).toBe('村级财务审计 第一审计组');
    // Nothing of the content is readable in the file (a voucher summary, a village's name).
    const bytes = readFileSync(pkgA);
    expect(bytes.includes(Buffer.from('赵湾村'))).toBe(false);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('VAWP');
    expect(ra.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password and a changed byte, writing nothing', async () => {
    const before = workspaceCounts(B.path);
    const trail = (await B.s.listTrail({})).length;
    await expect(B.s.importPackage({ path: pkgA, password: 'wrong-password', actor: '李审计' })).rejects.toMatchObject({ messageKey: 'package.err.wrong-password' });
    const tampered = join(dir, 'tampered.vapkg');
    const bytes = Buffer.from(readFileSync(pkgA));
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = (bytes[mid] as number) ^ 0x01;
    writeFileSync(tampered, bytes);
    await expect(B.s.importPackage({ path: tampered, password: PASSWORD, actor: '李审计' })).rejects.toMatchObject({ messageKey: 'package.err.tampered' });
    // A changed header (the iv, say) is caught too: the header is authenticated.
    const header = Buffer.from(readFileSync(pkgA));
    const at = header.indexOf(Buffer.from('"iv":"')) + 6;
    header[at] = header[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(tampered, header);
    await expect(B.s.importPackage({ path: tampered, password: PASSWORD, actor: '李审计' })).rejects.toMatchObject({ messageKey: 'package.err.tampered' });
    expect(workspaceCounts(B.path)).toEqual(before);
    expect((await B.s.listTrail({})).length).toBe(trail);
    expect(await B.s.listConflicts({ all: true })).toEqual([]);
  });

  it('merges A into B: the file B lacked, decisions, the conflict, a renumbered lead, the item with its evidence, the trail', async () => {
    const r = await B.s.importPackage({ path: pkgA, password: PASSWORD, actor: '李审计' });
    expect(r.sources).toEqual({ added: 1, duplicate: 2 });
    expect(r.group).toBe('村级财务审计 第一审计组');
    // The conflict is listed, not decided: B's confirmation stands until someone resolves it.
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ kind: 'review', ref: conflictId, local: { decision: 'confirmed', actor: '李审计' }, incoming: { decision: 'dismissed', actor: '张审计', note: '已见正式发票', group: '村级财务审计 第一审计组' } });
    expect((await B.s.getFinding({ id: conflictId })).status).toBe('confirmed');
    // Both decisions are in the finding's history.
    const history = (await B.s.getFinding({ id: conflictId })).history;
    expect(history.map((h) => [h.decision, h.reviewer])).toEqual([['dismissed', '张审计'], ['confirmed', '李审计']]);
    // Findings B had not decided take A's decisions; 城南镇 (from the file B lacked) too.
    const fb = (await B.s.listFindings({ limit: 1000 })).rows;
    expect(fb.filter((f) => f.village === '赵湾村').every((f) => f.status === 'confirmed')).toBe(true);
    expect(fb.filter((f) => f.township === '城南镇').length).toBeGreaterThan(0);
    expect(fb.filter((f) => f.township === '城南镇').every((f) => f.status === 'confirmed')).toBe(true);
    // A's 石板冲乡-2017-001 (赵湾村) collided with B's (观山村): renumbered, recorded.
    expect(r.leads.renumbered.some((x) => x.from === '石板冲乡-2017-001')).toBe(true);
    const leads = await B.s.listCaseLeads({});
    const numbers = leads.map((l) => l.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const moved = leads.find((l) => l.renumberedFrom?.number === '石板冲乡-2017-001') as NonNullable<(typeof leads)[number]>;
    expect(moved.village).toBe('赵湾村');
    expect(moved.renumberedFrom?.group).toBe('村级财务审计 第一审计组');
    expect(leads.find((l) => l.number === '石板冲乡-2017-001')?.village).toBe('观山村');
    const renumberTrail = await B.s.listTrail({ entity: 'lead', entityId: moved.number });
    expect(renumberTrail.some((e) => e.action === 'renumber')).toBe(true);
    // The handed-over 城南镇 lead keeps its frozen version and its handoff.
    const cn = leads.find((l) => l.township === '城南镇') as (typeof leads)[number];
    expect(cn.frozen).toBe(true);
    expect((await B.s.getCaseLead({ number: cn.number })).versions[0]?.handoffId).not.toBeNull();
    expect((await B.s.listHandoffs()).length).toBe(1);
    // The rectification item points at the renumbered lead, with its evidence readable here.
    const items = await B.s.listRectifications({});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ leadNumber: moved.number, recoveredFen: 4_620_000 });
    const copy = join(dir, 'copy.txt');
    await B.s.saveRectificationEvidence({ evidenceId: items[0]!.evidence[0]!.id, path: copy });
    expect(readFileSync(copy, 'utf8')).toBe('追缴款收据 46200.00');
    // A's trail is appended (its handoff, its reviews), and the import itself recorded.
    const trail = await B.s.listTrail({});
    expect(trail.some((e) => e.entity === 'handoff' && e.actor === '张审计')).toBe(true);
    expect(trail.some((e) => e.entity === 'package' && e.action === 'package-import')).toBe(true);
    // The merged workspace verifies: every row chained through the same triggers.
    const v = await B.s.verifyWorkspace();
    expect(v.breaks).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('merges B into A the other way, with the same conflict, and the same file not doubled', async () => {
    const files = (await A.s.listFiles()).length;
    const r = await A.s.importPackage({ path: pkgB, password: PASSWORD, actor: '张审计' });
    expect(r.sources).toEqual({ added: 0, duplicate: 2 });
    expect((await A.s.listFiles()).length).toBe(files);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ ref: conflictId, local: { decision: 'dismissed' }, incoming: { decision: 'confirmed', actor: '李审计' } });
    expect((await A.s.getFinding({ id: conflictId })).status).toBe('dismissed');
    expect(r.leads.renumbered.some((x) => x.from === '石板冲乡-2017-001')).toBe(true);
    const leads = await A.s.listCaseLeads({});
    expect(new Set(leads.map((l) => l.number)).size).toBe(leads.length);
    expect(leads.find((l) => l.number === '石板冲乡-2017-001')?.village).toBe('赵湾村');
    expect(leads.some((l) => l.village === '观山村' && l.renumberedFrom?.number === '石板冲乡-2017-001')).toBe(true);
    expect((await A.s.verifyWorkspace()).ok).toBe(true);
    // The same package twice is refused (nothing would change).
    await expect(A.s.importPackage({ path: pkgB, password: PASSWORD, actor: '张审计' })).rejects.toMatchObject({ messageKey: 'package.err.already-imported' });
  });

  it('resolves the conflict by a decision, a review like any other, both decisions kept', async () => {
    const [c] = await A.s.listConflicts({});
    expect(c?.ref).toBe(conflictId);
    await expect(A.s.resolveConflict({ id: c!.id, actor: '王组长', decision: 'dismissed' })).rejects.toMatchObject({ messageKey: 'review.err.dismiss-needs-note' });
    // The finding backs B's lead merged here (renumbered): the decision changes it, so the reviewer must say so.
    await expect(A.s.resolveConflict({ id: c!.id, actor: '王组长', decision: 'confirmed', note: '复核：发票为后补' })).rejects.toMatchObject({ messageKey: 'review.err.backs-lead' });
    const done = await A.s.resolveConflict({ id: c!.id, actor: '王组长', decision: 'confirmed', note: '复核：发票为后补，确认问题', acknowledgeLeads: true });
    expect(done.resolution).toBe('confirmed');
    expect(done.resolvedBy).toBe('王组长');
    expect(await A.s.listConflicts({})).toEqual([]);
    const f = await A.s.getFinding({ id: conflictId });
    expect(f.status).toBe('confirmed');
    expect(f.history.map((h) => h.decision)).toEqual(['dismissed', 'confirmed', 'confirmed']);
    await expect(A.s.resolveConflict({ id: c!.id, actor: '王组长', decision: 'confirmed' })).rejects.toMatchObject({ messageKey: 'conflict.err.resolved' });
    expect((await A.s.verifyWorkspace()).ok).toBe(true);
  });

  it('B resolves its own copy of the conflict, keeping its decision; the workspace still verifies', async () => {
    const [c] = await B.s.listConflicts({});
    expect(c?.ref).toBe(conflictId);
    const done = await B.s.resolveConflict({ id: c!.id, actor: '李审计', decision: 'confirmed', note: '复核后确认' });
    expect(done.resolution).toBe('confirmed');
    expect((await B.s.verifyWorkspace()).ok).toBe(true);
  });

  it('a round trip adds nothing twice: B\'s merged work back into A finds every lead by its shared id', async () => {
    const again = join(dir, 'B2.vapkg');
    await B.s.exportPackage({ path: again, password: PASSWORD, actor: '李审计' });
    const leadsBefore = (await A.s.listCaseLeads({ includeMerged: true })).length;
    const r = await A.s.importPackage({ path: again, password: PASSWORD, actor: '张审计' });
    expect(r.leads.added).toBe(0);
    expect(r.leads.renumbered).toEqual([]);
    expect(r.rectifications.added).toBe(0);
    expect(r.handoffs.added).toBe(0);
    expect((await A.s.listCaseLeads({ includeMerged: true })).length).toBe(leadsBefore);
    expect((await A.s.verifyWorkspace()).ok).toBe(true);
  });

  it('rolls the district up per group, township and village, and writes it as .xlsx', async () => {
    const r = await B.s.rollup();
    expect([...r.groups].sort()).toEqual(['村级财务审计 第一审计组', '村级财务审计 第二审计组']);
    // Each village is the work of the group that built its leads (or decided its findings).
    expect(r.rows.find((x) => x.village === '赵湾村')?.group).toBe('村级财务审计 第一审计组');
    expect(r.rows.find((x) => x.village === '观山村')?.group).toBe('村级财务审计 第二审计组');
    // A village known only from the project file or the roster: its books were never imported, which the roll-up says.
    const unread = r.rows.filter((x) => x.village && x.ledgerLines === 0);
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.every((x) => x.findings === 0)).toBe(true);
    expect(r.rows.find((x) => x.village === '赵湾村')?.ledgerLines).toBeGreaterThan(0);
    expect(r.totals.ledgerLines).toBe(r.rows.filter((x) => x.village).reduce((n, x) => n + x.ledgerLines, 0));
    const cn = r.rows.filter((x) => x.township === '城南镇' && x.village);
    expect(cn.every((x) => x.group === '村级财务审计 第一审计组')).toBe(true);
    // A handed 城南镇's leads over; merged here, they count as handed over.
    expect(r.totals.handedOver).toBe((await B.s.listCaseLeads({ township: '城南镇' })).length);
    expect(r.totals.handedOver).toBeGreaterThan(0);
    expect(r.totals.recoveredFen).toBe(4_620_000);
    expect(r.totals.leads).toBe((await B.s.listCaseLeads({})).length);
    const x = await B.s.exportRollup({ path: join(dir, '全区汇总.xlsx') });
    expect(existsSync(x.path)).toBe(true);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x.path);
    const ws = wb.worksheets[0]!;
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(3).value).toBe('全区合计');
    expect(last.getCell(11).value).toBe(46_200);
  });

  it('takes a change made on one side only, and lists a change made on both as a conflict', async () => {
    // A records more money recovered; B has not touched the item since it merged A's package: B takes it.
    const [itemA] = await A.s.listRectifications({});
    await A.s.updateRectification({ id: itemA!.id, patch: { recoveredFen: 4_000_000 + 620_000 + 100 }, actor: '张审计' });
    // And A corrects a lead it handed over (城南镇): its next version, to go to the commission again.
    const handed = (await A.s.listCaseLeads({ township: '城南镇' }))[0] as { number: string };
    await A.s.updateCaseLead({ number: handed.number, actor: '张审计', patch: { remarks: '补充：村委会已退款' } });
    const p2 = join(dir, 'A2.vapkg');
    await A.s.exportPackage({ path: p2, password: PASSWORD, actor: '张审计' });
    const r = await B.s.importPackage({ path: p2, password: PASSWORD, actor: '李审计' });
    expect(r.rectifications).toEqual({ added: 0, updated: 1 });
    expect((await B.s.listRectifications({}))[0]?.recoveredFen).toBe(4_620_100);
    expect(r.leads.updated).toBe(1);
    const there = (await B.s.getCaseLead({ number: handed.number })).lead;
    expect(there).toMatchObject({ version: 2, frozen: false, remarks: '补充：村委会已退款' });
    expect(there.corrections.length).toBe(1);
    // Now both change it: B's progress, A's amount. Neither is picked: a conflict, B's record kept.
    const [itemB] = await B.s.listRectifications({});
    await B.s.updateRectification({ id: itemB!.id, patch: { progress: '已完成' }, actor: '李审计' });
    await A.s.updateRectification({ id: itemA!.id, patch: { recoveredFen: 4_620_200 }, actor: '张审计' });
    const p3 = join(dir, 'A3.vapkg');
    await A.s.exportPackage({ path: p3, password: PASSWORD, actor: '张审计' });
    const r3 = await B.s.importPackage({ path: p3, password: PASSWORD, actor: '李审计' });
    expect(r3.rectifications.updated).toBe(0);
    const c = r3.conflicts.find((x) => x.kind === 'rectification');
    expect(c?.ref).toBe(String(itemB!.id));
    expect((await B.s.listRectifications({}))[0]).toMatchObject({ recoveredFen: 4_620_100, progress: '已完成' });
    const kept = await B.s.resolveConflict({ id: c!.id, actor: '王组长' });
    expect(kept.resolution).toBe('kept-local');
    expect((await B.s.verifyWorkspace()).ok).toBe(true);
  });

  it('disposes of a laptop\'s data only after a final package, and records it', async () => {
    await expect(B.s.disposeWorkspace({ packagePath: pkgB, actor: '李审计' })).rejects.toMatchObject({ messageKey: 'dispose.err.no-final' });
    const final = join(dir, 'B-final.vapkg');
    await B.s.exportPackage({ path: final, password: PASSWORD, actor: '李审计', final: true });
    const trail = await B.s.listTrail({ entity: 'package' });
    expect(trail.some((e) => e.action === 'package-final')).toBe(true);
    const d = await B.s.disposeWorkspace({ packagePath: final, actor: '李审计' });
    expect(existsSync(B.path)).toBe(false);
    expect(existsSync(`${B.path}.files`)).toBe(false);
    expect(d.destroyed.some((f) => f.path === B.path)).toBe(true);
    expect(readFileSync(d.certificate, 'utf8')).toContain(d.packageSha256);
    expect(await B.s.workspaceInfo()).toBeNull();
    // The final package merges elsewhere, and says the laptop's data was to be destroyed.
    const c = new AuditService({ now: () => '2026-11-30T08:00:00.000Z' });
    await c.openWorkspace({ path: join(dir, 'C.sqlite'), create: true });
    const r = await c.importPackage({ path: final, password: PASSWORD, actor: '王组长' });
    expect(r.final).toBe(true);
    expect((await c.listTrail({ entity: 'package' })).some((e) => e.action === 'package-final')).toBe(true);
    expect((await c.verifyWorkspace()).ok).toBe(true);
  });
});

describe('two laptops that built leads on the same findings', () => {
  it('keep both leads (the incoming one renumbered), the findings in the lead they were in here, and list each overlap as a conflict', async () => {
    const dir = tempDir('va-team-same-');
    const make = async (name: string, day: string) => {
      const s = new AuditService({ now: () => `${day}T08:00:00.000Z` });
      await s.openWorkspace({ path: join(dir, `${name}.sqlite`), create: true });
      expect((await s.importBatch([{ path: district.chengnan, kind: 'ledger' }])).ok).toBe(true);
      await s.runRules();
      await s.reviewFindings({ ids: (await s.listFindings({ limit: 100 })).rows.map((f) => f.id), decision: 'confirmed', reviewer: name });
      await s.buildCaseLeads({ actor: name });
      return s;
    };
    const a = await make('A', '2026-11-20');
    const b = await make('B', '2026-11-21');
    const before = await b.listCaseLeads({});
    await a.exportPackage({ path: join(dir, 'A.vapkg'), password: PASSWORD, actor: 'A' });
    const r = await b.importPackage({ path: join(dir, 'A.vapkg'), password: PASSWORD, actor: 'B' });
    expect(r.leads.added).toBe(before.length);
    expect(r.leads.renumbered).toHaveLength(before.length);
    expect(r.conflicts.filter((c) => c.kind === 'lead-finding')).toHaveLength(before.reduce((n, l) => n + l.findingIds.length, 0));
    expect(r.reviews.conflicts).toBe(0);
    // B's leads keep their findings.
    for (const l of before) expect((await b.getCaseLead({ number: l.number })).lead.findingIds).toEqual(l.findingIds);
    expect((await b.verifyWorkspace()).ok).toBe(true);
    const c = r.conflicts[0]!;
    expect(c.local.summary.zh).toContain('线索');
    await b.resolveConflict({ id: c.id, actor: '王组长' });
    expect((await b.listConflicts({})).length).toBe(r.conflicts.length - 1);
  });
});

describe('all or nothing', () => {
  it('a package whose second file fails to import leaves nothing: not the first file, its findings, decisions or trail', async () => {
    const dir = tempDir('va-team-atomic-');
    const good = readFileSync(district.chengnan);
    const bad = Buffer.from(ledgerCsv([{ date: '2018-13-45', voucher: '记-1', summary: '付款', code: '541', name: '管理费用', debit: 'abc' }]), 'utf8');
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const opts = JSON.stringify({ township: null, village: null, map: {}, encoding: 'auto', sheet: null });
    const plain = packBody((refs) => ({
      format: PACKAGE_FORMAT, version: 1, createdAt: '2026-11-20T08:00:00.000Z', createdBy: '张审计', group: '第一审计组', final: false, schemaVersion: 9,
      villages: [{ township: '城南镇', village: '城南村' }],
      sources: [
        { sha256: sha(good), name: 'chengnan.csv', path: '/x/chengnan.csv', kind: 'ledger', sheet: null, size: good.length, options: opts, blob: refs[0]! },
        { sha256: sha(bad), name: 'broken.csv', path: '/x/broken.csv', kind: 'ledger', sheet: null, size: bad.length, options: opts, blob: refs[1]! },
      ],
      cadreFiles: [], reviews: [], current: [], handoffs: [], leads: [], rectifications: [],
      trail: [{ at: '2026-11-20T08:00:00.000Z', actor: '张审计', entity: 'lead', entityId: '*', action: 'set-source', before: null, after: '"第一审计组"' }],
    } satisfies Manifest), [gzipSync(good), gzipSync(bad)]);
    writeFileSync(join(dir, 'P.vapkg'), sealPackage(plain, PASSWORD).file);
    const s = new AuditService();
    await s.openWorkspace({ path: join(dir, 'ws.sqlite'), create: true });
    const before = workspaceCounts(join(dir, 'ws.sqlite'));
    await expect(s.importPackage({ path: join(dir, 'P.vapkg'), password: PASSWORD, actor: '李审计' })).rejects.toMatchObject({ messageKey: 'package.err.source-failed' });
    expect(workspaceCounts(join(dir, 'ws.sqlite'))).toEqual(before);
    expect(await s.listTrail({})).toEqual([]);
    expect(await s.listFiles()).toEqual([]);
    expect((await s.verifyWorkspace()).ok).toBe(true);
  });
});

describe('encrypted workspaces', () => {
  it('carry evidence from one to the other: decrypted with the first one\'s key, encrypted with the second one\'s', async () => {
    const dir = tempDir('va-team-enc-');
    const a = new AuditService({ now: () => '2026-11-20T08:00:00.000Z' });
    await a.openWorkspace({ path: join(dir, 'A.sqlite'), create: true, password: 'workspace A' });
    expect((await a.importBatch([{ path: district.chengnan, kind: 'ledger' }])).ok).toBe(true);
    await a.runRules();
    const [f] = (await a.listFindings({ limit: 1 })).rows;
    const item = await a.createRectification({ findingId: f!.id, actor: '张审计' });
    const ev = join(dir, '退款凭证.txt');
    writeFileSync(ev, '退款 650.00 元');
    await a.addRectificationEvidence({ id: item.id, path: ev, actor: '张审计' });
    await a.exportPackage({ path: join(dir, 'A.vapkg'), password: PASSWORD, actor: '张审计' });
    const b = new AuditService({ now: () => '2026-11-21T08:00:00.000Z' });
    await b.openWorkspace({ path: join(dir, 'B.sqlite'), create: true, password: 'workspace B' });
    const r = await b.importPackage({ path: join(dir, 'A.vapkg'), password: PASSWORD, actor: '李审计' });
    expect(r.evidence.added).toBe(1);
    const [it] = await b.listRectifications({});
    // Stored encrypted under B's key (its name is no plain SHA-256), read back whole.
    const stored = readdirSync(join(dir, 'B.sqlite.files'));
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toBe(it!.evidence[0]!.sha256);
    expect(readFileSync(join(dir, 'B.sqlite.files', stored[0]!)).includes(Buffer.from('退款'))).toBe(false);
    await b.saveRectificationEvidence({ evidenceId: it!.evidence[0]!.id, path: join(dir, 'out.txt') });
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('退款 650.00 元');
    expect((await b.verifyWorkspace()).ok).toBe(true);
  });
});

describe('a workspace from before version 9', () => {
  it('packages its files from where they were imported, and refuses, naming the file, when one is gone', async () => {
    const dir = tempDir('va-team-old-');
    const copy = join(dir, 'chengnan.csv');
    writeFileSync(copy, readFileSync(district.chengnan));
    const path = join(dir, 'old.sqlite');
    const v7 = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 7) });
    expect((await importFile(v7, { path: copy, kind: 'ledger' })).status).toBe('imported');
    v7.close();
    const s = new AuditService({ now: () => '2026-11-20T08:00:00.000Z' });
    await s.openWorkspace({ path });
    const r = await s.exportPackage({ path: join(dir, 'old.vapkg'), password: PASSWORD, actor: '张审计' });
    expect(r.counts.sources).toBe(1);
    const c = new AuditService();
    await c.openWorkspace({ path: join(dir, 'new.sqlite'), create: true });
    expect((await c.importPackage({ path: join(dir, 'old.vapkg'), password: PASSWORD, actor: '李审计' })).sources.added).toBe(1);
    rmSync(copy);
    await expect(s.exportPackage({ path: join(dir, 'again.vapkg'), password: PASSWORD, actor: '张审计' })).rejects.toMatchObject({ messageKey: 'package.err.source-missing' });
    expect(existsSync(join(dir, 'again.vapkg'))).toBe(false);
  });
});

describe('work packages on the command line', () => {
  const REPO = join(import.meta.dirname, '../..');
  const cli = (args: string[], env: Record<string, string> = {}, input?: string) => {
    const r = spawnSync('npx', ['tsx', 'shared/cli.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000, env: { ...process.env, VILLAGE_AUDIT_PACKAGE_PASSWORD: '', ...env }, input });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('exports and imports with the password from the environment or standard input, never an argument; a wrong one exits 2 with nothing written', async () => {
    const dir = tempDir('va-team-cli-');
    const a = new AuditService({ now: () => '2026-11-20T08:00:00.000Z' });
    await a.openWorkspace({ path: join(dir, 'A.sqlite'), create: true });
    expect((await a.importBatch([{ path: district.chengnan, kind: 'ledger' }])).ok).toBe(true);
    await a.runRules();
    const ids = (await a.listFindings({ limit: 100 })).rows.map((f) => f.id);
    await a.reviewFindings({ ids, decision: 'confirmed', reviewer: '张审计' });
    await a.closeWorkspace();
    const b = new AuditService();
    await b.openWorkspace({ path: join(dir, 'B.sqlite'), create: true });
    await b.closeWorkspace();
    const pkg = join(dir, 'A.vapkg');
    const noPassword = cli(['package', 'export', '--workspace', join(dir, 'A.sqlite'), '--out', pkg]);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('VILLAGE_AUDIT_PACKAGE_PASSWORD');
    const out = cli(['package', 'export', '--workspace', join(dir, 'A.sqlite'), '--out', pkg, '--village', '城南镇/城南村', '--by', '张审计'], { VILLAGE_AUDIT_PACKAGE_PASSWORD: 'laptop-to-laptop' });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('1 villages');
    const before = workspaceCounts(join(dir, 'B.sqlite'));
    const wrong = cli(['package', 'import', '--workspace', join(dir, 'B.sqlite'), '--file', pkg, '--package-password-stdin'], {}, 'not-the-password\n');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Wrong password for the work package A.vapkg; nothing was imported');
    expect(workspaceCounts(join(dir, 'B.sqlite'))).toEqual(before);
    const ok = cli(['package', 'import', '--workspace', join(dir, 'B.sqlite'), '--file', pkg, '--package-password-stdin', '--by', '李审计'], {}, 'laptop-to-laptop\n');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('1 source files added');
    expect(ok.stdout).toContain('Workspace verified');
    const roll = cli(['rollup', '--workspace', join(dir, 'B.sqlite'), '--export', join(dir, 'r.xlsx')]);
    expect(roll.code, roll.stderr).toBe(0);
    expect(roll.stdout).toContain('城南村');
    expect(roll.stdout).toContain('全区合计');
  }, 120_000);
});
