// Villages ranked by amount at issue; clicking one opens its findings.
import { Table } from 'antd';
import type { Overview } from '../../../shared/contract';
import { formatFen } from '../format';
import { useLang } from '../i18n';

type Row = Overview['villagesRanked'][number];

export function VillageRanking({ rows, onSelect }: { rows: Row[]; onSelect: (r: Row) => void }) {
  const { t } = useLang();
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => `${r.township}/${r.village}`}
      pagination={false}
      dataSource={rows}
      data-testid="village-ranking"
      onRow={(r) => ({ onClick: () => onSelect(r), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('ui.col.rank'), key: 'rank', width: 56, render: (_, __, i) => i + 1 },
        { title: t('ui.col.township'), dataIndex: 'township' },
        { title: t('ui.col.village'), dataIndex: 'village' },
        { title: t('ui.col.count'), dataIndex: 'count', align: 'right', width: 80 },
        { title: t('ui.col.amount'), key: 'amount', align: 'right', width: 140, render: (_, r) => <span className="va-amount">{formatFen(r.amountFen)}</span> },
      ]}
    />
  );
}
