// Issue 12: review that protects the leads, leads that explain themselves, handoffs that are never
// lost or overwritten (also when the process is killed mid-way), file names safe on every system.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { DISTRICT_DIR, FILES } from '../../fixtures/district-files';
import { runLeadsCommand } from '../../shared/cli-leads';
import { safeFileName, safeFileNames } from '../../shared/leads/file-names';
import { AuditService } from '../../shared/service';
import { importDistrict, ledgerCsv, openTempService, payment } from '../helpers';

const REPO = resolve(__dirname, '../..');
const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');

async function confirmed(service: AuditService): Promise<void> {
  await importDistrict(service);
  await service.importCadres({ path: join(DISTRICT_DIR, FILES.cadres), actor: '张审计' });
  await service.runRules();
  const all = await service.listFindings({ limit: 1000 });
  await service.reviewFindings({ ids: all.rows.map((f) => f.id), decision: 'confirmed', reviewer: '张审计', note: '已调阅纸质凭证' });
}

describe('review and leads', () => {
  let service: AuditService;
  let dir: string;
  let path: string;
  beforeEach(async () => {
    ({ service, dir, path } = await openTempService());
    await confirmed(service);
  });

  it('a dismissal needs its reason, in the engine and on the command line', async () => {
    const id = (await service.listFindings({ limit: 1 })).rows[0]!.id;
    await expect(service.reviewFindings({ ids: [id], decision: 'dismissed', reviewer: '张审计' })).rejects.toThrow(/排除疑点需要填写理由/);
    await expect(service.reviewFindings({ ids: [id], decision: 'dismissed', reviewer: '张审计', note: '  ' })).rejects.toThrow(/理由/);
    expect(await service.reviewImpact({ ids: [id], decision: 'dismissed' })).toMatchObject({ count: 1, leads: [] });
    await service.closeWorkspace();
    await expect(runLeadsCommand('review', ['--workspace', path, '--finding', id, '--decision', 'dismissed', '--reviewer', '张审计'])).rejects.toThrow(/理由/);
    expect((await runLeadsCommand('review', ['--workspace', path, '--finding', id, '--decision', 'dismissed', '--reviewer', '张审计', '--note', '有发票'])).exitCode).toBe(0);
  });

  it('a finding behind a handed-over lead is not dismissed silently: warned, then a corrected version for the next handoff, and the closed item says its basis changed', async () => {
    await service.buildCaseLeads({ actor: '张审计' });
    const lead = (await service.listCaseLeads({ township: '石板冲乡' })).find((l) => l.findingIds.length > 1)!;
    await service.handoffLeads({ dir: join(dir, 'h1'), township: '石板冲乡', handedBy: '张审计', pdf: false });
    const item = await service.createRectification({ leadNumber: lead.number, actor: '张审计' });
    await service.closeRectification({ id: item.id, note: '已整改', actor: '张审计' });
    const fid = lead.findingIds[0]!;
    const amount = (await service.getFinding({ id: fid })).amountFen;

    const impact = await service.reviewImpact({ ids: [fid], decision: 'dismissed' });
    expect(impact).toMatchObject({ count: 1, amountFen: amount, leads: [{ number: lead.number, handedOver: true, version: 1, nextVersion: 2, toUnit: '石板冲乡纪委', findings: 1 }], rectifications: [{ id: item.id, closed: true }] });
    await expect(service.reviewFindings({ ids: [fid], decision: 'dismissed', reviewer: '李审计', note: '票据后补' })).rejects.toThrow(new RegExp(`线索 ${lead.number}`));
    expect((await service.getFinding({ id: fid })).status).toBe('confirmed');

    await service.reviewFindings({ ids: [fid], decision: 'dismissed', reviewer: '李审计', note: '票据后补', acknowledgeLeads: true });
    const { lead: after, versions } = await service.getCaseLead({ number: lead.number });
    expect(after).toMatchObject({ version: 2, frozen: false, amountFen: lead.amountFen - amount });
    expect(after.corrections).toHaveLength(1);
    expect(after.corrections[0]!.zh).toMatch(/的疑点改为“已排除”（票据后补；李审计，2026-11-25），已从本线索中扣除$/);
    expect(after.corrections[0]!.en).toContain('changed to "Dismissed"');
    expect(versions.map((v) => v.version)).toEqual([1]);
    const [rect] = await service.listRectifications({});
    expect(rect!.basisChanged).toEqual([expect.objectContaining({ findingId: fid, decision: 'dismissed', note: '票据后补', actor: '李审计' })]);

    const [next] = await service.handoffLeads({ dir: join(dir, 'h2'), township: '石板冲乡', handedBy: '张审计', pdf: false });
    expect(next!.leads).toEqual([{ number: lead.number, version: 2 }]);
    const csv = Papa.parse<string[]>(readFileSync(next!.files.find((f) => f.kind === 'csv')!.path, 'utf8').slice(1), { skipEmptyLines: true }).data;
    expect(csv[1]!.at(-1)).toMatch(/^第2版（更正）更正：凭证 .+ 的疑点改为“已排除”/);
  });

  it('every finding of a lead dismissed withdraws it (amount 0), said in its paragraph', async () => {
    await service.buildCaseLeads({ actor: '张审计' });
    const lead = (await service.listCaseLeads({})).find((l) => l.findingIds.length === 1)!;
    await service.reviewFindings({ ids: lead.findingIds, decision: 'dismissed', reviewer: '张审计', note: '不属实', acknowledgeLeads: true });
    const { lead: w } = await service.getCaseLead({ number: lead.number });
    expect(w).toMatchObject({ withdrawn: true, amountFen: 0, evidence: [] });
    expect(w.problem).toMatch(/问题不成立，所涉疑点均已排除（不属实），本线索撤回/);
  });

  it('a split keeps its findings\' problem type, and numbers freed by a merge are explained on the lead and in the handoff', async () => {
    await service.buildCaseLeads({ actor: '张审计' });
    const leads = await service.listCaseLeads({});
    const byVillage = new Map<string, typeof leads>();
    for (const l of leads) byVillage.set(`${l.township}${l.village}`, [...(byVillage.get(`${l.township}${l.village}`) ?? []), l]);
    const pair = [...byVillage.values()].find((ls) => new Set(ls.map((l) => l.rule)).size > 1)!;
    const [a, b] = [pair.find((l) => l.rule === pair[0]!.rule)!, pair.find((l) => l.rule !== pair[0]!.rule)!];
    const merged = await service.mergeCaseLeads({ numbers: [a.number, b.number], actor: '张审计' });
    expect(merged.mergedFrom).toEqual([b.number]);
    const split = await service.splitCaseLead({ number: a.number, findingIds: b.findingIds, actor: '张审计' });
    expect(split.rule).toBe(b.rule);
    expect(split.number).not.toBe(b.number);
    const [rec] = await service.handoffLeads({ dir: join(dir, 'h'), township: a.township, handedBy: '张审计', pdf: false });
    expect(rec!.mergeNotes).toEqual([`${b.number} 已并入 ${a.number}`]);
    const csv = readFileSync(rec!.files.find((f) => f.kind === 'csv')!.path, 'utf8');
    expect(csv).toContain(`${b.number} 已并入 ${a.number}`);
    expect((await service.listHandoffs())[0]!.mergeNotes).toEqual([`${b.number} 已并入 ${a.number}`]);
  });

  it('the trail reads as a person reads: labels from the catalogue, money in yuan, both languages', async () => {
    await service.buildCaseLeads({ actor: '张审计' });
    const trail = await service.listTrail({ entity: 'lead' });
    const create = trail.find((e) => e.action === 'create')!;
    const zhLine = create.text.changes.map((c) => `${c.label.zh}：${c.after?.zh}`).join('；');
    expect(zhLine).toMatch(/涉及金额：¥[\d,]+\.\d\d/);
    expect(create.text.changes.map((c) => c.label.en)).toContain('Amount');
    for (const e of trail) for (const c of e.text.changes) expect(['amountFen', 'numbers', 'into', 'findingIds']).not.toContain(c.label.zh);
    const review = (await service.listTrail({ entity: 'finding' }))[0]!;
    expect(review.text.action).toEqual({ zh: '审核', en: 'Review' });
    expect(review.text.changes[0]).toMatchObject({ label: { zh: '状态', en: 'Status' }, before: { zh: '待审核', en: 'Pending' }, after: { zh: '已确认', en: 'Confirmed' } });
  });
});

