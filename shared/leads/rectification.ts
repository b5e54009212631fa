// The rectification ledger (整改台账, 挂单销号): items from a lead or a finding, updated as the
// work goes on, closed (销号) only with evidence or a note. Evidence files are copied into the
// workspace's folder by SHA-256. Every change goes to the trail.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DONE, IN_PROGRESS, NOT_STARTED, type FindingStatus, type RectificationItem, type RectificationProgressPoint, type RectificationSummaryRow, type RectProgress } from '../contract';
import { writeTx, type Db } from '../workspace/db';
import { decryptEvidence, encryptEvidence, evidenceName } from '../workspace/evidence-crypto';
import { EngineError } from '../i18n/errors';
import { zh, type MessageKey } from '../i18n/messages';
import { getCaseLead } from './store';
import { appendTrail } from './trail';
import { MONEY_FORMAT, safeText } from './handoff-sheet';

interface Row {
  id: number; lead_number: string | null; finding_id: string | null; township: string; village: string; description: string; unit: string; responsible: string;
  measures: string; due_date: string | null; progress: RectProgress; amount_at_issue_fen: number; recovered_fen: number; closed: number; closed_by: string | null;
  closed_at: string | null; close_note: string | null; created_at: string; updated_at: string;
}

/**
 * Decisions on the findings an item rests on (its finding, or its lead's) made after it was closed
 * (销号): its basis changed, and the ledger says so. Read from the trail, whose order is the order things happened.
 */
function basisChanged(db: Db, r: Row): RectificationItem['basisChanged'] {
  if (!r.closed) return [];
  const closedAt = db.prepare<[string], number>("SELECT MAX(id) FROM trail WHERE entity = 'rectification' AND entity_id = ? AND action = 'close'").pluck().get(String(r.id));
  if (!closedAt) return [];
  return db.prepare<[number, string, string | null, string | null], { at: string; actor: string; findingId: string; after: string }>(`SELECT at, actor, entity_id AS findingId, after FROM trail
      WHERE entity = 'finding' AND action = 'review' AND id > ?
        AND (entity_id = ? OR entity_id IN (SELECT lf.finding_id FROM lead_findings lf JOIN leads l ON l.id = lf.lead_id WHERE l.number = ? OR l.merged_into = ?)) ORDER BY id`)
    .all(closedAt, r.finding_id ?? '', r.lead_number, r.lead_number)
    .map((t) => {
      const a = JSON.parse(t.after) as { status: FindingStatus; note: string | null };
      return { at: t.at, actor: t.actor, findingId: t.findingId, decision: a.status, note: a.note };
    });
}

