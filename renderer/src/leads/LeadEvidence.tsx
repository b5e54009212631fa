// 证据: the vouchers behind a lead with the source file, its line and the file's SHA-256, so a
// commission can find each one among the paper vouchers and check it against the export.
import { Table, Tooltip } from 'antd';
import type { LeadEvidence as Evidence } from '../../../shared/contract';
import { useLang } from '../i18n';

export function LeadEvidence({ evidence }: { evidence: Evidence[] }) {
  const { t } = useLang();
  return (
    <Table<Evidence & { k: string }>
      size="small"
      rowKey="k"
      pagination={evidence.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      dataSource={evidence.map((e) => ({ ...e, k: `${e.sha256}:${e.line}` }))}
      data-testid="lead-evidence"
      columns={[
        { key: 'voucher', title: t('ui.col.vouchers'), dataIndex: 'voucher', width: 90, render: (v: string) => v || '—' },
        { key: 'date', title: t('ui.col.date'), dataIndex: 'date', width: 100, render: (v: string) => v || '—' },
        { key: 'file', title: t('ui.col.file'), dataIndex: 'file', ellipsis: true },
        { key: 'line', title: t('ui.col.line'), dataIndex: 'line', width: 60, align: 'right' },
        { key: 'sha', title: 'SHA-256', dataIndex: 'sha256', width: 110, render: (v: string) => <Tooltip title={v}><span className="va-mono">{v.slice(0, 12)}</span></Tooltip> },
      ]}
    />
  );
}
