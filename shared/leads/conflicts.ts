// Merge conflicts: what a package import found and would not decide, listed until a person
// resolves each one. A review conflict (one side confirmed, the other dismissed) is resolved by a
// decision, recorded as a review like any other (so a finding behind a lead corrects the lead,
// and the reviewer is warned first); a lead, item or finding-in-two-leads conflict by keeping
// this workspace's record (edited by hand if need be). Both sides stay readable afterwards.
import type { CaseLead, ConflictKind, ConflictSide, FindingStatus, MergeConflict, Texts } from '../contract';
import { formatFen } from '../format/money';
import { EngineError } from '../i18n/errors';
import { bi } from '../i18n/messages';
import { hasTable, writeTx, type Db } from '../workspace/db';
import { reviewWithLeads } from './review';
import { computeLead, getCaseLead, leadNumberOfFinding, recompute, rowOf } from './store';
import { appendTrail } from './trail';

interface Row {
  id: number; kind: ConflictKind; ref: string; local: string; incoming: string; opened_at: string; resolved_at: string | null; resolved_by: string | null;
  resolution: string | null; package_name: string; package_group: string;
}

type Stored = { group?: string; decision?: FindingStatus | null; note?: string | null; actor?: string; at?: string; number?: string; version?: number; amountFen?: number;
  disposition?: string; status?: string; description?: string; progress?: string; recoveredFen?: number; closed?: boolean; updatedAt?: string };

function side(kind: ConflictKind, s: Stored, group: string): ConflictSide {
  const decision = s.decision ?? null;
  let summary: Texts;
  if (kind === 'review') summary = decision ? bi(`ui.status.${decision}`) : { zh: '—', en: '—' };
  else if (kind === 'lead') summary = bi('conflict.side.lead', { number: s.number ?? '', version: s.version ?? 1, amount: formatFen(s.amountFen ?? 0), disposition: s.disposition ?? '' });
  else if (kind === 'lead-finding') summary = bi('conflict.side.lead-finding', { number: s.number ?? '' });
  else summary = bi('conflict.side.rectification', { progress: s.progress ?? '', recovered: formatFen(s.recoveredFen ?? 0), closed: bi(s.closed ? 'ui.rect.closedTag' : 'ui.rect.openTag') });
  return { group: s.group ?? group, decision, note: s.note ?? null, actor: s.actor ?? '', at: s.at ?? s.updatedAt ?? '', summary };
}

function place(db: Db, kind: ConflictKind, ref: string): { township: string; village: string } {
  const q = kind === 'review' || kind === 'lead-finding' ? 'SELECT township, village FROM findings WHERE id = ?'
    : kind === 'lead' ? 'SELECT township, village FROM leads WHERE number = ?' : 'SELECT township, village FROM rectifications WHERE id = ?';
  return db.prepare<[string], { township: string; village: string }>(q).get(ref) ?? { township: '', village: '' };
}

function toConflict(db: Db, r: Row, ownGroup: string): MergeConflict {
  const p = place(db, r.kind, r.ref);
  const what = r.kind === 'review'
    ? bi('conflict.what.review', { id: r.ref.slice(0, 8), place: `${p.township}${p.village}` })
    : r.kind === 'lead' ? bi('conflict.what.lead', { number: r.ref })
      : r.kind === 'lead-finding' ? bi('conflict.what.lead-finding', { id: r.ref.slice(0, 8), place: `${p.township}${p.village}` })
        : bi('conflict.what.rectification', { id: r.ref, place: `${p.township}${p.village}` });
  return {
    id: r.id, kind: r.kind, ref: r.ref, ...p, what, local: side(r.kind, JSON.parse(r.local) as Stored, ownGroup), incoming: side(r.kind, JSON.parse(r.incoming) as Stored, r.package_group),
    packageName: r.package_name, openedAt: r.opened_at, resolvedAt: r.resolved_at, resolvedBy: r.resolved_by, resolution: r.resolution,
  };
}

export function listConflicts(db: Db, q: { all?: boolean; packageId?: number; ownGroup?: string } = {}): MergeConflict[] {
  if (!hasTable(db, 'conflicts')) return [];
  const rows = db.prepare<{ all: number; pkg: number | null }, Row>(`SELECT c.*, p.name AS package_name, p.audit_group AS package_group FROM conflicts c JOIN packages p ON p.id = c.package_id
    WHERE (@all = 1 OR c.resolved_at IS NULL) AND (@pkg IS NULL OR c.package_id = @pkg) ORDER BY c.id`).all({ all: q.all || q.packageId !== undefined ? 1 : 0, pkg: q.packageId ?? null });
  return rows.map((r) => toConflict(db, r, q.ownGroup ?? ''));
}

/** Open conflicts per finding (the findings list marks them). */
export function openConflictCount(db: Db): number {
  if (!hasTable(db, 'conflicts')) return 0;
  return db.prepare<[], number>('SELECT COUNT(*) FROM conflicts WHERE resolved_at IS NULL').pluck().get() ?? 0;
}

export interface Resolution {
  id: number;
  actor: string;
  decision?: 'confirmed' | 'dismissed';
  note?: string;
  acknowledgeLeads?: boolean;
}

export function resolveConflict(db: Db, r: Resolution, now: string): MergeConflict {
  writeTx(db, () => {
    const c = db.prepare<[number], { kind: ConflictKind; ref: string; resolved_at: string | null }>('SELECT kind, ref, resolved_at FROM conflicts WHERE id = ?').get(r.id);
    if (!c) throw new EngineError('not-found', 'conflict.err.not-found', { id: r.id });
    if (c.resolved_at) throw new EngineError('conflict', 'conflict.err.resolved', { id: r.id });
    let resolution = 'kept-local';
    if (c.kind === 'review') {
      if (!r.decision) throw new EngineError('invalid-arguments', 'conflict.err.needs-decision');
      // The decision is a review like any other: a dismissal needs its reason, a finding behind a lead needs the reviewer to know.
      const was = db.prepare<[string], { status: string; vouchers: string }>('SELECT status, vouchers FROM findings WHERE id = ?').get(c.ref);
      reviewWithLeads(db, { ids: [c.ref], decision: r.decision, reviewer: r.actor, note: r.note?.trim() || null, acknowledgeLeads: r.acknowledgeLeads }, now);
      resolution = r.decision;
      // Kept as it was here, the decision changes no status, but a lead merged from the package was built on the other side's: made anew from what stands here.
      const number = was?.status === r.decision ? leadNumberOfFinding(db, c.ref) : null;
      if (number) {
        const lead = rowOf(db, number);
        const ids = (getCaseLead(db, number) as CaseLead).findingIds;
        if (computeLead(db, ids).amountFen !== lead.amount_fen) {
          if (!r.acknowledgeLeads) throw new EngineError('conflict', 'review.err.backs-lead', { count: 1, numbers: number });
          recompute(db, lead, now, { kind: 'review', findingId: c.ref, vouchers: JSON.parse(was?.vouchers ?? '[]') as string[], decision: r.decision, note: r.note?.trim() || null, actor: r.actor, at: now });
        }
      }
    }
    db.prepare('UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?').run(now, r.actor, resolution, r.id);
    appendTrail(db, { at: now, actor: r.actor, entity: c.kind === 'lead' ? 'lead' : c.kind === 'rectification' ? 'rectification' : 'finding', entityId: c.ref, action: 'resolve', after: { resolution, note: r.note ?? null } });
  });
  return listConflicts(db, { all: true }).find((c) => c.id === r.id) as MergeConflict;
}
