// The append-only trail as a table: when, who, what, which action, and what changed (before →
// after), with money shown as yuan and long texts cut so a row stays one glance.
import { Table, Typography } from 'antd';
import { DISPOSITIONS, RECT_PROGRESS, type TrailEntry } from '../../../shared/contract';
import type { MessageKey } from '../../../shared/i18n/messages';
import { formatFen, formatTimestamp } from '../format';
import { useLang, type T } from '../i18n';

const FIELD_LABELS: Record<string, MessageKey> = {
  status: 'ui.col.status', note: 'ui.lead.field.remarks', persons: 'ui.lead.field.personNames', problem: 'ui.lead.field.problem',
  disposition: 'ui.lead.field.disposition', remarks: 'ui.lead.field.remarks', source: 'ui.lead.field.source', receivedAt: 'ui.lead.field.receivedAt',
  description: 'ui.rect.col.description', unit: 'ui.rect.col.unit', responsible: 'ui.rect.col.responsible', measures: 'ui.rect.col.measures',
  dueDate: 'ui.rect.col.due', progress: 'ui.rect.col.progress', recoveredFen: 'ui.rect.col.recovered', amount: 'ui.col.amount', township: 'ui.col.township',
  village: 'ui.col.village', leadNumber: 'ui.rect.col.lead', closed: 'ui.rect.col.closed', name: 'ui.rect.col.evidence',
};
// Keys that repeat what the row already says, or are internal.
const HIDDEN = new Set(['version', 'files', 'findingIds', 'leads', 'sha256', 'actor']);

function short(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function valueText(key: string, v: unknown, t: T): string {
  if (v === null || v === undefined || v === '') return '—';
  if (key.endsWith('Fen') && typeof v === 'number') return formatFen(v);
  if (key === 'status' && typeof v === 'string' && ['pending', 'confirmed', 'dismissed'].includes(v)) return t(`ui.status.${v}` as MessageKey);
  if (key === 'closed' && typeof v === 'boolean') return v ? t('ui.rect.closedTag') : t('ui.rect.openTag');
  if (key === 'progress' && typeof v === 'string' && (RECT_PROGRESS as readonly string[]).includes(v)) return t(`ui.rect.progress.${v}` as MessageKey);
  if (key === 'disposition' && typeof v === 'string' && (DISPOSITIONS as readonly string[]).includes(v)) return t(`ui.lead.disposition.${v}` as MessageKey);
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' && 'name' in x ? String((x as { name: unknown }).name) : String(x))).join(t('fmt.list'));
  if (typeof v === 'object') return short(JSON.stringify(v));
  return short(String(v));
}

/** A sample's draw or extension: its method, seed, size and the vouchers drawn (the whole record is in the entry). */
function sampleChange(e: TrailEntry, t: T): string {
  const a = (e.after ?? {}) as { method?: string; seed?: number; size?: number; picks?: unknown[] };
  const b = (e.before ?? {}) as { size?: number; picks?: number };
  const colon = t('ui.trail.sep.field');
  const parts = [
    `${t('ui.sample.method')}${colon}${a.method === 'mus' ? t('ui.sample.short.mus') : t('ui.sample.short.random')}`,
    `${t('ui.sample.seed')}${colon}${a.seed ?? '—'}`,
    `${t('ui.sample.size')}${colon}${b.size !== undefined ? `${b.size} → ` : ''}${a.size ?? '—'}`,
    `${t('ui.sample.col.picks')}${colon}${b.picks !== undefined ? `${b.picks} → ` : ''}${a.picks?.length ?? 0}`,
  ];
  return parts.join(t('ui.trail.sep.item'));
}

/** "field: before → after" for each field that an entry records. */
export function describeChange(e: TrailEntry, t: T): string {
  if (e.entity === 'sample') return sampleChange(e, t);
  const b = (e.before && typeof e.before === 'object' ? e.before : {}) as Record<string, unknown>;
  const a = (e.after && typeof e.after === 'object' ? e.after : {}) as Record<string, unknown>;
  if (typeof e.after === 'string') return short(`${e.before ? `${String(e.before)} → ` : ''}${e.after}`);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  const parts = keys.map((k) => {
    const label = FIELD_LABELS[k] ? t(FIELD_LABELS[k]) : k;
    const colon = t('ui.trail.sep.field');
    return k in b && k in a ? `${label}${colon}${valueText(k, b[k], t)} → ${valueText(k, a[k], t)}` : `${label}${colon}${valueText(k, k in a ? a[k] : b[k], t)}`;
  });
  return parts.join(t('ui.trail.sep.item'));
}

export function TrailTable({ entries, showEntity = true, testId = 'trail-table' }: { entries: TrailEntry[]; showEntity?: boolean; testId?: string }) {
  const { t } = useLang();
  return (
    <Table<TrailEntry>
      size="small"
      rowKey="id"
      dataSource={[...entries].reverse()}
      pagination={entries.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('ui.trail.none') }}
      data-testid={testId}
      columns={[
        { key: 'at', title: t('ui.trail.col.at'), width: 150, render: (_, e) => <span className="va-mono" style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(e.at)}</span> },
        { key: 'actor', title: t('ui.trail.col.actor'), dataIndex: 'actor', width: 90 },
        ...(showEntity ? [{ key: 'what', title: t('ui.trail.col.what'), width: 200, render: (_: unknown, e: TrailEntry) => `${t(`ui.trail.entity.${e.entity}` as MessageKey)} ${e.entityId === '*' ? '' : e.entityId}` }] : []),
        { key: 'action', title: t('ui.trail.col.action'), width: 100, render: (_, e) => (`ui.trail.action.${e.action}` in LABELLED ? t(`ui.trail.action.${e.action}` as MessageKey) : e.action) },
        { key: 'change', title: t('ui.trail.col.change'), render: (_, e) => <Typography.Text style={{ fontSize: 12 }}>{describeChange(e, t)}</Typography.Text> },
      ]}
    />
  );
}

const LABELLED: Record<string, true> = Object.fromEntries(
  ['review', 'create', 'edit', 'update', 'merge', 'split', 'handoff', 'evidence', 'close', 'import', 'set-source', 'sample.draw', 'sample.extend'].map((a) => [`ui.trail.action.${a}`, true]),
);
