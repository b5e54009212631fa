// Migration 008: the trail takes 'sample' entries; everything it held stays as it was, and it
// stays append-only, with reviews still sent to it.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDb, schemaVersion } from '../../shared/workspace/db';
import { MIGRATIONS } from '../../shared/workspace/migrations';
import { tempDir } from '../helpers';
import { names, workspaceAt } from './schema';

/** The version just below 8 in this tree (numbers 5 to 7 belong to branches in flight). */
const PRIOR = Math.max(...MIGRATIONS.filter((m) => m.version < 8).map((m) => m.version));

describe('migration 008', () => {
  it('keeps the schema objects as they were, and the trail refuses unknown entities but takes samples', () => {
    const db = workspaceAt(8);
    const prior = workspaceAt(PRIOR);
    expect(schemaVersion(db)).toBe(8);
    for (const type of ['table', 'view', 'index', 'trigger'] as const) expect(names(db, type)).toEqual(names(prior, type));
    prior.close();
    db.prepare("INSERT INTO trail (at, actor, entity, entity_id, action, after) VALUES ('2026-11-25', 'a', 'sample', 'S1', 'sample.draw', '{}')").run();
    expect(() => db.prepare("INSERT INTO trail (at, actor, entity, entity_id, action) VALUES ('', 'a', 'nothing', 'x', 'y')").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE trail SET actor = ?').run('b')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM trail').run()).toThrow(/append-only/);
    db.close();
  });

  it('upgrades a workspace with a trail: every entry kept with its id, reviews still reach it', () => {
    const path = join(tempDir('va-mig-'), 'ws.sqlite');
    const old = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= PRIOR) });
    old.exec(`INSERT INTO trail (at, actor, entity, entity_id, action, before, after) VALUES
      ('2026-11-01', '李审计', 'lead', '石板冲乡-2017-001', 'create', NULL, '{"amount":"46200.00"}'),
      ('2026-11-02', '李审计', 'handoff', '1', 'handoff', '{}', '{"leads":[]}');
      INSERT INTO reviews (finding_id, decision, note, reviewer, decided_at) VALUES ('f1', 'confirmed', '复测', '张审计', '2026-11-03');`);
    const rows = old.prepare('SELECT * FROM trail ORDER BY id').all();
    expect(rows).toHaveLength(3);
    old.close();
    const db = openDb(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.prepare('SELECT * FROM trail ORDER BY id').all()).toEqual(rows);
    db.prepare("INSERT INTO reviews (finding_id, decision, note, reviewer, decided_at) VALUES ('f1', 'dismissed', NULL, '王审计', '2026-11-04')").run();
    expect(db.prepare('SELECT id, actor, entity, entity_id AS entityId, action FROM trail ORDER BY id DESC LIMIT 1').get())
      .toEqual({ id: 4, actor: '王审计', entity: 'finding', entityId: 'f1', action: 'review' });
    // The rebuilt trail is still chained (007): the review and the entry it made are in the hash chain.
    expect(db.prepare('SELECT kind, ref FROM chain ORDER BY seq DESC LIMIT 2').all()).toEqual(expect.arrayContaining([{ kind: 'review', ref: 2 }, { kind: 'trail', ref: 4 }]));
    db.close();
  });
});
