// What the analytics export, as tables (table-file.ts writes them): the findings a query shows,
// in its order and the UI's language; a summary with its totals; a sample's vouchers and the
// parameters that draw it again.
import type { Finding, Lang, PivotTable, Sample, SamplePopulation } from '../contract';
import { formatFen } from '../format/money';
import { t, type MessageKey } from '../i18n/messages';
import { ruleById } from '../rules';
import { FOLDED_KEY } from './pivot';
import type { Cell, TableColumn, TableSheet } from './table-file';

export function ruleTitleIn(lang: Lang, id: string): string {
  const r = ruleById(id);
  return r ? (lang === 'zh' ? r.title : r.titleEn) : id;
}

const col = (lang: Lang, key: MessageKey, kind?: TableColumn['kind'], width?: number): TableColumn => ({ header: t(lang, key), ...(kind ? { kind } : {}), ...(width ? { width } : {}) });

/** The findings screen's columns, then what a reviewer wrote and where each line is. */
export function findingsSheet(rows: Finding[], lang: Lang): TableSheet {
  return {
    name: t(lang, 'export.findings.sheet'),
    columns: [
      col(lang, 'ui.col.status', 'text', 10), col(lang, 'ui.col.date', 'text', 12), col(lang, 'ui.col.township'), col(lang, 'ui.col.village'),
      col(lang, 'ui.col.amount', 'money'), col(lang, 'ui.col.rule', 'text', 22), col(lang, 'ui.col.vouchers', 'text', 16), col(lang, 'export.col.project'),
      col(lang, 'ui.col.reason', 'text', 60), col(lang, 'export.col.reviewer'), col(lang, 'export.col.note', 'text', 30), col(lang, 'export.col.decided-at', 'text', 20),
      col(lang, 'export.col.sources', 'text', 40), col(lang, 'export.col.id', 'text', 22),
    ],
    rows: rows.map((f) => [
      t(lang, `ui.status.${f.status}`), f.date, f.township, f.village, f.amountFen, ruleTitleIn(lang, f.rule), f.vouchers.join(t(lang, 'fmt.list')), f.project ?? '',
      lang === 'zh' ? f.reason : f.reasonEn, f.reviewer ?? '', f.note ?? '', f.decidedAt ?? '',
      f.sources.map((s) => `${s.file}${s.sheet ? `[${s.sheet}]` : ''}:${s.line}`).join(t(lang, 'fmt.list')), f.id,
    ]),
  };
}

function valueLabel(table: PivotTable, dim: PivotTable['rows'], key: string, label: string, lang: Lang): string {
  if (key === FOLDED_KEY) return t(lang, 'pivot.folded');
  if (key === '') return t(lang, 'pivot.blank');
  return dim === 'rule' && table.source === 'findings' ? ruleTitleIn(lang, key) : label;
}

/** The summary as shown: one line per value with its cells, the total and the count; the totals last. */
export function pivotSheet(table: PivotTable, lang: Lang): TableSheet {
  const amountKey: MessageKey = table.source === 'findings' ? 'pivot.measure.findings' : `pivot.measure.${table.measure}`;
  const countKey: MessageKey = table.source === 'findings' ? 'pivot.count.findings' : 'pivot.count.lines';
  const columns: TableColumn[] = [
    { header: t(lang, `pivot.dim.${table.rows}`), width: 28 },
    ...table.columnKeys.map((c) => ({ header: valueLabel(table, table.columns ?? table.rows, c.key, c.label, lang), kind: 'money' as const })),
    { header: table.columnKeys.length ? t(lang, 'pivot.total') : t(lang, amountKey), kind: 'money' },
    { header: t(lang, countKey), kind: 'int' },
  ];
  const line = (label: string, cells: PivotTable['lines'][number]['cells'], total: PivotTable['lines'][number]['total']): Cell[] => [label, ...cells.map((c) => c.amountFen), total.amountFen, total.count];
  return {
    name: t(lang, table.source === 'findings' ? 'pivot.sheet.findings' : 'pivot.sheet.ledger'),
    columns,
    rows: table.lines.map((l) => line(valueLabel(table, table.rows, l.key, l.label, lang), l.cells, l.total)),
    totals: line(t(lang, 'pivot.total'), table.totals.cells, table.totals.total),
  };
}

export function populationText(p: SamplePopulation, lang: Lang): string {
  const parts: string[] = [];
  if (p.township || p.village) parts.push(t(lang, 'sample.population.place', { township: p.township ?? '', village: p.village ?? '' }).trim());
  if (p.dateFrom || p.dateTo) parts.push(t(lang, 'sample.population.dates', { from: p.dateFrom ?? '…', to: p.dateTo ?? '…' }));
  if (p.minAmountFen) parts.push(t(lang, 'sample.population.min', { amount: formatFen(p.minAmountFen) }));
  if (p.account) parts.push(t(lang, 'sample.population.account', { account: p.account }));
  return parts.length ? parts.join(t(lang, 'fmt.items')) : t(lang, 'sample.population.all');
}

/** The vouchers drawn (with a column to tick off the ones pulled) and the parameters that draw them again. */
export function sampleSheets(s: Sample, lang: Lang): TableSheet[] {
  const mus = s.method === 'mus';
  const picks: TableSheet = {
    name: t(lang, 'sample.sheet.picks'),
    columns: [
      col(lang, 'sample.col.seq', 'int', 6), col(lang, 'ui.col.township'), col(lang, 'ui.col.village'), col(lang, 'sample.col.entity', 'text', 20), col(lang, 'sample.col.voucher'),
      col(lang, 'sample.col.date', 'text', 12), col(lang, 'sample.col.amount', 'money'), col(lang, 'sample.col.lines', 'int', 6), col(lang, 'sample.col.file', 'text', 36),
      col(lang, 'sample.col.line', 'int', 8), ...(mus ? [col(lang, 'sample.col.units', 'text', 30)] : []), col(lang, 'sample.col.pulled', 'text', 8),
    ],
    rows: s.picks.map((p) => [
      p.seq, p.township, p.village, p.entity, p.voucher, p.date, p.amountFen, p.lines, p.source ? `${p.source.file}${p.source.sheet ? `[${p.source.sheet}]` : ''}` : '',
      p.source?.line ?? null, ...(mus ? [(p.units ?? []).join(t(lang, 'fmt.list'))] : []), '',
    ]),
  };
  const param = (key: MessageKey, value: string | number): Cell[] => [t(lang, key), value];
  const params: TableSheet = {
    name: t(lang, 'sample.sheet.params'),
    columns: [col(lang, 'sample.param.name', 'text', 24), col(lang, 'sample.param.value', 'text', 60)],
    rows: [
      param('sample.param.id', s.id), param('sample.param.method', t(lang, `sample.method.${s.method}`)), param('sample.param.seed', s.seed), param('sample.param.size', s.size),
      param('sample.param.population', populationText(s.population, lang)), param('sample.param.frame', s.frame.vouchers), param('sample.param.frame-amount', formatFen(s.frame.amountFen)),
      ...(s.intervalFen !== null ? [param('sample.param.interval', formatFen(s.intervalFen))] : []), param('sample.param.fingerprint', s.frame.fingerprint),
      param('sample.param.picks', s.picks.length), param('sample.param.by', s.createdBy), param('sample.param.at', s.createdAt),
    ],
  };
  return [picks, params];
}
