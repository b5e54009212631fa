// The append-only trail: who did what, when, with the state before and after. SQLite triggers
// (migration 002) refuse UPDATE and DELETE on it; reviews reach it through a trigger on reviews.
import type { TrailEntry } from '../contract';
import type { Db } from '../workspace/db';

export function appendTrail(db: Db, e: { at: string; actor: string; entity: TrailEntry['entity']; entityId: string; action: string; before?: unknown; after?: unknown }): void {
  db.prepare('INSERT INTO trail (at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(e.at, e.actor, e.entity, e.entityId, e.action, e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after));
}

export function listTrail(db: Db, q: { entity?: TrailEntry['entity']; entityId?: string; limit?: number } = {}): TrailEntry[] {
  const rows = db.prepare<{ entity: string | null; entityId: string | null; limit: number }, Omit<TrailEntry, 'before' | 'after'> & { before: string | null; after: string | null }>(
    `SELECT id, at, actor, entity, entity_id AS entityId, action, before, after FROM trail
    WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId) ORDER BY id LIMIT @limit`)
    .all({ entity: q.entity ?? null, entityId: q.entityId ?? null, limit: q.limit ?? 10_000 });
  return rows.map((r) => ({ ...r, before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after) }));
}
