// The findings list: a virtualised table (smooth at 100,000 rows), sorted by the engine, with a
// selection for bulk actions and one active row for keyboard review. Laid out for the pane it
// has (1366×768 and up): the checkbox and status columns pinned, the reason taking what is left
// so it shows without scrolling sideways; the township column only where there is room.
import { forwardRef } from 'react';
import { Table, Tooltip } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import type { Finding, FindingQuery } from '../../../shared/contract';
import { useApp } from '../context';
import { formatFen, ruleShort, ruleTitle } from '../format';
import { pick, useLang } from '../i18n';
import { useBoxSize } from '../components/useBoxSize';
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
}

export type TableRef = { scrollTo: (opts: { index?: number; key?: string }) => void };

const CHECKBOX = 32;
/** The reason never narrower than this; below it the table scrolls sideways rather than hide it. */
const MIN_REASON = 220;
/** The vertical scrollbar of the table body. */
const SCROLLBAR = 14;
/** The table's header row. */
const HEADER = 40;

export const FindingsTable = forwardRef<TableRef, Props>(function FindingsTable(p, ref) {
  const { t, lang } = useLang();
  const app = useApp();
  const [box, { width, height }] = useBoxSize();
  const order = (by: SortBy) => (p.sort?.by === by ? (p.sort.dir === 'asc' ? 'ascend' : 'descend') : null);
  const columns: ColumnsType<Finding> = [
    { key: 'status', title: t('ui.col.status'), width: lang === 'zh' ? 76 : 96, fixed: 'left', sorter: true, sortOrder: order('status'), render: (_, r) => <StatusTag status={r.status} /> },
    { key: 'date', title: t('ui.col.date'), dataIndex: 'date', width: 92, sorter: true, sortOrder: order('date'), className: 'va-nowrap' },
    { key: 'village', title: t('ui.col.village'), width: lang === 'zh' ? 84 : 92, sorter: true, sortOrder: order('village'), ellipsis: true,
      render: (_, r) => <Tooltip title={`${r.township} ${r.village}`}><span>{r.village}</span></Tooltip> },
    { key: 'amount', title: t('ui.col.amount'), width: 108, align: 'right', sorter: true, sortOrder: order('amount'), render: (_, r) => <span className="va-amount">{formatFen(r.amountFen)}</span> },
    { key: 'rule', title: t('ui.col.rule'), width: 96, ellipsis: true, sorter: true, sortOrder: order('rule'),
      render: (_, r) => <Tooltip title={ruleTitle(app.rules, r.rule, lang)}><span>{ruleShort(app.rules, r.rule, lang)}</span></Tooltip> },
  ];
  // Columns shown only where the reason keeps its room (the detail pane names them anyway).
  const optional: [number, ColumnsType<Finding>[number]][] = [
    [5, { key: 'vouchers', title: t('ui.col.vouchers'), width: 84, ellipsis: true, render: (_, r) => r.vouchers.join(', ') }],
    [2, { key: 'township', title: t('ui.col.township'), dataIndex: 'township', width: 92, ellipsis: true, sorter: true, sortOrder: order('township') }],
  ];
  let used = CHECKBOX + SCROLLBAR + columns.reduce((s, c) => s + Number(c.width), 0);
  for (const [at, c] of optional) {
    if (width - used - Number(c.width) < MIN_REASON + 60) break;
    columns.splice(Math.min(at, columns.length), 0, c);
    used += Number(c.width);
  }
  const reasonWidth = Math.max(MIN_REASON, width - used);
  columns.push({
    key: 'reason', title: t('ui.col.reason'), ellipsis: { showTitle: false }, width: reasonWidth,
    render: (_, r) => <Tooltip title={pick(lang, r.reason, r.reasonEn)} placement="topLeft" mouseEnterDelay={0.6}><span data-testid="finding-reason-cell">{pick(lang, r.reason, r.reasonEn)}</span></Tooltip>,
  });
  const tableWidth = used - SCROLLBAR + reasonWidth;
  return (
    <div ref={box} className="va-fill">
      {width > 0 && (
        <Table<Finding>
          ref={ref as never}
          virtual
          size="small"
          rowKey="id"
          loading={p.loading}
          pagination={false}
          dataSource={p.rows}
          scroll={{ x: tableWidth, y: Math.max(160, height - HEADER) }}
          data-testid="findings-table"
          rowClassName={(r) => (r.id === p.activeId ? 'va-row-active' : '')}
          onRow={(r) => ({ onClick: () => p.onActivate(r.id), 'data-finding-id': r.id } as object)}
          rowSelection={{ selectedRowKeys: p.selected, onChange: (keys) => p.onSelect(keys as string[]), columnWidth: CHECKBOX, fixed: 'left' }}
          onChange={(_pg, _f, sorter) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Finding> | undefined;
            p.onSort(s?.order ? { by: s.columnKey as SortBy, dir: s.order === 'ascend' ? 'asc' : 'desc' } : undefined);
          }}
          columns={columns}
        />
      )}
    </div>
  );
});
