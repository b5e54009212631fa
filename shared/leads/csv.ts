// Lead files for the township discipline commissions: UTF-8 with BOM so Excel and WPS open
// them right, and every cell neutralised against CSV injection (counterparty names come from
// outside): papaparse's escapeFormulae prefixes ' to cells starting with = + - @ tab or CR.
import Papa from 'papaparse';
import type { Lead } from '../contract';

export const LEAD_COLUMNS = ['线索编号', '乡镇', '村', '问题类型', '涉及金额（元）', '凭证号', '凭证日期', '来源（文件:行）', '反映的主要问题', '发现数'] as const;

export function leadsToCsv(leads: Lead[]): string {
  const rows = leads.map((l) => [
    l.number,
    l.township,
    l.village,
    l.problem,
    l.amount,
    l.vouchers.join('、'),
    l.dates.join('、'),
    l.sources.map((s) => `${s.file}:${s.line}`).join('、'),
    l.summary,
    String(l.findingIds.length),
  ]);
  return '\ufeff' + Papa.unparse({ fields: [...LEAD_COLUMNS], data: rows }, { escapeFormulae: true, quotes: true, newline: '\r\n' }) + '\r\n';
}
