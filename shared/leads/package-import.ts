// Importing a work package into the open workspace: one transaction, all or nothing.
//
// 1. The file is opened (password, tag, content hash, manifest) before anything is written: a
//    wrong password or a changed byte leaves the workspace as it was.
// 2. Source files it lacks are imported through the importer from their original bytes (the same
//    file twice is recognised by its hash and not doubled); the rules run over the whole workspace.
// 3. Reviews merge by finding fingerprint: every decision of the package joins the finding's history
//    (imported_reviews); a finding undecided here takes the package's decision; one decided here
//    the other way (confirmed against dismissed) becomes a conflict, listed until a person resolves
//    it. Nothing is picked silently.
// 4. Handoffs, leads (with every handed-over version) and rectification items (with evidence) are
//    matched by their shared id: new ones are added; a lead whose number is taken here gets the
//    next number of its township and year, recorded (lead_renumbers, trail); one changed on the
//    other side only is updated (through the same triggers as any change); one changed on both is a
//    conflict. A finding already in another lead here is a conflict too.
// 5. The package's trail is appended (entries already here are not doubled), and the import recorded.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { TRAIL_ENTITIES, type Encoding, type FindingStatus, type ImportOptions, type PackageImportResult } from '../contract';
import { EngineError } from '../i18n/errors';
import { bi } from '../i18n/messages';
import { runRules } from '../rules/run';
import { asyncTransaction, type Db } from '../workspace/db';
import { reviewFindings } from '../workspace/findings-store';
import { importFile } from '../workspace/importer';
import { openPackage, unpackBody, type BlobRef } from '../workspace/package-crypto';
import { unpackChecked } from '../workspace/source-bytes';
import { importCadres } from './cadres';
import { shred } from './disposal';
import { listConflicts } from './conflicts';
import { leadHash, leadRecord, rectHash, rectRecord, type PackageContext } from './package-export';
import { manifestSchema, type Manifest, type ManifestLead, type ManifestRect } from './package-manifest';
import { storeEvidenceBytes } from './rectification';
import { leadSource, nextNumber } from './store';
import { appendTrail } from './trail';

type Side = { group: string; decision: FindingStatus | null; note: string | null; actor: string; at: string };

/** The package's manifest and its blobs, or a refusal (nothing written). */
export function readPackage(path: string, password: string): { manifest: Manifest; blob: (r: BlobRef) => Buffer; sha256: string; contentSha256: string } {
  const name = basename(path);
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    throw new EngineError('not-found', 'package.err.not-found', { path });
  }
  const plain = openPackage(file, password, name);
  const body = unpackBody(plain, name);
  const parsed = manifestSchema.safeParse(body.manifest);
  if (!parsed.success) throw new EngineError('invalid-arguments', 'package.err.format', { name });
  return {
    manifest: parsed.data, blob: body.blob, sha256: createHash('sha256').update(file).digest('hex'),
    contentSha256: createHash('sha256').update(plain).digest('hex'),
  };
}

const suffixOf = (number: string): number | null => {
  const m = /-(\d+)$/.exec(number);
  return m ? Number(m[1]) : null;
};

