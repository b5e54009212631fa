import { CHAIN_SPECS, chainTriggers } from './007-integrity';
import type { Migration } from './types';

const trailChain = CHAIN_SPECS.find((c) => c.kind === 'trail');

// Samples of vouchers (issue 13) are recorded in the trail, with their seed and parameters, so
// that anyone can draw them again: the trail's entity list gains 'sample'. SQLite cannot change
// a CHECK in place, so the table is rebuilt (its rows copied as they are, ids kept) and its
// index and triggers made again, as 002 made them (append-only, reviews sent to it) and as 007
// chained it (every entry appended to the hash chain; the rebuilt rows keep their ids, so the
// chain's entries still match them).
export const migration008: Migration = {
  version: 8,
  name: "trail: 'sample' entries (voucher samples)",
  up: `
    DROP TRIGGER reviews_to_trail;
    DROP TRIGGER trail_append_only_update;
    DROP TRIGGER trail_append_only_delete;
    CREATE TABLE trail_008 (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      entity TEXT NOT NULL CHECK (entity IN ('finding', 'lead', 'handoff', 'rectification', 'cadres', 'sample')),
      entity_id TEXT NOT NULL,
      action TEXT NOT NULL,
      before TEXT,
      after TEXT
    );
    INSERT INTO trail_008 (id, at, actor, entity, entity_id, action, before, after)
      SELECT id, at, actor, entity, entity_id, action, before, after FROM trail ORDER BY id;
    DROP TABLE trail;
    ALTER TABLE trail_008 RENAME TO trail;
    CREATE INDEX trail_entity ON trail(entity, entity_id, id);
    CREATE TRIGGER trail_append_only_update BEFORE UPDATE ON trail
      BEGIN SELECT RAISE(ABORT, 'the trail is append-only'); END;
    CREATE TRIGGER trail_append_only_delete BEFORE DELETE ON trail
      BEGIN SELECT RAISE(ABORT, 'the trail is append-only'); END;
    CREATE TRIGGER reviews_to_trail AFTER INSERT ON reviews
      BEGIN
        INSERT INTO trail (at, actor, entity, entity_id, action, before, after)
        VALUES (NEW.decided_at, NEW.reviewer, 'finding', NEW.finding_id, 'review',
          (SELECT json_object('status', status, 'note', note) FROM findings WHERE id = NEW.finding_id),
          json_object('status', NEW.decision, 'note', NEW.note));
      END;
    ${trailChain ? chainTriggers(trailChain) : ''}
  `,
};
