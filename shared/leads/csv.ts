// Lead files for the township discipline commissions: UTF-8 with BOM so Excel and WPS open
// them right, and every cell neutralised against CSV injection (counterparty names come from
// outside): papaparse's escapeFormulae prefixes ' to cells starting with = + - @ tab or CR.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Lead, LeadExport } from '../contract';
import { zh, type MessageKey } from '../i18n/messages';
import { safeFileNames } from './file-names';
import { sumFen } from '../format/money';

const COLUMN_KEYS: MessageKey[] = ['doc.lead-number', 'doc.township', 'doc.village', 'doc.problem-type', 'doc.amount-yuan', 'doc.voucher', 'doc.voucher-date', 'doc.source-lines', 'doc.problem', 'doc.finding-count'];
/** The lead file's columns, in Chinese (the commissions' files are). */
export const LEAD_COLUMNS: readonly string[] = COLUMN_KEYS.map((k) => zh(k));
const LIST = zh('fmt.list');

export function leadsToCsv(leads: Lead[]): string {
  const rows = leads.map((l) => [
    l.number,
    l.township,
    l.village,
    l.problem,
    l.amount,
    l.vouchers.join(LIST),
    l.dates.join(LIST),
    l.sources.map((s) => `${s.file}:${s.line}`).join(LIST),
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
  const names = safeFileNames([...byTownship.keys()]);
  for (const [township, list] of byTownship) {
    const path = join(dir, `${names.get(township) as string}.csv`);
    writeFileSync(path, leadsToCsv(list));
    files.push({ township, path, leads: list.length, amountFen: sumFen(list.map((l) => l.amountFen)) });
  }
  return { dir, files };
}
