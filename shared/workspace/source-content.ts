// What a source file put in the workspace, hashed: the seal that lets `verify` see a ledger line
// or a project row changed behind the app's back (the file's own SHA-256 only says which bytes
// were read, not what is stored now).
//
// THE SEAM for the ledger's storage: this is the one module besides ledger-lines.ts and
// ledger-snapshot.ts that reads the stored lines. The hash is over the logical content, not the
// layout, so a new storage re-implements `sourceLines` and keeps every seal valid:
//   for each line of the file in import order (ledger_rows id order), the UTF-8 of
//   JSON.stringify([line_no, date, year, township, village, entity, voucher, summary, account_code,
//   account_name, debit_fen, credit_fen, attachments (null when none), receipt_type, invoice,
//   counterparty, project, handler, approver, preparer, checker, bookkeeper, is_cash]) + '\n';
//   project rows: JSON.stringify([line_no, code, township, village, name, contractor, contract_fen,
//   contract_qty, unit, accepted_qty, measured_qty, accepted_date]) + '\n'.
import { createHash } from 'node:crypto';
import type { Db } from './db';

/** Every sum of money in a workspace stays below this (fen): the total of all amounts' absolute values, so no sum of findings, leads or handoffs passes 2^53 even when every rule flags the same money. */
export const MONEY_BUDGET_FEN = BigInt(Number.MAX_SAFE_INTEGER) / 8n;

export interface SourceContent {
  sha256: string;
  rows: number;
  /** Sum of |debit| + |credit| (ledger) or contract amounts (projects), fen. */
  moneyFen: bigint;
  /** The first line whose amounts take the workspace past MONEY_BUDGET_FEN, given what is there already. */
  overBudget: { line: number; field: 'debit' | 'credit' | 'contractAmount' } | null;
}

interface LineRow {
  line_no: number; date: string; year: number; township_id: number; village_id: number; entity_id: number; voucher_id: number;
  summary_id: number; account_code_id: number; account_name_id: number; debit_fen: number; credit_fen: number; attachments: number | null;
  receipt_type_id: number; invoice_id: number; counterparty_id: number; project_id: number; handler_id: number; approver_id: number;
  preparer_id: number; checker_id: number; bookkeeper_id: number; is_cash: number;
}

/** The file's stored ledger lines as the canonical arrays above, in import order (storage-specific). */
function* sourceLedgerLines(db: Db, fileId: number): Generator<[unknown[], number, number]> {
  const range = db.prepare<[number], { lo: number | null; hi: number | null }>('SELECT MIN(first_row) AS lo, MAX(last_row) AS hi FROM vouchers WHERE file_id = ?').get(fileId);
  if (!range || range.lo === null || range.hi === null) return;
  // Texts by id through a bounded cache: a district's texts repeat, but a file may bring many, and the engine's heap is small.
  const one = db.prepare<[number], string>('SELECT text FROM texts WHERE id = ?').pluck();
  const texts = new Map<number, string>();
  const t = (id: number): string => {
    let v = texts.get(id);
    if (v === undefined) {
      if (texts.size >= 20_000) texts.clear();
      v = one.get(id) ?? '';
      texts.set(id, v);
    }
    return v;
  };
  const rows = db.prepare<[number, number, number], LineRow>(`SELECT r.line_no, r.date, v.year, v.township_id, v.village_id, v.entity_id, v.voucher_id,
      a.summary_id, a.account_code_id, a.account_name_id, r.debit_fen, r.credit_fen, r.attachments, a.receipt_type_id, a.invoice_id, a.counterparty_id,
      a.project_id, a.handler_id, a.approver_id, a.preparer_id, a.checker_id, a.bookkeeper_id, a.is_cash
    FROM ledger_rows r JOIN vouchers v ON v.id = r.voucher_ref JOIN line_attrs a ON a.id = r.attrs_id
    WHERE r.id BETWEEN ? AND ? AND v.file_id = ? ORDER BY r.id`);
  for (const r of rows.iterate(range.lo, range.hi, fileId)) {
    yield [[r.line_no, r.date, r.year, t(r.township_id), t(r.village_id), t(r.entity_id), t(r.voucher_id), t(r.summary_id), t(r.account_code_id),
      t(r.account_name_id), r.debit_fen, r.credit_fen, r.attachments, t(r.receipt_type_id), t(r.invoice_id), t(r.counterparty_id), t(r.project_id),
      t(r.handler_id), t(r.approver_id), t(r.preparer_id), t(r.checker_id), t(r.bookkeeper_id), r.is_cash], r.debit_fen, r.credit_fen];
  }
}

function* sourceProjectRows(db: Db, fileId: number): Generator<[unknown[], number, number]> {
  const rows = db.prepare<[number], { line_no: number; code: string; township: string; village: string; name: string; contractor: string; contract_fen: number;
    contract_qty: string; unit: string; accepted_qty: string; measured_qty: string | null; accepted_date: string | null }>('SELECT * FROM projects WHERE file_id = ? ORDER BY id');
  for (const r of rows.iterate(fileId)) {
    yield [[r.line_no, r.code, r.township, r.village, r.name, r.contractor, r.contract_fen, r.contract_qty, r.unit, r.accepted_qty, r.measured_qty, r.accepted_date], r.contract_fen, 0];
  }
}

/** The money the workspace's sealed files hold already (fen). */
export function sealedMoney(db: Db, exceptFileId = -1): bigint {
  return db.prepare<[number], string>('SELECT money_fen FROM source_seals WHERE file_id <> ?').pluck().all(exceptFileId).reduce((s, v) => s + BigInt(v), 0n);
}

/** The canonical content hash of one source file as stored now, with its amounts (and where they pass the budget, given `already`). */
export function sourceContentHash(db: Db, fileId: number, already: bigint | null = null): SourceContent {
  const kind = db.prepare<[number], string>('SELECT kind FROM source_files WHERE id = ?').pluck().get(fileId);
  const h = createHash('sha256');
  let rows = 0;
  let money = 0n;
  let overBudget: SourceContent['overBudget'] = null;
  const lines = kind === 'projects' ? sourceProjectRows(db, fileId) : sourceLedgerLines(db, fileId);
  for (const [fields, a, b] of lines) {
    h.update(JSON.stringify(fields) + '\n', 'utf8');
    rows++;
    money += BigInt(Math.abs(a)) + BigInt(Math.abs(b));
    if (already !== null && overBudget === null && already + money > MONEY_BUDGET_FEN) {
      overBudget = { line: fields[0] as number, field: kind === 'projects' ? 'contractAmount' : Math.abs(a) >= Math.abs(b) ? 'debit' : 'credit' };
    }
  }
  return { sha256: h.digest('hex'), rows, moneyFen: money, overBudget };
}

/** Seals a source file as it stands: its content hash and money, chained (migration 007). */
export function sealSourceFile(db: Db, fileId: number, now: string, content = sourceContentHash(db, fileId)): void {
  db.prepare(`INSERT INTO source_seals (file_id, sha256, name, sheet, kind, row_count, content_sha256, money_fen, sealed_at)
    SELECT id, sha256, name, sheet, kind, ?, ?, ?, ? FROM source_files WHERE id = ?`).run(content.rows, content.sha256, content.moneyFen.toString(), now, fileId);
}
