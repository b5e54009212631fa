// Findings are derived data: each run replaces them, but a finding keeps its id (fingerprint),
// and with it its review status, as long as the same problem is found again.
import { createHash } from 'node:crypto';
import type { Finding, FindingQuery, FindingPage, FindingStatus, ReviewEvent, RuleNotice, SourceRef } from '../contract';
import { fenToDecimalString } from '../format/money';
import { hasTable, oneRow, writeTx, type Db } from './db';

/** A finding as a rule reports it and this store keeps it (fingerprinted by rule and key). */
export interface NewFinding {
  township: string;
  village: string;
  date: string;
  vouchers: string[];
  project: string | null;
  amountFen: number;
  reason: string;
  reasonEn: string;
  lineIds: number[];
  sources: SourceRef[];
  /** What identifies this problem across re-runs and re-imports (not the amount, not file ids). */
  key: string;
  details?: unknown;
}

export function fingerprint(rule: string, key: string): string {
  return createHash('sha256').update(`${rule}\n${key}`).digest('hex').slice(0, 20);
}

/**
 * A run's findings written rule by rule (so only one rule's findings are in memory at a time):
 * the run opened (rule_runs), every finding marked inactive and the notices cleared first, then
 * each rule's upserted, then `finish` closes the run. Call inside a write transaction (runRules does).
 */
export function beginRun(db: Db, now: string): { add(rule: string, findings: readonly NewFinding[], notices: readonly RuleNotice[]): void; finish(): void } {
  const upsert = db.prepare(`INSERT INTO findings (id, rule, township, village, date, vouchers, project, amount_fen, reason, reason_en, line_ids, sources, details, active, first_seen, last_seen)
    VALUES (@id, @rule, @township, @village, @date, @vouchers, @project, @amountFen, @reason, @reasonEn, @lineIds, @sources, @details, 1, @now, @now)
    ON CONFLICT(id) DO UPDATE SET township = excluded.township, village = excluded.village, date = excluded.date, vouchers = excluded.vouchers,
      project = excluded.project, amount_fen = excluded.amount_fen, reason = excluded.reason, reason_en = excluded.reason_en,
      line_ids = excluded.line_ids, sources = excluded.sources, details = excluded.details, active = 1, last_seen = excluded.last_seen`);
  const notice = db.prepare('INSERT INTO rule_notices (rule, file_id, message, message_en) VALUES (?, NULL, ?, ?)');
  // The run is open while it writes: only then may findings be inserted or their derived columns change (migration 007).
  const run = Number(db.prepare('INSERT INTO rule_runs (started_at) VALUES (?)').run(now).lastInsertRowid);
  db.exec('UPDATE findings SET active = 0 WHERE active = 1');
  db.exec('DELETE FROM rule_notices');
  return {
    add(rule, findings, notices) {
      for (const f of findings) {
        upsert.run({
          id: fingerprint(rule, f.key), rule, township: f.township, village: f.village, date: f.date,
          vouchers: JSON.stringify(f.vouchers), project: f.project, amountFen: f.amountFen, reason: f.reason, reasonEn: f.reasonEn,
          lineIds: JSON.stringify(f.lineIds), sources: JSON.stringify(f.sources), details: f.details === undefined ? null : JSON.stringify(f.details), now,
        });
      }
      for (const n of notices) notice.run(rule, n.message, n.messageEn);
    },
    finish() {
      db.prepare('UPDATE rule_runs SET finished_at = ?, findings = (SELECT COUNT(*) FROM findings WHERE active = 1), amount_fen = (SELECT COALESCE(SUM(amount_fen), 0) FROM findings WHERE active = 1) WHERE id = ?')
        .run(now, run);
    },
  };
}

interface FindingRow {
  id: string; rule: string; township: string; village: string; date: string; vouchers: string; project: string | null;
  amount_fen: number; reason: string; reason_en: string; sources: string; status: FindingStatus; note: string | null;
  reviewer: string | null; decided_at: string | null; line_ids: string; details: string | null;
}

/** The columns a Finding is made of (line ids and details are read only for one finding's page). */
const FINDING_COLUMNS = 'id, rule, township, village, date, vouchers, project, amount_fen, reason, reason_en, sources, status, note, reviewer, decided_at';

/**
 * Every source line names its file and hash: a finding over hundreds of lines repeats them
 * hundreds of times, and a page of findings thousands. One string per distinct value keeps a
 * 1M-line workspace's findings inside the engine worker's heap.
 */
type Interner = Map<string, string>;
function interned(pool: Interner, s: string): string {
  const known = pool.get(s);
  if (known !== undefined) return known;
  pool.set(s, s);
  return s;
}

export function toFinding(r: Omit<FindingRow, 'line_ids' | 'details'>, pool: Interner = new Map()): Finding {
  const sources = JSON.parse(r.sources) as SourceRef[];
  for (const s of sources) {
    s.file = interned(pool, s.file);
    s.sha256 = interned(pool, s.sha256);
  }
  return {
    id: r.id, rule: r.rule, township: r.township, village: r.village, date: r.date, vouchers: JSON.parse(r.vouchers) as string[],
    project: r.project, amount: fenToDecimalString(r.amount_fen), amountFen: r.amount_fen, reason: r.reason, reasonEn: r.reason_en,
    sources, status: r.status, note: r.note, reviewer: r.reviewer, decidedAt: r.decided_at,
  };
}

const SORT_COLUMNS: Record<NonNullable<FindingQuery['sort']>['by'], string> = {
  date: 'date', amount: 'amount_fen', rule: 'rule', township: 'township', village: 'village', status: 'status',
};

