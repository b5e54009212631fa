// Money recovered against money at issue, per township and village, with open and overdue counts.
import { Progress, Table } from 'antd';
import type { RectificationSummaryRow } from '../../../shared/contract';
import { formatFen } from '../format';
import { useLang } from '../i18n';

export function RectSummaryTable({ rows }: { rows: RectificationSummaryRow[] }) {
  const { t } = useLang();
  return (
    <Table<RectificationSummaryRow>
      size="small"
      rowKey={(r) => `${r.township}/${r.village}`}
      dataSource={rows}
      pagination={false}
      data-testid="rect-summary"
      columns={[
        { key: 'township', title: t('ui.col.township'), dataIndex: 'township', width: 80, className: 'va-nowrap' },
        { key: 'village', title: t('ui.col.village'), dataIndex: 'village', width: 80, className: 'va-nowrap' },
        { key: 'items', title: t('ui.rect.col.items'), dataIndex: 'items', width: 56, align: 'right' },
        { key: 'open', title: t('ui.rect.stat.open'), dataIndex: 'open', width: 64, align: 'right' },
        { key: 'overdue', title: t('ui.rect.stat.overdue'), width: 56, align: 'right', render: (_, r) => (r.overdue > 0 ? <b style={{ color: '#cf1322' }}>{r.overdue}</b> : 0) },
        { key: 'atIssue', title: t('ui.rect.col.atIssue'), width: 120, align: 'right', render: (_, r) => <span className="va-amount">{formatFen(r.amountAtIssueFen)}</span> },
        { key: 'recovered', title: t('ui.rect.col.recovered'), width: 120, align: 'right', render: (_, r) => <span className="va-amount">{formatFen(r.recoveredFen)}</span> },
        {
          key: 'rate', title: t('ui.rect.summary.rate'), width: 120, render: (_, r) => (
            <Progress size="small" percent={r.amountAtIssueFen > 0 ? Math.min(100, Math.floor((r.recoveredFen * 100) / r.amountAtIssueFen)) : 0} />
          ),
        },
      ]}
    />
  );
}
