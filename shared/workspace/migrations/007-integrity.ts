import type { Db } from '../db';
import { sealSourceFile } from '../source-content';
import type { Migration } from './types';

// Tamper evidence and the append-only rules of issue 12.
//
// The chain: one table, `chain`, with an entry for every row written to the tables below, in the
// order written. An entry carries the row's content as it was written (canonical JSON, made by
// SQLite's json_object over the columns listed here), the SHA-256 of that content, the hash of the
// previous entry, and its own hash = sha256(prev_hash|seq|kind|ref|op|content_hash). Triggers
// append the entries (AFTER INSERT, and AFTER UPDATE for the tables whose rows change state), so
// no code path can forget one. `verify` walks the chain (links, hashes), compares each entry with
// the row it names (changed, deleted), looks for rows no entry names (added behind the app's
// back) and recomputes every source file's content hash (source_seals).
//
// Event tables (written once): reviews, trail, handoffs, lead_versions, rectification_evidence,
// cadre_files, cadres, source_seals. State tables (rows change through the engine's documented
// transitions, each change chained; the last entry of a row must equal the row): leads,
// lead_findings, rectifications, rule_runs.
//
// Append-only protection (triggers that refuse anything but the engine's state changes):
// - findings stay derived and re-runnable: a rule run is a `rule_runs` row open while it writes;
//   findings are inserted and their derived columns (amounts, reasons, lines, active, last_seen)
//   change only while a run is open; id, rule and first_seen never change; status, note,
//   reviewer and decided_at only ever equal the finding's latest review (reviews are chained);
//   nothing is deleted.
// - leads: number, place, problem type (rule) and created_at never change; a merged lead never
//   changes; a handed-over (frozen) lead changes only by becoming the next version; it is frozen
//   only with that version stored in lead_versions; nothing is deleted. Links to findings move
//   between open leads of one place (merge, split), never disappear.
// - rectifications: a closed (销号) item never changes; closing needs who, when and evidence or
//   a note; place, origin and amount at issue never change; nothing is deleted.
// - rule_runs, source_seals, rectification_evidence, cadre_files, chain: never changed or deleted
//   (a rule run only ever gets its finish time).

/** A table whose rows the chain records; `cols` make its canonical content (never change them: the chain was hashed over them). */
export interface ChainSpec {
  kind: string;
  table: string;
  cols: readonly string[];
  /** Rows change state: every update is chained too, and the row must equal its last entry. */
  state: boolean;
}

export const CHAIN_SPECS: readonly ChainSpec[] = [
  { kind: 'source', table: 'source_seals', cols: ['file_id', 'sha256', 'name', 'sheet', 'kind', 'row_count', 'content_sha256', 'money_fen', 'sealed_at'], state: false },
  { kind: 'cadre_file', table: 'cadre_files', cols: ['id', 'sha256', 'name', 'path', 'rows_imported', 'imported_at'], state: false },
  { kind: 'cadre', table: 'cadres', cols: ['id', 'file_id', 'line_no', 'township', 'village', 'name', 'post', 'term_start', 'term_end'], state: false },
  { kind: 'rule_run', table: 'rule_runs', cols: ['id', 'started_at', 'finished_at', 'findings', 'amount_fen'], state: true },
  { kind: 'review', table: 'reviews', cols: ['id', 'finding_id', 'decision', 'note', 'reviewer', 'decided_at'], state: false },
  { kind: 'trail', table: 'trail', cols: ['id', 'at', 'actor', 'entity', 'entity_id', 'action', 'before', 'after'], state: false },
  {
    kind: 'lead', table: 'leads', state: true,
    cols: ['id', 'number', 'township', 'village', 'year', 'rule', 'status', 'version', 'frozen', 'persons', 'source', 'received_at', 'problem', 'amount_fen',
      'evidence', 'disposition', 'remarks', 'merged_into', 'correction', 'created_at', 'updated_at'],
  },
  { kind: 'lead_finding', table: 'lead_findings', cols: ['lead_id', 'finding_id'], state: true },
  { kind: 'lead_version', table: 'lead_versions', cols: ['lead_id', 'version', 'snapshot', 'handoff_id', 'frozen_at'], state: false },
  { kind: 'handoff', table: 'handoffs', cols: ['id', 'township', 'from_unit', 'to_unit', 'handed_by', 'handed_at', 'lead_count', 'amount_fen', 'leads', 'files'], state: false },
  {
    kind: 'rectification', table: 'rectifications', state: true,
    cols: ['id', 'lead_number', 'finding_id', 'township', 'village', 'description', 'unit', 'responsible', 'measures', 'due_date', 'progress',
      'amount_at_issue_fen', 'recovered_fen', 'closed', 'closed_by', 'closed_at', 'close_note', 'created_at', 'updated_at'],
  },
  { kind: 'rect_evidence', table: 'rectification_evidence', cols: ['id', 'item_id', 'name', 'sha256', 'size', 'stored_path', 'added_by', 'added_at'], state: false },
];

