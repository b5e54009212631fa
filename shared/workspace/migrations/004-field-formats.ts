import type { Migration } from './types';

// What the field's exports carry besides the first layouts (issue 9):
// - line_attrs: the invoice number (发票号码) and who prepared, checked and posted the voucher
//   (制单人, 审核人, 记账人), texts like the others (0 = '').
// - vouchers: the accounting entity (核算单位: a village's committee and its cooperative keep
//   separate books, each numbering its vouchers from 记-1), part of a voucher's identity.
// - the ledger_lines view shows them, and the sheet of a workbook's line.
// - vouchers_key, built until now by the importer on every open, is a schema object like any other.
export const migration004: Migration = {
  version: 4,
  name: 'invoice, preparer, checker, bookkeeper, accounting entity',
  up: `
    ALTER TABLE line_attrs ADD COLUMN invoice_id INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE line_attrs ADD COLUMN preparer_id INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE line_attrs ADD COLUMN checker_id INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE line_attrs ADD COLUMN bookkeeper_id INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE vouchers ADD COLUMN entity_id INTEGER NOT NULL DEFAULT 0;
    DROP INDEX IF EXISTS vouchers_key;
    CREATE INDEX vouchers_key ON vouchers(township_id, village_id, year, voucher_id);

    DROP VIEW ledger_lines;
    CREATE VIEW ledger_lines AS
      SELECT r.id, v.file_id, r.line_no, r.voucher_ref, tt.text AS township, tv.text AS village, te.text AS entity, r.date, v.year,
             tvo.text AS voucher, ts.text AS summary, tac.text AS account_code, tan.text AS account_name,
             r.debit_fen, r.credit_fen, r.attachments, trt.text AS receipt_type, tin.text AS invoice, tcp.text AS counterparty,
             tp.text AS project, th.text AS handler, ta.text AS approver, tpr.text AS preparer, tch.text AS checker, tbk.text AS bookkeeper, a.is_cash
      FROM ledger_rows r
      JOIN vouchers v ON v.id = r.voucher_ref
      JOIN line_attrs a ON a.id = r.attrs_id
      JOIN texts tt ON tt.id = v.township_id
      JOIN texts tv ON tv.id = v.village_id
      JOIN texts te ON te.id = v.entity_id
      JOIN texts tvo ON tvo.id = v.voucher_id
      JOIN texts ts ON ts.id = a.summary_id
      JOIN texts tac ON tac.id = a.account_code_id
      JOIN texts tan ON tan.id = a.account_name_id
      JOIN texts trt ON trt.id = a.receipt_type_id
      JOIN texts tin ON tin.id = a.invoice_id
      JOIN texts tcp ON tcp.id = a.counterparty_id
      JOIN texts tp ON tp.id = a.project_id
      JOIN texts th ON th.id = a.handler_id
      JOIN texts ta ON ta.id = a.approver_id
      JOIN texts tpr ON tpr.id = a.preparer_id
      JOIN texts tch ON tch.id = a.checker_id
      JOIN texts tbk ON tbk.id = a.bookkeeper_id;
  `,
};