describe('handoff before any lead', () => {
  it('says there are no leads yet and how to build them', async () => {
    const { service, dir, path } = await openTempService();
    await expect(service.handoffLeads({ dir: join(dir, 'h'), handedBy: 'x' })).rejects.toThrow(/还没有线索可移交.*npm run cli -- leads/);
    await service.closeWorkspace();
    await expect(runLeadsCommand('handoff', ['--workspace', path, '--out', join(dir, 'h')])).rejects.toThrow(/由已确认疑点生成线索/);
  });
});

describe('a lead of hundreds of vouchers', () => {
  it('gets a summary paragraph, the full list in the evidence sheet, and a PDF whose first page holds it', async () => {
    const { service, dir } = await openTempService();
    const lines = Array.from({ length: 300 }, (_, i) => payment({ date: `2018-${String(1 + (i % 12)).padStart(2, '0')}-05`, voucher: `记-${i + 1}`, summary: '付款', name: '管理费用', amount: `${100 + i}.00`, att: 0 })).flat();
    writeFileSync(join(dir, 'many.csv'), ledgerCsv(lines));
    expect((await service.importFile({ path: join(dir, 'many.csv'), kind: 'ledger' })).status).toBe('imported');
    await service.runRules();
    const all = await service.listFindings({ limit: 1000 });
    expect(all.total).toBeGreaterThan(200);
    await service.reviewFindings({ ids: all.rows.map((f) => f.id), decision: 'confirmed', reviewer: '张审计' });
    const [number] = await service.buildCaseLeads({ actor: '张审计' });
    const { lead } = await service.getCaseLead({ number: number! });
    expect(lead.problem).toMatch(/涉及凭证 300 张，涉及金额 ¥[\d,.]+。金额最大的 5 项：记-300（2018-12-05）¥399\.00、/);
    expect(lead.problem).toContain('全部凭证见移交文件“凭证”表');
    expect(lead.problem.length).toBeLessThan(400);
    const [rec] = await service.handoffLeads({ dir: join(dir, 'h'), handedBy: '张审计' });
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', rec!.files.find((f) => f.kind === 'pdf')!.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(page1).toContain(number!.slice(number!.indexOf('-') + 1));
    expect(page1).toContain('金额最大的5项');
    await service.closeWorkspace();
  }, 60_000);
});