/** The hash of the entry before the first. */
export const CHAIN_GENESIS = '0'.repeat(64);

/** A row's canonical content, as SQL over `alias` (NEW in a trigger, the table's name elsewhere). */
export function contentSql(spec: ChainSpec, alias: string): string {
  // `|| ''` drops a text's JSON subtype (a value made by json_object in another trigger), so the
  // content is the same whether taken from NEW or read back from the table.
  return `json_object(${spec.cols.map((c) => `'${c}', CASE WHEN typeof(${alias}.${c}) = 'text' THEN ${alias}.${c} || '' ELSE ${alias}.${c} END`).join(', ')})`;
}

/** An INSERT of the chain entry for one row: NEW in a trigger, or the table's row `rowid = ?` (from = the table). */
export function appendSql(spec: ChainSpec, op: 'insert' | 'update', from?: string): string {
  const row = from
    ? `SELECT ${from}.rowid AS rowid, ${contentSql(spec, from)} AS content FROM ${from} WHERE ${from}.rowid = ?`
    : `SELECT NEW.rowid AS rowid, ${contentSql(spec, 'NEW')} AS content`;
  return `INSERT INTO chain (seq, kind, ref, op, content, content_hash, prev_hash, hash)
    SELECT p.seq, '${spec.kind}', x.rowid, '${op}', x.content, va_sha256(x.content), p.prev,
      va_sha256(p.prev || '|' || p.seq || '|${spec.kind}|' || x.rowid || '|${op}|' || va_sha256(x.content))
    FROM (${row}) x,
      (SELECT COALESCE((SELECT MAX(seq) FROM chain), 0) + 1 AS seq, COALESCE((SELECT hash FROM chain ORDER BY seq DESC LIMIT 1), '${CHAIN_GENESIS}') AS prev) p`;
}

export function chainTriggers(spec: ChainSpec): string {
  const ins = `CREATE TRIGGER chain_${spec.kind}_insert AFTER INSERT ON ${spec.table} BEGIN ${appendSql(spec, 'insert')}; END;`;
  const upd = spec.state ? `CREATE TRIGGER chain_${spec.kind}_update AFTER UPDATE ON ${spec.table} BEGIN ${appendSql(spec, 'update')}; END;` : '';
  return `${ins}\n${upd}`;
}

export const refuse = (name: string, when: string, table: string, what: string, message: string): string =>
  `CREATE TRIGGER ${name} BEFORE ${what} ON ${table}${when ? ` WHEN ${when}` : ''} BEGIN SELECT RAISE(ABORT, '${message}'); END;`;

const changed = (cols: string[]): string => cols.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');

const FINDING_DERIVED = ['township', 'village', 'date', 'vouchers', 'project', 'amount_fen', 'reason', 'reason_en', 'line_ids', 'sources', 'details', 'active', 'last_seen'];
const LEAD_CONTENT = ['persons', 'source', 'received_at', 'problem', 'amount_fen', 'evidence', 'disposition', 'remarks', 'year', 'correction'];
const RUN_OPEN = 'EXISTS (SELECT 1 FROM rule_runs WHERE finished_at IS NULL)';

