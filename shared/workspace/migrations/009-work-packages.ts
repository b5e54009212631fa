import type { Migration } from './types';
import { CHAIN_SPECS, chainTriggers, refuse, type ChainSpec } from './007-integrity';

// Work packages between laptops (issue 14).
//
// - source_bytes: every imported file's original bytes (gzip), by SHA-256, so a package holds the
//   files themselves and the receiving workspace re-imports them through the importer (same
//   lines, blocks and seals as an import there). Written once, never changed.
// - packages: every package exported or imported (its file's and its content's SHA-256, the group
//   that made it, the villages it covers, final or not, counts). Event table.
// - imported_reviews: the decisions another laptop made, as its package carried them: they stand
//   in the finding's history beside this workspace's own reviews. Event table.
// - conflicts: what a merge found and would not decide (one side confirmed, the other dismissed;
//   a lead or rectification item changed on both sides; a finding already in another lead). A
//   conflict is resolved once, by a person; nothing else of it ever changes.
// - lead_renumbers: an incoming lead whose number was taken here got the next free number of its
//   township and year; the original number is kept here (and in the trail). Event table.
// - sync_ids: which lead, rectification item and handoff here is which elsewhere (a random id
//   given on first export), with the content last exchanged, so a change made on one side only is
//   taken and a change made on both is a conflict.
// - trail: its entity may now be a package or the workspace (export, import, disposal). SQLite
//   cannot widen a CHECK in place: the table is rebuilt with the same rows and ids (the chain names
//   rows by id, so it still matches), its triggers made again.

/** The tables of this version the chain records (their specs never change: the chain was hashed over them). */
export const CHAIN_SPECS_009: readonly ChainSpec[] = [
  { kind: 'package', table: 'packages', cols: ['id', 'direction', 'sha256', 'content_sha256', 'name', 'audit_group', 'final', 'villages', 'summary', 'actor', 'at'], state: false },
  { kind: 'imported_review', table: 'imported_reviews', cols: ['id', 'package_id', 'finding_id', 'decision', 'note', 'reviewer', 'decided_at', 'audit_group'], state: false },
  { kind: 'conflict', table: 'conflicts', cols: ['id', 'package_id', 'kind', 'ref', 'local', 'incoming', 'opened_at', 'resolved_at', 'resolved_by', 'resolution'], state: true },
  { kind: 'lead_renumber', table: 'lead_renumbers', cols: ['id', 'package_id', 'lead_id', 'from_number', 'to_number', 'audit_group', 'at'], state: false },
];

export const PROTECTION_TRIGGERS_009: readonly string[] = [
  'source_bytes_no_update', 'source_bytes_no_delete', 'packages_no_update', 'packages_no_delete', 'imported_reviews_no_update', 'imported_reviews_no_delete',
  'conflicts_no_delete', 'conflicts_resolve_once', 'lead_renumbers_no_update', 'lead_renumbers_no_delete', 'sync_ids_no_delete', 'sync_ids_identity',
  ...CHAIN_SPECS_009.flatMap((s) => [`chain_${s.kind}_insert`, ...(s.state ? [`chain_${s.kind}_update`] : [])]),
];

const TRAIL_SPEC = CHAIN_SPECS.find((s) => s.kind === 'trail') as ChainSpec;

