// Persistent case leads (问题线索), built from confirmed findings.
// - Grouping: one lead per township, village and rule (problem) by default; merge and split later.
// - Numbering: <乡镇>-<年>-NNN, where the year is the year of the earliest voucher behind the
//   lead (the year the problem happened, which is what the commissions file by). lead_counters
//   keeps the last number per township and year, so a number is never handed out twice, even
//   after a merge retires a lead.
// - Frozen: a lead handed over is frozen; an edit afterwards raises its version (the handed-over
//   version stays readable in lead_versions).
import { DEFAULT_DISPOSITION, type CaseLead, type Disposition, type LeadEvidence, type LeadPatch, type LeadPerson, type LeadVersion } from '../contract';
import { fenToDecimalString, formatFen, sumFen } from '../format/money';
import { EngineError } from '../i18n/errors';
import { bi, joinBi, zh, type MessageKey } from '../i18n/messages';
import { RULES } from '../rules';
import { hasTable, writeTx, type Db } from '../workspace/db';
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
  status: string; note: string | null;
}

/** Above this many vouchers a lead's paragraph summarises them (count, dates, total, the largest few); the full list is the handoff's 凭证 sheet. */
export const SUMMARY_VOUCHERS = 20;
/** How many of the largest findings a summary names. */
const LARGEST = 5;

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
  return db.prepare<[string], FindingFacts>(`SELECT id, rule, township, village, date, vouchers, amount_fen, reason, line_ids, sources, status, note FROM findings
    WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
}

/** The ledger lines behind the findings, by id. */
function lineFacts(db: Db, ids: readonly number[]): Map<number, LineFacts> {
  return new Map(linesById(db, ids).map((l) => [l.id, { id: l.id, voucher: l.voucher, date: l.date, line: l.line, handler: l.handler, approver: l.approver, file: l.file, sha256: l.sha256 }]));
}

/** Rules in the registry's order: the problem type of a set of findings is the first of their rules. */
export function ruleOfFindings(rules: readonly string[]): string {
  const order = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  return [...rules].sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99))[0] ?? '';
}

/**
 * Everything a lead derives from its findings: year, amount, evidence, responsible persons, the
 * generated paragraph. Only confirmed findings count: one dismissed or reopened after the lead was
 * built leaves it (the lead says so); with none confirmed the lead is withdrawn (amount 0).
 */
export function computeLead(db: Db, findingIds: string[]): Computed {
  const all = findingFacts(db, findingIds).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  if (all.length === 0) throw new EngineError('invalid-arguments', 'lead.err.no-findings');
  const fs = all.filter((f) => f.status === 'confirmed');
  const first = (fs[0] ?? all[0]) as FindingFacts;
  if (fs.length === 0) {
    const problem = zh('lead.problem.withdrawn', {
      place: `${first.township}${first.village}`,
      rules: [...new Set(all.map((f) => ruleTitle(f.rule)))].join(LIST),
      reasons: all.map((f) => f.note ?? '').filter(Boolean).join(zh('fmt.items')) || zh('lead.problem.withdrawn.no-note'),
    });
    return { year: Number(first.date.slice(0, 4)), amountFen: 0, evidence: [], persons: [], problem };
  }
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
    persons.push(h);
  }
  const amountFen = sumFen(fs.map((f) => f.amount_fen));
  const vouchers = [...new Set(fs.flatMap((f) => JSON.parse(f.vouchers) as string[]))];
  const common = {
    place: `${first.township}${first.village}`,
    span: sortedDates.length > 1 ? zh('lead.span', { from: sortedDates[0] ?? '', to: sortedDates[sortedDates.length - 1] ?? '' }) : (sortedDates[0] ?? first.date),
    rules: [...new Set(fs.map((f) => ruleTitle(f.rule)))].join(LIST),
    count: fs.length > 1 ? zh('lead.problem.count', { count: fs.length }) : '',
    amount: formatFen(amountFen),
  };
  // Hundreds of vouchers would make a paragraph no one reads and a PDF row taller than a page.
  const problem = vouchers.length > SUMMARY_VOUCHERS
    ? zh('lead.problem.summary', {
      ...common, vouchers: vouchers.length, top: Math.min(LARGEST, fs.length),
      largest: [...fs].sort((a, b) => b.amount_fen - a.amount_fen || a.date.localeCompare(b.date)).slice(0, LARGEST)
        .map((f) => zh('lead.problem.largest', { vouchers: (JSON.parse(f.vouchers) as string[]).join(LIST), date: f.date, amount: formatFen(f.amount_fen) })).join(LIST),
    })
    : zh('lead.problem', { ...common, vouchers: vouchers.join(LIST), reasons: fs.map((f) => f.reason).join(zh('fmt.items')) });
  const year = Number((sortedDates[0] ?? first.date).slice(0, 4));
  return { year, amountFen, evidence, persons, problem };
}

export function nextNumber(db: Db, township: string, year: number): string {
  const last = db.prepare<[string, number], number>('SELECT last FROM lead_counters WHERE township = ? AND year = ?').pluck().get(township, year);
  const n = (last ?? 0) + 1;
  db.prepare('INSERT INTO lead_counters (township, year, last) VALUES (?, ?, ?) ON CONFLICT(township, year) DO UPDATE SET last = excluded.last').run(township, year, n);
  return `${township}-${year}-${String(n).padStart(3, '0')}`;
}

export interface LeadRow {
  id: number; number: string; township: string; village: string; year: number; rule: string; status: 'open' | 'merged'; version: number; frozen: number;
  persons: string; source: string; received_at: string; problem: string; amount_fen: number; evidence: string; disposition: Disposition;
  remarks: string; merged_into: string | null; correction: string | null; created_at: string; updated_at: string;
}

/** What a correction of a handed-over lead changed, as stored (leads.correction, a JSON list); shown through the catalogue. */
export type CorrectionNote =
  | { kind: 'review'; findingId: string; vouchers: string[]; decision: string; note: string | null; actor: string; at: string }
  | { kind: 'edit'; fields: string[]; actor: string; at: string }
  | { kind: 'merge'; numbers: string[]; actor: string; at: string }
  | { kind: 'split'; into: string; actor: string; at: string };

/** A correction in both languages: what changed since the version the commission holds. */
export function correctionText(c: CorrectionNote): { zh: string; en: string } {
  if (c.kind === 'review') {
    const decision = bi(`ui.status.${c.decision}` as MessageKey);
    return bi(c.decision === 'confirmed' ? 'lead.correction.reconfirmed' : 'lead.correction.unconfirmed', {
      vouchers: c.vouchers.join(LIST) || c.findingId.slice(0, 8), decision, note: c.note ?? '—', actor: c.actor, date: c.at.slice(0, 10),
    });
  }
  if (c.kind === 'edit') return bi('lead.correction.edit', { fields: joinBi(c.fields.map((f) => leadFieldLabel(f)), 'fmt.list'), actor: c.actor, date: c.at.slice(0, 10) });
  if (c.kind === 'merge') return bi('lead.correction.merge', { numbers: c.numbers.join(LIST), actor: c.actor, date: c.at.slice(0, 10) });
  return bi('lead.correction.split', { into: c.into, actor: c.actor, date: c.at.slice(0, 10) });
}

/** A lead's field as its form names it (the trail and corrections say 涉及金额, never amountFen). */
export function leadFieldLabel(field: string): { zh: string; en: string } {
  const key = LEAD_FIELD_KEYS[field];
  return key ? bi(key) : { zh: field, en: field };
}

const LEAD_FIELD_KEYS: Record<string, MessageKey> = {
  persons: 'doc.person-names', problem: 'doc.problem', disposition: 'doc.disposition', remarks: 'doc.remarks', source: 'doc.source', receivedAt: 'doc.received',
  amountFen: 'doc.amount', evidence: 'doc.evidence', version: 'doc.version', findingIds: 'lead.field.findings', numbers: 'lead.field.numbers',
  into: 'lead.field.into', number: 'doc.lead-number',
};

/** Leads whose numbers were merged into this one (河湾乡-2017-003 已并入 河湾乡-2017-002). */
export function mergedInto(db: Db, number: string): string[] {
  return db.prepare<[string], string>("SELECT number FROM leads WHERE merged_into = ? AND status = 'merged' ORDER BY number").pluck().all(number);
}

/** 河湾乡-2017-003 已并入 河湾乡-2017-002, for each number merged into this lead. */
export function mergeNotes(l: Pick<CaseLead, 'number' | 'mergedFrom'>): { zh: string; en: string }[] {
  return l.mergedFrom.map((n) => bi('lead.merged-note', { number: n, into: l.number }));
}

/** No finding of the lead is confirmed any more: it is withdrawn. */
function isWithdrawn(db: Db, leadId: number): boolean {
  return db.prepare<[number], number>("SELECT COUNT(*) FROM lead_findings lf JOIN findings f ON f.id = lf.finding_id WHERE lf.lead_id = ? AND f.status = 'confirmed'").pluck().get(leadId) === 0;
}

/** A lead's findings, in the order they joined it. */
function findingIdsOf(db: Db, leadId: number): string[] {
  return db.prepare<[number], string>('SELECT finding_id FROM lead_findings WHERE lead_id = ? ORDER BY rowid').pluck().all(leadId);
}

/** The number a lead merged from a work package had there, when it was taken here (migration 009). */
function renumberedFrom(db: Db, leadId: number): CaseLead['renumberedFrom'] {
  if (!hasTable(db, 'lead_renumbers')) return null;
  return db.prepare<[number], { number: string; group: string; at: string }>('SELECT from_number AS number, audit_group AS "group", at FROM lead_renumbers WHERE lead_id = ? ORDER BY id LIMIT 1').get(leadId) ?? null;
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
    corrections: r.version > 1 ? (JSON.parse(r.correction ?? '[]') as CorrectionNote[]).map(correctionText) : [],
    mergedFrom: mergedInto(db, r.number), withdrawn: r.status === 'open' && isWithdrawn(db, r.id), renumberedFrom: renumberedFrom(db, r.id),
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

/** A new lead of these findings; `fromLead` when they move from another lead (a split), else they join the leads now. */
function insertLead(db: Db, findingIds: string[], rule: string, township: string, village: string, now: string, actor: string, fromLead?: number): string {
  const c = computeLead(db, findingIds);
  const number = nextNumber(db, township, c.year);
  const id = Number(db.prepare(`INSERT INTO leads (number, township, village, year, rule, persons, source, received_at, problem, amount_fen, evidence, disposition, remarks, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`).run(number, township, village, c.year, rule, JSON.stringify(c.persons), leadSource(db), now.slice(0, 10),
    c.problem, c.amountFen, JSON.stringify(c.evidence), DEFAULT_DISPOSITION, now, now).lastInsertRowid);
  const link = fromLead === undefined
    ? db.prepare<[number, string]>('INSERT INTO lead_findings (lead_id, finding_id) VALUES (?, ?)')
    : db.prepare<[number, string]>('UPDATE lead_findings SET lead_id = ? WHERE finding_id = ?');
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
  writeTx(db, () => {
    for (const k of keys) {
      const g = groups.get(k) as typeof free;
      const f0 = g[0] as (typeof free)[number];
      out.push(insertLead(db, g.map((f) => f.id), f0.rule, f0.township, f0.village, now, actor));
    }
  });
  return out;
}

export function rowOf(db: Db, number: string): LeadRow {
  const r = leadRow(db, number);
  if (!r) throw new EngineError('not-found', 'lead.err.not-found', { number });
  return r;
}

type LeadSet = Partial<{ persons: string; problem: string; disposition: Disposition; remarks: string; source: string; received_at: string; amount_fen: number; evidence: string; year: number }>;

/**
 * Writes new field values; a frozen lead becomes a new version (the handed-over one stays in
 * lead_versions). A lead handed over before (version > 1 after the change) keeps the list of what
 * was corrected since, for the lead page and the next handoff.
 */
function writeLead(db: Db, r: LeadRow, set: LeadSet, now: string, note?: CorrectionNote): void {
  const cols: Record<string, unknown> = { ...set };
  if (r.frozen) { cols.version = r.version + 1; cols.frozen = 0; }
  if (note && (r.frozen || r.version > 1)) cols.correction = JSON.stringify([...(r.frozen ? [] : (JSON.parse(r.correction ?? '[]') as CorrectionNote[])), note]);
  const names = Object.keys(cols);
  const sql = `UPDATE leads SET ${names.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`;
  db.prepare(sql).run({ ...cols, now, id: r.id });
}

export function updateCaseLead(db: Db, number: string, patch: LeadPatch, actor: string, now: string): CaseLead {
  writeTx(db, () => {
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
    writeLead(db, r, set, now, { kind: 'edit', fields: Object.keys(patch), actor, at: now });
    const pick = (l: CaseLead) => Object.fromEntries(Object.keys(patch).map((k) => [k, (l as unknown as Record<string, unknown>)[k]]));
    const after = toLead(db, rowOf(db, number));
    appendTrail(db, { at: now, actor, entity: 'lead', entityId: number, action: 'edit', before: { version: before.version, ...pick(before) }, after: { version: after.version, ...pick(after) } });
  });
  return getCaseLead(db, number) as CaseLead;
}

/** A lead made anew from its findings (after a merge, a split, or a finding's decision changed). */
export function recompute(db: Db, r: LeadRow, now: string, note?: CorrectionNote): void {
  const c = computeLead(db, findingIdsOf(db, r.id));
  // The number keeps its year; persons added or removed by hand are kept (manual names stay, roster and ledger names are refreshed).
  const manual = (JSON.parse(r.persons) as LeadPerson[]).filter((p) => p.basis === 'manual');
  writeLead(db, r, { amount_fen: c.amountFen, evidence: JSON.stringify(c.evidence), problem: c.problem, persons: JSON.stringify([...c.persons, ...manual]) }, now, note);
}

/** Merges leads of one township and village into the first; the others keep their numbers, marked merged. */
export function mergeCaseLeads(db: Db, numbers: string[], actor: string, now: string): CaseLead {
  if (numbers.length < 2) throw new EngineError('invalid-arguments', 'lead.err.merge-needs-two');
  const target = numbers[0] as string;
  writeTx(db, () => {
    const t = rowOf(db, target);
    for (const n of numbers.slice(1)) {
      const o = rowOf(db, n);
      if (o.status !== 'open' || t.status !== 'open') throw new EngineError('conflict', 'lead.err.already-merged', { number: n });
      if (o.township !== t.township || o.village !== t.village) throw new EngineError('invalid-arguments', 'lead.err.merge-other-place');
      db.prepare('UPDATE lead_findings SET lead_id = ? WHERE lead_id = ?').run(t.id, o.id);
      db.prepare("UPDATE leads SET status = 'merged', merged_into = ?, updated_at = ? WHERE id = ?").run(target, now, o.id);
    }
    recompute(db, rowOf(db, target), now, { kind: 'merge', numbers: numbers.slice(1), actor, at: now });
    appendTrail(db, { at: now, actor, entity: 'lead', entityId: target, action: 'merge', before: { numbers }, after: { findingIds: getCaseLead(db, target)?.findingIds } });
  });
  return getCaseLead(db, target) as CaseLead;
}

/** Moves some findings of a lead to a new lead with the next number. */
export function splitCaseLead(db: Db, number: string, findingIds: string[], actor: string, now: string): CaseLead {
  let created = '';
  writeTx(db, () => {
    const r = rowOf(db, number);
    const own = new Set(findingIdsOf(db, r.id));
    if (findingIds.length === 0 || findingIds.length >= own.size || findingIds.some((f) => !own.has(f))) {
      throw new EngineError('invalid-arguments', 'lead.err.split-some');
    }
    // The new lead's problem type is its findings' (a hospitality finding split off a merged lead stays 村级招待费).
    const rule = ruleOfFindings(findingFacts(db, findingIds).map((f) => f.rule)) || r.rule;
    created = insertLead(db, findingIds, rule, r.township, r.village, now, actor, r.id);
    recompute(db, rowOf(db, number), now, { kind: 'split', into: created, actor, at: now });
    appendTrail(db, { at: now, actor, entity: 'lead', entityId: number, action: 'split', after: { into: created, findingIds } });
  });
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
