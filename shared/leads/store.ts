// Persistent case leads (问题线索), built from confirmed findings.
// - Grouping: one lead per township, village and rule (problem) by default; merge and split later.
// - Numbering: <乡镇>-<年>-NNN, where the year is the year of the earliest voucher behind the
//   lead (the year the problem happened, which is what the commissions file by). lead_counters
//   keeps the last number per township and year, so a number is never handed out twice, even
//   after a merge retires a lead.
// - Frozen: a lead handed over is frozen; an edit afterwards raises its version (the handed-over
//   version stays readable in lead_versions).
import { DEFAULT_DISPOSITION, type CaseLead, type Disposition, type LeadEvidence, type LeadPatch, type LeadPerson, type LeadVersion } from '../contract';
import { fenToDecimalString, formatFen } from '../format/money';
import { EngineError } from '../i18n/errors';
import { zh } from '../i18n/messages';
import { RULES } from '../rules';
import type { Db } from '../workspace/db';
import { linesById } from '../workspace/ledger-snapshot';
import { officersOnDates } from './cadres';
import { appendTrail } from './trail';

export const DEFAULT_LEAD_SOURCE = zh('lead.default-source');
/** A lead's lists are joined the Chinese way: the commissions' form is filled in Chinese. */
const LIST = zh('fmt.list');
const SOURCE_KEY = 'leads.source';

export function leadSource(db: Db): string {
  const r = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get(SOURCE_KEY);
  return r === undefined ? DEFAULT_LEAD_SOURCE : (JSON.parse(r) as string);
}

export function setLeadSource(db: Db, source: string, actor: string, now: string): void {
  const before = leadSource(db);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SOURCE_KEY, JSON.stringify(source));
  appendTrail(db, { at: now, actor, entity: 'lead', entityId: '*', action: 'set-source', before, after: source });
}

interface FindingFacts {
  id: string; rule: string; township: string; village: string; date: string; vouchers: string; amount_fen: number; reason: string; line_ids: string; sources: string;
}

interface Computed {
  year: number;
  amountFen: number;
  evidence: LeadEvidence[];
  persons: LeadPerson[];
  problem: string;
}

function ruleTitle(id: string): string {
  return RULES.find((r) => r.id === id)?.title ?? id;
}

interface LineFacts { id: number; voucher: string; date: string; line: number; handler: string; approver: string; file: string; sha256: string }

