// The append-only trail: who did what, when, with the state before and after. SQLite triggers
// (migration 002) refuse UPDATE and DELETE on it; reviews reach it through a trigger on reviews;
// migration 007 chains every entry. Each entry is also given as a person reads it, in both
// languages: the action, and every field by its catalogue label with its value formatted
// (涉及金额：¥27,620.00; 状态：已排除), never amountFen or into.
import { DISPOSITIONS, RECT_PROGRESS, type Texts, type TrailEntry } from '../contract';
import { formatFen } from '../format/money';
import { bi, joinBi, type MessageKey } from '../i18n/messages';
import type { Db } from '../workspace/db';

export function appendTrail(db: Db, e: { at: string; actor: string; entity: TrailEntry['entity']; entityId: string; action: string; before?: unknown; after?: unknown }): void {
  db.prepare('INSERT INTO trail (at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(e.at, e.actor, e.entity, e.entityId, e.action, e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after));
}

/** Every field the trail records, by the label its form shows. */
const FIELD_LABELS: Record<string, MessageKey> = {
  status: 'ui.col.status', note: 'verify.col.note', persons: 'ui.lead.field.personNames', problem: 'ui.lead.field.problem',
  disposition: 'ui.lead.field.disposition', remarks: 'ui.lead.field.remarks', source: 'ui.lead.field.source', receivedAt: 'ui.lead.field.receivedAt',
  description: 'ui.rect.col.description', unit: 'ui.rect.col.unit', responsible: 'ui.rect.col.responsible', measures: 'ui.rect.col.measures',
  dueDate: 'ui.rect.col.due', progress: 'ui.rect.col.progress', recoveredFen: 'ui.rect.col.recovered', amount: 'ui.col.amount', amountFen: 'ui.col.amount',
  township: 'ui.col.township', village: 'ui.col.village', leadNumber: 'ui.rect.col.lead', closed: 'ui.rect.col.closed', name: 'ui.rect.col.evidence',
  numbers: 'lead.field.numbers', into: 'lead.field.into', findingIds: 'lead.field.findings', findingId: 'verify.table.finding', leads: 'verify.col.leads',
  files: 'verify.col.files', version: 'doc.version', rows: 'trail.field.rows', file: 'doc.source-file', sha256: 'verify.col.sha256',
  amountAtIssueFen: 'ui.rect.col.atIssue', group: 'trail.field.group', resolution: 'trail.field.resolution', renumbered: 'trail.field.renumbered',
  conflicts: 'trail.field.conflicts', sources: 'trail.field.sources', reviews: 'trail.field.reviews', villages: 'trail.field.villages',
};
/** Keys that repeat what the row says already. */
const HIDDEN = new Set(['actor']);

const plain = (s: string): Texts => ({ zh: s, en: s });
const short = (s: string, max = 80): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function valueText(key: string, v: unknown): Texts | null {
  if (v === null || v === undefined || v === '') return null;
  if ((key.endsWith('Fen') || key === 'amount') && (typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)))) {
    return plain(formatFen(typeof v === 'number' ? v : Math.round(Number(v) * 100)));
  }
  if (key === 'status' && typeof v === 'string' && ['pending', 'confirmed', 'dismissed'].includes(v)) return bi(`ui.status.${v}` as MessageKey);
  if (key === 'closed' && typeof v === 'boolean') return bi(v ? 'ui.rect.closedTag' : 'ui.rect.openTag');
  if (key === 'progress' && typeof v === 'string' && (RECT_PROGRESS as readonly string[]).includes(v)) return bi(`ui.rect.progress.${v}` as MessageKey);
  if (key === 'disposition' && typeof v === 'string' && (DISPOSITIONS as readonly string[]).includes(v)) return bi(`ui.lead.disposition.${v}` as MessageKey);
  if (key === 'findingIds' && Array.isArray(v)) return bi('trail.value.findings', { count: v.length });
  if (key === 'files' && Array.isArray(v)) return plain(v.map((f) => String((f as { path?: string }).path ?? '').split(/[\\/]/).pop()).join(', '));
  if (key === 'leads' && Array.isArray(v)) return plain(v.map((l) => `${(l as { number: string }).number} v${(l as { version: number }).version}`).join(', '));
  if (Array.isArray(v)) {
    const items = v.map((x) => (x && typeof x === 'object' && 'name' in x ? String((x as { name: unknown }).name) : String(x)));
    return { zh: short(items.join(bi('fmt.list').zh)), en: short(items.join(bi('fmt.list').en)) };
  }
  if (typeof v === 'object') return plain(short(JSON.stringify(v)));
  return plain(short(String(v)));
}

