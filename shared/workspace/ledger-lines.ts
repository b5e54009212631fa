// Ledger lines read back as text for display (a finding's voucher lines), by id.
import type { LedgerLineView } from '../contract';
import type { Db } from './db';
import { linesById } from './ledger-snapshot';

/** The lines with these ids that exist, in the order of the ids. */
export function ledgerLineViews(db: Db, ids: readonly number[]): LedgerLineView[] {
  return linesById(db, ids).map((l) => ({
    id: l.id, file: l.file, ...(l.sheet ? { sheet: l.sheet } : {}), line: l.line, entity: l.entity, date: l.date, voucher: l.voucher, summary: l.summary,
    accountCode: l.accountCode, accountName: l.accountName, debitFen: l.debitFen, creditFen: l.creditFen, attachments: l.attachments,
    counterparty: l.counterparty, project: l.project,
  }));
}