/** The findings, each read once (one query for all). */
function findingFacts(db: Db, ids: readonly string[]): FindingFacts[] {
  return db.prepare<[string], FindingFacts>(`SELECT id, rule, township, village, date, vouchers, amount_fen, reason, line_ids, sources FROM findings
    WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
}

/** The ledger lines behind the findings, by id. */
function lineFacts(db: Db, ids: readonly number[]): Map<number, LineFacts> {
  return new Map(linesById(db, ids).map((l) => [l.id, { id: l.id, voucher: l.voucher, date: l.date, line: l.line, handler: l.handler, approver: l.approver, file: l.file, sha256: l.sha256 }]));
}

/** Everything a lead derives from its findings: year, amount, evidence, responsible persons, the generated paragraph. */
export function computeLead(db: Db, findingIds: string[]): Computed {
  const fs = findingFacts(db, findingIds).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  if (fs.length === 0) throw new EngineError('invalid-arguments', 'lead.err.no-findings');
  const first = fs[0] as FindingFacts;
  const lineIdsOf = new Map(fs.map((f) => [f.id, JSON.parse(f.line_ids) as number[]]));
  const lines = lineFacts(db, [...lineIdsOf.values()].flat());
  const evidence: LeadEvidence[] = [];
  const handlers: LeadPerson[] = [];
  const dates = new Set<string>();
  const seenEv = new Set<string>();
  for (const f of fs) {
    const ids = lineIdsOf.get(f.id) ?? [];
    for (const id of ids) {
      const l = lines.get(id);
      if (!l) continue;
      dates.add(l.date);
      const k = `${l.sha256}:${l.line}`;
      if (!seenEv.has(k)) { seenEv.add(k); evidence.push({ voucher: l.voucher, date: l.date, file: l.file, line: l.line, sha256: l.sha256 }); }
      if (l.handler) handlers.push({ name: l.handler, post: zh('lead.post.handler'), basis: 'ledger' });
      if (l.approver) handlers.push({ name: l.approver, post: zh('lead.post.approver'), basis: 'ledger' });
    }
    // Sources that are not ledger lines (the project file's line) are evidence too.
    for (const s of JSON.parse(f.sources) as { file: string; line: number; sha256: string }[]) {
      const k = `${s.sha256}:${s.line}`;
      if (!seenEv.has(k)) { seenEv.add(k); evidence.push({ voucher: '', date: '', file: s.file, line: s.line, sha256: s.sha256 }); }
    }
    if (ids.length === 0) dates.add(f.date);
  }
  const sortedDates = [...dates].sort();
  const persons = officersOnDates(db, first.township, first.village, sortedDates);
  for (const h of handlers) {
    if (persons.some((p) => p.name === h.name)) continue;
    if (persons.some((p) => p.name === h.name && p.post === h.post)) continue;
    persons.push(h);
  }
  const amountFen = fs.reduce((s, f) => s + f.amount_fen, 0);
  const vouchers = [...new Set(fs.flatMap((f) => JSON.parse(f.vouchers) as string[]))];
  const problem = zh('lead.problem', {
    place: `${first.township}${first.village}`,
    span: sortedDates.length > 1 ? zh('lead.span', { from: sortedDates[0] ?? '', to: sortedDates[sortedDates.length - 1] ?? '' }) : (sortedDates[0] ?? first.date),
    rules: [...new Set(fs.map((f) => ruleTitle(f.rule)))].join(LIST),
    count: fs.length > 1 ? zh('lead.problem.count', { count: fs.length }) : '',
    vouchers: vouchers.join(LIST),
    amount: formatFen(amountFen),
    reasons: fs.map((f) => f.reason).join(zh('fmt.items')),
  });
  const year = Number((sortedDates[0] ?? first.date).slice(0, 4));
  return { year, amountFen, evidence, persons, problem };
}

export function nextNumber(db: Db, township: string, year: number): string {
  const last = db.prepare<[string, number], number>('SELECT last FROM lead_counters WHERE township = ? AND year = ?').pluck().get(township, year);
  const n = (last ?? 0) + 1;
  db.prepare('INSERT INTO lead_counters (township, year, last) VALUES (?, ?, ?) ON CONFLICT(township, year) DO UPDATE SET last = excluded.last').run(township, year, n);
  return `${township}-${year}-${String(n).padStart(3, '0')}`;
}

interface LeadRow {
  id: number; number: string; township: string; village: string; year: number; rule: string; status: 'open' | 'merged'; version: number; frozen: number;
  persons: string; source: string; received_at: string; problem: string; amount_fen: number; evidence: string; disposition: Disposition;
  remarks: string; merged_into: string | null; created_at: string; updated_at: string;
}

/** A lead's findings, in the order they joined it. */
function findingIdsOf(db: Db, leadId: number): string[] {
  return db.prepare<[number], string>('SELECT finding_id FROM lead_findings WHERE lead_id = ? ORDER BY rowid').pluck().all(leadId);
}

function toLead(db: Db, r: LeadRow): CaseLead {
  const persons = JSON.parse(r.persons) as LeadPerson[];
  const findingIds = findingIdsOf(db, r.id);
  return {
    number: r.number, township: r.township, village: r.village, year: r.year, rule: r.rule, status: r.status, mergedInto: r.merged_into,
    version: r.version, frozen: !!r.frozen, persons,
    personNames: persons.map((p) => p.name).join(LIST),
    unitAndPosts: persons.map((p) => `${r.village}${p.post}`).join(LIST),
    source: r.source, receivedAt: r.received_at, problem: r.problem, amountFen: r.amount_fen, amount: fenToDecimalString(r.amount_fen),
    evidence: JSON.parse(r.evidence) as LeadEvidence[], disposition: r.disposition, remarks: r.remarks, findingIds,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function listCaseLeads(db: Db, q: { township?: string; includeMerged?: boolean } = {}): CaseLead[] {
  const rows = db.prepare<{ township: string | null; all: number }, LeadRow>(`SELECT * FROM leads WHERE (@township IS NULL OR township = @township) AND (@all = 1 OR status = 'open') ORDER BY township, year, number`)
    .all({ township: q.township ?? null, all: q.includeMerged ? 1 : 0 });
  return rows.map((r) => toLead(db, r));
}

function leadRow(db: Db, number: string): LeadRow | undefined {
  return db.prepare<[string], LeadRow>('SELECT * FROM leads WHERE number = ?').get(number);
}

export function getCaseLead(db: Db, number: string): CaseLead | null {
  const r = leadRow(db, number);
  return r ? toLead(db, r) : null;
}

/** The number of the lead a finding is part of, if leads were built from it. */
export function leadNumberOfFinding(db: Db, findingId: string): string | null {
  return db.prepare<[string], string>('SELECT l.number FROM lead_findings lf JOIN leads l ON l.id = lf.lead_id WHERE lf.finding_id = ?').pluck().get(findingId) ?? null;
}

/** A frozen version as it was handed over. */
export function leadVersions(db: Db, number: string): LeadVersion[] {
  return db.prepare<[string], Omit<LeadVersion, 'lead'> & { snapshot: string }>(`SELECT v.version, v.frozen_at AS frozenAt, v.handoff_id AS handoffId, v.snapshot
      FROM lead_versions v JOIN leads l ON l.id = v.lead_id WHERE l.number = ? ORDER BY v.version`).all(number)
    .map((v) => ({ version: v.version, frozenAt: v.frozenAt, handoffId: v.handoffId, lead: JSON.parse(v.snapshot) as CaseLead }));
}

function insertLead(db: Db, findingIds: string[], rule: string, township: string, village: string, now: string, actor: string): string {
  const c = computeLead(db, findingIds);
  const number = nextNumber(db, township, c.year);
  const id = Number(db.prepare(`INSERT INTO leads (number, township, village, year, rule, persons, source, received_at, problem, amount_fen, evidence, disposition, remarks, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`).run(number, township, village, c.year, rule, JSON.stringify(c.persons), leadSource(db), now.slice(0, 10),
    c.problem, c.amountFen, JSON.stringify(c.evidence), DEFAULT_DISPOSITION, now, now).lastInsertRowid);
  const link = db.prepare('INSERT INTO lead_findings (lead_id, finding_id) VALUES (?, ?)');
  for (const f of findingIds) link.run(id, f);
  appendTrail(db, { at: now, actor, entity: 'lead', entityId: number, action: 'create', after: { findingIds, amountFen: c.amountFen, persons: c.persons } });
  return number;
}

/**
 * Builds leads from confirmed findings that are in no lead yet: one per township, village and
 * rule, in a fixed order (township, village, rule order, date). Returns the new numbers.
 */
export function buildCaseLeads(db: Db, now: string, actor: string): string[] {
  const free = db.prepare<[], { id: string; rule: string; township: string; village: string; date: string }>(`SELECT id, rule, township, village, date FROM findings
    WHERE active = 1 AND status = 'confirmed' AND id NOT IN (SELECT finding_id FROM lead_findings) ORDER BY township, village, date, id`).all();
  const order = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  const groups = new Map<string, typeof free>();
  for (const f of free) {
    const k = `${f.township}\n${f.village}\n${f.rule}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    const [ta, va, ra] = a.split('\n') as [string, string, string];
    const [tb, vb, rb] = b.split('\n') as [string, string, string];
    const da = groups.get(a)?.[0]?.date ?? '';
    const dbb = groups.get(b)?.[0]?.date ?? '';
    return ta.localeCompare(tb, 'zh-CN') || da.slice(0, 4).localeCompare(dbb.slice(0, 4)) || va.localeCompare(vb, 'zh-CN') || (order.get(ra) ?? 99) - (order.get(rb) ?? 99);
  });
  const out: string[] = [];
  db.transaction(() => {
    for (const k of keys) {
      const g = groups.get(k) as typeof free;
      const f0 = g[0] as (typeof free)[number];
      out.push(insertLead(db, g.map((f) => f.id), f0.rule, f0.township, f0.village, now, actor));
    }
  })();
  return out;
}

