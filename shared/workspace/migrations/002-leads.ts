import type { Migration } from './types';

// Case leads, handoffs, rectification and the trail (issue 5).
// - cadres: the officers' roster, source data like the ledgers (never changed after import).
// - leads: numbered per township and year; lead_counters keeps the last number handed out, so a
//   number is never reused (a merged-away lead keeps its number with status 'merged').
// - lead_versions: every frozen state of a lead (written at handoff); editing a frozen lead
//   raises its version and leaves the old snapshot readable.
// - trail: the append-only log of every decision and edit; triggers refuse UPDATE and DELETE.
//   Reviews reach it through a trigger on the existing reviews table.
export const migration002: Migration = {
  version: 2,
  name: 'case leads, handoffs, rectification, trail',
  up: `
    CREATE TABLE cadre_files (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      path TEXT NOT NULL,
      rows_imported INTEGER NOT NULL,
      imported_at TEXT NOT NULL
    );
    CREATE TABLE cadres (
      id INTEGER PRIMARY KEY,
      file_id INTEGER NOT NULL REFERENCES cadre_files(id),
      line_no INTEGER NOT NULL,
      township TEXT NOT NULL,
      village TEXT NOT NULL,
      name TEXT NOT NULL,
      post TEXT NOT NULL,
      term_start TEXT NOT NULL,
      term_end TEXT
    );
    CREATE INDEX cadres_place ON cadres(township, village);
    CREATE TRIGGER cadres_no_update BEFORE UPDATE ON cadres
      BEGIN SELECT RAISE(ABORT, 'the roster is source data and never changes'); END;
    CREATE TRIGGER cadres_no_delete BEFORE DELETE ON cadres
      BEGIN SELECT RAISE(ABORT, 'the roster is source data and never changes'); END;

    CREATE TABLE lead_counters (
      township TEXT NOT NULL,
      year INTEGER NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (township, year)
    );

    CREATE TABLE leads (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      township TEXT NOT NULL,
      village TEXT NOT NULL,
      year INTEGER NOT NULL,
      rule TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged')),
      version INTEGER NOT NULL DEFAULT 1,
      frozen INTEGER NOT NULL DEFAULT 0,
      -- JSON: [{ name, post, basis }]
      persons TEXT NOT NULL,
      source TEXT NOT NULL,
      received_at TEXT NOT NULL,
      problem TEXT NOT NULL,
      amount_fen INTEGER NOT NULL,
      -- JSON: [{ voucher, date, file, line, sha256 }]
      evidence TEXT NOT NULL,
      disposition TEXT NOT NULL CHECK (disposition IN ('谈话函询', '初步核实', '暂存待查', '予以了结')),
      remarks TEXT NOT NULL DEFAULT '',
      merged_into TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX leads_township ON leads(township, status);

    CREATE TABLE lead_findings (
      lead_id INTEGER NOT NULL REFERENCES leads(id),
      finding_id TEXT NOT NULL UNIQUE
    );
    CREATE INDEX lead_findings_lead ON lead_findings(lead_id);

    CREATE TABLE lead_versions (
      lead_id INTEGER NOT NULL REFERENCES leads(id),
      version INTEGER NOT NULL,
      snapshot TEXT NOT NULL,
      handoff_id INTEGER,
      frozen_at TEXT NOT NULL,
      PRIMARY KEY (lead_id, version)
    );
    CREATE TRIGGER lead_versions_no_update BEFORE UPDATE ON lead_versions
      BEGIN SELECT RAISE(ABORT, 'a frozen lead version never changes'); END;
    CREATE TRIGGER lead_versions_no_delete BEFORE DELETE ON lead_versions
      BEGIN SELECT RAISE(ABORT, 'a frozen lead version never changes'); END;

    CREATE TABLE handoffs (
      id INTEGER PRIMARY KEY,
      township TEXT NOT NULL,
      from_unit TEXT NOT NULL,
      to_unit TEXT NOT NULL,
      handed_by TEXT NOT NULL,
      handed_at TEXT NOT NULL,
      lead_count INTEGER NOT NULL,
      amount_fen INTEGER NOT NULL,
      -- JSON: [{ number, version }]
      leads TEXT NOT NULL,
      -- JSON: [{ kind, path, sha256, size }]
      files TEXT NOT NULL
    );
    CREATE TRIGGER handoffs_no_update BEFORE UPDATE ON handoffs
      BEGIN SELECT RAISE(ABORT, 'a handoff record never changes'); END;
    CREATE TRIGGER handoffs_no_delete BEFORE DELETE ON handoffs
      BEGIN SELECT RAISE(ABORT, 'a handoff record never changes'); END;

    CREATE TABLE rectifications (
      id INTEGER PRIMARY KEY,
      lead_number TEXT,
      finding_id TEXT,
      township TEXT NOT NULL,
      village TEXT NOT NULL,
      description TEXT NOT NULL,
      unit TEXT NOT NULL,
      responsible TEXT NOT NULL,
      measures TEXT NOT NULL,
      due_date TEXT,
      progress TEXT NOT NULL DEFAULT '未启动' CHECK (progress IN ('未启动', '整改中', '已完成')),
      amount_at_issue_fen INTEGER NOT NULL,
      recovered_fen INTEGER NOT NULL DEFAULT 0,
      closed INTEGER NOT NULL DEFAULT 0,
      closed_by TEXT,
      closed_at TEXT,
      close_note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE rectification_evidence (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES rectifications(id),
      name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      stored_path TEXT NOT NULL,
      added_by TEXT NOT NULL,
      added_at TEXT NOT NULL
    );

    CREATE TABLE trail (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      entity TEXT NOT NULL CHECK (entity IN ('finding', 'lead', 'handoff', 'rectification', 'cadres')),
      entity_id TEXT NOT NULL,
      action TEXT NOT NULL,
      before TEXT,
      after TEXT
    );
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
  `,
};
