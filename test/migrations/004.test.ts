// Migration 004: what the field's exports carry (invoice, preparer, checker, bookkeeper, the
// accounting entity), the view showing them, and vouchers_key as a schema object.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDb, schemaVersion } from '../../shared/workspace/db';
import { MIGRATIONS } from '../../shared/workspace/migrations';
import { tempDir } from '../helpers';
import { columns, names, workspaceAt } from './schema';

describe('migration 004', () => {
  it('adds the new attribute and entity columns, the vouchers_key index, and the columns to the view', () => {
    const db = workspaceAt(4);
    const v3 = workspaceAt(3);
    expect(schemaVersion(db)).toBe(4);
    expect(columns(db, 'line_attrs').filter((c) => !columns(v3, 'line_attrs').includes(c))).toEqual(['invoice_id', 'preparer_id', 'checker_id', 'bookkeeper_id']);
    expect(columns(db, 'vouchers').filter((c) => !columns(v3, 'vouchers').includes(c))).toEqual(['entity_id']);
    expect(columns(db, 'ledger_lines').filter((c) => !columns(v3, 'ledger_lines').includes(c))).toEqual(['entity', 'invoice', 'preparer', 'checker', 'bookkeeper']);
    expect(names(db, 'index').filter((n) => !names(v3, 'index').includes(n))).toEqual(['vouchers_key']);
    for (const type of ['table', 'view', 'trigger'] as const) expect(names(db, type)).toEqual(names(v3, type));
    v3.close();
    db.close();
  });

  it('upgrades a version-3 workspace: its lines read as before, with empty new fields, and stay unchangeable', () => {
    const path = join(tempDir(), 'ws.sqlite');
    const v3 = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 3) });
    v3.exec(`INSERT INTO texts (id, text) VALUES (1, '石板冲乡'), (2, '赵湾村'), (3, '记-1'), (4, '付款');
      INSERT INTO source_files (id, sha256, name, path, kind, format, size, line_count, rows_imported, rows_skipped, has_attachments, options, imported_at)
        VALUES (1, 'x', 'a.csv', '/a.csv', 'ledger', 'csv', 1, 1, 1, 0, 1, '{}', '');
      INSERT INTO vouchers (id, file_id, township_id, village_id, year, voucher_id, date, cash_out_fen, max_attachments, line_count, first_row, last_row)
        VALUES (1, 1, 1, 2, 2018, 3, '2018-03-05', 0, 1, 1, 1, 1);
      INSERT INTO line_attrs (id, summary_id, account_code_id, account_name_id, receipt_type_id, counterparty_id, project_id, handler_id, approver_id, is_cash)
        VALUES (1, 4, 0, 0, 0, 0, 0, 0, 0, 0);
      INSERT INTO ledger_rows (id, voucher_ref, line_no, date, attrs_id, debit_fen, credit_fen, attachments) VALUES (1, 1, 2, '2018-03-05', 1, 100, 0, 1);`);
    v3.close();
    const db = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT village, entity, voucher, summary, invoice, preparer, checker, bookkeeper FROM ledger_lines WHERE id = 1').get())
      .toEqual({ village: '赵湾村', entity: '', voucher: '记-1', summary: '付款', invoice: '', preparer: '', checker: '', bookkeeper: '' });
    expect(() => db.prepare('UPDATE vouchers SET entity_id = 1').run()).toThrow(/source data and never change/);
    db.close();
  });
});
