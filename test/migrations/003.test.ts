// Migration 003: each voucher's range of ledger_rows ids, so the rules read a few vouchers'
// lines without scanning a million.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDb, schemaVersion } from '../../shared/workspace/db';
import { MIGRATIONS } from '../../shared/workspace/migrations';
import { tempDir } from '../helpers';
import { columns, names, workspaceAt } from './schema';

describe('migration 003', () => {
  it('adds first_row and last_row to vouchers, and nothing else', () => {
    const db = workspaceAt(3);
    const v2 = workspaceAt(2);
    expect(schemaVersion(db)).toBe(3);
    expect(columns(db, 'vouchers').filter((c) => !columns(v2, 'vouchers').includes(c))).toEqual(['first_row', 'last_row']);
    for (const type of ['table', 'view', 'index', 'trigger'] as const) expect(names(db, type)).toEqual(names(v2, type));
    v2.close();
    db.close();
  });

  it('adds row ranges to the vouchers of a version-2 workspace, empty for those already there, and they stay unchangeable', () => {
    const path = join(tempDir(), 'ws.sqlite');
    const v2 = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    v2.prepare("INSERT INTO source_files (id, sha256, name, path, kind, format, size, line_count, rows_imported, rows_skipped, has_attachments, options, imported_at) VALUES (1, 'x', 'a.csv', '/a.csv', 'ledger', 'csv', 1, 1, 1, 0, 1, '{}', '')").run();
    v2.prepare("INSERT INTO vouchers (id, file_id, township_id, village_id, year, voucher_id, date, cash_out_fen, max_attachments, line_count) VALUES (1, 1, 1, 2, 2018, 3, '2018-03-05', 0, 1, 2)").run();
    v2.close();
    const db = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 3) });
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT first_row, last_row FROM vouchers WHERE id = 1').get()).toEqual({ first_row: null, last_row: null });
    expect(() => db.prepare('UPDATE vouchers SET first_row = 1').run()).toThrow(/source data and never change/);
    db.close();
  });
});