function rowOf(db: Db, number: string): LeadRow {
  const r = leadRow(db, number);
  if (!r) throw new EngineError('not-found', 'lead.err.not-found', { number });
  return r;
}

/** Writes new field values; a frozen lead becomes a new version (the handed-over one stays in lead_versions). */
function writeLead(db: Db, r: LeadRow, set: Partial<{ persons: string; problem: string; disposition: Disposition; remarks: string; source: string; received_at: string; amount_fen: number; evidence: string; year: number }>, now: string): void {
  const cols = Object.keys(set);
  if (r.frozen) { (set as Record<string, unknown>).version = r.version + 1; (set as Record<string, unknown>).frozen = 0; cols.push('version', 'frozen'); }
  const sql = `UPDATE leads SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`;
  db.prepare(sql).run({ ...set, now, id: r.id });
}

export function updateCaseLead(db: Db, number: string, patch: LeadPatch, actor: string, now: string): CaseLead {
  db.transaction(() => {
    const r = rowOf(db, number);
    if (r.status !== 'open') throw new EngineError('conflict', 'lead.err.merged-no-edit', { number, into: r.merged_into ?? '' });
    const before = toLead(db, r);
    const set: Parameters<typeof writeLead>[2] = {};
    if (patch.persons) set.persons = JSON.stringify(patch.persons);
    if (patch.problem !== undefined) set.problem = patch.problem;
    if (patch.disposition !== undefined) set.disposition = patch.disposition;
    if (patch.remarks !== undefined) set.remarks = patch.remarks;
    if (patch.source !== undefined) set.source = patch.source;
    if (patch.receivedAt !== undefined) set.received_at = patch.receivedAt;
    if (Object.keys(set).length === 0) return;
    writeLead(db, r, set, now);
    const pick = (l: CaseLead) => Object.fromEntries(Object.keys(patch).map((k) => [k, (l as unknown as Record<string, unknown>)[k]]));
    const after = toLead(db, rowOf(db, number));
    appendTrail(db, { at: now, actor, entity: 'lead', entityId: number, action: 'edit', before: { version: before.version, ...pick(before) }, after: { version: after.version, ...pick(after) } });
  })();
  return getCaseLead(db, number) as CaseLead;
}

