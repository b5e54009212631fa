// Ledger lines read back as text for display (a finding's voucher lines), by id, in one query.
import type { LedgerLineView } from '../contract';
import type { Db } from './db';

/** The lines with these ids that exist, in the order of the ids. */
export function ledgerLineViews(db: Db, ids: readonly number[]): LedgerLineView[] {
  if (ids.length === 0) return [];
  const rows = db.prepare<[string], LedgerLineView & { sheet: string | null }>(`SELECT l.id, f.name AS file, f.sheet, l.line_no AS line, l.entity, l.date, l.voucher,
      l.summary, l.account_code AS accountCode, l.account_name AS accountName, l.debit_fen AS debitFen, l.credit_fen AS creditFen, l.attachments, l.counterparty, l.project
    FROM ledger_lines l JOIN source_files f ON f.id = l.file_id WHERE l.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  // A text file's line has no sheet: the field is left out rather than null.
  const byId = new Map(rows.map(({ sheet, ...r }) => [r.id, sheet ? { ...r, sheet } : r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
