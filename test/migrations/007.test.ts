// Migration 007: the hash chain, the source seals and the append-only rules, on top of 004 as it is,
// with what a workspace held before chained and sealed in the same transaction.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDb, schemaVersion } from '../../shared/workspace/db';
import { MIGRATIONS } from '../../shared/workspace/migrations';
import { CHAIN_SPECS, PROTECTION_TRIGGERS } from '../../shared/workspace/migrations/007-integrity';
import { verifyWorkspace } from '../../shared/workspace/verify';
import { tempDir } from '../helpers';
import { columns, names, workspaceAt } from './schema';

const NOW = '2026-11-25T08:00:00.000Z';

describe('migration 007', () => {
  it('adds the chain, the seals, rule runs, the lead correction column, and every protection trigger', () => {
    const db = workspaceAt(7);
    // Against the version before it (whatever that is on this branch).
    const v4 = workspaceAt(Math.max(...MIGRATIONS.map((m) => m.version).filter((v) => v < 7)));
    expect(schemaVersion(db)).toBe(7);
    expect(names(db, 'table').filter((n) => !names(v4, 'table').includes(n))).toEqual(['chain', 'rule_runs', 'source_seals']);
    expect(columns(db, 'leads').filter((c) => !columns(v4, 'leads').includes(c))).toEqual(['correction']);
    const triggers = names(db, 'trigger');
    for (const t of PROTECTION_TRIGGERS) expect(triggers, t).toContain(t);
    // The spec's columns are the tables' columns: the chain hashes every one of them.
    for (const s of CHAIN_SPECS) for (const c of s.cols) expect(columns(db, s.table), `${s.table}.${c}`).toContain(c);
    v4.close();
    db.close();
  });

  it('chains and seals what a version-4 workspace held, and then refuses what the engine never does', () => {
    const path = join(tempDir(), 'ws.sqlite');
    const v4 = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    v4.exec(`INSERT INTO texts (id, text) VALUES (1, '石板冲乡'), (2, '赵湾村'), (3, '记-1'), (4, '付款');
      INSERT INTO source_files (id, sha256, name, path, kind, format, size, line_count, rows_imported, rows_skipped, has_attachments, options, imported_at)
        VALUES (1, 'x', 'a.csv', '/a.csv', 'ledger', 'csv', 1, 1, 1, 0, 1, '{}', '');
      INSERT INTO vouchers (id, file_id, township_id, village_id, year, voucher_id, date, cash_out_fen, max_attachments, line_count, first_row, last_row)
        VALUES (1, 1, 1, 2, 2018, 3, '2018-03-05', 0, 1, 1, 1, 1);
      INSERT INTO line_attrs (id, summary_id, account_code_id, account_name_id, receipt_type_id, counterparty_id, project_id, handler_id, approver_id, is_cash)
        VALUES (1, 4, 0, 0, 0, 0, 0, 0, 0, 0);
      INSERT INTO ledger_rows (id, voucher_ref, line_no, date, attrs_id, debit_fen, credit_fen, attachments) VALUES (1, 1, 2, '2018-03-05', 1, 100, 0, 1);
      INSERT INTO findings (id, rule, township, village, date, vouchers, amount_fen, reason, reason_en, line_ids, sources, first_seen, last_seen)
        VALUES ('f1', 'unreceipted', '石板冲乡', '赵湾村', '2018-03-05', '["记-1"]', 100, 'r', 'r', '[1]', '[]', 'x', 'x');
      INSERT INTO reviews (finding_id, decision, note, reviewer, decided_at) VALUES ('f1', 'confirmed', '已核', '张', '${NOW}');
      UPDATE findings SET status = 'confirmed', note = '已核', reviewer = '张', decided_at = '${NOW}';`);
    v4.close();
    const db = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 7) });
    expect(schemaVersion(db)).toBe(7);
    // The review, its trail entry and the source file's seal are in the chain: the workspace verifies.
    expect(db.prepare('SELECT kind FROM chain ORDER BY seq').pluck().all()).toEqual(['review', 'trail', 'source']);
    expect(db.prepare('SELECT row_count, money_fen FROM source_seals').get()).toEqual({ row_count: 1, money_fen: '100' });
    const report = verifyWorkspace(db, { now: NOW });
    expect(report.breaks).toEqual([]);
    expect(report).toMatchObject({ ok: true, entries: 3, sources: 1 });
    // Appended entries carry the hash of the one before.
    db.prepare("INSERT INTO trail (at, actor, entity, entity_id, action) VALUES (?, 'x', 'lead', '*', 'set-source')").run(NOW);
    const [prev, last] = db.prepare<[], { hash: string; prev_hash: string }>('SELECT hash, prev_hash FROM chain ORDER BY seq DESC LIMIT 2').all().reverse();
    expect(last!.prev_hash).toBe(prev!.hash);
    // Refused: a decision without a review, a finding outside a rule run, deleting a finding, changing a seal or the chain.
    expect(() => db.prepare("UPDATE findings SET status = 'dismissed'").run()).toThrow(/decided only by a review/);
    expect(() => db.prepare('UPDATE findings SET amount_fen = 1').run()).toThrow(/only in a rule run/);
    expect(() => db.prepare('DELETE FROM findings').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE source_seals SET content_sha256 = 'x'").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM chain').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE source_files SET name = 'b.csv'").run()).toThrow(/never changes/);
    db.close();
  });
});
