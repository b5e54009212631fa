// Every handoff recorded: to whom, when, by whom, how many leads and how much, each lead's
// version, and the files with their SHA-256 (to check a received file was not altered).
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { HandoffRecord } from '../../../shared/contract';
import { formatFen, formatTimestamp } from '../format';
import { useLang } from '../i18n';

export function HandoffList({ records, onOpenLead }: { records: HandoffRecord[]; onOpenLead: (n: string) => void }) {
  const { t } = useLang();
  return (
    <Table<HandoffRecord>
      size="small"
      rowKey="id"
      dataSource={[...records].reverse()}
      pagination={false}
      locale={{ emptyText: t('ui.handoff.none') }}
      data-testid="handoffs-table"
      columns={[
        { key: 'id', title: t('ui.handoff.col.id'), dataIndex: 'id', width: 60 },
        { key: 'at', title: t('ui.handoff.col.at'), width: 130, render: (_, r) => formatTimestamp(r.handedAt) },
        { key: 'to', title: t('ui.handoff.col.to'), dataIndex: 'toUnit', width: 120 },
        { key: 'from', title: t('ui.handoff.col.from'), dataIndex: 'fromUnit', width: 160, ellipsis: true },
        { key: 'by', title: t('ui.handoff.col.by'), dataIndex: 'handedBy', width: 80 },
        { key: 'count', title: t('ui.handoff.col.count'), dataIndex: 'leadCount', width: 60, align: 'right' },
        { key: 'amount', title: t('ui.handoff.col.amount'), width: 120, align: 'right', render: (_, r) => <span className="va-amount">{formatFen(r.amountFen)}</span> },
        {
          key: 'leads', title: t('ui.handoff.col.leads'), render: (_, r) => (
            <Space size={[4, 4]} wrap>
              {r.leads.map((l) => <Tag key={l.number} style={{ cursor: 'pointer' }} onClick={() => onOpenLead(l.number)}>{l.number} v{l.version}</Tag>)}
            </Space>
          ),
        },
        {
          key: 'files', title: t('ui.handoff.col.files'), width: 260, render: (_, r) => (
            <Space orientation="vertical" size={0}>
              {r.files.map((f) => (
                <Tooltip key={f.path} title={`${f.path}\nSHA-256 ${f.sha256}`}>
                  <Typography.Text style={{ fontSize: 12 }} data-handoff-file={f.kind}>{f.path.split(/[\\/]/).pop()} · <span className="va-mono">{f.sha256.slice(0, 12)}</span></Typography.Text>
                </Tooltip>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