describe('handoff files', () => {
  it('names from townships are safe and distinct on Windows and Linux', () => {
    const names = ['a/b', 'a:b', 'a_b', 'CON', 'con.txt', 'Nul', 'COM1', 'x'.repeat(300), '乡'.repeat(300), '乡'.repeat(299) + '镇', ' 石板冲乡. ', '石板冲乡', '..', 'A', 'a'];
    const out = safeFileNames(names);
    const files = [...out.values()];
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(names.length);
    for (const f of files) {
      // eslint-disable-next-line no-control-regex -- control characters are what must not be there
      expect(f).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
      expect(f).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
      expect(f).not.toMatch(/[. ]$/);
      expect(Buffer.byteLength(f, 'utf8')).toBeLessThanOrEqual(120);
    }
    expect(safeFileName('石板冲乡')).toBe('石板冲乡');
    expect(safeFileName('a/b')).toMatch(/^a_b~[0-9a-f]{8}$/);
  });

  it('two handoffs on one day never overwrite each other, and every recorded SHA-256 matches a file that exists', async () => {
    const { service, dir } = await openTempService();
    await confirmed(service);
    await service.buildCaseLeads({ actor: 'a' });
    const out = join(dir, 'out');
    const [first] = await service.handoffLeads({ dir: out, township: '城南镇', handedBy: 'a', pdf: false });
    await service.updateCaseLead({ number: first!.leads[0]!.number, actor: 'a', patch: { remarks: '补充' } });
    const [second] = await service.handoffLeads({ dir: out, township: '城南镇', handedBy: 'a', pdf: false });
    expect(first!.dir).not.toBe(second!.dir);
    expect(readdirSync(out).sort()).toEqual(['城南镇-移交1-2026-11-25', '城南镇-移交2-2026-11-25']);
    for (const h of await service.listHandoffs()) for (const f of h.files) expect(sha(f.path), f.path).toBe(f.sha256);
    await service.closeWorkspace();
  });

  it('a failure part-way records nothing and leaves no files', async () => {
    const { service, dir } = await openTempService();
    await confirmed(service);
    await service.buildCaseLeads({ actor: 'a' });
    const out = join(dir, 'out');
    let calls = 0;
    const failing = new AuditService({ now: () => '2026-11-25T08:00:00.000Z', renderPdf: async () => {
      if (++calls === 2) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC', path: out });
      return Buffer.from('%PDF-1.4');
    } });
    const wsPath = (await service.workspaceInfo())!.path;
    await service.closeWorkspace();
    await failing.openWorkspace({ path: wsPath });
    await expect(failing.handoffLeads({ dir: out, handedBy: 'a' })).rejects.toThrow(/no space/);
    expect(await failing.listHandoffs()).toEqual([]);
    expect((await failing.listCaseLeads({})).every((l) => !l.frozen)).toBe(true);
    expect(readdirSync(out)).toEqual([]);
    await failing.closeWorkspace();
  });

  it('a process killed with SIGKILL mid-handoff leaves no record, no frozen lead and no package', async () => {
    const { service, dir, path } = await openTempService();
    await confirmed(service);
    await service.buildCaseLeads({ actor: 'a' });
    await service.closeWorkspace();
    const out = join(dir, 'out');
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test/integration/handoff-child.ts'), path, out], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((ok, fail) => {
      child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('rendering')) ok(); });
      child.on('exit', (c) => fail(new Error(`child exited ${c}`)));
    });
    expect(readdirSync(out).some((n) => n.startsWith('.'))).toBe(true); // its files were being written
    child.kill('SIGKILL');
    await new Promise((ok) => child.on('exit', ok));
    const info = await service.openWorkspace({ path });
    expect(await service.listHandoffs()).toEqual([]);
    expect((await service.listCaseLeads({})).every((l) => !l.frozen)).toBe(true);
    expect(readdirSync(out).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(info.integrity.ok).toBe(true);
    // The next handoff goes through, numbered from 1.
    const recs = await service.handoffLeads({ dir: out, handedBy: 'a', pdf: false });
    expect(recs.map((r) => r.id)).toEqual([1, 2, 3]); // one per township (three in the district)
    for (const r of recs) for (const f of r.files) expect(existsSync(f.path)).toBe(true);
    await service.closeWorkspace();
  }, 60_000);
});
