// Lead files for the township discipline commissions: UTF-8 with BOM so Excel and WPS open
// them right, and every cell neutralised against CSV injection (counterparty names come from
// outside): papaparse's escapeFormulae prefixes ' to cells starting with = + - @ tab or CR.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Lead, LeadExport } from '../contract';
import { safeFileName } from './file-names';

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

/** One lead file per township, `<乡镇>.csv`, into dir. */
export function writeLeadFiles(dirPath: string, leads: Lead[]): LeadExport {
  const dir = resolve(dirPath);
  mkdirSync(dir, { recursive: true });
  const byTownship = new Map<string, Lead[]>();
  for (const l of leads) byTownship.set(l.township, [...(byTownship.get(l.township) ?? []), l]);
  const files: LeadExport['files'] = [];
  for (const [township, list] of byTownship) {
    const path = join(dir, `${safeFileName(township)}.csv`);
    writeFileSync(path, leadsToCsv(list));
    files.push({ township, path, leads: list.length, amountFen: list.reduce((s, l) => s + l.amountFen, 0) });
  }
  return { dir, files };
}
