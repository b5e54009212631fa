import type { Migration } from './types';

// Source data (source_files, ledger_lines, projects) is written once by an import and never
// changed: triggers refuse UPDATE and DELETE on the lines. Findings are derived and replaced by
// each rule run; reviews are the append-only history of decisions, keyed by the finding's
// stable fingerprint so they survive re-runs and re-imports.
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up: `
    CREATE TABLE source_files (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      path TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('ledger', 'projects')),
      format TEXT NOT NULL,
      encoding TEXT,
      sheet TEXT,
      size INTEGER NOT NULL,
      line_count INTEGER NOT NULL,
      rows_imported INTEGER NOT NULL,
      rows_skipped INTEGER NOT NULL,
      has_attachments INTEGER NOT NULL,
      options TEXT NOT NULL,
      imported_at TEXT NOT NULL
    );

    CREATE TABLE ledger_lines (
      id INTEGER PRIMARY KEY,
      file_id INTEGER NOT NULL REFERENCES source_files(id),
      line_no INTEGER NOT NULL,
      township TEXT NOT NULL,
      village TEXT NOT NULL,
      date TEXT NOT NULL,
      year INTEGER NOT NULL,
      voucher TEXT NOT NULL,
      summary TEXT NOT NULL,
      account_code TEXT NOT NULL,
      account_name TEXT NOT NULL,
      debit_fen INTEGER NOT NULL,
      credit_fen INTEGER NOT NULL,
      attachments INTEGER,
      receipt_type TEXT NOT NULL,
      counterparty TEXT NOT NULL,
      project TEXT NOT NULL,
      handler TEXT NOT NULL,
      approver TEXT NOT NULL,
      -- Cash or bank, under both the 2004 and 2023 charts: codes 101/102 (and their
      -- sub-accounts) or the account's name. Other codes changed meaning in 2023.
      is_cash INTEGER GENERATED ALWAYS AS (
        substr(account_code, 1, 3) IN ('101', '102')
        OR instr(account_name, '现金') > 0 OR instr(account_name, '银行存款') > 0
      ) VIRTUAL
    );
    CREATE TRIGGER ledger_lines_no_update BEFORE UPDATE ON ledger_lines
      BEGIN SELECT RAISE(ABORT, 'ledger lines are source data and never change'); END;
    CREATE TRIGGER ledger_lines_no_delete BEFORE DELETE ON ledger_lines
      BEGIN SELECT RAISE(ABORT, 'ledger lines are source data and never change'); END;

    CREATE TABLE projects (
      id INTEGER PRIMARY KEY,
      file_id INTEGER NOT NULL REFERENCES source_files(id),
      line_no INTEGER NOT NULL,
      code TEXT NOT NULL,
      township TEXT NOT NULL,
      village TEXT NOT NULL,
      name TEXT NOT NULL,
      contractor TEXT NOT NULL,
      contract_fen INTEGER NOT NULL,
      contract_qty TEXT NOT NULL,
      unit TEXT NOT NULL,
      accepted_qty TEXT NOT NULL,
      measured_qty TEXT,
      accepted_date TEXT
    );
    CREATE INDEX projects_code ON projects(code);
    CREATE TRIGGER projects_no_update BEFORE UPDATE ON projects
      BEGIN SELECT RAISE(ABORT, 'projects are source data and never change'); END;
    CREATE TRIGGER projects_no_delete BEFORE DELETE ON projects
      BEGIN SELECT RAISE(ABORT, 'projects are source data and never change'); END;

    CREATE TABLE findings (
      id TEXT PRIMARY KEY,
      rule TEXT NOT NULL,
      township TEXT NOT NULL,
      village TEXT NOT NULL,
      date TEXT NOT NULL,
      vouchers TEXT NOT NULL,
      project TEXT,
      amount_fen INTEGER NOT NULL,
      reason TEXT NOT NULL,
      reason_en TEXT NOT NULL,
      line_ids TEXT NOT NULL,
      sources TEXT NOT NULL,
      details TEXT,
      active INTEGER NOT NULL DEFAULT 1,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'dismissed')),
      note TEXT,
      reviewer TEXT,
      decided_at TEXT,
      first_seen TEXT NOT NULL,
      last_seen TEXT NOT NULL
    );
    CREATE INDEX findings_rule ON findings(active, rule);
    CREATE INDEX findings_place ON findings(active, township, village);

    CREATE TABLE reviews (
      id INTEGER PRIMARY KEY,
      finding_id TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('pending', 'confirmed', 'dismissed')),
      note TEXT,
      reviewer TEXT NOT NULL,
      decided_at TEXT NOT NULL
    );
    CREATE INDEX reviews_finding ON reviews(finding_id, id);
    CREATE TRIGGER reviews_append_only_update BEFORE UPDATE ON reviews
      BEGIN SELECT RAISE(ABORT, 'the review trail is append-only'); END;
    CREATE TRIGGER reviews_append_only_delete BEFORE DELETE ON reviews
      BEGIN SELECT RAISE(ABORT, 'the review trail is append-only'); END;

    CREATE TABLE rule_notices (
      rule TEXT NOT NULL,
      file_id INTEGER,
      message TEXT NOT NULL,
      message_en TEXT NOT NULL
    );

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
