// The documents of a handoff package, made from the leads alone (no workspace, no files):
// <乡镇>.xlsx (a sheet of leads, a sheet of the vouchers behind them), <乡镇>.csv (UTF-8 with BOM,
// CSV-injection safe) and the HTML of the 移交清单 that is printed to PDF. They are the
// commissions' forms, so they are written in Chinese.
import Papa from 'papaparse';
import type { CaseLead } from '../contract';
import { formatFen, sumFen } from '../format/money';
import { cssMargins, escapeHtml as esc, PDF_PAGE_SIZE, PRINT_FONTS } from '../format/print-layout';
import { zh, type MessageKey } from '../i18n/messages';

export const MONEY_FORMAT = '¥#,##0.00';

const COLUMN_KEYS: MessageKey[] = [
  'doc.lead-number', 'doc.person-names', 'doc.unit-posts', 'doc.source', 'doc.received', 'doc.problem', 'doc.amount-yuan', 'doc.evidence',
  'doc.disposition', 'doc.remarks', 'doc.version',
];
export const HANDOFF_COLUMNS: readonly string[] = COLUMN_KEYS.map((k) => zh(k));

/** 第1版 for a lead handed over the first time; 第2版（更正） when it corrects one handed over before. */
function versionText(l: CaseLead): string {
  return zh(l.version > 1 ? 'handoff.version.correction' : 'handoff.version', { version: l.version });
}

/** The version, and what the correction changed: 第2版（更正）：凭证 记-15 的疑点改为“已排除”… */
function versionCell(l: CaseLead): string {
  return l.corrections.length ? `${versionText(l)}${zh('handoff.correction', { what: l.corrections.map((c) => c.zh).join(zh('fmt.items')) })}` : versionText(l);
}

/** 备注, and the numbers merged into the lead: 河湾乡-2017-003 已并入 河湾乡-2017-002. */
function remarksCell(l: CaseLead): string {
  return [l.remarks, ...l.mergedFrom.map((n) => zh('lead.merged-note', { number: n, into: l.number }))].filter(Boolean).join(zh('fmt.items'));
}

function evidenceText(l: CaseLead): string {
  return l.evidence.map((e) => `${e.voucher ? `${e.voucher} ${e.date} ` : ''}${e.file}:${e.line}`).join(zh('fmt.items'));
}

export function handoffCsv(leads: CaseLead[], _meta?: HandoffMeta): string {
  const rows = leads.map((l) => [l.number, l.personNames, l.unitAndPosts, l.source, l.receivedAt, l.problem, l.amount, evidenceText(l), l.disposition, remarksCell(l), versionCell(l)]);
  return '\ufeff' + Papa.unparse({ fields: [...HANDOFF_COLUMNS], data: rows }, { escapeFormulae: true, quotes: true, newline: '\r\n' }) + '\r\n';
}