const label = (k: string): Texts => (FIELD_LABELS[k] ? bi(FIELD_LABELS[k]) : plain(k));

/** A sample's draw or extension: its method, seed, size and how many vouchers it holds (the whole record is in the entry). */
function sampleText(act: Texts, before: unknown, after: unknown): TrailEntry['text'] {
  const a = (after ?? {}) as { method?: string; seed?: number; size?: number; picks?: unknown[] };
  const b = (before ?? {}) as { size?: number; picks?: number };
  const num = (v: number | undefined): Texts | null => (v === undefined ? null : plain(String(v)));
  return {
    action: act, changes: [
      { label: bi('ui.sample.method'), before: null, after: bi(a.method === 'mus' ? 'ui.sample.short.mus' : 'ui.sample.short.random') },
      { label: bi('ui.sample.seed'), before: null, after: num(a.seed) },
      { label: bi('ui.sample.size'), before: num(b.size), after: num(a.size) },
      { label: bi('ui.sample.col.picks'), before: num(b.picks), after: plain(String(a.picks?.length ?? 0)) },
    ],
  };
}

/** An entry as a person reads it: the action, and "label: before → after" for each field it records. */
export function trailText(action: string, before: unknown, after: unknown): TrailEntry['text'] {
  const actionKey = `ui.trail.action.${action}` as MessageKey;
  const act = ACTIONS.has(action) ? bi(actionKey) : plain(action);
  if (action === 'sample.draw' || action === 'sample.extend') return sampleText(act, before, after);
  if (typeof after === 'string' || typeof before === 'string') {
    return { action: act, changes: [{ label: bi('ui.lead.field.source'), before: valueText('source', before), after: valueText('source', after) }] };
  }
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  return { action: act, changes: keys.map((k) => ({ label: label(k), before: k in b && k in a ? valueText(k, b[k]) : null, after: valueText(k, k in a ? a[k] : b[k]) })) };
}

const ACTIONS = new Set(['review', 'create', 'edit', 'update', 'merge', 'split', 'handoff', 'evidence', 'close', 'import', 'set-source', 'sample.draw', 'sample.extend',
  'package-export', 'package-final', 'package-import', 'package-import-final', 'renumber', 'merge-update', 'resolve']);

/** "涉及金额：¥27,620.00；状态：待审核 → 已排除" in both languages. */
export function changeLine(text: TrailEntry['text']): Texts {
  const dash = plain('—');
  return joinBi(text.changes.map((c) => (c.before
    ? bi('trail.change.from-to', { label: c.label, before: c.before, after: c.after ?? dash })
    : bi('trail.change.value', { label: c.label, value: c.after ?? dash }))), 'fmt.items');
}

export function listTrail(db: Db, q: { entity?: TrailEntry['entity']; entityId?: string; limit?: number } = {}): TrailEntry[] {
  const rows = db.prepare<{ entity: string | null; entityId: string | null; limit: number }, Omit<TrailEntry, 'before' | 'after' | 'text'> & { before: string | null; after: string | null }>(
    `SELECT id, at, actor, entity, entity_id AS entityId, action, before, after FROM trail
    WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId) ORDER BY id LIMIT @limit`)
    .all({ entity: q.entity ?? null, entityId: q.entityId ?? null, limit: q.limit ?? 10_000 });
  return rows.map((r) => {
    const before = r.before === null ? null : JSON.parse(r.before) as unknown;
    const after = r.after === null ? null : JSON.parse(r.after) as unknown;
    return { ...r, before, after, text: trailText(r.action, before, after) };
  });
}
