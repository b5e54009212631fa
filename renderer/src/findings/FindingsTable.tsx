// The findings list: a virtualised table (smooth at 100,000 rows), sorted by the engine, with a
// selection for bulk actions and one active row for keyboard review.
import { forwardRef } from 'react';
import { Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { Finding, FindingQuery } from '../../../shared/contract';
import { useApp } from '../context';
import { formatFen, ruleTitle } from '../format';
import { pick, useLang } from '../i18n';
import { StatusTag } from './StatusTag';

type SortBy = NonNullable<FindingQuery['sort']>['by'];

interface Props {
  rows: Finding[];
  loading: boolean;
  activeId: string | null;
  onActivate: (id: string) => void;
  selected: string[];
  onSelect: (ids: string[]) => void;
  sort: FindingQuery['sort'];
  onSort: (sort: FindingQuery['sort']) => void;
  height: number;
}

export type TableRef = { scrollTo: (opts: { index?: number; key?: string }) => void };

export const FindingsTable = forwardRef<TableRef, Props>(function FindingsTable(p, ref) {
  const { t, lang } = useLang();
  const app = useApp();
  const order = (by: SortBy) => (p.sort?.by === by ? (p.sort.dir === 'asc' ? 'ascend' : 'descend') : null);
  return (
    <Table<Finding>
      ref={ref as never}
      virtual
      size="small"
      rowKey="id"
      loading={p.loading}
      pagination={false}
      dataSource={p.rows}
      scroll={{ x: 1050, y: p.height }}
      data-testid="findings-table"
      rowClassName={(r) => (r.id === p.activeId ? 'va-row-active' : '')}
      onRow={(r) => ({ onClick: () => p.onActivate(r.id), 'data-finding-id': r.id } as object)}
      rowSelection={{ selectedRowKeys: p.selected, onChange: (keys) => p.onSelect(keys as string[]), columnWidth: 36 }}
      onChange={(_pg, _f, sorter) => {
        const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Finding> | undefined;
        p.onSort(s?.order ? { by: s.columnKey as SortBy, dir: s.order === 'ascend' ? 'asc' : 'desc' } : undefined);
      }}
      columns={[
        { key: 'status', title: t('ui.col.status'), width: 84, sorter: true, sortOrder: order('status'), render: (_, r) => <StatusTag status={r.status} /> },
        { key: 'date', title: t('ui.col.date'), dataIndex: 'date', width: 100, sorter: true, sortOrder: order('date') },
        { key: 'township', title: t('ui.col.township'), dataIndex: 'township', width: 96, sorter: true, sortOrder: order('township') },
        { key: 'village', title: t('ui.col.village'), dataIndex: 'village', width: 84, sorter: true, sortOrder: order('village') },
        { key: 'amount', title: t('ui.col.amount'), width: 120, align: 'right', sorter: true, sortOrder: order('amount'), render: (_, r) => <span className="va-amount">{formatFen(r.amountFen)}</span> },
        { key: 'rule', title: t('ui.col.rule'), width: 150, ellipsis: true, sorter: true, sortOrder: order('rule'), render: (_, r) => ruleTitle(app.rules, r.rule, lang) },
        { key: 'vouchers', title: t('ui.col.vouchers'), width: 100, ellipsis: true, render: (_, r) => r.vouchers.join(', ') },
        { key: 'reason', title: t('ui.col.reason'), ellipsis: true, width: 280, render: (_, r) => pick(lang, r.reason, r.reasonEn) },
      ]}
    />
  );
});
