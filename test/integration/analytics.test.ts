// The analytics over the sample district and small ledgers: exports as the view shows them,
// summaries whose totals are exact to the fen, the ledger around a finding, a voucher and a
// project (with its boundaries), samples reproducible from their seed and extendable without
// changing what was drawn, and a finding printed through the handoff's HTML→PDF path.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, PivotTable } from '../../shared/contract';
import { parseMoney } from '../../shared/format/money';
import { AuditService } from '../../shared/service';
import { importDistrict, ledgerCsv, openTempService, payment, tempDir, type LineSpec } from '../helpers';

let service: AuditService;
let dir: string;
let findings: Finding[];

beforeAll(async () => {
  ({ service, dir } = await openTempService());
  await importDistrict(service);
  await service.runRules();
  findings = (await service.listFindings({})).rows;
});

afterAll(async () => {
  await service.closeWorkspace();
});

/** Every line of the ledger, page by page (another path than the summaries take). */
async function allLines(filter: Parameters<AuditService['queryLedger']>[0] = {}) {
  const rows = [];
  for (let offset = 0; ; offset += 5000) {
    const p = await service.queryLedger({ ...filter, offset, limit: 5000 });
    rows.push(...p.rows);
    if (offset + 5000 >= p.total) return { rows, page: p };
  }
}

function sumCells(t: PivotTable): void {
  for (const l of t.lines) {
    if (t.columnKeys.length) {
      expect(l.cells.reduce((s, c) => s + c.amountFen, 0), l.label).toBe(l.total.amountFen);
      expect(l.cells.reduce((s, c) => s + c.count, 0), l.label).toBe(l.total.count);
    }
  }
  expect(t.lines.reduce((s, l) => s + l.total.amountFen, 0)).toBe(t.totals.total.amountFen);
  expect(t.lines.reduce((s, l) => s + l.total.count, 0)).toBe(t.totals.total.count);
  t.columnKeys.forEach((_, c) => expect(t.lines.reduce((s, l) => s + (l.cells[c]?.amountFen ?? 0), 0)).toBe(t.totals.cells[c]?.amountFen));
}

describe('export of the findings view', () => {
  it('writes .xlsx with the view\'s rows in its order: number cells as ¥#,##0.00, a frozen header', async () => {
    const query = { rule: ['unreceipted'], sort: { by: 'amount' as const, dir: 'desc' as const } };
    const view = (await service.listFindings(query)).rows;
    expect(view.length).toBeGreaterThan(2);
    const path = join(dir, 'findings.xlsx');
    const r = await service.exportFindings({ query, path, format: 'xlsx', lang: 'zh' });
    expect(r.rows).toBe(view.length);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('疑点');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 9)).toEqual(['状态', '日期', '乡镇', '村', '涉及金额', '规则', '凭证号', '项目', '疑点说明']);
    expect(ws.rowCount).toBe(view.length + 1);
    view.forEach((f, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(14).value).toBe(f.id);
      expect(row.getCell(5).value).toBe(f.amountFen / 100);
      expect(row.getCell(5).numFmt).toBe('¥#,##0.00');
      expect(row.getCell(6).value).toMatch(/^白条入账/);
    });
    const amounts = view.map((f) => f.amountFen);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it('writes .csv in UTF-8 with BOM, every cell quoted, in English when the UI is', async () => {
    const path = join(dir, 'findings.csv');
    await service.exportFindings({ query: { sort: { by: 'date', dir: 'asc' } }, path, format: 'csv', lang: 'en' });
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toMatch(/^"Status","Date","Township","Village","Amount","Rule",/);
    const rows = Papa.parse<string[]>(text.slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(findings.length + 1);
    const byId = new Map(findings.map((f) => [f.id, f]));
    for (const r of rows.slice(1)) {
      const f = byId.get(r[13] as string)!;
      expect(r[4]).toBe((f.amountFen / 100).toFixed(2));
      expect(r[8]).toBe(f.reasonEn);
    }
  });
});

