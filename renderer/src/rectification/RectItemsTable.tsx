// The items of the ledger; overdue items (past 完成时限 and not closed) are highlighted.
import { Table, Typography } from 'antd';
import type { RectificationItem } from '../../../shared/contract';
import { useApp } from '../context';
import { headerWidth } from '../components/measure';
import { formatFen } from '../format';
import { useLang } from '../i18n';
import { RectProgressTag } from './RectProgressTag';

export function RectItemsTable({ items, loading, onOpen }: { items: RectificationItem[]; loading: boolean; onOpen: (id: number) => void }) {
  const { t } = useLang();
  const app = useApp();
  return (
    <Table<RectificationItem>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={items.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      locale={{ emptyText: t('ui.rect.none') }}
      data-testid="rect-items"
      rowClassName={(r) => (r.overdue ? 'va-row-overdue' : r.closed ? 'va-row-closed' : '')}
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' }, 'data-rect': r.id, 'data-overdue': r.overdue ? 'yes' : 'no' } as React.HTMLAttributes<HTMLElement>)}
      scroll={{ x: 1200 }}
      columns={[
        { key: 'id', title: t('ui.rect.col.id'), dataIndex: 'id', width: 56 },
        {
          key: 'lead', title: t('ui.rect.col.lead'), width: 170, render: (_, r) => (r.leadNumber
            ? <Typography.Link className="va-mono" onClick={(e) => { e.stopPropagation(); app.openLead(r.leadNumber as string); }}>{r.leadNumber}</Typography.Link>
            : '—'),
        },
        { key: 'place', title: t('ui.col.village'), width: 130, render: (_, r) => `${r.township} ${r.village}` },
        { key: 'desc', title: t('ui.rect.col.description'), ellipsis: true, dataIndex: 'description' },
        { key: 'resp', title: t('ui.rect.col.responsible'), width: headerWidth(t('ui.rect.col.responsible'), 150), ellipsis: true, dataIndex: 'responsible' },
        { key: 'due', title: t('ui.rect.col.due'), width: 110, render: (_, r) => <span style={{ whiteSpace: 'nowrap', ...(r.overdue ? { color: '#cf1322', fontWeight: 600 } : {}) }}>{r.dueDate ?? '—'}</span> },
        { key: 'progress', title: t('ui.rect.col.progress'), width: 170, render: (_, r) => <RectProgressTag item={r} /> },
        { key: 'atIssue', title: t('ui.rect.col.atIssue'), width: 120, align: 'right', render: (_, r) => <span className="va-amount">{formatFen(r.amountAtIssueFen)}</span> },
        { key: 'recovered', title: t('ui.rect.col.recovered'), width: 120, align: 'right', render: (_, r) => <span className="va-amount">{formatFen(r.recoveredFen)}</span> },
      ]}
    />
  );
}
