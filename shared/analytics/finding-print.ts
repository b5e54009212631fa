// A finding printed for the paper file (疑点核查单): what was flagged and why, every line of its
// vouchers with file and line, the village's ledger around them, the review so far, and lines to
// sign. One HTML page printed to PDF by the handoff's path (Electron's printToPDF in the app,
// Chromium for the CLI and tests). A working paper of the team's, so in Chinese like the handoff.
import type { FindingDetail, LedgerContext, LedgerLineView } from '../contract';
import { formatFen } from '../format/money';
import { cssMargins, escapeHtml as esc, PDF_PAGE_SIZE, PRINT_FONTS } from '../format/print-layout';
import { zh, type MessageKey } from '../i18n/messages';
import { ruleTitleIn } from './exports';

const money = (fen: number): string => (fen ? esc(formatFen(fen)) : '');

function linesTable(lines: LedgerLineView[], anchors: ReadonlySet<number>): string {
  const entity = lines.some((l) => l.entity);
  const h = (key: MessageKey, cls = ''): string => `<th${cls ? ` class="${cls}"` : ''}>${esc(zh(key))}</th>`;
  const head = `${h('ui.col.line', 'r')}${h('ui.col.file')}${entity ? h('print.col.entity') : ''}${h('ui.col.date')}${h('ui.col.vouchers')}${h('ui.col.summary')}${h('ui.col.account')}${h('ui.col.debit', 'r')}${h('ui.col.credit', 'r')}${h('ui.col.attachments', 'r')}${h('ui.col.counterparty')}`;
  const body = lines.map((l) => `<tr${anchors.has(l.id) ? ' class="hit"' : ''}><td class="r nw">${l.line}</td><td>${esc(l.file)}${l.sheet ? `[${esc(l.sheet)}]` : ''}</td>${entity ? `<td>${esc(l.entity)}</td>` : ''}<td class="nw">${esc(l.date)}</td><td class="nw">${esc(l.voucher)}</td>
    <td>${esc(l.summary)}</td><td>${esc(`${l.accountCode} ${l.accountName}`.trim())}</td><td class="r">${money(l.debitFen)}</td><td class="r">${money(l.creditFen)}</td><td class="r">${l.attachments ?? ''}</td><td>${esc(l.counterparty)}</td></tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function findingHtml(f: FindingDetail, context: LedgerContext | null, printedAt: string): string {
  const anchors = new Set(f.lines.map((l) => l.id));
  const row = (key: MessageKey, value: string): string => `<tr><th>${esc(zh(key))}</th><td>${value}</td></tr>`;
  const history = f.history.length
    ? `<ol>${f.history.map((h) => `<li>${esc(zh('print.history.item', { at: h.at.replace('T', ' ').slice(0, 16), reviewer: h.reviewer, decision: zh(`ui.status.${h.decision}`), note: h.note ? zh('fmt.items') + h.note : '' }))}</li>`).join('')}</ol>`
    : `<p>${esc(zh('print.no-history'))}</p>`;
  const ctx = context
    ? `<h2>${esc(zh('print.context', { village: `${context.township}${context.village}`, from: context.offset + 1, to: context.offset + context.lines.length, total: context.villageLines }))}</h2>${linesTable(context.lines, anchors)}`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(zh('print.title'))}</title><style>
  @page { size: ${PDF_PAGE_SIZE}; margin: ${cssMargins()}; }
  body { font-family: ${PRINT_FONTS}; font-size: 10pt; color: #000; }
  h1 { text-align: center; font-size: 17pt; margin: 0 0 10px; letter-spacing: 4px; }
  h2 { font-size: 11pt; margin: 14px 0 6px; }
  table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: top; }
  th { background: #eee; text-align: left; }
  .meta th { width: 16%; } .meta td { font-size: 10pt; }
  .r { text-align: right; } .nw { white-space: nowrap; }
  tr.hit td { background: #fff3cd; font-weight: bold; }
  .printed { text-align: right; font-size: 8.5pt; margin-bottom: 4px; }
  .sign { margin-top: 28px; display: grid; grid-template-columns: 1fr 1fr; gap: 24px 40px; break-inside: avoid; }
  .line { display: inline-block; min-width: 150px; border-bottom: 1px solid #000; }
</style></head><body>
<h1>${esc(zh('print.title'))}</h1>
<div class="printed">${esc(zh('print.printed-at', { at: printedAt.replace('T', ' ').slice(0, 16) }))}</div>
<table class="meta"><tbody>
${row('print.finding-id', esc(f.id))}
${row('print.rule', esc(ruleTitleIn('zh', f.rule)))}
${row('print.place', esc(`${f.township} ${f.village}`))}
${row('ui.col.date', esc(f.date))}
${row('ui.col.vouchers', esc(f.vouchers.join(zh('fmt.list'))))}
${f.project ? row('export.col.project', esc(f.project)) : ''}
${row('ui.col.amount', esc(formatFen(f.amountFen)))}
${row('print.reason', esc(f.reason))}
${row('print.status', esc(zh(`ui.status.${f.status}`)) + (f.note ? esc(zh('fmt.items') + f.note) : ''))}
${f.leadNumber ? row('print.lead', esc(f.leadNumber)) : ''}
</tbody></table>
<h2>${esc(zh('print.lines', { count: f.lines.length }))}</h2>
${linesTable(f.lines, new Set())}
${ctx}
<h2>${esc(zh('print.history'))}</h2>
${history}
<div class="sign"><div>${esc(zh('print.checked-by'))}<span class="line"></span></div><div>${esc(zh('print.checked-on'))}<span class="line"></span></div></div>
</body></html>`;
}
