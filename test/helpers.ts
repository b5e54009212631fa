// Shared test helpers: a fresh workspace in a temp dir and the sample district's paths.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISTRICT_DIR, FILES } from '../fixtures/generate';
import { AuditService } from '../shared/service';
import { ledgerSnapshot, lineRecord, type SnapshotLine } from '../shared/workspace/ledger-snapshot';

export const district = {
  shibanchong: join(DISTRICT_DIR, FILES.shibanchong),
  chengnan: join(DISTRICT_DIR, FILES.chengnan),
  shunhe: join(DISTRICT_DIR, FILES.shunhe),
  cadres: join(DISTRICT_DIR, FILES.cadres),
  projects: join(DISTRICT_DIR, FILES.projects),
  expected: join(DISTRICT_DIR, FILES.expected),
};

export function tempDir(prefix = 'va-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function openTempService(): Promise<{ service: AuditService; dir: string; path: string }> {
  const dir = tempDir();
  const path = join(dir, 'ws.sqlite');
  const service = new AuditService({ now: () => '2026-11-25T08:00:00.000Z' });
  await service.openWorkspace({ path, create: true });
  return { service, dir, path };
}

export async function importDistrict(service: AuditService): Promise<void> {
  const r = await service.importBatch([
    { path: district.shibanchong, kind: 'ledger' },
    { path: district.chengnan, kind: 'ledger' },
    { path: district.shunhe, kind: 'ledger' },
    { path: district.projects, kind: 'projects' },
  ]);
  if (!r.ok) throw new Error(JSON.stringify(r.results.at(-1), null, 2));
}

// ---- Small ledgers written in a temp dir, for the unit and integration tests of ingest and rules. ----

/** One cell of a CSV line, quoted when it must be. */
export function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(rows: (string | number)[][], newline = '\n'): string {
  return rows.map((r) => r.map(csvCell).join(',')).join(newline) + newline;
}

export const LEDGER_HEADER = ['乡镇', '村', '凭证日期', '凭证号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额', '附件张数', '票据类型', '对方单位', '项目编号'];

export interface LineSpec {
  township?: string;
  village?: string;
  date: string;
  voucher: string;
  summary: string;
  code: string;
  name: string;
  debit?: string;
  credit?: string;
  att?: string | number;
  receipt?: string;
  counterparty?: string;
  project?: string;
}

export function ledgerRow(l: LineSpec): string[] {
  return [l.township ?? '石板冲乡', l.village ?? '赵湾村', l.date, l.voucher, l.summary, l.code, l.name, l.debit ?? '', l.credit ?? '',
    String(l.att ?? 1), l.receipt ?? '发票', l.counterparty ?? '', l.project ?? ''];
}

/** A voucher that pays an expense from the bank: the expense line and the bank line (same summary). */
export function payment(p: { date: string; voucher: string; summary: string; code?: string; name: string; amount: string; att?: string | number;
  receipt?: string; counterparty?: string; project?: string; village?: string; township?: string; cash?: [string, string] }): LineSpec[] {
  const [cashCode, cashName] = p.cash ?? ['102', '银行存款'];
  const common = { date: p.date, voucher: p.voucher, summary: p.summary, att: p.att, receipt: p.receipt, village: p.village, township: p.township };
  return [
    { ...common, code: p.code ?? '541', name: p.name, debit: p.amount, counterparty: p.counterparty, project: p.project },
    { ...common, code: cashCode, name: cashName, credit: p.amount, project: p.project },
  ];
}

export function ledgerCsv(lines: LineSpec[], header: string[] = LEDGER_HEADER): string {
  return csvText([header, ...lines.map(ledgerRow)]);
}

/** Row counts of every source-data and derived table, read through a connection of its own: equal before and after means the workspace did not change. */
export function workspaceCounts(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ['source_files', 'texts', 'line_attrs', 'projects', 'findings', 'reviews']) {
      out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    // Lines and vouchers are stored in blocks of columns (shared/workspace/line-blocks.ts): count what the blocks hold.
    out.ledger_rows = (db.prepare('SELECT COALESCE(SUM(line_count), 0) AS n FROM line_blocks').get() as { n: number }).n;
    out.vouchers = (db.prepare('SELECT COALESCE(SUM(voucher_count), 0) AS n FROM voucher_blocks').get() as { n: number }).n;
    return out;
  } finally {
    db.close();
  }
}

/** Every stored ledger line of a workspace, read back whole through a connection of its own, in source order. */
export function storedLines(path: string): SnapshotLine[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const ledger = ledgerSnapshot(db);
    return Array.from({ length: ledger.lines.count }, (_, i) => lineRecord(ledger, i));
  } finally {
    db.close();
  }
}