/** Text a spreadsheet would read as a formula gets a leading apostrophe, as in the CSV. */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export async function handoffXlsx(leads: CaseLead[], township: string, meta?: HandoffMeta): Promise<Buffer> {
  // exceljs (3 MB) is loaded when a workbook is first written, not when the engine starts.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = zh('ui.app.title');
  const ws = wb.addWorksheet(zh('handoff.sheet.leads'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [22, 24, 30, 20, 12, 60, 16, 50, 12, 20, 14];
  ws.columns = HANDOFF_COLUMNS.map((h, i) => ({ header: h, key: `c${i}`, width: widths[i] }));
  for (const l of leads) {
    ws.addRow([l.number, l.personNames, l.unitAndPosts, l.source, l.receivedAt, l.problem, l.amountFen / 100, evidenceText(l), l.disposition, remarksCell(l), versionCell(l)].map((v) => (typeof v === 'string' ? safeText(v) : v)));
  }
  ws.getColumn(7).numFmt = MONEY_FORMAT;
  ws.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(1).font = { bold: true };
  const vs = wb.addWorksheet(zh('handoff.sheet.vouchers'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const voucherColumns: [string, MessageKey, number][] = [
    ['n', 'doc.lead-number', 22], ['t', 'doc.township', 12], ['v', 'doc.village', 12], ['vo', 'doc.voucher', 12], ['d', 'doc.voucher-date', 12],
    ['f', 'doc.source-file', 36], ['l', 'doc.line', 8],
  ];
  vs.columns = [...voucherColumns.map(([key, header, width]) => ({ header: zh(header), key, width })), { header: 'SHA-256', key: 's', width: 66 }];
  for (const l of leads) for (const e of l.evidence) vs.addRow([l.number, l.township, l.village, safeText(e.voucher), e.date, safeText(e.file), e.line, e.sha256]);
  vs.getRow(1).font = { bold: true };
  const total = sumFen(leads.map((l) => l.amountFen));
  const tr = ws.addRow([zh('doc.total'), '', '', '', '', zh('doc.count', { count: leads.length }), total / 100]);
  tr.font = { bold: true };
  ws.getCell(`A1`).note = meta?.number ? zh('handoff.number', { number: meta.number }) : township;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface HandoffMeta {
  township: string;
  fromUnit: string;
  toUnit: string;
  date: string;
  /** The handoff's number (its record's id). */
  number?: number;
  /** What the handoff explains besides its leads (numbers freed by merges). */
  notes?: string[];
}

/** 石板冲乡-2017-004 may break after the township, never inside 2017-004. */
function numberCell(n: string): string {
  const cut = n.indexOf('-');
  return cut < 0 ? esc(n) : `${esc(n.slice(0, cut + 1))}<wbr><span class="nw">${esc(n.slice(cut + 1))}</span>`;
}

/** The one template of the 移交清单: the app prints it with printToPDF, the CLI and tests with Chromium. */
export function handoffHtml(leads: CaseLead[], meta: HandoffMeta): string {
  const total = sumFen(leads.map((l) => l.amountFen));
  const h = (key: MessageKey): string => `<th>${esc(zh(key))}</th>`;
  const rows = leads.map((l, i) => `<tr><td class="c">${i + 1}</td><td>${numberCell(l.number)}${l.version > 1 ? `<div class="ver">${esc(versionText(l))}</div>` : ''}${l.mergedFrom.map((n) => `<div class="ver">${esc(zh('lead.merged-note', { number: n, into: l.number }))}</div>`).join('')}</td><td>${l.persons.map((p) => `<span class="nw">${esc(p.name)}</span>`).join(zh('fmt.list'))}</td><td>${esc(l.unitAndPosts)}</td>
    <td>${esc(l.problem)}${l.corrections.length ? `<div class="ver">${esc(zh('handoff.correction', { what: l.corrections.map((c) => c.zh).join(zh('fmt.items')) }))}</div>` : ''}</td><td class="r">${esc(formatFen(l.amountFen))}</td><td class="c nw">${esc(l.disposition)}</td></tr>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(zh('handoff.title'))}</title><style>
  @page { size: ${PDF_PAGE_SIZE}; margin: ${cssMargins()}; }
  body { font-family: ${PRINT_FONTS}; font-size: 10.5pt; color: #000; }
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
  .notes { margin-top: 10px; font-size: 9.5pt; }
  .line { display: inline-block; min-width: 150px; border-bottom: 1px solid #000; }
</style></head><body>
<h1>${esc(zh('handoff.title'))}</h1>
<div class="meta">
  <div>${esc(zh('handoff.from', { unit: meta.fromUnit }))}</div><div>${esc(zh('handoff.to', { unit: meta.toUnit }))}</div>
  <div>${esc(zh('handoff.date', { date: meta.date }))}</div><div>${esc(zh('handoff.count', { count: leads.length }))}</div>
  <div>${esc(zh('handoff.amount', { amount: formatFen(total) }))}</div>${meta.number ? `<div>${esc(zh('handoff.number', { number: meta.number }))}</div>` : ''}
</div>
<table><colgroup><col style="width:4%"><col style="width:15%"><col style="width:11%"><col style="width:14%"><col style="width:34%"><col style="width:12%"><col style="width:10%"></colgroup>
<thead><tr>${h('doc.seq')}${h('doc.lead-number')}${h('doc.person-names')}${h('doc.unit-posts')}${h('doc.problem')}${h('doc.amount')}${h('doc.disposition')}</tr></thead>
<tbody>${rows}
<tr class="total"><td colspan="5">${esc(zh('handoff.total', { count: leads.length }))}</td><td class="r">${esc(formatFen(total))}</td><td></td></tr></tbody></table>
${meta.notes?.length ? `<div class="notes"><b>${esc(zh('handoff.notes'))}</b>${meta.notes.map((n) => `<div>${esc(n)}</div>`).join('')}</div>` : ''}
<div class="sign">
  <div>${esc(zh('handoff.signed-over'))}<span class="line"></span></div><div>${esc(zh('handoff.signed-received'))}<span class="line"></span></div>
  <div>${esc(zh('handoff.signed-date'))}<span class="line"></span></div><div>${esc(zh('handoff.signed-date'))}<span class="line"></span></div>
</div>
</body></html>`;
}
