// Exporting a work package: the chosen villages' source files (their original bytes, by hash),
// every decision on their findings, their leads with every handed-over version, the handoffs
// those versions went out in, their rectification items with the evidence files, and the trail
// of all of it; one file, sealed with a password (workspace/package-crypto.ts). The export is
// recorded (packages, trail) in the same transaction that writes the file.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { PackageCounts, PackageExportResult, PackagePhase, PackageScopeVillage, VillageRef } from '../contract';
import { EngineError } from '../i18n/errors';
import { schemaVersion, writeTx, type Db } from '../workspace/db';
import { packBody, sealPackage, type BlobRef } from '../workspace/package-crypto';
import { packedSourceBytes, packFile } from '../workspace/source-bytes';
import { sourceFilesWithPlaces } from '../workspace/sources-store';
import { PACKAGE_FORMAT, type Manifest } from './package-manifest';
import { readEvidence, type EvidenceStore } from './rectification';
import { leadSource } from './store';
import { appendTrail } from './trail';

export interface PackageContext {
  db: Db;
  evidence: EvidenceStore;
  now: string;
  onProgress?: (phase: PackagePhase, done: number, total: number) => void;
}

export const placeKey = (township: string, village: string): string => `${township}\n${village}`;
const splitKey = (k: string): VillageRef => {
  const [township = '', village = ''] = k.split('\n');
  return { township, village };
};

/**
 * The group whose work a village is: the group (线索来源) of most of its leads; with no lead, the
 * group that decided most of its findings (this workspace's own decisions, or those merged from a
 * package); with neither, the group of the first package that brought it; else this workspace's own.
 */
export function villageGroups(db: Db): Map<string, string> {
  const own = leadSource(db);
  const pick = (rows: { township: string; village: string; g: string; n: number }[]): Map<string, string> => {
    const best = new Map<string, { g: string; n: number }>();
    for (const r of rows) {
      const k = placeKey(r.township, r.village);
      const b = best.get(k);
      if (!b || r.n > b.n || (r.n === b.n && r.g.localeCompare(b.g, 'zh-CN') < 0)) best.set(k, { g: r.g, n: r.n });
    }
    return new Map([...best].map(([k, v]) => [k, v.g]));
  };
  type Vote = { township: string; village: string; g: string; n: number };
  const byLeads = pick(db.prepare<[], Vote>("SELECT township, village, source AS g, COUNT(*) AS n FROM leads WHERE status = 'open' GROUP BY township, village, source").all());
  const byReviews = pick(db.prepare<{ own: string }, Vote>(`SELECT f.township, f.village, i.audit_group AS g, COUNT(DISTINCT f.id) AS n FROM imported_reviews i JOIN findings f ON f.id = i.finding_id
      WHERE i.decision <> 'pending' GROUP BY f.township, f.village, i.audit_group
    UNION ALL SELECT f.township, f.village, @own AS g, COUNT(DISTINCT f.id) AS n FROM reviews r JOIN findings f ON f.id = r.finding_id WHERE r.decision <> 'pending'
      AND NOT EXISTS (SELECT 1 FROM imported_reviews i WHERE i.finding_id = r.finding_id AND i.decision = r.decision AND i.reviewer = r.reviewer AND i.decided_at = r.decided_at)
      GROUP BY f.township, f.village`).all({ own }));
  const out = new Map<string, string>([...byReviews, ...byLeads]);
  for (const r of db.prepare<[], { villages: string; audit_group: string }>("SELECT villages, audit_group FROM packages WHERE direction = 'import' ORDER BY id").all()) {
    for (const v of JSON.parse(r.villages) as VillageRef[]) {
      const k = placeKey(v.township, v.village);
      if (!out.has(k)) out.set(k, r.audit_group);
    }
  }
  return out;
}

