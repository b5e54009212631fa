// The append-only trail as a table: when, who, what, which action, and what changed (before →
// after), with money shown as yuan and long texts cut so a row stays one glance.
import { Table, Typography } from 'antd';
import type { TrailEntry } from '../../../shared/contract';
import type { MessageKey } from '../../../shared/i18n/messages';
import { formatTimestamp } from '../format';
import { useLang } from '../i18n';

/** "涉及金额：¥27,620.00；状态：待审核 → 已排除": the engine's text of the entry, in the UI's language. */
export function describeChange(e: TrailEntry, t: ReturnType<typeof useLang>['t'], lang: 'zh' | 'en'): string {
  return e.text.changes.map((c) => {
    const colon = t('ui.trail.sep.field');
    const dash = '—';
    return c.before ? `${c.label[lang]}${colon}${c.before[lang]} → ${c.after?.[lang] ?? dash}` : `${c.label[lang]}${colon}${c.after?.[lang] ?? dash}`;
  }).join(t('ui.trail.sep.item'));
}

export function TrailTable({ entries, showEntity = true, testId = 'trail-table' }: { entries: TrailEntry[]; showEntity?: boolean; testId?: string }) {
  const { t, lang } = useLang();
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
        { key: 'action', title: t('ui.trail.col.action'), width: 100, render: (_, e) => e.text.action[lang] },
        { key: 'change', title: t('ui.trail.col.change'), render: (_, e) => <Typography.Text style={{ fontSize: 12 }}>{describeChange(e, t, lang)}</Typography.Text> },
      ]}
    />
  );
}

