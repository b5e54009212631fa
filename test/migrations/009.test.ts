// Migration 009: the work packages' tables, and the trail rebuilt so its entity may be a package
// or the workspace — on top of 007 as it is, with what the trail held kept under its ids, so the
// chain still matches and the workspace verifies.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, schemaVersion } from '../../shared/workspace/db';
import { MIGRATIONS } from '../../shared/workspace/migrations';
import { CHAIN_SPECS_009, PROTECTION_TRIGGERS_009 } from '../../shared/workspace/migrations/009-work-packages';
import { PROTECTION_TRIGGERS } from '../../shared/workspace/migrations/007-integrity';
import { verifyWorkspace } from '../../shared/workspace/verify';
import { tempDir } from '../helpers';
import { columns, names, workspaceAt } from './schema';

const NOW = '2026-11-25T08:00:00.000Z';

describe('migration 009', () => {
  it('adds the package tables and their protection, and keeps every trigger of 007', () => {
    const db = workspaceAt(9);
    const before = workspaceAt(Math.max(...MIGRATIONS.map((m) => m.version).filter((v) => v < 9)));
    expect(schemaVersion(db)).toBe(9);
    expect(names(db, 'table').filter((n) => !names(before, 'table').includes(n))).toEqual(['conflicts', 'imported_reviews', 'lead_renumbers', 'packages', 'source_bytes', 'sync_ids']);
    const triggers = names(db, 'trigger');
    for (const t of [...PROTECTION_TRIGGERS, ...PROTECTION_TRIGGERS_009]) expect(triggers, t).toContain(t);
    for (const s of CHAIN_SPECS_009) for (const c of s.cols) expect(columns(db, s.table), `${s.table}.${c}`).toContain(c);
    expect(columns(db, 'trail')).toEqual(columns(before, 'trail'));
    // The trail's other triggers (reviews reach it through one on reviews) still write to it.
    expect(names(db, 'trigger')).toContain('reviews_to_trail');
    before.close();
    db.close();
  });

  it('rebuilds the trail with its rows and ids: the chain still matches, and a package entry is accepted', () => {
    const path = join(tempDir(), 'ws.sqlite');
    const v7 = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 7) });
    v7.exec(`INSERT INTO trail (at, actor, entity, entity_id, action, after) VALUES ('${NOW}', '张', 'lead', '*', 'set-source', '"村级财务审计 第三审计组"');
      INSERT INTO reviews (finding_id, decision, note, reviewer, decided_at) VALUES ('f1', 'confirmed', NULL, '张', '${NOW}');`);
    expect(() => v7.prepare("INSERT INTO trail (at, actor, entity, entity_id, action) VALUES ('x', 'y', 'package', 'p', 'package-import')").run()).toThrow(/CHECK/);
    const ids = v7.prepare('SELECT id, entity, action FROM trail ORDER BY id').all();
    v7.close();
    const db = openDb(path);
    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare('SELECT id, entity, action FROM trail ORDER BY id').all()).toEqual(ids);
    expect(verifyWorkspace(db, { now: NOW }).breaks).toEqual([]);
    db.prepare("INSERT INTO trail (at, actor, entity, entity_id, action) VALUES (?, '张', 'package', 'A.vapkg', 'package-import')").run(NOW);
    db.prepare("INSERT INTO reviews (finding_id, decision, note, reviewer, decided_at) VALUES ('f1', 'dismissed', '有发票', '李', ?)").run(NOW);
    expect(db.prepare("SELECT COUNT(*) FROM trail WHERE entity = 'finding'").pluck().get()).toBe(2);
    const report = verifyWorkspace(db, { now: NOW });
    expect(report.breaks).toEqual([]);
    expect(report.ok).toBe(true);
    // Still append-only, and chained.
    expect(() => db.prepare('DELETE FROM trail').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE trail SET actor = 'x'").run()).toThrow(/append-only/);
    const packageEntry = db.prepare("SELECT id FROM trail WHERE entity = 'package'").pluck().get();
    expect(db.prepare("SELECT COUNT(*) FROM chain WHERE kind = 'trail' AND ref = ?").pluck().get(packageEntry)).toBe(1);
    db.close();
  });

  it('refuses what a merge never does: changing kept bytes or records, resolving a conflict twice or without who', () => {
    const db = workspaceAt(9);
    db.prepare("INSERT INTO source_bytes (sha256, size, codec, data) VALUES ('a', 1, 'gzip', x'00')").run();
    expect(() => db.prepare("UPDATE source_bytes SET data = x'01'").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM source_bytes').run()).toThrow(/never changes/);
    db.prepare("INSERT INTO packages (direction, sha256, content_sha256, name, audit_group, final, villages, summary, actor, at) VALUES ('import', 'a', 'b', 'A.vapkg', 'g', 0, '[]', '{}', '张', ?)").run(NOW);
    expect(() => db.prepare("UPDATE packages SET final = 1").run()).toThrow(/never changes/);
    db.prepare("INSERT INTO conflicts (package_id, kind, ref, local, incoming, opened_at) VALUES (1, 'review', 'f1', '{}', '{}', ?)").run(NOW);
    expect(() => db.prepare("UPDATE conflicts SET resolved_at = ? WHERE id = 1").run(NOW)).toThrow(/resolved once/);
    expect(() => db.prepare("UPDATE conflicts SET incoming = 'x', resolved_at = ?, resolved_by = '王', resolution = 'confirmed' WHERE id = 1").run(NOW)).toThrow(/resolved once/);
    db.prepare("UPDATE conflicts SET resolved_at = ?, resolved_by = '王', resolution = 'confirmed' WHERE id = 1").run(NOW);
    expect(() => db.prepare("UPDATE conflicts SET resolution = 'dismissed' WHERE id = 1").run()).toThrow(/resolved once/);
    expect(() => db.prepare('DELETE FROM conflicts').run()).toThrow(/never deleted/);
    db.prepare("INSERT INTO sync_ids (kind, local_id, uid) VALUES ('lead', 1, 'u')").run();
    expect(() => db.prepare("UPDATE sync_ids SET uid = 'v'").run()).toThrow(/never changes/);
    db.prepare("UPDATE sync_ids SET synced_hash = 'h'").run();
    expect(verifyWorkspace(db, { now: NOW }).breaks).toEqual([]);
    db.close();
  });
});
