// The handoff package for one township discipline commission: <乡镇>.xlsx (a sheet of leads, a
// sheet of the vouchers behind them), <乡镇>.csv (UTF-8 with BOM, CSV-injection safe) and
// <乡镇>.pdf (移交清单, from one HTML template printed by Chromium). Each handoff is recorded with
// the files' SHA-256 and freezes the leads it hands over.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { CaseLead, HandoffFile, HandoffRecord } from '../contract';
import { fenToDecimalString, formatFen } from '../format/money';
import { cssMargins, PAGE_COUNTERS, PDF_MARGINS_MM, PDF_PAGE_SIZE, pdfFooter } from '../format/print-layout';
import { t } from '../i18n/messages';
import type { Db } from '../workspace/db';
import { EngineError } from '../i18n/errors';
import { safeFileName } from './file-names';
import { freezeLeads, listCaseLeads } from './store';
import { appendTrail } from './trail';

export const MONEY_FORMAT = '¥#,##0.00';
export const HANDOFF_COLUMNS = ['线索编号', '被反映人姓名', '单位和职务', '线索来源', '收到时间', '反映的主要问题', '涉及金额（元）', '证据', '处置建议', '备注', '版本'] as const;

/** 1 for a lead handed over the first time; 第2版（更正） when it corrects one handed over before. */
function versionText(l: CaseLead): string {
  return l.version > 1 ? `第${l.version}版（更正）` : `第${l.version}版`;
}

function evidenceText(l: CaseLead): string {
  return l.evidence.map((e) => `${e.voucher ? `${e.voucher} ${e.date} ` : ''}${e.file}:${e.line}`).join('；');
}

export function handoffCsv(leads: CaseLead[]): string {
  const rows = leads.map((l) => [l.number, l.personNames, l.unitAndPosts, l.source, l.receivedAt, l.problem, l.amount, evidenceText(l), l.disposition, l.remarks, versionText(l)]);
  return '\ufeff' + Papa.unparse({ fields: [...HANDOFF_COLUMNS], data: rows }, { escapeFormulae: true, quotes: true, newline: '\r\n' }) + '\r\n';
}