const up = `
  CREATE TABLE source_bytes (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    codec TEXT NOT NULL CHECK (codec IN ('gzip')),
    data BLOB NOT NULL
  );
  ${refuse('source_bytes_no_update', '', 'source_bytes', 'UPDATE', 'a source file never changes')}
  ${refuse('source_bytes_no_delete', '', 'source_bytes', 'DELETE', 'a source file never changes')}

  CREATE TABLE packages (
    id INTEGER PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
    sha256 TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    name TEXT NOT NULL,
    audit_group TEXT NOT NULL,
    final INTEGER NOT NULL,
    villages TEXT NOT NULL,
    summary TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL
  );
  ${refuse('packages_no_update', '', 'packages', 'UPDATE', 'a package record never changes')}
  ${refuse('packages_no_delete', '', 'packages', 'DELETE', 'a package record never changes')}

  CREATE TABLE imported_reviews (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    finding_id TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('pending', 'confirmed', 'dismissed')),
    note TEXT,
    reviewer TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    audit_group TEXT NOT NULL
  );
  CREATE INDEX imported_reviews_finding ON imported_reviews(finding_id, decided_at);
  ${refuse('imported_reviews_no_update', '', 'imported_reviews', 'UPDATE', 'the review trail is append-only')}
  ${refuse('imported_reviews_no_delete', '', 'imported_reviews', 'DELETE', 'the review trail is append-only')}

  CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    kind TEXT NOT NULL CHECK (kind IN ('review', 'lead', 'lead-finding', 'rectification')),
    ref TEXT NOT NULL,
    local TEXT NOT NULL,
    incoming TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT,
    resolution TEXT
  );
  CREATE INDEX conflicts_open ON conflicts(kind, ref, resolved_at);
  ${refuse('conflicts_no_delete', '', 'conflicts', 'DELETE', 'a merge conflict is never deleted')}
  ${refuse('conflicts_resolve_once', `OLD.resolved_at IS NOT NULL OR NEW.resolved_at IS NULL OR NEW.resolved_by IS NULL OR NEW.resolution IS NULL
      OR NEW.id IS NOT OLD.id OR NEW.package_id IS NOT OLD.package_id OR NEW.kind IS NOT OLD.kind OR NEW.ref IS NOT OLD.ref
      OR NEW.local IS NOT OLD.local OR NEW.incoming IS NOT OLD.incoming OR NEW.opened_at IS NOT OLD.opened_at`, 'conflicts', 'UPDATE', 'a merge conflict is resolved once, by a person')}

  CREATE TABLE lead_renumbers (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    lead_id INTEGER NOT NULL REFERENCES leads(id),
    from_number TEXT NOT NULL,
    to_number TEXT NOT NULL,
    audit_group TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX lead_renumbers_lead ON lead_renumbers(lead_id);
  ${refuse('lead_renumbers_no_update', '', 'lead_renumbers', 'UPDATE', 'a renumbering record never changes')}
  ${refuse('lead_renumbers_no_delete', '', 'lead_renumbers', 'DELETE', 'a renumbering record never changes')}

  CREATE TABLE sync_ids (
    kind TEXT NOT NULL CHECK (kind IN ('lead', 'rectification', 'handoff')),
    local_id INTEGER NOT NULL,
    uid TEXT NOT NULL,
    synced_hash TEXT,
    PRIMARY KEY (kind, local_id),
    UNIQUE (kind, uid)
  );
  ${refuse('sync_ids_no_delete', '', 'sync_ids', 'DELETE', 'a shared id is never deleted')}
  ${refuse('sync_ids_identity', 'NEW.kind IS NOT OLD.kind OR NEW.local_id IS NOT OLD.local_id OR NEW.uid IS NOT OLD.uid', 'sync_ids', 'UPDATE', 'a shared id never changes')}

  ${CHAIN_SPECS_009.map(chainTriggers).join('\n')}

  CREATE TABLE trail_009 (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    entity TEXT NOT NULL CHECK (entity IN ('finding', 'lead', 'handoff', 'rectification', 'cadres', 'sample', 'package', 'workspace')),
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT
  );
  INSERT INTO trail_009 (id, at, actor, entity, entity_id, action, before, after) SELECT id, at, actor, entity, entity_id, action, before, after FROM trail ORDER BY id;
  DROP TABLE trail;
  ALTER TABLE trail_009 RENAME TO trail;
  CREATE INDEX trail_entity ON trail(entity, entity_id, id);
  ${refuse('trail_append_only_update', '', 'trail', 'UPDATE', 'the trail is append-only')}
  ${refuse('trail_append_only_delete', '', 'trail', 'DELETE', 'the trail is append-only')}
  ${chainTriggers(TRAIL_SPEC)}
`;

export const migration009: Migration = {
  version: 9,
  name: 'work packages: source bytes, packages, imported reviews, merge conflicts, renumbered leads, shared ids; trail entities package and workspace',
  up: (db) => {
    // The rename must not rewrite the triggers of other tables that name the trail (reviews_to_trail).
    const legacy = db.pragma('legacy_alter_table', { simple: true }) as number;
    db.pragma('legacy_alter_table = ON');
    try {
      db.exec(up);
    } finally {
      db.pragma(`legacy_alter_table = ${legacy ? 'ON' : 'OFF'}`);
    }
  },
};
