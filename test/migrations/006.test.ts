// Migration 006: the fields each source's header mapped, and what the last rule run could check
// per village (rule_coverage) and weighed findings against (village_stats).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, schemaVersion } from '../../shared/workspace/db';
import { MIGRATIONS } from '../../shared/workspace/migrations';
import { tempDir } from '../helpers';
import { columns, names, workspaceAt } from './schema';

describe('migration 006', () => {
  it('adds source_files.fields and the two derived tables', () => {
    const db = workspaceAt(6);
    const v4 = workspaceAt(5);
    expect(schemaVersion(db)).toBe(6);
    expect(columns(db, 'source_files').filter((c) => !columns(v4, 'source_files').includes(c))).toEqual(['fields']);
    expect(names(db, 'table').filter((n) => !names(v4, 'table').includes(n))).toEqual(['rule_coverage', 'village_stats']);
    expect(columns(db, 'rule_coverage')).toEqual(['rule', 'township', 'village', 'state', 'why', 'why_en']);
    expect(columns(db, 'village_stats')).toEqual(['township', 'village', 'lines', 'vouchers', 'payments', 'spending_fen', 'first_date', 'last_date']);
    for (const type of ['view', 'trigger', 'index'] as const) expect(names(db, type).filter((n) => !n.startsWith('sqlite_'))).toEqual(names(v4, type));
    expect(() => db.prepare("INSERT INTO rule_coverage (rule, township, village, state) VALUES ('x', 'a', 'b', 'maybe')").run()).toThrow(/CHECK/);
    v4.close();
    db.close();
  });

  it('upgrades a version-4 workspace: its sources keep their rows, with fields unknown (NULL)', () => {
    const path = join(tempDir(), 'ws.sqlite');
    const v4 = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    v4.exec(`INSERT INTO source_files (id, sha256, name, path, kind, format, size, line_count, rows_imported, rows_skipped, has_attachments, options, imported_at)
      VALUES (1, 'x', 'a.csv', '/a.csv', 'ledger', 'csv', 1, 1, 1, 0, 1, '{}', '')`);
    v4.close();
    const db = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 6) });
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT name, has_attachments AS a, fields FROM source_files').get()).toEqual({ name: 'a.csv', a: 1, fields: null });
    db.close();
  });
});
