// Case leads, handoff packages, rectification and the trail on the sample district (issue 5).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISTRICT_DIR, FILES } from '../../fixtures/district-files';
import { runLeadsCommand } from '../../shared/cli-leads';
import { handoffHtml } from '../../shared/leads/handoff-sheet';
import { computeLead } from '../../shared/leads/store';
import type { AuditService } from '../../shared/service';
import type { Db } from '../../shared/workspace/db';
import { importDistrict, openTempService } from '../helpers';

const cadresPath = join(DISTRICT_DIR, FILES.cadres);
// The db is private to the service; tests reach it for the trigger and SQL checks.
const dbOf = (s: AuditService): Db => (s as unknown as { db: Db }).db;

async function confirmedDistrict(service: AuditService): Promise<void> {
  await importDistrict(service);
  const r = await service.importCadres({ path: cadresPath, actor: '张审计' });
  expect(r.status).toBe('imported');
  await service.runRules();
  const all = await service.listFindings({ limit: 1000 });
  await service.reviewFindings({ ids: all.rows.map((f) => f.id), decision: 'confirmed', reviewer: '张审计', note: '已调阅纸质凭证' });
}

const yuminLead = async (s: AuditService) => (await s.listCaseLeads({})).find((l) => l.problem.includes('裕民路'))!;