/** Every village the workspace holds anything of (sources, findings, leads, items), with its group and counts. */
export function packageScope(db: Db): PackageScopeVillage[] {
  const own = leadSource(db);
  const groups = villageGroups(db);
  const by = new Map<string, PackageScopeVillage>();
  const get = (township: string, village: string): PackageScopeVillage => {
    const k = placeKey(township, village);
    let v = by.get(k);
    if (!v) by.set(k, (v = { township, village, group: groups.get(k) ?? own, files: 0, findings: 0, reviewed: 0, leads: 0 }));
    return v;
  };
  for (const { places } of sourceFilesWithPlaces(db)) for (const p of places) get(splitKey(p).township, splitKey(p).village).files++;
  for (const f of db.prepare<[], { township: string; village: string; n: number; r: number }>("SELECT township, village, COUNT(*) AS n, SUM(status <> 'pending') AS r FROM findings WHERE active = 1 GROUP BY township, village").all()) {
    const v = get(f.township, f.village);
    v.findings = f.n;
    v.reviewed = f.r;
  }
  for (const l of db.prepare<[], { township: string; village: string; n: number }>("SELECT township, village, COUNT(*) AS n FROM leads WHERE status = 'open' GROUP BY township, village").all()) get(l.township, l.village).leads = l.n;
  return [...by.values()].sort((a, b) => a.township.localeCompare(b.township, 'zh-CN') || a.village.localeCompare(b.village, 'zh-CN'));
}

/** The shared id of a lead, item or handoff here, given on first export. */
export function uidOf(db: Db, kind: 'lead' | 'rectification' | 'handoff', localId: number): string {
  const have = db.prepare<[string, number], string>('SELECT uid FROM sync_ids WHERE kind = ? AND local_id = ?').pluck().get(kind, localId);
  if (have) return have;
  const uid = randomUUID();
  db.prepare('INSERT INTO sync_ids (kind, local_id, uid) VALUES (?, ?, ?)').run(kind, localId, uid);
  return uid;
}

/** What a lead or item is, for telling whether it changed since the two sides last exchanged it (sync_ids.synced_hash). */
export function recordHash(fields: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(Object.keys(fields).sort().map((k) => [k, fields[k]]))).digest('hex');
}

export const leadHash = (l: Pick<Manifest['leads'][number], 'status' | 'version' | 'frozen' | 'persons' | 'source' | 'receivedAt' | 'problem' | 'amountFen' | 'evidence' | 'disposition' | 'remarks' | 'correction'> & { findings: string[] }): string =>
  recordHash({ status: l.status, version: l.version, frozen: l.frozen, persons: l.persons, source: l.source, receivedAt: l.receivedAt, problem: l.problem, amountFen: l.amountFen,
    evidence: l.evidence, disposition: l.disposition, remarks: l.remarks, correction: l.correction, findings: [...l.findings].sort() });

export const rectHash = (r: Pick<Manifest['rectifications'][number], 'description' | 'unit' | 'responsible' | 'measures' | 'dueDate' | 'progress' | 'recoveredFen' | 'closed' | 'closedBy' | 'closedAt' | 'closeNote'> & { evidence: { sha256: string }[] }): string =>
  recordHash({ description: r.description, unit: r.unit, responsible: r.responsible, measures: r.measures, dueDate: r.dueDate, progress: r.progress, recoveredFen: r.recoveredFen,
    closed: r.closed, closedBy: r.closedBy, closedAt: r.closedAt, closeNote: r.closeNote, evidence: r.evidence.map((e) => e.sha256).sort() });

interface LeadDbRow {
  id: number; number: string; township: string; village: string; year: number; rule: string; status: 'open' | 'merged'; version: number; frozen: number; persons: string;
  source: string; received_at: string; problem: string; amount_fen: number; evidence: string; disposition: string; remarks: string; merged_into: string | null;
  correction: string | null; created_at: string; updated_at: string;
}

/** A lead as a package carries it (without its shared id and versions). */
export function leadRecord(db: Db, r: LeadDbRow): Omit<Manifest['leads'][number], 'uid' | 'versions'> {
  return {
    number: r.number, township: r.township, village: r.village, year: r.year, rule: r.rule, status: r.status, version: r.version, frozen: r.frozen, persons: r.persons,
    source: r.source, receivedAt: r.received_at, problem: r.problem, amountFen: r.amount_fen, evidence: r.evidence, disposition: r.disposition, remarks: r.remarks,
    mergedInto: r.merged_into, correction: r.correction, createdAt: r.created_at, updatedAt: r.updated_at,
    findings: db.prepare<[number], string>('SELECT finding_id FROM lead_findings WHERE lead_id = ? ORDER BY rowid').pluck().all(r.id),
  };
}