function whereOf(q: FindingQuery): { sql: string; params: unknown[] } {
  const parts = ['active = 1'];
  const params: unknown[] = [];
  const inList = (col: string, values?: string[]): void => {
    if (values && values.length > 0) {
      parts.push(`${col} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
  };
  inList('rule', q.rule);
  inList('township', q.township);
  inList('village', q.village);
  inList('status', q.status);
  if (q.dateFrom) { parts.push('date >= ?'); params.push(q.dateFrom); }
  if (q.dateTo) { parts.push('date <= ?'); params.push(q.dateTo); }
  if (q.month) { parts.push('substr(date, 1, 7) = ?'); params.push(q.month); }
  if (q.amountMinFen !== undefined) { parts.push('amount_fen >= ?'); params.push(q.amountMinFen); }
  if (q.amountMaxFen !== undefined) { parts.push('amount_fen <= ?'); params.push(q.amountMaxFen); }
  if (q.text) {
    parts.push("(instr(reason, ?) > 0 OR instr(vouchers, ?) > 0 OR instr(village, ?) > 0 OR instr(township, ?) > 0 OR instr(COALESCE(project, ''), ?) > 0 OR instr(COALESCE(note, ''), ?) > 0)");
    params.push(q.text, q.text, q.text, q.text, q.text, q.text);
  }
  return { sql: parts.join(' AND '), params };
}

export function queryFindings(db: Db, q: FindingQuery): FindingPage {
  const w = whereOf(q);
  const agg = oneRow(db.prepare<unknown[], { n: number; s: number }>(`SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS s FROM findings WHERE ${w.sql}`).get(...w.params));
  const by = SORT_COLUMNS[q.sort?.by ?? 'date'];
  const dir = q.sort?.dir === 'desc' ? 'DESC' : 'ASC';
  const rows = db.prepare<unknown[], Omit<FindingRow, 'line_ids' | 'details'>>(`SELECT ${FINDING_COLUMNS} FROM findings WHERE ${w.sql} ORDER BY ${by} ${dir}, township, village, date, id LIMIT ? OFFSET ?`)
    .iterate(...w.params, q.limit ?? 1000, q.offset ?? 0);
  // Row by row: each row's JSON text can be collected once its finding is made.
  const pool: Interner = new Map();
  const out: Finding[] = [];
  for (const r of rows) out.push(toFinding(r, pool));
  return { total: agg.n, totalAmountFen: agg.s, rows: out };
}

export function getFindingRow(db: Db, id: string): (Finding & { lineIds: number[]; details: unknown }) | null {
  const r = db.prepare<[string], FindingRow>('SELECT * FROM findings WHERE id = ?').get(id);
  if (!r) return null;
  return { ...toFinding(r), lineIds: JSON.parse(r.line_ids) as number[], details: r.details ? JSON.parse(r.details) : null };
}

/** Appends to the trail and sets the current status, in one transaction. Returns how many changed. */
export function reviewFindings(db: Db, ids: string[], decision: FindingStatus, reviewer: string, note: string | null, now: string): number {
  const exists = db.prepare('SELECT 1 FROM findings WHERE id = ?');
  const log = db.prepare('INSERT INTO reviews (finding_id, decision, note, reviewer, decided_at) VALUES (?, ?, ?, ?, ?)');
  const set = db.prepare('UPDATE findings SET status = ?, note = ?, reviewer = ?, decided_at = ? WHERE id = ?');
  let n = 0;
  writeTx(db, () => {
    for (const id of ids) {
      if (!exists.get(id)) continue;
      log.run(id, decision, note, reviewer, now);
      set.run(decision, note, reviewer, now, id);
      n++;
    }
  });
  return n;
}

/**
 * A finding's decisions: this workspace's reviews and those merged from other groups' work
 * packages (migration 009), in time order; a decision both hold (taken from a package) is shown once.
 */
export function reviewHistory(db: Db, id: string): ReviewEvent[] {
  const own = db.prepare<[string], ReviewEvent>('SELECT decision, note, reviewer, decided_at AS at FROM reviews WHERE finding_id = ? ORDER BY id').all(id);
  if (!hasTable(db, 'imported_reviews')) return own;
  const merged = db.prepare<[string], ReviewEvent & { group: string }>('SELECT decision, note, reviewer, decided_at AS at, audit_group AS "group" FROM imported_reviews WHERE finding_id = ? ORDER BY id').all(id);
  const key = (e: ReviewEvent): string => JSON.stringify([e.decision, e.note, e.reviewer, e.at]);
  const groupOf = new Map(merged.map((e) => [key(e), e.group]));
  const seen = new Set(own.map(key));
  const all = [...own.map((e) => (groupOf.has(key(e)) ? { ...e, group: groupOf.get(key(e)) as string } : e)), ...merged.filter((e) => !seen.has(key(e)))];
  // Stable: decisions at the same moment keep the order they were recorded in.
  return all.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i).map((x) => x.e);
}

/** What a summary of findings needs of each active finding a query selects: place, date, rule, amount and lines. */
export function findingFacts(db: Db, q: FindingQuery): { rule: string; township: string; village: string; date: string; amountFen: number; lineIds: number[] }[] {
  const w = whereOf(q);
  return db.prepare<unknown[], { rule: string; township: string; village: string; date: string; amountFen: number; lineIds: string }>(
    `SELECT rule, township, village, date, amount_fen AS amountFen, line_ids AS lineIds FROM findings WHERE ${w.sql} ORDER BY id`).all(...w.params)
    .map((r) => ({ ...r, lineIds: JSON.parse(r.lineIds) as number[] }));
}