export async function importPackage(ctx: PackageContext, args: { path: string; password: string; actor: string }): Promise<PackageImportResult> {
  const { db } = ctx;
  const path = resolve(args.path);
  ctx.onProgress?.('decrypt', 0, 1);
  const pkg = readPackage(path, args.password);
  const m = pkg.manifest;
  ctx.onProgress?.('decrypt', 1, 1);
  const seen = db.prepare<[string], string>("SELECT name FROM packages WHERE direction = 'import' AND content_sha256 = ?").pluck().get(pkg.contentSha256);
  if (seen !== undefined) throw new EngineError('conflict', 'package.err.already-imported', { name: basename(path), as: seen });

  const tmp = mkdtempSync(join(tmpdir(), 'va-package-'));
  const createdEvidence: string[] = [];
  const result: PackageImportResult = {
    path, sha256: pkg.sha256, group: m.group, exportedBy: m.createdBy, exportedAt: m.createdAt, final: m.final, villages: m.villages,
    sources: { added: 0, duplicate: 0 }, cadreFiles: { added: 0, duplicate: 0 }, reviews: { added: 0, applied: 0, conflicts: 0 },
    leads: { added: 0, updated: 0, same: 0, renumbered: [] }, handoffs: { added: 0 }, rectifications: { added: 0, updated: 0 }, evidence: { added: 0 }, trail: { added: 0 },
    conflicts: [], message: { zh: '', en: '' },
  };
  let packageId = 0;
  // Every file written out (and checked against its hash) before the transaction starts.
  const files = new Map<string, string>();
  try {
    const unpack = async (sha256: string, name: string, blob: BlobRef): Promise<string> => {
      const have = files.get(sha256);
      if (have) return have;
      const bytes = await unpackChecked(pkg.blob(blob), sha256);
      if (!bytes) throw new EngineError('invalid-arguments', 'package.err.tampered', { name: basename(path) });
      const dir = join(tmp, String(files.size));
      mkdirSync(dir);
      const p = join(dir, basename(name));
      writeFileSync(p, bytes);
      files.set(sha256, p);
      return p;
    };
    for (const s of m.sources) await unpack(s.sha256, s.name, s.blob);
    for (const c of m.cadreFiles) await unpack(c.sha256, c.name, c.blob);

    await asyncTransaction(db, async () => {
      packageId = Number(db.prepare(`INSERT INTO packages (direction, sha256, content_sha256, name, audit_group, final, villages, summary, actor, at) VALUES ('import', ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(pkg.sha256, pkg.contentSha256, basename(path), m.group, m.final ? 1 : 0, JSON.stringify(m.villages),
          JSON.stringify({ sources: m.sources.length, cadreFiles: m.cadreFiles.length, reviews: m.reviews.length, leads: m.leads.length, handoffs: m.handoffs.length, rectifications: m.rectifications.length, trail: m.trail.length }),
          args.actor, ctx.now).lastInsertRowid);
      await importSources(ctx, m, files, result);
      if (result.sources.added > 0) {
        ctx.onProgress?.('rules', 0, 1);
        runRules(db, { now: ctx.now });
        ctx.onProgress?.('rules', 1, 1);
      }
      ctx.onProgress?.('merge', 0, 5);
      const conflict = conflictWriter(db, packageId, ctx.now);
      mergeReviews(db, m, packageId, leadSource(db), result, conflict);
      ctx.onProgress?.('merge', 1, 5);
      const handoffIds = mergeHandoffs(db, m, result);
      const numbers = mergeLeads(db, m, packageId, handoffIds, result, conflict, ctx.now, args.actor);
      ctx.onProgress?.('merge', 2, 5);
      const rectIds = mergeRectifications(ctx, m, pkg.blob, numbers, result, conflict, createdEvidence);
      ctx.onProgress?.('merge', 3, 5);
      mergeTrail(db, m, numbers, handoffIds, rectIds, result);
      ctx.onProgress?.('merge', 4, 5);
      appendTrail(db, {
        at: ctx.now, actor: args.actor, entity: 'package', entityId: basename(path), action: m.final ? 'package-import-final' : 'package-import',
        after: {
          group: m.group, exportedBy: m.createdBy, exportedAt: m.createdAt, sha256: pkg.sha256, sources: result.sources.added, reviews: result.reviews.added,
          leads: result.leads.added, renumbered: result.leads.renumbered.map((r) => `${r.from} → ${r.to}`), conflicts: conflict.count(),
        },
      });
      ctx.onProgress?.('merge', 5, 5);
      return { ok: true };
    });
  } catch (e) {
    // Rolled back: the evidence files this import put in the folder go too.
    for (const p of createdEvidence) {
      try {
        unlinkSync(p);
      } catch {
        // already gone
      }
    }
    throw e;
  } finally {
    // The plaintext copies the importer read are overwritten before they go (the workspace may be encrypted).
    for (const p of files.values()) {
      try {
        shred(p);
      } catch {
        // gone already
      }
    }
    rmSync(tmp, { recursive: true, force: true });
  }
  result.conflicts = listConflicts(db, { packageId, ownGroup: leadSource(db) });
  const conflicts = result.conflicts.length;
  result.message = bi('package.imported', {
    name: basename(path), group: m.group, sources: result.sources.added, duplicate: result.sources.duplicate, reviews: result.reviews.added, applied: result.reviews.applied,
    leads: result.leads.added, renumbered: result.leads.renumbered.length, items: result.rectifications.added, conflicts,
  });
  return result;
}

async function importSources(ctx: PackageContext, m: Manifest, files: Map<string, string>, result: PackageImportResult): Promise<void> {
  const { db } = ctx;
  const has = db.prepare<[string, string], number>("SELECT 1 FROM source_files WHERE sha256 = ? AND COALESCE(sheet, '') = ? AND format <> ''").pluck();
  // A workbook imported whole is one import of its file, whatever sheets it gave.
  const calls = new Map<string, Manifest['sources'][number]>();
  for (const s of m.sources) {
    const o = JSON.parse(s.options) as { sheet?: string | null };
    const k = `${s.sha256}\n${o.sheet ?? '*'}`;
    if (!calls.has(k)) calls.set(k, s);
  }
  let done = 0;
  for (const s of calls.values()) {
    ctx.onProgress?.('sources', done++, calls.size);
    const o = JSON.parse(s.options) as { township?: string | null; village?: string | null; map?: Record<string, string>; encoding?: string; sheet?: string | null };
    const sheets = m.sources.filter((x) => x.sha256 === s.sha256 && (o.sheet == null || x.sheet === o.sheet));
    if (sheets.every((x) => has.get(x.sha256, x.sheet ?? '') !== undefined)) {
      result.sources.duplicate++;
      continue;
    }
    const opts: ImportOptions = {
      path: files.get(s.sha256) as string, kind: s.kind, encoding: (o.encoding ?? 'auto') as Encoding | 'auto', map: o.map && Object.keys(o.map).length ? o.map : undefined,
      ...(o.sheet != null ? { sheet: o.sheet } : {}), ...(o.township ? { township: o.township } : {}), ...(o.village ? { village: o.village } : {}),
    };
    const r = await importFile(db, opts, { now: () => ctx.now, recordedPath: s.path });
    if (r.status === 'duplicate') result.sources.duplicate++;
    else if (r.status === 'imported') result.sources.added++;
    else throw new EngineError('conflict', 'package.err.source-failed', { name: s.name, message: r.message, messageEn: r.messageEn });
  }
  ctx.onProgress?.('sources', calls.size, calls.size);
  for (const c of m.cadreFiles) {
    if (db.prepare('SELECT 1 FROM cadre_files WHERE sha256 = ?').get(c.sha256)) {
      result.cadreFiles.duplicate++;
      continue;
    }
    const r = await importCadres(db, { path: files.get(c.sha256) as string, recordedPath: c.path }, ctx.now);
    if (r.status === 'imported') result.cadreFiles.added++;
    else if (r.status === 'duplicate') result.cadreFiles.duplicate++;
    else throw new EngineError('conflict', 'package.err.source-failed', { name: c.name, message: r.message, messageEn: r.messageEn });
  }
}

interface ConflictWriter {
  (kind: 'review' | 'lead' | 'lead-finding' | 'rectification', ref: string, local: unknown, incoming: unknown): void;
  count: () => number;
}

function conflictWriter(db: Db, packageId: number, now: string): ConflictWriter {
  let n = 0;
  const open = db.prepare<[string, string, string], number>('SELECT 1 FROM conflicts WHERE kind = ? AND ref = ? AND incoming = ? AND resolved_at IS NULL').pluck();
  const insert = db.prepare('INSERT INTO conflicts (package_id, kind, ref, local, incoming, opened_at) VALUES (?, ?, ?, ?, ?, ?)');
  const write = ((kind, ref, local, incoming) => {
    const inc = JSON.stringify(incoming);
    if (open.get(kind, ref, inc) !== undefined) return;
    insert.run(packageId, kind, ref, JSON.stringify(local), inc, now);
    n++;
  }) as ConflictWriter;
  write.count = () => n;
  return write;
}

function mergeReviews(db: Db, m: Manifest, packageId: number, ownGroup: string, result: PackageImportResult, conflict: ConflictWriter): void {
  const known = new Set<string>();
  const key = (f: string, d: string, n: string | null, r: string, a: string): string => JSON.stringify([f, d, n, r, a]);
  const ids = JSON.stringify([...new Set(m.reviews.map((r) => r.findingId))]);
  for (const r of db.prepare<[string, string], { f: string; d: string; n: string | null; r: string; a: string }>(`SELECT finding_id AS f, decision AS d, note AS n, reviewer AS r, decided_at AS a FROM reviews
      WHERE finding_id IN (SELECT value FROM json_each(?)) UNION ALL SELECT finding_id, decision, note, reviewer, decided_at FROM imported_reviews WHERE finding_id IN (SELECT value FROM json_each(?))`).all(ids, ids)) {
    known.add(key(r.f, r.d, r.n, r.r, r.a));
  }
  const add = db.prepare('INSERT INTO imported_reviews (package_id, finding_id, decision, note, reviewer, decided_at, audit_group) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const r of m.reviews) {
    const k = key(r.findingId, r.decision, r.note, r.reviewer, r.decidedAt);
    if (known.has(k)) continue;
    known.add(k);
    add.run(packageId, r.findingId, r.decision, r.note, r.reviewer, r.decidedAt, r.group);
    result.reviews.added++;
  }
  const finding = db.prepare<[string], { status: FindingStatus; note: string | null; reviewer: string | null; decided_at: string | null }>('SELECT status, note, reviewer, decided_at FROM findings WHERE id = ?');
  const inLead = db.prepare<[string], number>('SELECT 1 FROM lead_findings WHERE finding_id = ?').pluck();
  for (const c of m.current) {
    if (c.decision === 'pending') continue;
    const f = finding.get(c.findingId);
    // A finding this workspace does not make (other rule settings): its decisions stay in the history.
    if (!f || f.status === c.decision) continue;
    const incoming: Side = { group: m.group, decision: c.decision, note: c.note, actor: c.reviewer, at: c.decidedAt };
    if (f.status === 'pending' && inLead.get(c.findingId) === undefined) {
      reviewFindings(db, [c.findingId], c.decision, c.reviewer, c.note, c.decidedAt);
      result.reviews.applied++;
      continue;
    }
    const local: Side = { group: ownGroup, decision: f.status, note: f.note, actor: f.reviewer ?? '', at: f.decided_at ?? '' };
    const before = conflict.count();
    conflict('review', c.findingId, local, incoming);
    if (conflict.count() > before) result.reviews.conflicts++;
  }
}

function mergeHandoffs(db: Db, m: Manifest, result: PackageImportResult): Map<string, number> {
  const out = new Map<string, number>();
  const local = db.prepare<[string], number>("SELECT local_id FROM sync_ids WHERE kind = 'handoff' AND uid = ?").pluck();
  for (const h of m.handoffs) {
    const have = local.get(h.uid);
    if (have !== undefined) {
      out.set(h.uid, have);
      continue;
    }
    const id = Number(db.prepare('INSERT INTO handoffs (township, from_unit, to_unit, handed_by, handed_at, lead_count, amount_fen, leads, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(h.township, h.fromUnit, h.toUnit, h.handedBy, h.handedAt, h.leadCount, h.amountFen, h.leads, h.files).lastInsertRowid);
    db.prepare("INSERT INTO sync_ids (kind, local_id, uid) VALUES ('handoff', ?, ?)").run(id, h.uid);
    out.set(h.uid, id);
    result.handoffs.added++;
  }
  return out;
}

/** Runs a change in a savepoint; a trigger's refusal (or any SQLite error) undoes it and answers false. */
function tryChange(db: Db, change: () => void): boolean {
  try {
    db.transaction(change)();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_')) return false;
    throw e;
  }
}

/**
 * A record both workspaces have, against what they last exchanged (sync_ids.synced_hash): the same;
 * changed here only (kept); changed there only (taken, if the change passes the triggers, in a
 * savepoint); or changed on both sides (a conflict, nothing changed).
 */
function reconcile(db: Db, kind: 'lead' | 'rectification', localId: number, synced: string | null, here: string, there: string, take: () => void): 'same' | 'kept' | 'taken' | 'conflict' {
  const setSynced = (): void => {
    db.prepare('UPDATE sync_ids SET synced_hash = ? WHERE kind = ? AND local_id = ?').run(there, kind, localId);
  };
  if (here === there) {
    setSynced();
    return 'same';
  }
  if (there === synced) return 'kept';
  if (here === synced && tryChange(db, take)) {
    setSynced();
    return 'taken';
  }
  return 'conflict';
}

const leadSummary = (l: { number: string; version: number; amountFen: number; disposition: string; status: string }) => ({ number: l.number, version: l.version, amountFen: l.amountFen, disposition: l.disposition, status: l.status });

/** Leads by shared id; returns the package's numbers as they are here. */
function mergeLeads(db: Db, m: Manifest, packageId: number, handoffIds: Map<string, number>, result: PackageImportResult, conflict: ConflictWriter, now: string, actor: string): Map<string, string> {
  const byUid = db.prepare<[string], { local_id: number; synced_hash: string | null }>("SELECT local_id, synced_hash FROM sync_ids WHERE kind = 'lead' AND uid = ?");
  const numberOf = db.prepare<[number], string>('SELECT number FROM leads WHERE id = ?').pluck();
  const taken = db.prepare<[string], number>('SELECT 1 FROM leads WHERE number = ?').pluck();
  const numbers = new Map<string, string>();
  const fresh: ManifestLead[] = [];
  const claimed = new Set<string>();
  // Numbers kept first (and the counters moved past them), then the taken ones renumbered after every number in use.
  const renumber: ManifestLead[] = [];
  for (const l of m.leads) {
    const have = byUid.get(l.uid);
    if (have) {
      numbers.set(l.number, numberOf.get(have.local_id) as string);
      continue;
    }
    fresh.push(l);
    if (taken.get(l.number) !== undefined || claimed.has(l.number)) renumber.push(l);
    else {
      claimed.add(l.number);
      numbers.set(l.number, l.number);
      const n = suffixOf(l.number);
      if (n !== null) {
        db.prepare('INSERT INTO lead_counters (township, year, last) VALUES (?, ?, ?) ON CONFLICT(township, year) DO UPDATE SET last = MAX(last, excluded.last)').run(l.township, l.year, n);
      }
    }
  }
  for (const l of renumber) {
    const to = nextNumber(db, l.township, l.year);
    numbers.set(l.number, to);
    result.leads.renumbered.push({ from: l.number, to });
  }
  const mapped = (n: string | null): string | null => (n === null ? null : (numbers.get(n) ?? n));
  const linkedTo = db.prepare<[string], string>('SELECT l.number FROM lead_findings lf JOIN leads l ON l.id = lf.lead_id WHERE lf.finding_id = ?').pluck();
  const link = db.prepare('INSERT INTO lead_findings (lead_id, finding_id) VALUES (?, ?)');
  const linkFindings = (leadId: number, number: string, l: ManifestLead): void => {
    for (const f of l.findings) {
      const other = linkedTo.get(f);
      if (other === undefined) link.run(leadId, f);
      else if (other !== number) conflict('lead-finding', f, { number: other }, { number, group: m.group });
    }
  };
  const addVersions = (leadId: number, l: ManifestLead): void => {
    const has = db.prepare<[number, number], number>('SELECT 1 FROM lead_versions WHERE lead_id = ? AND version = ?').pluck();
    for (const v of l.versions) {
      if (has.get(leadId, v.version) !== undefined) continue;
      db.prepare('INSERT INTO lead_versions (lead_id, version, snapshot, handoff_id, frozen_at) VALUES (?, ?, ?, ?, ?)')
        .run(leadId, v.version, v.snapshot, v.handoffUid === null ? null : (handoffIds.get(v.handoffUid) ?? null), v.frozenAt);
    }
  };
  // Open leads before merged ones is not needed (merged_into is a number, not a key), but numbers must all be known: they are.
  for (const l of fresh) {
    const number = numbers.get(l.number) as string;
    const id = Number(db.prepare(`INSERT INTO leads (number, township, village, year, rule, status, version, frozen, persons, source, received_at, problem, amount_fen, evidence,
        disposition, remarks, merged_into, correction, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(number, l.township, l.village, l.year, l.rule, l.status, l.version, l.frozen, l.persons, l.source, l.receivedAt, l.problem, l.amountFen, l.evidence,
        l.disposition, l.remarks, mapped(l.mergedInto), l.correction, l.createdAt, l.updatedAt).lastInsertRowid);
    db.prepare("INSERT INTO sync_ids (kind, local_id, uid, synced_hash) VALUES ('lead', ?, ?, ?)").run(id, l.uid, leadHash(l));
    addVersions(id, l);
    linkFindings(id, number, l);
    if (number !== l.number) {
      db.prepare('INSERT INTO lead_renumbers (package_id, lead_id, from_number, to_number, audit_group, at) VALUES (?, ?, ?, ?, ?, ?)').run(packageId, id, l.number, number, m.group, now);
      appendTrail(db, { at: now, actor, entity: 'lead', entityId: number, action: 'renumber', before: { number: l.number }, after: { number, group: m.group } });
    }
    result.leads.added++;
  }
  // Leads both sides have: the same, changed on one side, or changed on both (a conflict).
  for (const l of m.leads) {
    const have = byUid.get(l.uid);
    if (!have || fresh.includes(l)) continue;
    const row = db.prepare('SELECT * FROM leads WHERE id = ?').get(have.local_id) as Parameters<typeof leadRecord>[1];
    const here = leadRecord(db, row);
    const outcome = reconcile(db, 'lead', have.local_id, have.synced_hash, leadHash(here), leadHash(l), () => {
      addVersions(have.local_id, l);
      db.prepare(`UPDATE leads SET status = ?, version = ?, frozen = ?, persons = ?, source = ?, received_at = ?, problem = ?, amount_fen = ?, evidence = ?, disposition = ?,
          remarks = ?, merged_into = ?, correction = ?, updated_at = ? WHERE id = ?`)
        .run(l.status, l.version, l.frozen, l.persons, l.source, l.receivedAt, l.problem, l.amountFen, l.evidence, l.disposition, l.remarks, mapped(l.mergedInto), l.correction, l.updatedAt, have.local_id);
      linkFindings(have.local_id, row.number, l);
    });
    if (outcome === 'same' || outcome === 'kept') {
      result.leads.same++;
      continue;
    }
    if (outcome === 'taken') {
      result.leads.updated++;
      appendTrail(db, { at: now, actor, entity: 'lead', entityId: row.number, action: 'merge-update', before: leadSummary(here), after: { ...leadSummary({ ...l, number: row.number }), group: m.group } });
    } else {
      conflict('lead', row.number, leadSummary(here), { ...leadSummary({ ...l, number: row.number }), group: m.group, updatedAt: l.updatedAt });
    }
  }
  return numbers;
}

function mergeRectifications(ctx: PackageContext, m: Manifest, blob: (r: BlobRef) => Buffer, numbers: Map<string, string>, result: PackageImportResult, conflict: ConflictWriter, created: string[]): Map<string, number> {
  const { db } = ctx;
  const out = new Map<string, number>();
  const byUid = db.prepare<[string], { local_id: number; synced_hash: string | null }>("SELECT local_id, synced_hash FROM sync_ids WHERE kind = 'rectification' AND uid = ?");
  const evidenceHere = db.prepare<[number, string], number>('SELECT 1 FROM rectification_evidence WHERE item_id = ? AND sha256 = ?').pluck();
  const addEvidence = (itemId: number, r: ManifestRect): void => {
    for (const e of r.evidence) {
      if (evidenceHere.get(itemId, e.sha256) !== undefined) continue;
      const bytes = blob(e.blob);
      if (createHash('sha256').update(bytes).digest('hex') !== e.sha256) throw new EngineError('invalid-arguments', 'package.err.tampered', { name: e.name });
      const s = storeEvidenceBytes(ctx.evidence, e.sha256, bytes);
      if (s.created) created.push(s.stored);
      db.prepare('INSERT INTO rectification_evidence (item_id, name, sha256, size, stored_path, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(itemId, e.name, e.sha256, e.size, s.stored, e.addedBy, e.addedAt);
      result.evidence.added++;
    }
  };
  const summary = (r: { description: string; progress: string; recoveredFen: number; closed: number; updatedAt: string }) =>
    ({ description: r.description.slice(0, 200), progress: r.progress, recoveredFen: r.recoveredFen, closed: !!r.closed, updatedAt: r.updatedAt });
  for (const r of m.rectifications) {
    const have = byUid.get(r.uid);
    const leadNumber = r.leadNumber === null ? null : (numbers.get(r.leadNumber) ?? r.leadNumber);
    if (!have) {
      const id = Number(db.prepare(`INSERT INTO rectifications (lead_number, finding_id, township, village, description, unit, responsible, measures, due_date, progress, amount_at_issue_fen,
          recovered_fen, closed, closed_by, closed_at, close_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(leadNumber, r.findingId, r.township, r.village, r.description, r.unit, r.responsible, r.measures, r.dueDate, r.progress, r.amountAtIssueFen, r.recoveredFen,
          r.closed, r.closedBy, r.closedAt, r.closeNote, r.createdAt, r.updatedAt).lastInsertRowid);
      db.prepare("INSERT INTO sync_ids (kind, local_id, uid, synced_hash) VALUES ('rectification', ?, ?, ?)").run(id, r.uid, rectHash(r));
      addEvidence(id, r);
      out.set(r.uid, id);
      result.rectifications.added++;
      continue;
    }
    out.set(r.uid, have.local_id);
    const row = db.prepare('SELECT * FROM rectifications WHERE id = ?').get(have.local_id) as Parameters<typeof rectRecord>[0];
    const here = { ...rectRecord(row), evidence: db.prepare<[number], { sha256: string }>('SELECT sha256 FROM rectification_evidence WHERE item_id = ?').all(have.local_id) };
    const outcome = reconcile(db, 'rectification', have.local_id, have.synced_hash, rectHash(here), rectHash(r), () => {
      addEvidence(have.local_id, r);
      db.prepare(`UPDATE rectifications SET description = ?, unit = ?, responsible = ?, measures = ?, due_date = ?, progress = ?, recovered_fen = ?, closed = ?, closed_by = ?,
          closed_at = ?, close_note = ?, updated_at = ? WHERE id = ?`)
        .run(r.description, r.unit, r.responsible, r.measures, r.dueDate, r.progress, r.recoveredFen, r.closed, r.closedBy, r.closedAt, r.closeNote, r.updatedAt, have.local_id);
    });
    if (outcome === 'same' || outcome === 'kept') continue;
    if (outcome === 'taken') {
      result.rectifications.updated++;
    } else {
      conflict('rectification', String(have.local_id), summary(here), { ...summary(r), group: m.group });
    }
  }
  return out;
}

function mergeTrail(db: Db, m: Manifest, numbers: Map<string, string>, handoffIds: Map<string, number>, rectIds: Map<string, number>, result: PackageImportResult): void {
  const key = (e: { at: string; actor: string; entity: string; entityId: string; action: string; after: string | null }): string =>
    JSON.stringify([e.at, e.actor, e.entity, e.entityId, e.action, e.after]);
  const here = new Set<string>();
  for (const e of db.prepare<[], { at: string; actor: string; entity: string; entityId: string; action: string; after: string | null }>('SELECT at, actor, entity, entity_id AS entityId, action, after FROM trail').iterate()) {
    here.add(key(e));
  }
  const entities = new Set<string>(TRAIL_ENTITIES);
  const insert = db.prepare('INSERT INTO trail (at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const e of m.trail) {
    if (!entities.has(e.entity)) continue;
    let entityId = e.entityId;
    if (e.entity === 'lead') entityId = numbers.get(e.entityId) ?? e.entityId;
    else if (e.entity === 'handoff') entityId = String(handoffIds.get(e.entityId) ?? e.entityId);
    else if (e.entity === 'rectification') entityId = String(rectIds.get(e.entityId) ?? e.entityId);
    const k = key({ ...e, entityId });
    if (here.has(k)) continue;
    here.add(k);
    insert.run(e.at, e.actor, e.entity, entityId, e.action, e.before, e.after);
    result.trail.added++;
  }
}
