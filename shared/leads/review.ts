// Review decisions with the case leads in mind: a dismissal needs its reason; a finding that
// backs a lead is never dismissed or reopened silently (the caller must say it knows, having shown
// the reviewer what follows); the lead is made anew from its confirmed findings, and one handed
// over becomes its next version, a correction saying what changed, for the next handoff.
import type { FindingStatus, ReviewImpact } from '../contract';
import { sumFen } from '../format/money';
import { EngineError } from '../i18n/errors';
import type { Db } from '../workspace/db';
import { writeTx } from '../workspace/db';
import { reviewFindings } from '../workspace/findings-store';
import { recompute, rowOf } from './store';

interface Backing { findingId: string; status: FindingStatus; vouchers: string; amount_fen: number; number: string; version: number; frozen: number }

function current(db: Db, ids: readonly string[]): { id: string; status: FindingStatus; amount_fen: number }[] {
  return db.prepare<[string], { id: string; status: FindingStatus; amount_fen: number }>('SELECT id, status, amount_fen FROM findings WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids));
}

/** Findings among `ids` in a lead whose counting changes with `decision` (confirmed in, anything else out). */
function backing(db: Db, ids: readonly string[], decision: FindingStatus): Backing[] {
  return db.prepare<[string], Backing>(`SELECT f.id AS findingId, f.status, f.vouchers, f.amount_fen, l.number, l.version, l.frozen
      FROM findings f JOIN lead_findings lf ON lf.finding_id = f.id JOIN leads l ON l.id = lf.lead_id
    WHERE f.id IN (SELECT value FROM json_each(?)) ORDER BY l.number, f.id`).all(JSON.stringify(ids))
    .filter((b) => (b.status === 'confirmed') !== (decision === 'confirmed'));
}

/** What a decision would do: how many findings and how much money, the leads it changes (handed over or not), the rectification items resting on them. */
export function reviewImpact(db: Db, ids: readonly string[], decision: FindingStatus): ReviewImpact {
  const found = current(db, ids);
  const b = backing(db, ids, decision);
  const numbers = [...new Set(b.map((x) => x.number))];
  const leads = numbers.map((number) => {
    const of = b.filter((x) => x.number === number);
    const l = of[0] as Backing;
    const handed = db.prepare<[string], { id: number; to_unit: string; handed_at: string }>(`SELECT h.id, h.to_unit, h.handed_at FROM lead_versions v JOIN leads l ON l.id = v.lead_id
        JOIN handoffs h ON h.id = v.handoff_id WHERE l.number = ? ORDER BY v.version DESC LIMIT 1`).get(number);
    return {
      number, version: l.version, handedOver: !!handed, nextVersion: l.frozen ? l.version + 1 : l.version,
      toUnit: handed?.to_unit ?? null, handedAt: handed?.handed_at ?? null, findings: of.length,
    };
  });
  const rectifications = numbers.length === 0 && b.length === 0 ? [] : db.prepare<[string, string], { id: number; closed: number }>(
    'SELECT id, closed FROM rectifications WHERE lead_number IN (SELECT value FROM json_each(?)) OR finding_id IN (SELECT value FROM json_each(?)) ORDER BY id',
  ).all(JSON.stringify(numbers), JSON.stringify(b.map((x) => x.findingId))).map((r) => ({ id: r.id, closed: !!r.closed }));
  return { count: found.length, amountFen: sumFen(found.map((f) => f.amount_fen)), leads, rectifications };
}

export interface ReviewRequest {
  ids: string[];
  decision: FindingStatus;
  reviewer: string;
  note: string | null;
  /** The reviewer was shown which leads the decision changes and went on. */
  acknowledgeLeads?: boolean;
}

/** Records the decisions and corrects the leads they change, all in one transaction. Returns how many findings were decided. */
export function reviewWithLeads(db: Db, r: ReviewRequest, now: string): number {
  if (r.decision === 'dismissed' && !r.note?.trim()) throw new EngineError('invalid-arguments', 'review.err.dismiss-needs-note');
  return writeTx(db, () => {
    const b = backing(db, r.ids, r.decision);
    if (b.length > 0 && !r.acknowledgeLeads) {
      throw new EngineError('conflict', 'review.err.backs-lead', { count: b.length, numbers: [...new Set(b.map((x) => x.number))].join(', ') });
    }
    const n = reviewFindings(db, r.ids, r.decision, r.reviewer, r.note, now);
    for (const number of new Set(b.map((x) => x.number))) {
      const of = b.filter((x) => x.number === number);
      // One note per finding; the lead's row is read again after each write (a write may raise its version).
      for (const f of of) {
        recompute(db, rowOf(db, number), now, { kind: 'review', findingId: f.findingId, vouchers: JSON.parse(f.vouchers) as string[], decision: r.decision, note: r.note, actor: r.reviewer, at: now });
      }
    }
    return n;
  });
}
