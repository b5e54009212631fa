import type { Migration } from './types';

// Source data (source_files, texts, vouchers, line_attrs, ledger_rows, projects) is written once by an import and never
// changed: triggers refuse UPDATE and DELETE on the lines. Findings are derived and replaced by
// each rule run; reviews are the append-only history of decisions, keyed by the finding's
// stable fingerprint so they survive re-runs and re-imports.
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up: `
    CREATE TABLE source_files (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL,
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
    -- A file is its bytes, and for a workbook the sheet read: two sheets of one workbook are two sources.
    CREATE UNIQUE INDEX source_files_identity ON source_files(sha256, COALESCE(sheet, ''));

    -- Ledger text repeats heavily (a few thousand summaries, accounts and places across a
    -- million lines), so each distinct text is stored once and lines hold integer ids: inserts,
    -- indexes and scans stay small, and rules match words against distinct texts only.
    CREATE TABLE texts (
      id INTEGER PRIMARY KEY,
      text TEXT NOT NULL UNIQUE
    );
    INSERT INTO texts (id, text) VALUES (0, '');

    -- One row per voucher per imported file, aggregated during the import: the facts the rules
    -- need most (cash paid out, attachments) without a pass over the lines.
    CREATE TABLE vouchers (
      id INTEGER PRIMARY KEY,
      file_id INTEGER NOT NULL REFERENCES source_files(id),
      township_id INTEGER NOT NULL,
      village_id INTEGER NOT NULL,
      year INTEGER NOT NULL,
      voucher_id INTEGER NOT NULL,
      date TEXT NOT NULL,
      cash_out_fen INTEGER NOT NULL,
      max_attachments INTEGER,
      line_count INTEGER NOT NULL
    );

    -- What a line says besides its amounts: few distinct combinations across a district, so each
    -- is stored once and a line holds its id.
    CREATE TABLE line_attrs (
      id INTEGER PRIMARY KEY,
      summary_id INTEGER NOT NULL,
      account_code_id INTEGER NOT NULL,
      account_name_id INTEGER NOT NULL,
      receipt_type_id INTEGER NOT NULL,
      counterparty_id INTEGER NOT NULL,
      project_id INTEGER NOT NULL,
      handler_id INTEGER NOT NULL,
      approver_id INTEGER NOT NULL,
      -- Cash or bank, under both the 2004 and 2023 charts: codes 101/102 (and sub-accounts) or
      -- the account's name; decided once per account at import (ingest/accounts.ts).
      is_cash INTEGER NOT NULL
    );

    CREATE TABLE ledger_rows (
      id INTEGER PRIMARY KEY,
      -- vouchers.id (and through it the source file): no FOREIGN KEY clause, because a file's
      -- vouchers are written after its lines; LedgerWriter keeps the reference whole.
      voucher_ref INTEGER NOT NULL,
      line_no INTEGER NOT NULL,
      date TEXT NOT NULL,
      attrs_id INTEGER NOT NULL,
      debit_fen INTEGER NOT NULL,
      credit_fen INTEGER NOT NULL,
      attachments INTEGER
    );
    CREATE TRIGGER ledger_rows_no_update BEFORE UPDATE ON ledger_rows
      BEGIN SELECT RAISE(ABORT, 'ledger lines are source data and never change'); END;
    CREATE TRIGGER ledger_rows_no_delete BEFORE DELETE ON ledger_rows
      BEGIN SELECT RAISE(ABORT, 'ledger lines are source data and never change'); END;
    CREATE TRIGGER vouchers_no_update BEFORE UPDATE ON vouchers
      BEGIN SELECT RAISE(ABORT, 'vouchers are source data and never change'); END;
    CREATE TRIGGER vouchers_no_delete BEFORE DELETE ON vouchers
      BEGIN SELECT RAISE(ABORT, 'vouchers are source data and never change'); END;

    -- Every ledger line as text, for reading (details, exports, other modules' queries).
    CREATE VIEW ledger_lines AS
      SELECT r.id, v.file_id, r.line_no, r.voucher_ref, tt.text AS township, tv.text AS village, r.date, v.year,
             tvo.text AS voucher, ts.text AS summary, tac.text AS account_code, tan.text AS account_name,
             r.debit_fen, r.credit_fen, r.attachments, trt.text AS receipt_type, tcp.text AS counterparty,
             tp.text AS project, th.text AS handler, ta.text AS approver, a.is_cash
      FROM ledger_rows r
      JOIN vouchers v ON v.id = r.voucher_ref
      JOIN line_attrs a ON a.id = r.attrs_id
      JOIN texts tt ON tt.id = v.township_id
      JOIN texts tv ON tv.id = v.village_id
      JOIN texts tvo ON tvo.id = v.voucher_id
      JOIN texts ts ON ts.id = a.summary_id
      JOIN texts tac ON tac.id = a.account_code_id
      JOIN texts tan ON tan.id = a.account_name_id
      JOIN texts trt ON trt.id = a.receipt_type_id
      JOIN texts tcp ON tcp.id = a.counterparty_id
      JOIN texts tp ON tp.id = a.project_id
      JOIN texts th ON th.id = a.handler_id
      JOIN texts ta ON ta.id = a.approver_id;

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
