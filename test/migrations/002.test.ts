// Migration 002: officers' roster, case leads and their versions, handoffs, the rectification
// ledger and the append-only trail.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDb, schemaVersion } from '../../shared/workspace/db';
import { MIGRATIONS } from '../../shared/workspace/migrations';
import { tempDir } from '../helpers';
import { names, workspaceAt } from './schema';

describe('migration 002', () => {
  it('creates the roster, leads, handoffs, rectification and trail tables, with their indexes and triggers', () => {
    const db = workspaceAt(2);
    expect(schemaVersion(db)).toBe(2);
    const v1 = workspaceAt(1);
    const added = (type: 'table' | 'index' | 'trigger') => names(db, type).filter((n) => !names(v1, type).includes(n));
    expect(added('table')).toEqual(['cadre_files', 'cadres', 'handoffs', 'lead_counters', 'lead_findings', 'lead_versions', 'leads', 'rectification_evidence', 'rectifications', 'trail']);
    expect(added('index')).toEqual(['cadres_place', 'lead_findings_lead', 'leads_township', 'trail_entity']);
    expect(added('trigger')).toEqual([
      'cadres_no_delete', 'cadres_no_update', 'handoffs_no_delete', 'handoffs_no_update', 'lead_versions_no_delete', 'lead_versions_no_update',
      'reviews_to_trail', 'trail_append_only_delete', 'trail_append_only_update',
    ]);
    v1.close();
    db.prepare("INSERT INTO trail (at, actor, entity, entity_id, action) VALUES ('2026-01-01', 'a', 'lead', 'x', 'create')").run();
    expect(() => db.prepare('UPDATE trail SET actor = ?').run('b')).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO trail (at, actor, entity, entity_id, action) VALUES ('', 'a', 'nothing', 'x', 'y')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('upgrades a version-1 workspace and sends later reviews to the trail', () => {
    const path = join(tempDir('va-mig-'), 'ws.sqlite');
    const v1 = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version === 1) });
    v1.prepare("INSERT INTO reviews (finding_id, decision, note, reviewer, decided_at) VALUES ('f1', 'confirmed', NULL, 'a', '2026-01-01')").run();
    expect(schemaVersion(v1)).toBe(1);
    v1.close();
    const db = openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT COUNT(*) AS n FROM reviews').get()).toEqual({ n: 1 });
    db.prepare("INSERT INTO reviews (finding_id, decision, note, reviewer, decided_at) VALUES ('f1', 'dismissed', 'x', 'b', '2026-01-02')").run();
    expect(db.prepare('SELECT actor, entity, entity_id AS id, action FROM trail').all()).toEqual([{ actor: 'b', entity: 'finding', id: 'f1', action: 'review' }]);
    db.close();
  });
});
