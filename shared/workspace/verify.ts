// `verify`: the workspace checked against its own hash chain (migration 007) and its source seals.
// Every break names the entry (table, row, chain number) and what changed, field by field.
import { createHash } from 'node:crypto';
import type { Texts, VerifyBreak, VerifyReport } from '../contract';
import { bi, type MessageKey } from '../i18n/messages';
import type { Db } from './db';
import { CHAIN_GENESIS, CHAIN_SPECS, contentSql, PROTECTION_TRIGGERS, type ChainSpec } from './migrations/007-integrity';
import { CHAIN_SPECS_009, PROTECTION_TRIGGERS_009 } from './migrations/009-work-packages';
import { sourceContentHash } from './source-content';

/** Breaks listed in full; the rest are counted. */
const MAX_BREAKS = 200;

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** The hash an entry must carry: the same formula as the chain's triggers. */
export function entryHash(prev: string, seq: number, kind: string, ref: number, op: string, contentHash: string): string {
  return sha256(`${prev}|${seq}|${kind}|${ref}|${op}|${contentHash}`);
}

interface Entry { seq: number; kind: string; ref: number; op: string; content: string; content_hash: string; prev_hash: string; hash: string }

const COLUMN_KEYS: Record<string, MessageKey> = {
  decision: 'verify.col.decision', status: 'verify.col.decision', note: 'verify.col.note', reviewer: 'verify.col.reviewer', decided_at: 'verify.col.at',
  at: 'verify.col.at', actor: 'verify.col.actor', action: 'verify.col.action', before: 'verify.col.before', after: 'verify.col.after',
  amount_fen: 'doc.amount', problem: 'doc.problem', persons: 'doc.person-names', disposition: 'doc.disposition', remarks: 'doc.remarks', evidence: 'doc.evidence',
  source: 'doc.source', received_at: 'doc.received', version: 'doc.version', number: 'doc.lead-number', township: 'doc.township', village: 'doc.village',
  recovered_fen: 'rect.col.recovered-yuan', measures: 'rect.col.measures', progress: 'rect.col.progress', closed: 'rect.col.closed', closed_at: 'rect.col.closed-at',
  description: 'rect.col.description', responsible: 'rect.col.responsible', due_date: 'rect.col.due', content_sha256: 'verify.col.content', sha256: 'verify.col.sha256',
  snapshot: 'verify.col.snapshot', files: 'verify.col.files', leads: 'verify.col.leads', name: 'verify.col.name',
};

function label(col: string): Texts {
  const key = COLUMN_KEYS[col];
  return key ? bi(key) : { zh: col, en: col };
}

const show = (v: unknown): string => (v === null || v === undefined ? '∅' : typeof v === 'string' ? (v.length > 200 ? `${v.slice(0, 200)}…` : v) : JSON.stringify(v));

/** Field by field, what a row was when written and what it is now. */
function diff(was: string, now: string): VerifyBreak['changes'] {
  let a: Record<string, unknown>;
  let b: Record<string, unknown>;
  try {
    a = JSON.parse(was) as Record<string, unknown>;
    b = JSON.parse(now) as Record<string, unknown>;
  } catch {
    return [{ field: '*', label: { zh: '*', en: '*' }, was: show(was), now: show(now) }];
  }
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => ({ field: k, label: label(k), was: show(a[k]), now: show(b[k]) }));
}

function what(kind: string, ref: number | null, seq: number | null): Texts {
  return bi(seq === null ? 'verify.what' : 'verify.what.seq', { table: bi(`verify.table.${kind}` as MessageKey), ref: ref ?? '—', seq: seq ?? '' });
}

export interface VerifyOptions {
  now: string;
  /** Extra checks (the evidence files beside the workspace, which only the service can read). */
  more?: () => VerifyBreak[];
}

