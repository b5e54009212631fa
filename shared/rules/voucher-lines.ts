// Helpers the rules share: loading the lines of a set of vouchers with their source refs.
import type { SourceRef } from '../contract';
import type { Db } from '../workspace/db';

export interface VoucherLine {
  id: number;
  township: string;
  village: string;
  year: number;
  voucher: string;
  date: string;
  summary: string;
  accountCode: string;
  accountName: string;
  debitFen: number;
  creditFen: number;
  attachments: number | null;
  receiptType: string;
  counterparty: string;
  project: string;
  isCash: number;
  file: string;
  sha256: string;
  line: number;
}

export interface VoucherKey {
  township: string;
  village: string;
  year: number;
  voucher: string;
}

const LINE_COLUMNS = `l.id, l.township, l.village, l.year, l.voucher, l.date, l.summary, l.account_code AS accountCode,
  l.account_name AS accountName, l.debit_fen AS debitFen, l.credit_fen AS creditFen, l.attachments, l.receipt_type AS receiptType,
  l.counterparty, l.project, l.is_cash AS isCash, f.name AS file, f.sha256, l.line_no AS line`;

export function voucherKeyOf(v: VoucherKey): string {
  return `${v.township}|${v.village}|${v.year}|${v.voucher}`;
}

/** Every line of each voucher, grouped by voucher, in source order. */
export function loadVouchers(db: Db, keys: VoucherKey[]): Map<string, VoucherLine[]> {
  const stmt = db.prepare(`SELECT ${LINE_COLUMNS} FROM ledger_lines l JOIN source_files f ON f.id = l.file_id
    WHERE l.township = ? AND l.village = ? AND l.year = ? AND l.voucher = ? ORDER BY l.file_id, l.line_no`);
  const out = new Map<string, VoucherLine[]>();
  for (const k of keys) out.set(voucherKeyOf(k), stmt.all(k.township, k.village, k.year, k.voucher) as VoucherLine[]);
  return out;
}

export function loadLines(db: Db, where: string, params: unknown[]): VoucherLine[] {
  return db.prepare(`SELECT ${LINE_COLUMNS} FROM ledger_lines l JOIN source_files f ON f.id = l.file_id WHERE ${where} ORDER BY l.file_id, l.line_no`).all(...params) as VoucherLine[];
}

export function sourcesOf(lines: VoucherLine[]): SourceRef[] {
  return lines.map((l) => ({ file: l.file, sha256: l.sha256, line: l.line }));
}

/** Cash paid out by a voucher: credits to cash and bank less debits to them. */
export function cashPaidOut(lines: VoucherLine[]): number {
  let n = 0;
  for (const l of lines) if (l.isCash) n += l.creditFen - l.debitFen;
  return n;
}

/** Words found in a text after masking look-alike phrases (酒精 is not 酒). */
export function wordsIn(text: string, words: readonly string[], masks: readonly string[]): string[] {
  let t = text;
  for (const m of masks) if (m) t = t.split(m).join('\u0000');
  return words.filter((w) => w && t.includes(w));
}