describe('summaries', () => {
  it('sums the ledger by village exactly, to the fen, as the lines themselves add up', async () => {
    const { rows, page } = await allLines();
    const debit = rows.reduce((s, l) => s + l.debitFen, 0);
    expect(page.debitFen).toBe(debit);
    const t = await service.summarize({ source: 'ledger', rows: 'village' });
    sumCells(t);
    expect(t.totals.total).toEqual({ count: rows.length, amountFen: debit });
    const byVillage = new Map<string, number>();
    for (const l of rows) byVillage.set(`${l.township}/${l.village}`, (byVillage.get(`${l.township}/${l.village}`) ?? 0) + l.debitFen);
    expect(new Map(t.lines.map((l) => [l.key, l.total.amountFen]))).toEqual(byVillage);
    // The fixture's own numbers, parsed from the file: every debit of 城南镇's ledger.
    const csv = Papa.parse<string[]>(readFileSync(join(import.meta.dirname, '../../fixtures/district/chengnan-ledger-utf8.csv'), 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const fileDebits = csv.slice(1).filter((r) => r[0] === '城南镇').reduce((s, r) => s + (r[7] ? (parseMoney(r[7]) as { fen: number }).fen : 0), 0);
    const chengnan = await service.summarize({ source: 'ledger', rows: 'township', ledger: { township: '城南镇' } });
    expect(chengnan.totals.total.amountFen).toBe(fileDebits);
  });

  it('crosses village by month and account by year, every row and column adding up; credits and net too', async () => {
    for (const q of [
      { source: 'ledger' as const, rows: 'village' as const, columns: 'month' as const },
      { source: 'ledger' as const, rows: 'account' as const, columns: 'year' as const, measure: 'credit' as const },
      { source: 'ledger' as const, rows: 'counterparty' as const, measure: 'net' as const, ledger: { account: '5' } },
      { source: 'ledger' as const, rows: 'handler' as const, columns: 'village' as const },
    ]) sumCells(await service.summarize(q));
    const months = await service.summarize({ source: 'ledger', rows: 'village', columns: 'month' });
    expect(months.columnKeys.map((c) => c.key)).toEqual([...months.columnKeys.map((c) => c.key)].sort());
    const net = await service.summarize({ source: 'ledger', rows: 'year', measure: 'net' });
    // Every voucher balances, debits less credits nothing year by year, but the one 顺河镇 voucher
    // planted for unbalanced-voucher (2018-06-18, ¥45.00 more debited than credited).
    expect(Object.fromEntries(net.lines.map((l) => [l.label, l.total.amountFen]))).toEqual({ 2016: 0, 2017: 0, 2018: 4500 });
  });

  it('counts each finding once by village, account, counterparty, person and month; totals are the view\'s', async () => {
    const page = await service.listFindings({ status: ['pending'] });
    for (const rows of ['village', 'account', 'counterparty', 'handler', 'approver', 'month', 'rule'] as const) {
      const t = await service.summarize({ source: 'findings', rows, columns: rows === 'rule' ? 'year' : 'rule', findings: { status: ['pending'] } });
      sumCells(t);
      expect(t.totals.total, rows).toEqual({ count: page.total, amountFen: page.totalAmountFen });
    }
    await expect(service.summarize({ source: 'ledger', rows: 'rule' })).rejects.toMatchObject({ code: 'invalid-arguments' });
  });

  it('exports a summary with its totals line', async () => {
    const path = join(dir, 'summary.xlsx');
    const query = { source: 'findings' as const, rows: 'village' as const, columns: 'rule' as const };
    const t = await service.summarize(query);
    await service.exportSummary({ query, path, format: 'xlsx', lang: 'zh' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('村');
    // Columns by amount at issue, the largest first: 顺河镇's split procurement, then the road overpaid.
    expect([ws.getRow(1).getCell(2).value, ws.getRow(1).getCell(3).value]).toEqual(['拆分项目规避招标', '工程款超付']);
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(t.columnKeys.length + 2).value).toBe(t.totals.total.amountFen / 100);
    expect(last.getCell(t.columnKeys.length + 2).numFmt).toBe('¥#,##0.00');
    expect(last.getCell(t.columnKeys.length + 3).value).toBe(findings.length);
  });
});

describe('the ledger around a finding, a voucher, a project', () => {
  it('shows the whole voucher and the village\'s lines before and after, in date order', async () => {
    const f = findings.find((x) => x.rule === 'banned-hospitality')!;
    const detail = await service.getFinding({ id: f.id });
    const c = await service.ledgerContext({ findingId: f.id, before: 4, after: 3 });
    expect([c.township, c.village]).toEqual([f.township, f.village]);
    expect(c.anchorLineIds.sort()).toEqual(detail.lines.map((l) => l.id).sort());
    expect(c.vouchers.flatMap((v) => v.lines.map((l) => l.id)).sort()).toEqual(detail.lines.map((l) => l.id).sort());
    const ids = c.lines.map((l) => l.id);
    const first = Math.min(...c.anchorLineIds.map((id) => ids.indexOf(id)));
    const last = Math.max(...c.anchorLineIds.map((id) => ids.indexOf(id)));
    expect(first).toBe(Math.min(4, c.offset + first));
    expect(c.lines.length - 1 - last).toBe(3);
    for (const l of c.lines) expect([l.township, l.village]).toEqual([f.township, f.village]);
    expect(c.lines.map((l) => l.date)).toEqual([...c.lines.map((l) => l.date)].sort());
    // The same lines as a page of the village's ledger at that offset.
    const page = await service.queryLedger({ township: f.township, village: f.village, offset: c.offset, limit: c.lines.length });
    expect(page.rows.map((l) => l.id)).toEqual(ids);
    expect(c.villageLines).toBe(page.total);
  });

  it('stops at the ends of the village\'s ledger', async () => {
    const { service: s, dir: d } = await openTempService();
    const lines: LineSpec[] = [];
    for (let i = 1; i <= 12; i++) lines.push(...payment({ date: `2018-03-${String(i).padStart(2, '0')}`, voucher: `记-${i}`, summary: `付款${i}`, name: '管理费用', amount: `${i}.00` }));
    lines.push(...payment({ date: '2018-03-05', voucher: '记-1', summary: '他村付款', name: '管理费用', amount: '9.00', village: '李庄村' }));
    writeFileSync(join(d, 'l.csv'), ledgerCsv(lines));
    expect((await s.importBatch([{ path: join(d, 'l.csv'), kind: 'ledger' }])).ok).toBe(true);
    const zhao = await s.queryLedger({ village: '赵湾村', limit: 100 });
    expect(zhao.total).toBe(24);
    const firstLine = zhao.rows[0]!.id;
    const head = await s.ledgerContext({ lineId: firstLine, before: 10, after: 1 });
    expect(head.offset).toBe(0);
    expect(head.lines.map((l) => l.summary)).toEqual(['付款1', '付款1', '付款2']);
    expect(head.vouchers).toHaveLength(1);
    expect(head.vouchers[0]!.lines.map((l) => l.id)).toEqual(head.anchorLineIds);
    const tail = await s.ledgerContext({ lineId: zhao.rows[23]!.id, before: 1, after: 10 });
    expect(tail.lines.map((l) => l.summary)).toEqual(['付款11', '付款12', '付款12']);
    expect(tail.offset + tail.lines.length).toBe(24);
    // A page opened around a line starts `before` lines above it; filters narrow the view.
    const around = await s.queryLedger({ village: '赵湾村', aroundLineId: zhao.rows[10]!.id, before: 2, limit: 3 });
    expect(around.offset).toBe(8);
    expect(around.rows[2]!.id).toBe(zhao.rows[10]!.id);
    const words = await s.queryLedger({ village: '赵湾村', text: '付款1' });
    expect(new Set(words.rows.map((r) => r.summary))).toEqual(new Set(['付款1', '付款10', '付款11', '付款12']));
    const big = await s.queryLedger({ amountMinFen: 1100, account: '102' });
    expect(big.rows.map((r) => `${r.village}${r.summary}`)).toEqual(['赵湾村付款11', '赵湾村付款12']);
    expect(big.creditFen).toBe(2300);
    expect(await s.listPlaces()).toEqual([{ township: '石板冲乡', village: '李庄村', lines: 2, vouchers: 1 }, { township: '石板冲乡', village: '赵湾村', lines: 24, vouchers: 12 }]);
    await expect(s.ledgerContext({ lineId: 999_999 })).rejects.toMatchObject({ code: 'not-found' });
    await s.closeWorkspace();
  });

  it('shows a project\'s payments as its vouchers', async () => {
    const overpaid = findings.find((f) => f.rule === 'payment-exceeds-acceptance')!;
    const c = await service.ledgerContext({ project: overpaid.project! });
    expect(c.vouchers.length).toBeGreaterThan(0);
    for (const v of c.vouchers) expect(v.lines.some((l) => l.project === overpaid.project)).toBe(true);
    expect(c.village).toBe(overpaid.village);
  });
});

describe('sampling', () => {
  it('draws a random sample reproducibly from its seed, extends it without changing the first picks, and records both in the trail', async () => {
    const a = await service.drawSample({ method: 'random', size: 10, seed: 20261125, population: { township: '石板冲乡' }, actor: '李审计' });
    const b = await service.drawSample({ method: 'random', size: 10, seed: 20261125, population: { township: '石板冲乡' }, actor: '李审计' });
    expect(a.picks.map((p) => p.key)).toEqual(b.picks.map((p) => p.key));
    expect(a.picks).toHaveLength(10);
    expect(new Set(a.picks.map((p) => p.key)).size).toBe(10);
    for (const p of a.picks) expect(p.township).toBe('石板冲乡');
    const other = await service.drawSample({ method: 'random', size: 10, seed: 7, population: { township: '石板冲乡' }, actor: '李审计' });
    expect(other.picks.map((p) => p.key)).not.toEqual(a.picks.map((p) => p.key));

    const more = await service.extendSample({ id: a.id, add: 5, actor: '王审计' });
    expect(more.picks.slice(0, 10)).toEqual(a.picks);
    expect(more.picks).toHaveLength(15);
    expect(more.size).toBe(15);
    const fresh = await service.drawSample({ method: 'random', size: 15, seed: 20261125, population: { township: '石板冲乡' }, actor: '李审计' });
    expect(fresh.picks.map((p) => p.key)).toEqual(more.picks.map((p) => p.key));
    expect(more.history.map((h) => [h.action, h.actor, h.size])).toEqual([['draw', '李审计', 10], ['extend', '王审计', 15]]);

    const trail = await service.listTrail({ entity: 'sample', entityId: a.id });
    expect(trail.map((e) => e.action)).toEqual(['sample.draw', 'sample.extend']);
    expect(trail[0]!.after).toMatchObject({ method: 'random', seed: 20261125, size: 10, population: { township: '石板冲乡' } });
    expect((await service.listSamples()).map((s) => s.id)).toEqual([a.id, b.id, other.id, fresh.id]);
  });

  it('draws monetary units: each voucher as often as its amount says, reproducible and extendable', async () => {
    const s = await service.drawSample({ method: 'mus', size: 30, seed: 42, population: { minAmountFen: 100 }, actor: '李审计' });
    expect(s.intervalFen).toBe(Math.round(s.frame.amountFen / 30));
    expect(s.picks.reduce((n, p) => n + (p.units?.length ?? 0), 0)).toBe(30);
    for (const p of s.picks) {
      expect(p.amountFen).toBeGreaterThanOrEqual(100);
      for (const u of p.units ?? []) expect(u).toBeGreaterThanOrEqual(0);
    }
    const again = await service.drawSample({ method: 'mus', size: 30, seed: 42, population: { minAmountFen: 100 }, actor: '李审计' });
    expect(again.picks).toEqual(s.picks);
    const more = await service.extendSample({ id: s.id, add: 20, actor: '李审计' });
    expect(more.picks.slice(0, s.picks.length).map((p) => p.key)).toEqual(s.picks.map((p) => p.key));
    expect(more.picks.reduce((n, p) => n + (p.units?.length ?? 0), 0)).toBe(50);
    const fresh = await service.drawSample({ method: 'mus', size: 50, seed: 42, population: { minAmountFen: 100 }, actor: '李审计' });
    expect(fresh.picks).toEqual(more.picks);
  });

  it('exports the vouchers drawn and the parameters that draw them again', async () => {
    const s = (await service.listSamples())[0]!;
    const path = join(tempDir(), 'sample.xlsx');
    await service.exportSample({ id: s.id, path, format: 'xlsx', lang: 'zh' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['抽样凭证', '抽样参数']);
    expect(wb.worksheets[0]!.rowCount).toBe(s.picks.length + 1);
    const params = Object.fromEntries(wb.worksheets[1]!.getSheetValues().slice(2).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(params).toMatchObject({ 抽样编号: s.id, 随机种子: s.seed, 样本量: s.size, 总体范围: '石板冲乡' });
    await expect(service.exportSample({ id: 'S999', path, format: 'csv', lang: 'zh' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.drawSample({ method: 'random', size: 3, population: { village: '无此村' }, actor: 'x' })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('a finding printed', () => {
  it('goes through the handoff\'s renderPdf with its reason, voucher lines and the ledger around them', async () => {
    const { service: s } = await openTempService();
    const html: string[] = [];
    const printing = new AuditService({ now: () => '2026-11-25T08:00:00.000Z', renderPdf: async (h) => { html.push(h); return Buffer.from('%PDF-1.4 test'); } });
    await s.closeWorkspace();
    await printing.openWorkspace({ path: (await service.workspaceInfo())!.path });
    const f = findings.find((x) => x.rule === 'payment-exceeds-acceptance')!;
    const path = join(tempDir(), 'finding.pdf');
    const r = await printing.printFinding({ id: f.id, path });
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.4 test');
    expect(r.rows).toBeGreaterThan(0);
    expect(html[0]).toContain('疑点核查单');
    expect(html[0]).toContain(f.reason.replace(/"/g, '&quot;').slice(0, 10));
    expect(html[0]).toContain('前后账目');
    const detail = await printing.getFinding({ id: f.id });
    for (const l of detail.lines) expect(html[0]).toContain(`<td class="r nw">${l.line}</td><td>${l.file}</td>`);
    await printing.closeWorkspace();
  });
});
