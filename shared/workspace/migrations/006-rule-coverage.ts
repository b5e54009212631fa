import type { Migration } from './types';

// What the rules need to say what they could check (issue 11):
// - source_files.fields: the ledger fields a table's header mapped (JSON array of field ids), so
//   a rule tells a column the file lacks from one that is empty on every line. NULL for tables
//   imported before this (the rules then look at the values).
// - rule_coverage: per rule and village, whether the last run could check it (ran, partial,
//   not-run for lack of data, off when switched off) and why; derived, replaced by each run.
// - village_stats: per village, what its books hold (lines, vouchers, payments, money paid out,
//   first and last date): the risk ranking weighs findings against the village's spending.
//   Derived, replaced by each run.
export const migration006: Migration = {
  version: 6,
  name: 'mapped fields per source, rule coverage and village totals of the last run',
  up: `
    ALTER TABLE source_files ADD COLUMN fields TEXT;

    CREATE TABLE rule_coverage (
      rule TEXT NOT NULL,
      township TEXT NOT NULL,
      village TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('ran', 'partial', 'not-run', 'off')),
      why TEXT NOT NULL DEFAULT '',
      why_en TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (rule, township, village)
    ) WITHOUT ROWID;

    CREATE TABLE village_stats (
      township TEXT NOT NULL,
      village TEXT NOT NULL,
      lines INTEGER NOT NULL,
      vouchers INTEGER NOT NULL,
      payments INTEGER NOT NULL,
      spending_fen INTEGER NOT NULL,
      first_date TEXT NOT NULL,
      last_date TEXT NOT NULL,
      PRIMARY KEY (township, village)
    ) WITHOUT ROWID;
  `,
};