/** Triggers that must be there for the workspace to be protected (verify reports any missing). */
export const PROTECTION_TRIGGERS: readonly string[] = [
  'line_blocks_no_update', 'line_blocks_no_delete', 'voucher_blocks_no_update', 'voucher_blocks_no_delete',
  'texts_no_update', 'texts_no_delete', 'line_attrs_no_update', 'line_attrs_no_delete', 'projects_no_update', 'projects_no_delete', 'cadres_no_update', 'cadres_no_delete',
  'reviews_append_only_update', 'reviews_append_only_delete', 'trail_append_only_update', 'trail_append_only_delete',
  'lead_versions_no_update', 'lead_versions_no_delete', 'handoffs_no_update', 'handoffs_no_delete',
  'findings_no_delete', 'findings_identity', 'findings_review_state', 'findings_derived_in_run', 'findings_insert_in_run',
  'leads_no_delete', 'leads_identity', 'leads_merged_frozen', 'leads_version_step', 'leads_frozen_content', 'leads_freeze_needs_version',
  'lead_findings_no_delete', 'lead_findings_move',
  'rectifications_no_delete', 'rectifications_closed', 'rectifications_identity', 'rectifications_close_needs_basis',
  'rectification_evidence_no_update', 'rectification_evidence_no_delete', 'cadre_files_no_update', 'cadre_files_no_delete',
  'source_files_sealed', 'source_files_no_delete', 'source_seals_no_update', 'source_seals_no_delete',
  'rule_runs_no_delete', 'rule_runs_finish_once', 'chain_no_update', 'chain_no_delete',
  ...CHAIN_SPECS.flatMap((s) => [`chain_${s.kind}_insert`, ...(s.state ? [`chain_${s.kind}_update`] : [])]),
];