/** Text a spreadsheet would read as a formula gets a leading apostrophe, as in the CSV. */
function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export async function handoffXlsx(leads: CaseLead[], township: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '村级财务审计助手';
  const ws = wb.addWorksheet('线索', { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [22, 24, 30, 20, 12, 60, 16, 50, 12, 20, 14];
  ws.columns = HANDOFF_COLUMNS.map((h, i) => ({ header: h, key: `c${i}`, width: widths[i] }));
  for (const l of leads) {
    ws.addRow([l.number, l.personNames, l.unitAndPosts, l.source, l.receivedAt, l.problem, l.amountFen / 100, evidenceText(l), l.disposition, l.remarks, versionText(l)].map((v) => (typeof v === 'string' ? safeText(v) : v)));
  }
  ws.getColumn(7).numFmt = MONEY_FORMAT;
  ws.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(1).font = { bold: true };
  const vs = wb.addWorksheet('凭证', { views: [{ state: 'frozen', ySplit: 1 }] });
  vs.columns = [
    { header: '线索编号', key: 'n', width: 22 }, { header: '乡镇', key: 't', width: 12 }, { header: '村', key: 'v', width: 12 },
    { header: '凭证号', key: 'vo', width: 12 }, { header: '凭证日期', key: 'd', width: 12 }, { header: '来源文件', key: 'f', width: 36 },
    { header: '行号', key: 'l', width: 8 }, { header: 'SHA-256', key: 's', width: 66 },
  ];
  for (const l of leads) for (const e of l.evidence) vs.addRow([l.number, l.township, l.village, safeText(e.voucher), e.date, safeText(e.file), e.line, e.sha256]);
  vs.getRow(1).font = { bold: true };
  const total = leads.reduce((s, l) => s + l.amountFen, 0);
  const tr = ws.addRow(['合计', '', '', '', '', `${leads.length} 件`, total / 100]);
  tr.font = { bold: true };
  ws.getCell(`A1`).note = township;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export interface HandoffMeta {
  township: string;
  fromUnit: string;
  toUnit: string;
  date: string;
}

/** 石板冲乡-2017-004 may break after the township, never inside 2017-004. */
function numberCell(n: string): string {
  const cut = n.indexOf('-');
  return cut < 0 ? esc(n) : `${esc(n.slice(0, cut + 1))}<wbr><span class="nw">${esc(n.slice(cut + 1))}</span>`;
}

/** The one template of the 移交清单: the app prints it with printToPDF, the CLI and tests with Chromium. */
export function handoffHtml(leads: CaseLead[], meta: HandoffMeta): string {
  const total = leads.reduce((s, l) => s + l.amountFen, 0);
  const rows = leads.map((l, i) => `<tr><td class="c">${i + 1}</td><td>${numberCell(l.number)}${l.version > 1 ? `<div class="ver">${esc(versionText(l))}</div>` : ''}</td><td>${l.persons.map((p) => `<span class="nw">${esc(p.name)}</span>`).join('、')}</td><td>${esc(l.unitAndPosts)}</td>
    <td>${esc(l.problem)}</td><td class="r">${esc(formatFen(l.amountFen))}</td><td class="c nw">${esc(l.disposition)}</td></tr>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>问题线索移交清单</title><style>
  @page { size: ${PDF_PAGE_SIZE}; margin: ${cssMargins()}; }
  body { font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'SimSun', sans-serif; font-size: 10.5pt; color: #000; }
  h1 { text-align: center; font-size: 18pt; margin: 0 0 10px; letter-spacing: 4px; }
  .meta { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; margin-bottom: 10px; }
  table { width: 100%; border-collapse: collapse; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  th, td { border: 1px solid #000; padding: 4px 5px; vertical-align: top; }
  th { background: #eee; font-size: 9.5pt; }
  .nw { white-space: nowrap; }
  .ver { font-size: 8.5pt; margin-top: 2px; }
  table { font-size: 9.5pt; }
  .r { text-align: right; white-space: nowrap; } .c { text-align: center; }
  .total td { font-weight: bold; }
  .sign { margin-top: 36px; display: grid; grid-template-columns: 1fr 1fr; gap: 28px 40px; break-inside: avoid; }
  .line { display: inline-block; min-width: 150px; border-bottom: 1px solid #000; }
</style></head><body>
<h1>问题线索移交清单</h1>
<div class="meta">
  <div>移交单位：${esc(meta.fromUnit)}</div><div>接收单位：${esc(meta.toUnit)}</div>
  <div>日期：${esc(meta.date)}</div><div>件数：${leads.length} 件</div>
  <div>合计金额：${esc(formatFen(total))}</div>
</div>
<table><colgroup><col style="width:4%"><col style="width:15%"><col style="width:11%"><col style="width:14%"><col style="width:34%"><col style="width:12%"><col style="width:10%"></colgroup>
<thead><tr><th>序号</th><th>线索编号</th><th>被反映人姓名</th><th>单位和职务</th><th>反映的主要问题</th><th>涉及金额</th><th>处置建议</th></tr></thead>
<tbody>${rows}
<tr class="total"><td colspan="5">合计 ${leads.length} 件</td><td class="r">${esc(formatFen(total))}</td><td></td></tr></tbody></table>
<div class="sign">
  <div>移交人（签字）：<span class="line"></span></div><div>接收人（签字）：<span class="line"></span></div>
  <div>日期：<span class="line"></span></div><div>日期：<span class="line"></span></div>
</div>
</body></html>`;
}

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: PDF_PAGE_SIZE, printBackground: true, displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: pdfFooter(t('zh', 'handoff.pdf.page-of', PAGE_COUNTERS)),
      margin: { top: `${PDF_MARGINS_MM.top}mm`, bottom: `${PDF_MARGINS_MM.bottom}mm`, left: `${PDF_MARGINS_MM.left}mm`, right: `${PDF_MARGINS_MM.right}mm` },
    });
  } finally {
    await browser.close();
  }
}