/** Walks the chain, compares every chained row with its last entry, and recomputes every source file's content hash. */
export function verifyWorkspace(db: Db, o: VerifyOptions): VerifyReport {
  const breaks: VerifyBreak[] = [];
  let total = 0;
  const add = (b: Omit<VerifyBreak, 'what' | 'changes'> & { changes?: VerifyBreak['changes']; what?: Texts }): void => {
    total++;
    if (breaks.length < MAX_BREAKS) breaks.push({ changes: [], what: what(b.table, b.ref, b.seq), ...b });
  };
  const tables = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
  const hasChain = tables.has('chain');
  // A workspace of version 9 or later has the work packages' tables too (an older one is checked as it is).
  const later = tables.has('packages');
  const specs: readonly ChainSpec[] = later ? [...CHAIN_SPECS, ...CHAIN_SPECS_009] : CHAIN_SPECS;
  const specByKind = new Map(specs.map((s) => [s.kind, s]));

  // The triggers that protect the data: one dropped is a break in itself.
  const triggers = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all());
  for (const name of later ? [...PROTECTION_TRIGGERS, ...PROTECTION_TRIGGERS_009] : PROTECTION_TRIGGERS) {
    if (!triggers.has(name)) add({ kind: 'protection', seq: null, table: 'schema', ref: null, what: { zh: name, en: name }, message: bi('verify.break.protection', { name }) });
  }

  // The chain itself: numbers without gaps, each entry's content hash and link.
  const last = new Map<string, Entry>();
  const inserts = new Map<string, number>();
  let prev = CHAIN_GENESIS;
  let expected = 1;
  let entries = 0;
  if (hasChain) {
    for (const e of db.prepare<[], Entry>('SELECT * FROM chain ORDER BY seq').iterate()) {
      entries++;
      if (e.seq !== expected) add({ kind: 'link', seq: e.seq, table: e.kind, ref: e.ref, message: bi('verify.break.gap', { from: expected, to: e.seq - 1 }) });
      if (sha256(e.content) !== e.content_hash) {
        add({ kind: 'changed', seq: e.seq, table: e.kind, ref: e.ref, message: bi('verify.break.entry-content') });
      } else if (e.prev_hash !== prev || e.hash !== entryHash(e.prev_hash, e.seq, e.kind, e.ref, e.op, e.content_hash)) {
        add({ kind: 'link', seq: e.seq, table: e.kind, ref: e.ref, message: bi('verify.break.link') });
      }
      prev = e.hash;
      expected = e.seq + 1;
      const k = `${e.kind}:${e.ref}`;
      last.set(k, e);
      if (e.op === 'insert') inserts.set(k, (inserts.get(k) ?? 0) + 1);
    }
  }

  // Every chained row against the last entry recording it.
  for (const spec of specs) {
    if (!hasChain) break;
    const seen = new Set<number>();
    for (const row of db.prepare<[], { rowid: number; content: string }>(`SELECT ${spec.table}.rowid AS rowid, ${contentSql(spec, spec.table)} AS content FROM ${spec.table} ORDER BY rowid`).iterate()) {
      seen.add(row.rowid);
      const e = last.get(`${spec.kind}:${row.rowid}`);
      if (!e) add({ kind: 'added', seq: null, table: spec.kind, ref: row.rowid, message: bi('verify.break.added') });
      else if (e.content !== row.content) add({ kind: 'changed', seq: e.seq, table: spec.kind, ref: row.rowid, changes: diff(e.content, row.content), message: bi('verify.break.changed') });
      else if (!spec.state && (inserts.get(`${spec.kind}:${row.rowid}`) ?? 0) > 1) add({ kind: 'link', seq: e.seq, table: spec.kind, ref: row.rowid, message: bi('verify.break.twice') });
    }
    for (const e of last.values()) {
      if (e.kind === spec.kind && !seen.has(e.ref)) add({ kind: 'deleted', seq: e.seq, table: spec.kind, ref: e.ref, changes: diff(e.content, '{}'), message: bi('verify.break.deleted') });
    }
  }
  for (const [k] of last) if (!specByKind.has(k.split(':')[0] as string)) add({ kind: 'link', seq: null, table: 'chain', ref: null, message: bi('verify.break.unknown-kind', { kind: k }) });

  // A finding's decision is its latest review's (reviews are chained, the findings' columns are not).
  for (const f of db.prepare<[], { id: string; status: string; note: string | null; reviewer: string | null; decided_at: string | null; d: string | null; n: string | null; r: string | null; a: string | null }>(
    `SELECT f.id, f.status, f.note, f.reviewer, f.decided_at, r.decision AS d, r.note AS n, r.reviewer AS r, r.decided_at AS a FROM findings f
      LEFT JOIN reviews r ON r.id = (SELECT MAX(id) FROM reviews WHERE finding_id = f.id)`).iterate()) {
    const want = { status: f.d ?? 'pending', note: f.n, reviewer: f.r, decided_at: f.a };
    const got = { status: f.status, note: f.note, reviewer: f.reviewer, decided_at: f.decided_at };
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      add({ kind: 'review-state', seq: null, table: 'finding', ref: null, what: bi('verify.what.finding', { id: f.id }), changes: diff(JSON.stringify(want), JSON.stringify(got)), message: bi('verify.break.review-state') });
    }
  }

  // Source files: what is stored now against the seal made at import.
  let sources = 0;
  const seals = hasChain ? new Map(db.prepare<[], { file_id: number; sha256: string; name: string; content_sha256: string; row_count: number }>('SELECT * FROM source_seals').all().map((s) => [s.file_id, s])) : new Map();
  for (const f of db.prepare<[], { id: number; sha256: string; name: string }>("SELECT id, sha256, name FROM source_files WHERE format <> '' ORDER BY id").all()) {
    sources++;
    const seal = seals.get(f.id);
    const w = bi('verify.what.source', { id: f.id, name: f.name });
    if (!seal) {
      add({ kind: 'unsealed', seq: null, table: 'source', ref: f.id, what: w, message: bi('verify.break.unsealed') });
      continue;
    }
    const c = sourceContentHash(db, f.id);
    const changes = diff(JSON.stringify({ sha256: seal.sha256, name: seal.name, content_sha256: seal.content_sha256, rows: seal.row_count }),
      JSON.stringify({ sha256: f.sha256, name: f.name, content_sha256: c.sha256, rows: c.rows }));
    if (changes.length > 0) add({ kind: 'source', seq: null, table: 'source', ref: f.id, what: w, changes, message: bi('verify.break.source', { name: f.name }) });
  }
  for (const b of o.more?.() ?? []) add(b);
  return { ok: total === 0, checkedAt: o.now, entries, head: prev, sources, breaks, more: total - breaks.length };
}
