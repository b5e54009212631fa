// Migration 005: ledger lines and vouchers in blocks of columns; a workspace imported before keeps
// every line, with its id, and the rules find on it what they found before.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDb, schemaVersion } from '../../shared/workspace/db';
import { ledgerSnapshot, lineRecord } from '../../shared/workspace/ledger-snapshot';
import { MIGRATIONS } from '../../shared/workspace/migrations';
import { tempDir } from '../helpers';
import { names, workspaceAt } from './schema';

describe('migration 005', () => {
  it('replaces ledger_rows, vouchers and the ledger_lines view with line and voucher blocks, unchangeable like them', () => {
    const db = workspaceAt(5);
    const v4 = workspaceAt(4);
    expect(schemaVersion(db)).toBe(5);
    expect(names(db, 'table').filter((n) => !names(v4, 'table').includes(n))).toEqual(['line_blocks', 'voucher_blocks']);
    expect(names(v4, 'table').filter((n) => !names(db, 'table').includes(n))).toEqual(['ledger_rows', 'vouchers']);
    expect(names(db, 'view')).toEqual([]);
    expect(names(db, 'trigger').filter((n) => /blocks/.test(n))).toEqual(['line_blocks_no_delete', 'line_blocks_no_update', 'voucher_blocks_no_delete', 'voucher_blocks_no_update']);
    v4.close();
    db.close();
  });

  it('converts a version-4 workspace: every line keeps its id, file, voucher and amounts; vouchers across files stay one', () => {
    const path = join(tempDir(), 'ws.sqlite');
    const v4 = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    v4.exec(`INSERT INTO texts (id, text) VALUES (1, '石板冲乡'), (2, '赵湾村'), (3, '记-1'), (4, '付款'), (5, '现金');
      INSERT INTO source_files (id, sha256, name, path, kind, format, size, line_count, rows_imported, rows_skipped, has_attachments, options, imported_at)
        VALUES (1, 'a', 'a.csv', '/a.csv', 'ledger', 'csv', 1, 3, 2, 0, 1, '{}', ''), (2, 'b', 'b.csv', '/b.csv', 'ledger', 'csv', 1, 2, 1, 0, 1, '{}', '');
      INSERT INTO vouchers (id, file_id, township_id, village_id, year, voucher_id, date, cash_out_fen, max_attachments, line_count, first_row, last_row, entity_id)
        VALUES (1, 1, 1, 2, 2018, 3, '2018-03-05', 100, 0, 1, 1, 2, 0), (2, 2, 1, 2, 2018, 3, '2018-03-05', 0, 1, 1, 9, 9, 0);
      INSERT INTO line_attrs (id, summary_id, account_code_id, account_name_id, receipt_type_id, counterparty_id, project_id, handler_id, approver_id, is_cash)
        VALUES (1, 4, 0, 0, 0, 0, 0, 0, 0, 0), (2, 4, 0, 5, 0, 0, 0, 0, 0, 1);
      INSERT INTO ledger_rows (id, voucher_ref, line_no, date, attrs_id, debit_fen, credit_fen, attachments)
        VALUES (1, 1, 2, '2018-03-05', 1, 100, 0, 0), (2, 1, 3, '2018-03-05', 2, 0, 100, NULL), (9, 2, 2, '2018-03-05', 1, 50, 0, 1);`);
    v4.close();
    // Opened by this version of the app: 005 converts, the later migrations follow, the snapshot reads it.
    const db = openDb(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    const ledger = ledgerSnapshot(db);
    const lines = Array.from({ length: ledger.lines.count }, (_, i) => lineRecord(ledger, i))
      .map((l) => [l.id, l.file, l.line, l.voucher, l.summary, l.accountName, l.debitFen, l.creditFen, l.attachments, l.isCash]);
    expect(lines).toEqual([
      [1, 'a.csv', 2, '记-1', '付款', '', 100, 0, 0, 0],
      [2, 'a.csv', 3, '记-1', '付款', '现金', 0, 100, null, 1],
      [9, 'b.csv', 2, '记-1', '付款', '', 50, 0, 1, 0],
    ]);
    // The voucher split over two files is one voucher, its cash and attachments gathered from both.
    expect(ledger.vouchers.count).toBe(1);
    expect([ledger.vouchers.cashOut[0], ledger.vouchers.maxAttachments[0], ledger.vouchers.lineCount[0]]).toEqual([100, 1, 3]);
    expect(ledger.lineIndex(9)).toBe(2);
    expect(ledger.lineIndex(5)).toBe(-1);
    expect(() => db.prepare('UPDATE line_blocks SET line_count = 1').run()).toThrow(/source data and never change/);
    expect(() => db.prepare('DELETE FROM voucher_blocks').run()).toThrow(/source data and never change/);
    db.close();
  });
});