export interface HandoffOptions {
  dir: string;
  township?: string;
  fromUnit?: string;
  handedBy: string;
  now: string;
  pdf?: boolean;
  /** The desktop app passes Electron's printToPDF here; default: Chromium through playwright-core. */
  renderPdf?: (html: string) => Promise<Buffer>;
}

/**
 * What a handoff hands over: leads never handed over, and those changed since (a new version
 * that corrects the one the commission has). A lead the commission already holds as it stands
 * is not handed over again, so each 移交清单 counts only what it really delivers.
 */
export function pendingLeads(db: Db, township: string): CaseLead[] {
  return listCaseLeads(db, { township }).filter((l) => !l.frozen);
}

export function handoffTownships(db: Db): string[] {
  return db.prepare<[], string>("SELECT DISTINCT township FROM leads WHERE status = 'open' AND frozen = 0 ORDER BY township").pluck().all();
}

export async function writeHandoff(db: Db, o: HandoffOptions): Promise<HandoffRecord[]> {
  const dir = resolve(o.dir);
  mkdirSync(dir, { recursive: true });
  const townships = o.township ? [o.township] : handoffTownships(db);
  const out: HandoffRecord[] = [];
  for (const township of townships) {
    const leads = pendingLeads(db, township);
    if (leads.length === 0) {
      if (o.township) throw new EngineError('conflict', 'handoff.err.nothing-pending', { township });
      continue;
    }
    const meta: HandoffMeta = { township, fromUnit: o.fromUnit ?? leads[0]?.source ?? '村级财务审计组', toUnit: `${township}纪委`, date: o.now.slice(0, 10) };
    const base = join(dir, safeFileName(township));
    const files: HandoffFile[] = [];
    const put = (kind: HandoffFile['kind'], bytes: Buffer | string): void => {
      const path = `${base}.${kind}`;
      writeFileSync(path, bytes);
      const b = readFileSync(path);
      files.push({ kind, path, sha256: createHash('sha256').update(b).digest('hex'), size: b.length });
    };
    put('xlsx', await handoffXlsx(leads, township));
    put('csv', handoffCsv(leads));
    if (o.pdf !== false) put('pdf', await (o.renderPdf ?? htmlToPdf)(handoffHtml(leads, meta)));
    const amountFen = leads.reduce((s, l) => s + l.amountFen, 0);
    let rec: HandoffRecord | null = null;
    db.transaction(() => {
      const handed = leads.map((l) => ({ number: l.number, version: l.version }));
      const id = Number(db.prepare(`INSERT INTO handoffs (township, from_unit, to_unit, handed_by, handed_at, lead_count, amount_fen, leads, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(township, meta.fromUnit, meta.toUnit, o.handedBy, o.now, leads.length, amountFen, JSON.stringify(handed), JSON.stringify(files)).lastInsertRowid);
      const frozen = freezeLeads(db, leads.map((l) => l.number), id, o.now);
      rec = { id, township, fromUnit: meta.fromUnit, toUnit: meta.toUnit, handedBy: o.handedBy, handedAt: o.now, leadCount: leads.length, amountFen, leads: frozen, files };
      appendTrail(db, { at: o.now, actor: o.handedBy, entity: 'handoff', entityId: String(id), action: 'handoff', after: { township, leads: frozen, amount: fenToDecimalString(amountFen), files } });
    })();
    out.push(rec as unknown as HandoffRecord);
  }
  return out;
}

export function listHandoffs(db: Db): HandoffRecord[] {
  const rows = db.prepare<[], { id: number; township: string; from_unit: string; to_unit: string; handed_by: string; handed_at: string; lead_count: number; amount_fen: number; leads: string; files: string }>('SELECT * FROM handoffs ORDER BY id').all();
  return rows.map((r) => ({
    id: r.id, township: r.township, fromUnit: r.from_unit, toUnit: r.to_unit, handedBy: r.handed_by, handedAt: r.handed_at, leadCount: r.lead_count, amountFen: r.amount_fen,
    leads: JSON.parse(r.leads) as { number: string; version: number }[],
    files: JSON.parse(r.files) as HandoffFile[],
  }));
}