function recompute(db: Db, r: LeadRow, now: string): void {
  const c = computeLead(db, findingIdsOf(db, r.id));
  // The number keeps its year; persons added or removed by hand are kept (manual names stay, roster and ledger names are refreshed).
  const manual = (JSON.parse(r.persons) as LeadPerson[]).filter((p) => p.basis === 'manual');
  writeLead(db, r, { amount_fen: c.amountFen, evidence: JSON.stringify(c.evidence), problem: c.problem, persons: JSON.stringify([...c.persons, ...manual]) }, now);
}

/** Merges leads of one township and village into the first; the others keep their numbers, marked merged. */
export function mergeCaseLeads(db: Db, numbers: string[], actor: string, now: string): CaseLead {
  if (numbers.length < 2) throw new EngineError('invalid-arguments', 'lead.err.merge-needs-two');
  const target = numbers[0] as string;
  db.transaction(() => {
    const t = rowOf(db, target);
    for (const n of numbers.slice(1)) {
      const o = rowOf(db, n);
      if (o.status !== 'open' || t.status !== 'open') throw new EngineError('conflict', 'lead.err.already-merged', { number: n });
      if (o.township !== t.township || o.village !== t.village) throw new EngineError('invalid-arguments', 'lead.err.merge-other-place');
      db.prepare('UPDATE lead_findings SET lead_id = ? WHERE lead_id = ?').run(t.id, o.id);
      db.prepare("UPDATE leads SET status = 'merged', merged_into = ?, updated_at = ? WHERE id = ?").run(target, now, o.id);
    }
    recompute(db, rowOf(db, target), now);
    appendTrail(db, { at: now, actor, entity: 'lead', entityId: target, action: 'merge', before: { numbers }, after: { findingIds: getCaseLead(db, target)?.findingIds } });
  })();
  return getCaseLead(db, target) as CaseLead;
}

/** Moves some findings of a lead to a new lead with the next number. */
export function splitCaseLead(db: Db, number: string, findingIds: string[], actor: string, now: string): CaseLead {
  let created = '';
  db.transaction(() => {
    const r = rowOf(db, number);
    const own = new Set(findingIdsOf(db, r.id));
    if (findingIds.length === 0 || findingIds.length >= own.size || findingIds.some((f) => !own.has(f))) {
      throw new EngineError('invalid-arguments', 'lead.err.split-some');
    }
    db.prepare(`DELETE FROM lead_findings WHERE lead_id = ? AND finding_id IN (${findingIds.map(() => '?').join(', ')})`).run(r.id, ...findingIds);
    created = insertLead(db, findingIds, r.rule, r.township, r.village, now, actor);
    recompute(db, rowOf(db, number), now);
    appendTrail(db, { at: now, actor, entity: 'lead', entityId: number, action: 'split', after: { into: created, findingIds } });
  })();
  return getCaseLead(db, created) as CaseLead;
}

/** Freezes the current version of each lead (written at handoff). */
export function freezeLeads(db: Db, numbers: string[], handoffId: number, now: string): { number: string; version: number }[] {
  const out: { number: string; version: number }[] = [];
  for (const n of numbers) {
    const r = rowOf(db, n);
    db.prepare('INSERT OR IGNORE INTO lead_versions (lead_id, version, snapshot, handoff_id, frozen_at) VALUES (?, ?, ?, ?, ?)')
      .run(r.id, r.version, JSON.stringify({ ...toLead(db, r), frozen: true }), handoffId, now);
    db.prepare('UPDATE leads SET frozen = 1 WHERE id = ?').run(r.id);
    out.push({ number: n, version: r.version });
  }
  return out;
}