describe('case leads on the sample district', () => {
  let service: AuditService;
  let dir: string;
  beforeEach(async () => {
    ({ service, dir } = await openTempService());
    await confirmedDistrict(service);
  });
  afterEach(() => service.closeWorkspace());

  it('imports the roster all or nothing, with file:line:column errors', async () => {
    expect((await service.listCadres({ village: '赵湾村' })).map((c) => c.name)).toEqual(['钱某某', '赵某某', '沈某某', '李某某']);
    expect((await service.importCadres({ path: cadresPath })).status).toBe('duplicate');
    const bad = join(dir, '名册.csv');
    writeFileSync(bad, '\ufeff乡镇,村,姓名,职务,任职起,任职止\n石板冲乡,观山村,甲某,书记,2014-01-10,\n石板冲乡,观山村,,主任,2018-13-01,\n');
    const r = await service.importCadres({ path: bad });
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => [e.line, e.column, e.columnName])).toEqual([[3, 3, '姓名'], [3, 5, '任职起']]);
    expect((await service.listCadres({ village: '观山村' })).map((c) => c.name)).not.toContain('甲某');
  });

  it('the 裕民路 lead names 赵湾村 officers in office at the time and ¥46,200.00', async () => {
    const made = await service.buildCaseLeads({ actor: '张审计' });
    // One per village and problem: 石板冲乡 7, 城南镇 6, 顺河镇 13 (顺河村's twelve problems and 桃园村's first digits).
    expect(made.length).toBe(26);
    const l = await yuminLead(service);
    expect(l.number).toBe('石板冲乡-2017-004');
    expect(l.amount).toBe('46200.00');
    expect(l.persons.map((p) => p.name)).toEqual(['赵某某', '李某某', '沈某某']);
    expect(l.personNames).not.toContain('钱某某');
    expect(l.unitAndPosts).toContain('赵湾村党支部书记');
    expect(l.evidence.map((e) => `${e.file}:${e.line}`)).toContain('projects.csv:2');
    expect(l.disposition).toBe('初步核实');
    // Terms matter: the 2016 voucher in 赵湾村 was under the former director 钱某某.
    const early = (await service.listCaseLeads({})).find((x) => x.number === '石板冲乡-2016-001')!;
    expect(early.personNames).toContain('钱某某');
  });

  it('numbers per township and year, never reuses a number, merges and splits', async () => {
    await service.buildCaseLeads({ actor: 'a' });
    const leads = await service.listCaseLeads({});
    for (const l of leads) expect(l.number).toMatch(new RegExp(`^${l.township}-${l.year}-\\d{3}$`));
    expect(leads.filter((l) => l.township === '石板冲乡' && l.year === 2017).map((l) => l.number))
      .toEqual(['石板冲乡-2017-001', '石板冲乡-2017-002', '石板冲乡-2017-003', '石板冲乡-2017-004']);
    // 赵湾村 2017: hospitality (003) and 裕民路 (004) merged into 003; 004 is retired.
    const merged = await service.mergeCaseLeads({ numbers: ['石板冲乡-2017-003', '石板冲乡-2017-004'], actor: 'a' });
    expect(merged.amount).toBe('47480.00');
    expect((await service.getCaseLead({ number: '石板冲乡-2017-004' })).lead.status).toBe('merged');
    // Split the 裕民路 finding out again: it gets the next number, 005, not 004.
    const yf = merged.findingIds.find((id) => id.startsWith('2f0a'))!;
    const split = await service.splitCaseLead({ number: '石板冲乡-2017-003', findingIds: [yf], actor: 'a' });
    expect(split.number).toBe('石板冲乡-2017-005');
    expect(split.amount).toBe('46200.00');
    // Building again adds nothing: every confirmed finding is in a lead.
    expect(await service.buildCaseLeads({ actor: 'a' })).toEqual([]);
    expect(computeLead(dbOf(service), [yf]).year).toBe(2017);
  });

  it('hands over xlsx, csv and pdf per township, records hashes and freezes the leads', async () => {
    await service.buildCaseLeads({ actor: 'a' });
    await service.updateCaseLead({ number: '石板冲乡-2017-001', actor: 'a', patch: { remarks: '=HYPERLINK("http://x","y")', disposition: '谈话函询' } });
    const out = join(dir, 'handoff');
    const recs = await service.handoffLeads({ dir: out, township: '石板冲乡', handedBy: '张审计' });
    expect(recs).toHaveLength(1);
    const rec = recs[0]!;
    expect(rec.leadCount).toBe(7);
    expect(rec.files.map((f) => f.kind)).toEqual(['xlsx', 'csv', 'pdf']);
    for (const f of rec.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Its own folder, named with the handoff's number and date; the files carry them too.
    expect(rec.dir).toBe(join(out, '石板冲乡-移交1-2026-11-25'));
    const file = (kind: string) => rec.files.find((f) => f.kind === kind)!.path;
    expect(file('xlsx')).toBe(join(rec.dir, '石板冲乡-移交1-2026-11-25.xlsx'));

    // xlsx: real numbers with the money format, frozen header, the vouchers sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('xlsx'));
    const ws = wb.getWorksheet('线索')!;
    expect(ws.getRow(1).values).toEqual([undefined, '线索编号', '被反映人姓名', '单位和职务', '线索来源', '收到时间', '反映的主要问题', '涉及金额（元）', '证据', '处置建议', '备注', '版本']);
    const row = ws.getRows(2, 7)!.find((r) => r.getCell(1).value === '石板冲乡-2017-004')!;
    expect(row.getCell(7).value).toBe(46200);
    expect(row.getCell(7).numFmt).toBe('¥#,##0.00');
    expect(row.getCell(2).value).toBe('赵某某、李某某、沈某某');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(6).width).toBe(60);
    const vs = wb.getWorksheet('凭证')!;
    expect(vs.rowCount).toBeGreaterThan(7);
    const injected = ws.getRows(2, 7)!.find((r) => r.getCell(1).value === '石板冲乡-2017-001')!;
    expect(injected.getCell(10).value).toBe('\'=HYPERLINK("http://x","y")');

    // csv: BOM, and the formula neutralised.
    const csv = readFileSync(file('csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    const cr = parsed.find((r) => r[0] === '石板冲乡-2017-001')!;
    expect(cr[9]).toBe('\'=HYPERLINK("http://x","y")');
    expect(cr[8]).toBe('谈话函询');

    // pdf: names and totals as text.
    const text = execFileSync('pdftotext', ['-layout', file('pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('问题线索移交清单');
    expect(text).toContain('石板冲乡纪委');
    expect(text).toContain('合计金额：¥59,110.00');
    expect(text).toContain('¥46,200.00');
    const flat = execFileSync('pdftotext', [file('pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const name of ['赵某某', '李某某', '沈某某']) expect(flat).toContain(name);
    expect(flat).toContain('钱某某');
    expect(text).toContain('移交人');
    expect(text).toContain('接收人');
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);

    // Frozen: an edit makes version 2, version 1 stays readable as handed over.
    const before = (await service.getCaseLead({ number: '石板冲乡-2017-004' })).lead;
    expect(before.frozen).toBe(true);
    const edited = await service.updateCaseLead({ number: '石板冲乡-2017-004', actor: 'a', patch: { remarks: '补充：已约谈' } });
    expect(edited.version).toBe(2);
    expect(edited.frozen).toBe(false);
    const { versions } = await service.getCaseLead({ number: '石板冲乡-2017-004' });
    expect(versions).toHaveLength(1);
    expect(versions[0]!.lead.remarks).toBe('');
    expect((await service.listHandoffs())[0]!.leads).toHaveLength(7);
  }, 120_000);

  it('records the 裕民路 recovery in the rectification ledger and closes it', async () => {
    await service.buildCaseLeads({ actor: 'a' });
    const l = await yuminLead(service);
    const item = await service.createRectification({ leadNumber: l.number, measures: '追缴超付工程款', dueDate: '2019-06-30', actor: '张审计' });
    expect(item.amountAtIssueFen).toBe(4_620_000);
    expect(item.responsible).toBe('赵某某、李某某、沈某某');
    await expect(service.closeRectification({ id: item.id, actor: '张审计' })).rejects.toThrow(/销号需要整改证据或说明/);
    await service.updateRectification({ id: item.id, patch: { recoveredFen: 4_620_000, progress: '整改中' }, actor: '张审计' });
    const ev = join(dir, '追缴收据.txt');
    writeFileSync(ev, '收据');
    const withEv = await service.addRectificationEvidence({ id: item.id, path: ev, actor: '张审计' });
    expect(withEv.evidence[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const closed = await service.closeRectification({ id: item.id, actor: '张审计' });
    expect(closed).toMatchObject({ closed: true, closedBy: '张审计', progress: '已完成', recoveredFen: 4_620_000 });
    await expect(service.updateRectification({ id: item.id, patch: { measures: 'x' }, actor: 'b' })).rejects.toThrow(/已销号/);
    const x = await service.exportRectifications({ path: join(dir, '整改台账.xlsx') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x.path);
    const r2 = wb.getWorksheet('整改台账')!.getRow(2);
    expect(r2.getCell(12).value).toBe(46200);
    expect(r2.getCell(12).numFmt).toBe('¥#,##0.00');
    expect(r2.getCell(14).value).toBe('是');
    expect(await service.rectificationSummary()).toEqual([{ township: '石板冲乡', village: '赵湾村', items: 1, open: 0, overdue: 0, closed: 1, amountAtIssueFen: 4_620_000, recoveredFen: 4_620_000 }]);
    const trail = await service.listTrail({ entity: 'rectification', entityId: String(item.id) });
    expect(trail.map((t) => t.action)).toEqual(['create', 'update', 'evidence', 'close']);
    expect(trail[1]!.before).toMatchObject({ recoveredFen: 0 });
    expect(trail[1]!.after).toMatchObject({ recoveredFen: 4_620_000 });
  });

  it('gives back a hash-checked copy of evidence, after 销号 and after the workspace moves, and refuses a changed one', async () => {
    const item = await service.createRectification({ township: '石板冲乡', village: '赵湾村', description: '白条入账', actor: '张审计' });
    const ev = join(dir, '收据扫描.pdf');
    writeFileSync(ev, '%PDF-1.4 追缴收据');
    const [stored] = (await service.addRectificationEvidence({ id: item.id, path: ev, actor: '张审计' })).evidence;
    await service.closeRectification({ id: item.id, actor: '张审计', note: '已追缴' });
    const out = join(dir, 'copy.pdf');
    expect(await service.saveRectificationEvidence({ evidenceId: stored!.id, path: out })).toMatchObject({ name: '收据扫描.pdf', sha256: stored!.sha256 });
    expect(readFileSync(out, 'utf8')).toBe('%PDF-1.4 追缴收据');
    await expect(service.saveRectificationEvidence({ evidenceId: 999, path: out })).rejects.toThrow(/没有编号为 999 的整改证据/);

    // The workspace and its .files folder copied to another laptop's folder, the original gone.
    await service.closeWorkspace();
    const moved = join(dir, 'elsewhere');
    mkdirSync(moved);
    copyFileSync(join(dir, 'ws.sqlite'), join(moved, 'ws.sqlite'));
    cpSync(join(dir, 'ws.sqlite.files'), join(moved, 'ws.sqlite.files'), { recursive: true });
    rmSync(join(dir, 'ws.sqlite.files'), { recursive: true });
    await service.openWorkspace({ path: join(moved, 'ws.sqlite') });
    const again = join(dir, 'again.pdf');
    await service.saveRectificationEvidence({ evidenceId: stored!.id, path: again });
    expect(readFileSync(again, 'utf8')).toBe('%PDF-1.4 追缴收据');

    // A stored file whose bytes changed is refused, and nothing is written.
    writeFileSync(join(moved, 'ws.sqlite.files', stored!.sha256), 'altered');
    const bad = join(dir, 'bad.pdf');
    await expect(service.saveRectificationEvidence({ evidenceId: stored!.id, path: bad })).rejects.toThrow(/SHA-256 与登记时不符/);
    expect(existsSync(bad)).toBe(false);
    rmSync(join(moved, 'ws.sqlite.files'), { recursive: true });
    await expect(service.saveRectificationEvidence({ evidenceId: stored!.id, path: bad })).rejects.toThrow(/不在工作区文件夹/);
  });

  it('makes items from a lead, a finding or typed text, one per lead or finding, and replays progress by day', async () => {
    await service.buildCaseLeads({ actor: 'a' });
    const l = await yuminLead(service);
    // The service's clock is fixed in these tests; move it per step to get dated trail entries.
    let now = '2026-11-25T08:00:00.000Z';
    (service as unknown as { now: () => string }).now = () => now;
    const fromLead = await service.createRectification({ leadNumber: l.number, actor: '张审计' });
    await expect(service.createRectification({ leadNumber: l.number, actor: '张审计' })).rejects.toThrow(new RegExp(`已有整改事项 #${fromLead.id}`));
    const finding = (await service.listFindings({ rule: ['banned-hospitality'], limit: 1 })).rows[0]!;
    const fromFinding = await service.createRectification({ findingId: finding.id, dueDate: '2026-11-30', actor: '张审计' });
    expect(fromFinding).toMatchObject({ findingId: finding.id, township: finding.township, village: finding.village, amountAtIssueFen: finding.amountFen, description: finding.reason });
    await expect(service.createRectification({ findingId: finding.id, actor: '张审计' })).rejects.toThrow(/已有整改事项/);
    await expect(service.createRectification({ township: '石板冲乡', actor: '张审计' })).rejects.toThrow(/乡镇、村和问题描述/);
    now = '2026-12-02T09:00:00.000Z';
    expect((await service.listRectifications({})).find((i) => i.id === fromFinding.id)!.overdue).toBe(true);
    await service.updateRectification({ id: fromLead.id, patch: { progress: '整改中', recoveredFen: 2_000_000 }, actor: '张审计' });
    now = '2026-12-02T15:00:00.000Z';
    await service.updateRectification({ id: fromLead.id, patch: { recoveredFen: 4_620_000 }, actor: '张审计' });
    now = '2026-12-10T10:00:00.000Z';
    await service.closeRectification({ id: fromLead.id, note: '已全额追缴，见收据', actor: '张审计' });
    expect(await service.rectificationProgress({})).toEqual([
      { date: '2026-11-25', items: 2, notStarted: 2, inProgress: 0, done: 0, closed: 0, amountAtIssueFen: 4_620_000 + finding.amountFen, recoveredFen: 0 },
      { date: '2026-12-02', items: 2, notStarted: 1, inProgress: 1, done: 0, closed: 0, amountAtIssueFen: 4_620_000 + finding.amountFen, recoveredFen: 4_620_000 },
      { date: '2026-12-10', items: 2, notStarted: 1, inProgress: 0, done: 0, closed: 1, amountAtIssueFen: 4_620_000 + finding.amountFen, recoveredFen: 4_620_000 },
    ]);
    expect((await service.rectificationProgress({ township: '城南镇' })).every((p) => p.items <= 1)).toBe(true);
    // A clock set back does not make the chart run backwards: the change counts on the latest day.
    now = '2026-12-05T10:00:00.000Z';
    await service.updateRectification({ id: fromFinding.id, patch: { progress: '整改中' }, actor: '张审计' });
    expect((await service.rectificationProgress({})).at(-1)).toMatchObject({ date: '2026-12-10', inProgress: 1, notStarted: 0, closed: 1 });
  });

  it('keeps an append-only trail of reviews and edits that SQLite refuses to change', async () => {
    await service.buildCaseLeads({ actor: 'a' });
    await service.updateCaseLead({ number: '石板冲乡-2017-004', actor: '李审计', patch: { problem: '改写的问题描述' } });
    const reviews = await service.listTrail({ entity: 'finding' });
    expect(reviews.length).toBe(32);
    expect(reviews[0]).toMatchObject({ actor: '张审计', action: 'review', before: { status: 'pending' }, after: { status: 'confirmed', note: '已调阅纸质凭证' } });
    const edits = await service.listTrail({ entity: 'lead', entityId: '石板冲乡-2017-004' });
    expect(edits.map((e) => e.action)).toEqual(['create', 'edit']);
    expect(edits[1]!.after).toMatchObject({ problem: '改写的问题描述' });
    const db = dbOf(service);
    expect(() => db.prepare('UPDATE trail SET actor = ?').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM trail').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM cadres').run()).toThrow(/never changes/);
  });
});

describe('CLI review, leads, handoff, rectify', () => {
  it('runs the issue 5 commands on a workspace', async () => {
    const { service, path, dir } = await openTempService();
    await importDistrict(service);
    await service.runRules();
    await service.closeWorkspace();
    const run = (cmd: string, args: string[]) => runLeadsCommand(cmd, ['--workspace', path, ...args]);
    // 31: without the roster, payments to officers were not checked.
    expect((await run('review', ['--all', '--decision', 'confirmed', '--reviewer', '张审计'])).stdout[0]).toContain('31');
    expect((await run('review', ['--finding', 'nope', '--decision', 'dismissed', '--reviewer', '张审计', '--note', '不成立'])).exitCode).toBe(2);
    const leads = await run('leads', ['--actor', '张审计', '--cadres', cadresPath, '--source', '村级财务审计 第三审计组']);
    expect(leads.exitCode).toBe(0);
    expect(leads.stdout.join('\n')).toContain('石板冲乡-2017-004  石板冲乡赵湾村  ¥46,200.00');
    const h = await run('handoff', ['--out', join(dir, 'out'), '--township', '城南镇', '--by', '张审计', '--no-pdf']);
    expect(h.stdout[0]).toContain('城南镇 -> 城南镇纪委: 6 件');
    const r = await run('rectify', ['--lead', '石板冲乡-2017-004', '--recovered', '46,200.00', '--close', '--note', '已全额追缴', '--by', '张审计', '--export', join(dir, 'r.xlsx')]);
    expect(r.stdout[0]).toContain('追缴 ¥46,200.00 / ¥46,200.00 已销号');
    await expect(run('review', ['--all', '--decision', 'maybe', '--reviewer', 'x'])).rejects.toThrow(/decision/);
  }, 60_000);
});

describe('handing over twice', () => {
  it('hands over only what the commission does not hold yet: new leads and corrected versions', async () => {
    const { service, dir } = await openTempService();
    await confirmedDistrict(service);
    await service.buildCaseLeads({ actor: 'a' });
    await service.handoffLeads({ dir: join(dir, 'h1'), township: '城南镇', handedBy: 'a', pdf: false });
    // Nothing changed: a second handoff of 城南镇 is refused with a reason, and "all" skips it.
    await expect(service.handoffLeads({ dir: join(dir, 'hx'), township: '城南镇', handedBy: 'a', pdf: false })).rejects.toThrow(/城南镇没有待移交的线索/);
    await service.updateCaseLead({ number: '城南镇-2018-002', actor: 'a', patch: { disposition: '谈话函询' } });
    const [second] = await service.handoffLeads({ dir: join(dir, 'h2'), township: '城南镇', handedBy: 'a', pdf: false });
    expect(second!.leads).toEqual([{ number: '城南镇-2018-002', version: 2 }]);
    expect(second!.leadCount).toBe(1);
    const csv = Papa.parse<string[]>(readFileSync(second!.files.find((f) => f.kind === 'csv')!.path, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    expect(csv).toHaveLength(2);
    expect(csv[1]!.at(-1)).toBe('第2版（更正）更正：修改了处置建议（a，2026-11-25）');
    expect(handoffHtml((await service.listCaseLeads({ township: '城南镇' })).filter((l) => l.number === '城南镇-2018-002'), { township: '城南镇', fromUnit: 'x', toUnit: '城南镇纪委', date: '2026-11-25' })).toContain('第2版（更正）');
    // All townships: only 石板冲乡 is left to hand over.
    expect((await service.handoffLeads({ dir: join(dir, 'h3'), handedBy: 'a', pdf: false })).map((h) => h.township)).toEqual(['石板冲乡', '顺河镇']);
    expect(await service.handoffLeads({ dir: join(dir, 'h4'), handedBy: 'a', pdf: false })).toEqual([]);
    const hs = await service.listHandoffs();
    expect(hs.map((h) => h.leads.find((l) => l.number === '城南镇-2018-002')?.version)).toEqual([1, 2, undefined, undefined]);
    const { versions } = await service.getCaseLead({ number: '城南镇-2018-002' });
    expect(versions.map((v) => [v.version, v.lead.disposition])).toEqual([[1, '初步核实'], [2, '谈话函询']]);
    await service.closeWorkspace();
  });
});

describe('audit --cadres', () => {
  it('imports the roster with the ledgers, and a bad roster leaves nothing behind', async () => {
    const { runAudit } = await import('../../shared/cli-audit');
    const { existsSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { district } = await import('../helpers');
    const dir = mkdtempSync(join(tmpdir(), 'va-cad-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '乡镇,村,姓名,职务,任职起,任职止\n石板冲乡,赵湾村,赵某某,书记,昨天,\n');
    const ws = join(dir, 'ws.sqlite');
    const base = { ledgers: [district.shibanchong], projects: [district.projects], map: [], out: join(dir, 'out'), workspace: ws };
    const failed = await runAudit({ ...base, cadres: [bad] });
    expect(failed.exitCode).toBe(2);
    expect(failed.stderr.join('\n')).toContain('bad.csv:2:5');
    expect(existsSync(ws)).toBe(false);
    const ok = await runAudit({ ...base, cadres: [cadresPath] });
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout.join('\n')).toContain('已导入村干部名册 cadres.csv：30 人次');
  });
});