interface RectDbRow {
  id: number; lead_number: string | null; finding_id: string | null; township: string; village: string; description: string; unit: string; responsible: string;
  measures: string; due_date: string | null; progress: string; amount_at_issue_fen: number; recovered_fen: number; closed: number; closed_by: string | null;
  closed_at: string | null; close_note: string | null; created_at: string; updated_at: string;
}

export function rectRecord(r: RectDbRow): Omit<Manifest['rectifications'][number], 'uid' | 'evidence'> {
  return {
    leadNumber: r.lead_number, findingId: r.finding_id, township: r.township, village: r.village, description: r.description, unit: r.unit, responsible: r.responsible,
    measures: r.measures, dueDate: r.due_date, progress: r.progress, amountAtIssueFen: r.amount_at_issue_fen, recoveredFen: r.recovered_fen, closed: r.closed,
    closedBy: r.closed_by, closedAt: r.closed_at, closeNote: r.close_note, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** A file's bytes gzipped: as kept in the workspace, or (a workspace from before version 9) read again from where it was imported, if it is still the same file. */
async function packedBytes(db: Db, f: { sha256: string; name: string; path: string }): Promise<Buffer> {
  const kept = packedSourceBytes(db, f.sha256);
  if (kept) return kept.gz;
  if (existsSync(f.path) && statSync(f.path).isFile() && createHash('sha256').update(readFileSync(f.path)).digest('hex') === f.sha256) return packFile(f.path);
  throw new EngineError('not-found', 'package.err.source-missing', { name: f.name, path: f.path });
}

export interface ExportArgs {
  path: string;
  password: string;
  actor: string;
  villages?: VillageRef[];
  final?: boolean;
}

export async function exportPackage(ctx: PackageContext, args: ExportArgs): Promise<PackageExportResult> {
  const { db } = ctx;
  const path = resolve(args.path);
  const group = leadSource(db);
  const final = !!args.final;
  const scope = packageScope(db);
  const chosen = new Set((args.villages?.length ? args.villages : scope).map((v) => placeKey(v.township, v.village)));
  if (chosen.size === 0) throw new EngineError('invalid-arguments', 'package.err.nothing');
  const unknown = [...chosen].filter((k) => !scope.some((v) => placeKey(v.township, v.village) === k));
  if (unknown.length) throw new EngineError('not-found', 'package.err.unknown-village', { village: unknown.map((k) => k.replace('\n', '')).join(', ') });
  const inScope = (t: string, v: string): boolean => chosen.has(placeKey(t, v));

  // The files (read before the transaction: a file re-read from its path is read asynchronously).
  const files = sourceFilesWithPlaces(db).filter((f) => [...f.places].some((p) => chosen.has(p))).map((f) => f.file);
  const cadreFiles = db.prepare<[], { id: number; sha256: string; name: string; path: string; township: string; village: string }>(
    'SELECT f.id, f.sha256, f.name, f.path, c.township, c.village FROM cadre_files f JOIN cadres c ON c.file_id = f.id GROUP BY f.id, c.township, c.village ORDER BY f.id').all()
    .filter((c) => inScope(c.township, c.village));
  const blobs: Buffer[] = [];
  const blobIndex = new Map<string, number>();
  const addBlob = (key: string, bytes: Buffer): number => {
    let i = blobIndex.get(key);
    if (i === undefined) {
      blobIndex.set(key, (i = blobs.length));
      blobs.push(bytes);
    }
    return i;
  };
  const total = files.length + cadreFiles.length;
  let done = 0;
  for (const f of files) {
    addBlob(`gz:${f.sha256}`, await packedBytes(db, f));
    ctx.onProgress?.('collect', ++done, total);
  }
  const cadreSeen = new Set<number>();
  const cadreList: { sha256: string; name: string; path: string; size: number; blob: number }[] = [];
  for (const c of cadreFiles) {
    if (cadreSeen.has(c.id)) continue;
    cadreSeen.add(c.id);
    const gz = await packedBytes(db, c);
    cadreList.push({ sha256: c.sha256, name: c.name, path: c.path, size: packedSourceBytes(db, c.sha256)?.size ?? statSync(c.path).size, blob: addBlob(`gz:${c.sha256}`, gz) });
    ctx.onProgress?.('collect', ++done, total);
  }

  let result: PackageExportResult | null = null;
  writeTx(db, () => {
    const findings = db.prepare<[], { id: string; township: string; village: string }>('SELECT id, township, village FROM findings').all().filter((f) => inScope(f.township, f.village));
    const findingIds = new Set(findings.map((f) => f.id));
    const ids = JSON.stringify([...findingIds]);
    const reviews: Manifest['reviews'] = [];
    const seenReview = new Set<string>();
    const pushReview = (r: Manifest['reviews'][number]): void => {
      const k = JSON.stringify([r.findingId, r.decision, r.note, r.reviewer, r.decidedAt]);
      if (seenReview.has(k)) return;
      seenReview.add(k);
      reviews.push(r);
    };
    type ReviewRow = { findingId: string; decision: 'pending' | 'confirmed' | 'dismissed'; note: string | null; reviewer: string; decidedAt: string };
    const own = db.prepare<[string], ReviewRow>('SELECT finding_id AS findingId, decision, note, reviewer, decided_at AS decidedAt FROM reviews WHERE finding_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(ids);
    for (const r of own) pushReview({ ...r, group });
    for (const r of db.prepare<[string], ReviewRow & { group: string }>(`SELECT finding_id AS findingId, decision, note, reviewer, decided_at AS decidedAt, audit_group AS "group" FROM imported_reviews
        WHERE finding_id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(ids)) pushReview(r);
    const latest = new Map<string, ReviewRow>();
    for (const r of own) latest.set(r.findingId, r);

    const leadRows = db.prepare<[], LeadDbRow>('SELECT * FROM leads ORDER BY id').all().filter((l) => inScope(l.township, l.village));
    const versionRows = db.prepare<[number], { version: number; snapshot: string; handoff_id: number | null; frozen_at: string }>('SELECT version, snapshot, handoff_id, frozen_at FROM lead_versions WHERE lead_id = ? ORDER BY version');
    const handoffIds = new Set<number>();
    const leads: Manifest['leads'] = leadRows.map((l) => {
      const versions = versionRows.all(l.id).map((v) => {
        if (v.handoff_id !== null) handoffIds.add(v.handoff_id);
        return { version: v.version, snapshot: v.snapshot, handoffUid: v.handoff_id === null ? null : uidOf(db, 'handoff', v.handoff_id), frozenAt: v.frozen_at };
      });
      const rec = { uid: uidOf(db, 'lead', l.id), ...leadRecord(db, l), versions };
      db.prepare("UPDATE sync_ids SET synced_hash = ? WHERE kind = 'lead' AND local_id = ?").run(leadHash(rec), l.id);
      return rec;
    });
    const handoffs: Manifest['handoffs'] = [...handoffIds].sort((a, b) => a - b).map((id) => {
      const h = db.prepare<[number], { township: string; from_unit: string; to_unit: string; handed_by: string; handed_at: string; lead_count: number; amount_fen: number; leads: string; files: string }>(
        'SELECT * FROM handoffs WHERE id = ?').get(id) as NonNullable<unknown> as { township: string; from_unit: string; to_unit: string; handed_by: string; handed_at: string; lead_count: number; amount_fen: number; leads: string; files: string };
      return { uid: uidOf(db, 'handoff', id), township: h.township, fromUnit: h.from_unit, toUnit: h.to_unit, handedBy: h.handed_by, handedAt: h.handed_at, leadCount: h.lead_count, amountFen: h.amount_fen, leads: h.leads, files: h.files };
    });

    const rectRows = db.prepare<[], RectDbRow>('SELECT * FROM rectifications ORDER BY id').all().filter((r) => inScope(r.township, r.village));
    const evidenceOf = db.prepare<[number], { name: string; sha256: string; size: number; stored_path: string; added_by: string; added_at: string }>('SELECT * FROM rectification_evidence WHERE item_id = ? ORDER BY id');
    type Evidence = Omit<Manifest['rectifications'][number]['evidence'][number], 'blob'> & { blob: number };
    const rectifications: (Omit<Manifest['rectifications'][number], 'evidence'> & { evidence: Evidence[] })[] = rectRows.map((r) => {
      const evidence = evidenceOf.all(r.id).map((e) => {
        const got = readEvidence(ctx.evidence, { sha256: e.sha256, storedPath: e.stored_path });
        if (!got.ok) throw new EngineError('conflict', got.why === 'missing' ? 'rect.err.evidence-missing' : 'rect.err.evidence-changed', { name: e.name, dir: ctx.evidence.dir });
        return { name: e.name, sha256: e.sha256, size: e.size, addedBy: e.added_by, addedAt: e.added_at, blob: addBlob(`raw:${e.sha256}`, got.bytes) };
      });
      const rec = { uid: uidOf(db, 'rectification', r.id), ...rectRecord(r), evidence };
      db.prepare("UPDATE sync_ids SET synced_hash = ? WHERE kind = 'rectification' AND local_id = ?").run(rectHash(rec), r.id);
      return rec;
    });

    const counts: PackageCounts = {
      sources: new Set(files.map((f) => f.sha256)).size, cadreFiles: cadreList.length, reviews: reviews.length, leads: leads.length, handoffs: handoffs.length,
      rectifications: rectifications.length, evidence: rectifications.reduce((n, r) => n + r.evidence.length, 0), trail: 0,
    };
    const villages = [...chosen].map(splitKey);
    // The export itself is in the trail, and so in the package: a final package says the laptop's data is to be destroyed.
    appendTrail(db, { at: ctx.now, actor: args.actor, entity: 'package', entityId: basename(path), action: final ? 'package-final' : 'package-export', after: { group, villages: villages.length, ...counts } });

    const leadNumbers = new Set(leads.map((l) => l.number));
    const rectUid = new Map(rectRows.map((r, i) => [String(r.id), rectifications[i]?.uid as string]));
    const handoffUid = new Map([...handoffIds].map((id) => [String(id), uidOf(db, 'handoff', id)]));
    const trail: Manifest['trail'] = [];
    for (const e of db.prepare<[], { at: string; actor: string; entity: string; entity_id: string; action: string; before: string | null; after: string | null }>('SELECT * FROM trail ORDER BY id').iterate()) {
      let entityId: string | undefined;
      if (e.entity === 'finding') entityId = findingIds.has(e.entity_id) ? e.entity_id : undefined;
      else if (e.entity === 'lead') entityId = leadNumbers.has(e.entity_id) || e.entity_id === '*' ? e.entity_id : undefined;
      else if (e.entity === 'rectification') entityId = rectUid.get(e.entity_id);
      else if (e.entity === 'handoff') entityId = handoffUid.get(e.entity_id);
      else entityId = e.entity_id;
      if (entityId === undefined) continue;
      trail.push({ at: e.at, actor: e.actor, entity: e.entity, entityId, action: e.action, before: e.before, after: e.after });
    }
    counts.trail = trail.length;

    const ref = (i: number, refs: BlobRef[]): BlobRef => refs[i] as BlobRef;
    const plain = packBody((refs) => ({
      format: PACKAGE_FORMAT, version: 1, createdAt: ctx.now, createdBy: args.actor, group, final, schemaVersion: schemaVersion(db), villages,
      sources: files.map((f) => ({ sha256: f.sha256, name: f.name, path: f.path, kind: f.kind, sheet: f.sheet, size: f.size, options: f.options, blob: ref(blobIndex.get(`gz:${f.sha256}`) as number, refs) })),
      cadreFiles: cadreList.map((c) => ({ sha256: c.sha256, name: c.name, path: c.path, size: c.size, blob: ref(c.blob, refs) })),
      reviews,
      current: [...latest.values()],
      handoffs,
      leads,
      rectifications: rectifications.map((r) => ({ ...r, evidence: r.evidence.map((e) => ({ ...e, blob: ref(e.blob, refs) })) })),
      trail,
    } satisfies Manifest), blobs);
    ctx.onProgress?.('encrypt', 0, 1);
    const sealed = sealPackage(plain, args.password);
    ctx.onProgress?.('write', 0, 1);
    const tmp = `${path}.${process.pid}.partial`;
    writeFileSync(tmp, sealed.file);
    renameSync(tmp, path);
    const sha256 = createHash('sha256').update(sealed.file).digest('hex');
    db.prepare(`INSERT INTO packages (direction, sha256, content_sha256, name, audit_group, final, villages, summary, actor, at) VALUES ('export', ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(sha256, sealed.contentSha256, basename(path), group, final ? 1 : 0, JSON.stringify(villages), JSON.stringify(counts), args.actor, ctx.now);
    result = { path, sha256, contentSha256: sealed.contentSha256, size: sealed.file.length, final, group, villages, counts };
    ctx.onProgress?.('write', 1, 1);
  });
  return result as unknown as PackageExportResult;
}