function toItem(db: Db, r: Row, today: string): RectificationItem {
  const evidence = db.prepare<[number], RectificationItem['evidence'][number]>('SELECT id, name, sha256, size, added_by AS addedBy, added_at AS addedAt FROM rectification_evidence WHERE item_id = ? ORDER BY id').all(r.id);
  return {
    id: r.id, leadNumber: r.lead_number, findingId: r.finding_id, township: r.township, village: r.village, description: r.description, unit: r.unit,
    responsible: r.responsible, measures: r.measures, dueDate: r.due_date, progress: r.progress, amountAtIssueFen: r.amount_at_issue_fen, recoveredFen: r.recovered_fen,
    closed: !!r.closed, closedBy: r.closed_by, closedAt: r.closed_at, closeNote: r.close_note,
    overdue: !r.closed && !!r.due_date && r.due_date < today, evidence, basisChanged: basisChanged(db, r), createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function getRectification(db: Db, id: number, today: string): RectificationItem {
  const r = db.prepare<[number], Row>('SELECT * FROM rectifications WHERE id = ?').get(id);
  if (!r) throw new EngineError('not-found', 'rect.err.not-found', { id });
  return toItem(db, r, today);
}

/** The rectification item made from a finding, or from the lead it is part of. */
export function rectificationIdOf(db: Db, findingId: string, leadNumber: string | null): number | null {
  return db.prepare<[string, string | null], number>('SELECT id FROM rectifications WHERE finding_id = ? OR (lead_number IS NOT NULL AND lead_number = ?) ORDER BY id LIMIT 1')
    .pluck().get(findingId, leadNumber) ?? null;
}

export function listRectifications(db: Db, q: { township?: string; openOnly?: boolean }, today: string): RectificationItem[] {
  return db.prepare<{ t: string | null; open: number }, Row>('SELECT * FROM rectifications WHERE (@t IS NULL OR township = @t) AND (@open = 0 OR closed = 0) ORDER BY id')
    .all({ t: q.township ?? null, open: q.openOnly ? 1 : 0 }).map((r) => toItem(db, r, today));
}

export interface RectificationInput {
  leadNumber?: string;
  findingId?: string;
  description?: string;
  unit?: string;
  responsible?: string;
  measures?: string;
  dueDate?: string | null;
  progress?: RectProgress;
  recoveredFen?: number;
}

interface ItemBase { township: string; village: string; description: string; unit: string; responsible: string; amount: number }

/** What an item starts from: a lead (its problem, officers, amount), a finding (its reason and amount), or only what was typed. */
function itemBase(db: Db, input: RectificationInput & { township?: string; village?: string; amountAtIssueFen?: number }): ItemBase {
  const typed = { township: input.township ?? '', village: input.village ?? '', description: input.description ?? '', unit: input.unit ?? '', responsible: input.responsible ?? '', amount: input.amountAtIssueFen ?? 0 };
  const existing = (col: 'lead_number' | 'finding_id', v: string) => db.prepare<[string], { id: number }>(`SELECT id FROM rectifications WHERE ${col} = ? ORDER BY id LIMIT 1`).get(v);
  if (input.leadNumber) {
    const l = getCaseLead(db, input.leadNumber);
    if (!l) throw new EngineError('not-found', 'lead.err.not-found', { number: input.leadNumber });
    if (l.status === 'merged') throw new EngineError('conflict', 'rect.err.lead-merged', { number: l.number, into: l.mergedInto ?? '' });
    const dup = existing('lead_number', l.number);
    if (dup) throw new EngineError('conflict', 'rect.err.lead-has-item', { number: l.number, id: dup.id });
    return { township: l.township, village: l.village, description: input.description ?? l.problem, unit: input.unit ?? `${l.township}${l.village}`, responsible: input.responsible ?? l.personNames, amount: l.amountFen };
  }
  if (input.findingId) {
    const f = db.prepare<[string], { township: string; village: string; reason: string; amount_fen: number }>('SELECT township, village, reason, amount_fen FROM findings WHERE id = ?').get(input.findingId);
    if (!f) throw new EngineError('not-found', 'rect.err.finding-not-found', { id: input.findingId });
    const dup = existing('finding_id', input.findingId);
    if (dup) throw new EngineError('conflict', 'rect.err.finding-has-item', { id: dup.id });
    return { ...typed, township: f.township, village: f.village, description: input.description ?? f.reason, unit: input.unit ?? `${f.township}${f.village}`, amount: f.amount_fen };
  }
  if (!typed.township.trim() || !typed.village.trim() || !typed.description.trim()) {
    throw new EngineError('invalid-arguments', 'rect.err.needs-place');
  }
  return typed;
}

export function createRectification(db: Db, input: RectificationInput & { township?: string; village?: string; amountAtIssueFen?: number }, actor: string, now: string): RectificationItem {
  let id = 0;
  writeTx(db, () => {
    const base = itemBase(db, input);
    id = Number(db.prepare(`INSERT INTO rectifications (lead_number, finding_id, township, village, description, unit, responsible, measures, due_date, progress, amount_at_issue_fen, recovered_fen, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(input.leadNumber ?? null, input.findingId ?? null, base.township, base.village, base.description, base.unit, base.responsible,
      input.measures ?? '', input.dueDate ?? null, input.progress ?? NOT_STARTED, base.amount, input.recoveredFen ?? 0, now, now).lastInsertRowid);
    appendTrail(db, { at: now, actor, entity: 'rectification', entityId: String(id), action: 'create', after: { ...input, ...base } });
  });
  return getRectification(db, id, now.slice(0, 10));
}

export function updateRectification(db: Db, id: number, patch: RectificationInput, actor: string, now: string): RectificationItem {
  const map: Record<string, string> = { description: 'description', unit: 'unit', responsible: 'responsible', measures: 'measures', dueDate: 'due_date', progress: 'progress', recoveredFen: 'recovered_fen' };
  writeTx(db, () => {
    const before = getRectification(db, id, now.slice(0, 10));
    if (before.closed) throw new EngineError('conflict', 'rect.err.closed', { id });
    const keys = Object.keys(patch).filter((k) => k in map && (patch as Record<string, unknown>)[k] !== undefined);
    if (keys.length === 0) return;
    db.prepare(`UPDATE rectifications SET ${keys.map((k) => `${map[k]} = @${k}`).join(', ')}, updated_at = @now WHERE id = @id`).run({ ...patch, now, id });
    const after = getRectification(db, id, now.slice(0, 10));
    const pick = (x: RectificationItem) => Object.fromEntries(keys.map((k) => [k, (x as unknown as Record<string, unknown>)[k]]));
    appendTrail(db, { at: now, actor, entity: 'rectification', entityId: String(id), action: 'update', before: pick(before), after: pick(after) });
  });
  return getRectification(db, id, now.slice(0, 10));
}

/** Where an item's evidence files are kept: `<workspace>.files/`, encrypted with the workspace's data key when it has a password. */
export interface EvidenceStore {
  dir: string;
  key: Buffer | null;
}

const sha256Of = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Puts an evidence file's bytes in the folder (encrypted in an encrypted workspace) unless there; `created` when this call wrote it. */
export function storeEvidenceBytes(store: EvidenceStore, sha: string, bytes: Buffer): { stored: string; created: boolean } {
  mkdirSync(store.dir, { recursive: true });
  const stored = join(store.dir, store.key ? evidenceName(store.key, sha) : sha);
  if (existsSync(stored)) return { stored, created: false };
  // Written whole under a temporary name, then renamed: a half-written file never takes the name.
  const tmp = `${stored}.${process.pid}.partial`;
  writeFileSync(tmp, store.key ? encryptEvidence(store.key, bytes) : bytes);
  renameSync(tmp, stored);
  return { stored, created: true };
}

/** Copies the file into the evidence folder (encrypted in an encrypted workspace) and records it. */
export function addRectificationEvidence(db: Db, store: EvidenceStore, id: number, path: string, actor: string, now: string): RectificationItem {
  if (!existsSync(path)) throw new EngineError('not-found', 'rect.err.file-not-found', { path });
  const bytes = readFileSync(path);
  const sha = sha256Of(bytes);
  const { stored } = storeEvidenceBytes(store, sha, bytes);
  writeTx(db, () => {
    getRectification(db, id, now.slice(0, 10));
    db.prepare('INSERT INTO rectification_evidence (item_id, name, sha256, size, stored_path, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, basename(path), sha, bytes.length, stored, actor, now);
    appendTrail(db, { at: now, actor, entity: 'rectification', entityId: String(id), action: 'evidence', after: { name: basename(path), sha256: sha } });
  });
  return getRectification(db, id, now.slice(0, 10));
}

/** An evidence file's bytes as recorded, or why not: missing from the folder, or changed (its hash, or GCM's tag, fails). */
export function readEvidence(store: EvidenceStore, e: { sha256: string; storedPath: string }): { ok: true; bytes: Buffer } | { ok: false; why: 'missing' | 'changed' } {
  const name = store.key ? evidenceName(store.key, e.sha256) : e.sha256;
  const found = [join(store.dir, name), e.storedPath].find((p) => existsSync(p));
  if (!found) return { ok: false, why: 'missing' };
  const raw = readFileSync(found);
  const bytes = store.key ? decryptEvidence(store.key, raw) : raw;
  if (!bytes || sha256Of(bytes) !== e.sha256) return { ok: false, why: 'changed' };
  return { ok: true, bytes };
}

/** Every evidence file checked against its record (for verify): what is missing or changed. */
export function checkEvidence(db: Db, store: EvidenceStore): { id: number; name: string; why: 'missing' | 'changed' }[] {
  return db.prepare<[], { id: number; name: string; sha256: string; storedPath: string }>('SELECT id, name, sha256, stored_path AS storedPath FROM rectification_evidence ORDER BY id').all()
    .flatMap((e) => {
      const r = readEvidence(store, e);
      return r.ok ? [] : [{ id: e.id, name: e.name, why: r.why }];
    });
}

/**
 * Copies a stored evidence file out (to open it, or hand it on), after checking that its bytes
 * still hash to what was recorded. Looks in the workspace's own folder first, so a workspace
 * copied to another laptop together with its `.files` folder still finds its evidence.
 */
export function saveRectificationEvidence(db: Db, store: EvidenceStore, evidenceId: number, dest: string): { path: string; name: string; sha256: string } {
  const e = db.prepare<[number], { name: string; sha256: string; storedPath: string }>('SELECT name, sha256, stored_path AS storedPath FROM rectification_evidence WHERE id = ?').get(evidenceId);
  if (!e) throw new EngineError('not-found', 'rect.err.evidence-not-found', { id: evidenceId });
  const r = readEvidence(store, e);
  if (!r.ok && r.why === 'missing') throw new EngineError('not-found', 'rect.err.evidence-missing', { name: e.name, dir: store.dir });
  if (!r.ok) throw new EngineError('conflict', 'rect.err.evidence-changed', { name: e.name });
  writeFileSync(dest, r.bytes);
  return { path: dest, name: e.name, sha256: e.sha256 };
}

/** 销号: needs at least one evidence file or a note; records who and when. */
export function closeRectification(db: Db, id: number, note: string | undefined, actor: string, now: string): RectificationItem {
  writeTx(db, () => {
    const it = getRectification(db, id, now.slice(0, 10));
    if (it.closed) throw new EngineError('conflict', 'rect.err.already-closed', { id });
    if (it.evidence.length === 0 && !note?.trim()) throw new EngineError('invalid-arguments', 'rect.err.close-needs-evidence');
    db.prepare('UPDATE rectifications SET closed = 1, closed_by = ?, closed_at = ?, close_note = ?, progress = ?, updated_at = ? WHERE id = ?').run(actor, now, note?.trim() || null, DONE, now, id);
    appendTrail(db, { at: now, actor, entity: 'rectification', entityId: String(id), action: 'close', before: { closed: false, progress: it.progress }, after: { closed: true, note: note ?? null } });
  });
  return getRectification(db, id, now.slice(0, 10));
}

export function rectificationSummary(db: Db, today: string): RectificationSummaryRow[] {
  return db.prepare<{ today: string }, RectificationSummaryRow>(`SELECT township, village, COUNT(*) AS items, SUM(closed = 0) AS open,
      SUM(closed = 0 AND due_date IS NOT NULL AND due_date < @today) AS overdue, SUM(closed = 1) AS closed,
      SUM(amount_at_issue_fen) AS amountAtIssueFen, SUM(recovered_fen) AS recoveredFen
    FROM rectifications GROUP BY township, village ORDER BY township, village`).all({ today });
}

/**
 * The ledger's state at the end of each day something happened, replayed from the trail (the
 * only dated record of every change): items opened, in progress, closed, money recovered.
 */
export function rectificationProgress(db: Db, q: { township?: string } = {}): RectificationProgressPoint[] {
  const rows = db.prepare<{ t: string | null }, { at: string; id: string; action: string; after: string | null; amount: number }>(`SELECT t.at, t.entity_id AS id, t.action, t.after, r.amount_at_issue_fen AS amount FROM trail t
      JOIN rectifications r ON r.id = CAST(t.entity_id AS INTEGER)
    WHERE t.entity = 'rectification' AND (@t IS NULL OR r.township = @t) ORDER BY t.id`).all({ t: q.township ?? null });
  const items = new Map<string, { progress: string; recovered: number; closed: boolean; amount: number }>();
  const points: RectificationProgressPoint[] = [];
  const snapshot = (date: string) => {
    const p: RectificationProgressPoint = { date, items: 0, notStarted: 0, inProgress: 0, done: 0, closed: 0, amountAtIssueFen: 0, recoveredFen: 0 };
    for (const it of items.values()) {
      p.items++;
      if (it.closed) p.closed++;
      else if (it.progress === DONE) p.done++;
      else if (it.progress === IN_PROGRESS) p.inProgress++;
      else p.notStarted++;
      p.amountAtIssueFen += it.amount;
      p.recoveredFen += it.recovered;
    }
    // A laptop clock set back must not make the chart run backwards: such a change counts on the latest day shown.
    const last = points[points.length - 1];
    if (last && last.date >= date) points[points.length - 1] = { ...p, date: last.date };
    else points.push(p);
  };
  for (const r of rows) {
    const after = (r.after ? JSON.parse(r.after) : {}) as { progress?: string; recoveredFen?: number };
    const it = items.get(r.id) ?? { progress: NOT_STARTED as string, recovered: 0, closed: false, amount: r.amount };
    if (after.progress) it.progress = after.progress;
    if (typeof after.recoveredFen === 'number') it.recovered = after.recoveredFen;
    if (r.action === 'close') { it.closed = true; it.progress = DONE; }
    items.set(r.id, it);
    snapshot(r.at.slice(0, 10));
  }
  return points;
}

/** Writes the ledger's items as an .xlsx file; answers where, with its SHA-256. */
export async function writeRectificationXlsx(items: RectificationItem[], path: string): Promise<{ path: string; sha256: string; items: number }> {
  const bytes = await rectificationXlsx(items);
  writeFileSync(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), items: items.length };
}

export async function rectificationXlsx(items: RectificationItem[]): Promise<Buffer> {
  // exceljs (3 MB) is loaded when a workbook is first written, not when the engine starts.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(zh('rect.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols: [MessageKey, number][] = [['doc.seq', 6], ['doc.lead-number', 22], ['doc.township', 10], ['doc.village', 10], ['rect.col.description', 50],
    ['rect.col.unit', 18], ['rect.col.responsible', 18], ['rect.col.measures', 30], ['rect.col.due', 12], ['rect.col.progress', 10], ['doc.amount-yuan', 16],
    ['rect.col.recovered-yuan', 16], ['rect.col.evidence', 30], ['rect.col.closed', 8], ['rect.col.closed-at', 20]];
  ws.columns = cols.map(([header, width], i) => ({ header: zh(header), key: `c${i}`, width }));
  items.forEach((it, i) => {
    const row = ws.addRow([i + 1, it.leadNumber ?? '', it.township, it.village, it.description, it.unit, it.responsible, it.measures, it.dueDate ?? '', it.progress,
      it.amountAtIssueFen / 100, it.recoveredFen / 100, it.evidence.map((e) => `${e.name} (${e.sha256.slice(0, 12)})`).join(zh('fmt.items')), zh(it.closed ? 'doc.yes' : 'doc.no'), it.closedAt ?? '']
      .map((v) => (typeof v === 'string' ? safeText(v) : v)));
    if (it.overdue) row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0E0' } };
  });
  ws.getColumn(11).numFmt = MONEY_FORMAT;
  ws.getColumn(12).numFmt = MONEY_FORMAT;
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
