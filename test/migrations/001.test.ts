// Migration 001: the source data (written once, never changed), the derived findings and the
// append-only reviews.
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../shared/workspace/db';
import { columns, names, workspaceAt } from './schema';

describe('migration 001', () => {
  it('creates the source tables, the findings and reviews, and the ledger_lines view', () => {
    const db = workspaceAt(1);
    expect(schemaVersion(db)).toBe(1);
    expect(names(db, 'table')).toEqual(['findings', 'ledger_rows', 'line_attrs', 'projects', 'reviews', 'rule_notices', 'settings', 'source_files', 'texts', 'vouchers']);
    expect(names(db, 'view')).toEqual(['ledger_lines']);
    expect(names(db, 'index')).toEqual(['findings_place', 'findings_rule', 'projects_code', 'reviews_finding', 'source_files_identity']);
    expect(columns(db, 'vouchers')).not.toContain('first_row');
    // Text 0 is the empty text, so a line without a counterparty points at it.
    expect(db.prepare('SELECT id, text FROM texts').all()).toEqual([{ id: 0, text: '' }]);
    db.close();
  });

  it('refuses to change or delete source data and reviews', () => {
    const db = workspaceAt(1);
    expect(names(db, 'trigger')).toEqual([
      'ledger_rows_no_delete', 'ledger_rows_no_update', 'projects_no_delete', 'projects_no_update',
      'reviews_append_only_delete', 'reviews_append_only_update', 'vouchers_no_delete', 'vouchers_no_update',
    ]);
    db.prepare("INSERT INTO source_files (id, sha256, name, path, kind, format, size, line_count, rows_imported, rows_skipped, has_attachments, options, imported_at) VALUES (1, 'x', 'a.csv', '/a.csv', 'ledger', 'csv', 1, 1, 1, 0, 1, '{}', '')").run();
    db.prepare("INSERT INTO vouchers (id, file_id, township_id, village_id, year, voucher_id, date, cash_out_fen, max_attachments, line_count) VALUES (1, 1, 0, 0, 2018, 0, '2018-03-05', 0, 1, 1)").run();
    db.prepare('INSERT INTO ledger_rows (id, voucher_ref, line_no, date, attrs_id, debit_fen, credit_fen, attachments) VALUES (1, 1, 2, ?, 0, 100, 0, 1)').run('2018-03-05');
    db.prepare("INSERT INTO reviews (finding_id, decision, note, reviewer, decided_at) VALUES ('f1', 'confirmed', NULL, 'a', '2026-01-01')").run();
    expect(() => db.prepare('UPDATE ledger_rows SET debit_fen = 1').run()).toThrow(/source data and never change/);
    expect(() => db.prepare('DELETE FROM ledger_rows').run()).toThrow(/source data and never change/);
    expect(() => db.prepare('UPDATE vouchers SET cash_out_fen = 1').run()).toThrow(/source data and never change/);
    expect(() => db.prepare('DELETE FROM reviews').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO reviews (finding_id, decision, reviewer, decided_at) VALUES ('f1', 'maybe', 'a', '')").run()).toThrow(/CHECK/);
    db.close();
  });
});