const up = `
  CREATE TABLE chain (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref INTEGER NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update')),
    content TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX chain_ref ON chain(kind, ref, seq);
  ${refuse('chain_no_update', '', 'chain', 'UPDATE', 'the chain is append-only')}
  ${refuse('chain_no_delete', '', 'chain', 'DELETE', 'the chain is append-only')}

  -- The texts and attribute tuples the ledger blocks point to are written once, like the blocks (005).
  ${refuse('texts_no_update', '', 'texts', 'UPDATE', 'imported texts never change')}
  ${refuse('texts_no_delete', '', 'texts', 'DELETE', 'imported texts never change')}
  ${refuse('line_attrs_no_update', '', 'line_attrs', 'UPDATE', 'imported line attributes never change')}
  ${refuse('line_attrs_no_delete', '', 'line_attrs', 'DELETE', 'imported line attributes never change')}

  -- Each source file's content as imported (sourceContentHash) and its amounts, sealed once.
  CREATE TABLE source_seals (
    file_id INTEGER PRIMARY KEY REFERENCES source_files(id),
    sha256 TEXT NOT NULL,
    name TEXT NOT NULL,
    sheet TEXT,
    kind TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    content_sha256 TEXT NOT NULL,
    -- The sum of every amount's absolute value (fen), as decimal text: what bounds every sum of money.
    money_fen TEXT NOT NULL,
    sealed_at TEXT NOT NULL
  );
  ${refuse('source_seals_no_update', '', 'source_seals', 'UPDATE', 'a source seal never changes')}
  ${refuse('source_seals_no_delete', '', 'source_seals', 'DELETE', 'a source seal never changes')}
  ${refuse('source_files_sealed', "OLD.format <> ''", 'source_files', 'UPDATE', 'an imported source file never changes')}
  ${refuse('source_files_no_delete', "OLD.format <> ''", 'source_files', 'DELETE', 'an imported source file never changes')}
  ${refuse('cadre_files_no_update', '', 'cadre_files', 'UPDATE', 'the roster is source data and never changes')}
  ${refuse('cadre_files_no_delete', '', 'cadre_files', 'DELETE', 'the roster is source data and never changes')}

  CREATE TABLE rule_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    findings INTEGER,
    amount_fen INTEGER
  );
  ${refuse('rule_runs_no_delete', '', 'rule_runs', 'DELETE', 'a rule run is never deleted')}
  ${refuse('rule_runs_finish_once', `OLD.finished_at IS NOT NULL OR ${changed(['id', 'started_at'])}`, 'rule_runs', 'UPDATE', 'a finished rule run never changes')}

  ${refuse('findings_no_delete', '', 'findings', 'DELETE', 'findings are never deleted: a rule run marks them inactive')}
  ${refuse('findings_identity', changed(['id', 'rule', 'first_seen']), 'findings', 'UPDATE', 'a finding keeps its id, rule and first sighting')}
  ${refuse('findings_review_state', '(NEW.status, NEW.note, NEW.reviewer, NEW.decided_at) IS NOT (SELECT decision, note, reviewer, decided_at FROM reviews WHERE finding_id = NEW.id ORDER BY id DESC LIMIT 1)',
    'findings', 'UPDATE OF status, note, reviewer, decided_at', 'a finding is decided only by a review')}
  ${refuse('findings_derived_in_run', `NOT ${RUN_OPEN} AND (${changed(FINDING_DERIVED)})`, 'findings', 'UPDATE', 'findings change only in a rule run')}
  ${refuse('findings_insert_in_run', `NOT ${RUN_OPEN}`, 'findings', 'INSERT', 'findings are made only by a rule run')}

  ALTER TABLE leads ADD COLUMN correction TEXT;
  ${refuse('leads_no_delete', '', 'leads', 'DELETE', 'a lead is never deleted')}
  ${refuse('leads_identity', changed(['id', 'number', 'township', 'village', 'rule', 'created_at']), 'leads', 'UPDATE', 'a lead keeps its number, place and problem type')}
  ${refuse('leads_merged_frozen', "OLD.status = 'merged'", 'leads', 'UPDATE', 'a merged lead never changes')}
  ${refuse('leads_version_step', 'NEW.version < OLD.version OR NEW.version > OLD.version + 1 OR (NEW.version = OLD.version + 1 AND (OLD.frozen = 0 OR NEW.frozen = 1))', 'leads', 'UPDATE', 'a lead version follows the last handed over')}
  ${refuse('leads_frozen_content', `OLD.frozen = 1 AND NEW.version = OLD.version AND (${changed(LEAD_CONTENT)})`, 'leads', 'UPDATE', 'a handed-over lead changes only as a new version')}
  ${refuse('leads_freeze_needs_version', 'NEW.frozen = 1 AND OLD.frozen = 0 AND NOT EXISTS (SELECT 1 FROM lead_versions WHERE lead_id = NEW.id AND version = NEW.version)', 'leads', 'UPDATE', 'a lead is frozen only with its version stored')}
  ${refuse('lead_findings_no_delete', '', 'lead_findings', 'DELETE', 'a finding never leaves the leads')}
  ${refuse('lead_findings_move', `NEW.finding_id IS NOT OLD.finding_id OR NOT EXISTS (SELECT 1 FROM leads n JOIN leads o ON o.id = OLD.lead_id
      WHERE n.id = NEW.lead_id AND n.status = 'open' AND n.township = o.township AND n.village = o.village)`, 'lead_findings', 'UPDATE', 'a finding moves only between open leads of one village')}

  ${refuse('rectifications_no_delete', '', 'rectifications', 'DELETE', 'a rectification item is never deleted')}
  ${refuse('rectifications_closed', 'OLD.closed = 1', 'rectifications', 'UPDATE', 'a closed rectification item never changes')}
  ${refuse('rectifications_identity', changed(['id', 'lead_number', 'finding_id', 'township', 'village', 'amount_at_issue_fen', 'created_at']), 'rectifications', 'UPDATE', 'a rectification item keeps its origin, place and amount at issue')}
  ${refuse('rectifications_close_needs_basis', "NEW.closed = 1 AND (NEW.closed_by IS NULL OR NEW.closed_at IS NULL OR (COALESCE(NEW.close_note, '') = '' AND NOT EXISTS (SELECT 1 FROM rectification_evidence WHERE item_id = NEW.id)))",
    'rectifications', 'UPDATE', 'closing an item needs who, when and evidence or a note')}
  ${refuse('rectification_evidence_no_update', '', 'rectification_evidence', 'UPDATE', 'rectification evidence never changes')}
  ${refuse('rectification_evidence_no_delete', '', 'rectification_evidence', 'DELETE', 'rectification evidence never changes')}

  ${CHAIN_SPECS.map(chainTriggers).join('\n')}
`;

/** Chains what the workspace held before this version (in the order of the specs, each table by rowid) and seals its source files. */
function sealExisting(db: Db): void {
  for (const spec of CHAIN_SPECS) {
    if (spec.kind === 'source') continue;
    const ids = db.prepare<[], number>(`SELECT rowid FROM ${spec.table} ORDER BY rowid`).pluck().all();
    const add = db.prepare(appendSql(spec, 'insert', spec.table));
    for (const id of ids) add.run(id);
  }
  const files = db.prepare<[], number>("SELECT id FROM source_files WHERE format <> '' ORDER BY id").pluck().all();
  for (const id of files) sealSourceFile(db, id, new Date().toISOString());
}

export const migration007: Migration = {
  version: 7,
  name: 'tamper evidence: hash chain, source seals, append-only leads, findings and rectification',
  up,
  then: sealExisting,
};
