// Villages ranked by amount at issue; clicking one opens its findings, its ledger link the
// village's ledger.
import { Button, Table } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import type { Overview } from '../../../shared/contract';
import { formatFen } from '../format';
import { useLang } from '../i18n';

type Row = Overview['villagesRanked'][number];

export function VillageRanking({ rows, onSelect, onLedger, height }: { rows: Row[]; onSelect: (r: Row) => void; onLedger: (r: Row) => void; height?: number }) {
  const { t } = useLang();
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => `${r.township}/${r.village}`}
      pagination={false}
      dataSource={rows}
      scroll={height ? { y: height } : undefined}
      data-testid="village-ranking"
      onRow={(r) => ({ onClick: () => onSelect(r), style: { cursor: 'pointer' }, 'data-village': `${r.township}/${r.village}` } as object)}
      columns={[
        { title: t('ui.col.rank'), key: 'rank', width: 56, render: (_, __, i) => i + 1 },
        { title: t('ui.col.township'), dataIndex: 'township', ellipsis: true },
        { title: t('ui.col.village'), dataIndex: 'village', ellipsis: true },
        { title: t('ui.col.count'), dataIndex: 'count', align: 'right', width: 92 },
        { title: t('ui.col.amount'), key: 'amount', align: 'right', width: 130, render: (_, r) => <span className="va-amount">{formatFen(r.amountFen)}</span> },
        {
          title: t('ui.overview.ledger'), key: 'ledger', width: 84, align: 'center',
          render: (_, r) => (
            <Button size="small" type="link" icon={<FileSearchOutlined />} data-testid="village-ledger"
              onClick={(e) => { e.stopPropagation(); onLedger(r); }}>{t('ui.overview.ledger.open')}</Button>
          ),
        },
      ]}
    />
  );
}
