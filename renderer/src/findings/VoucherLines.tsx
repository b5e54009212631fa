// Every line of the finding's voucher(s), each with the file and line it came from.
import { Table } from 'antd';
import type { LedgerLineView } from '../../../shared/contract';
import { formatFen } from '../format';
import { useLang } from '../i18n';

export function VoucherLines({ lines }: { lines: LedgerLineView[] }) {
  const { t } = useLang();
  const money = (fen: number) => (fen ? <span className="va-amount">{formatFen(fen)}</span> : '');
  // A workbook's sheet is part of where a line is; the accounting entity shows only where the file names one.
  const where = (l: LedgerLineView) => `${l.file}${l.sheet ? `[${l.sheet}]` : ''}`;
  const entities = lines.some((l) => l.entity);
  return (
    <Table<LedgerLineView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={lines}
      scroll={{ x: 720 }}
      data-testid="voucher-lines"
      columns={[
        { key: 'line', title: t('ui.col.line'), dataIndex: 'line', width: 56, align: 'right' },
        { key: 'file', title: t('ui.col.file'), width: 150, ellipsis: true, render: (_, l) => <span className="va-mono" title={`${where(l)}:${l.line}`} data-source={`${where(l)}:${l.line}`}>{where(l)}</span> },
        ...(entities ? [{ key: 'entity', title: t('ui.col.entity'), dataIndex: 'entity', width: 150, ellipsis: true }] : []),
        { key: 'voucher', title: t('ui.col.vouchers'), dataIndex: 'voucher', width: 84 },
        { key: 'summary', title: t('ui.col.summary'), dataIndex: 'summary', width: 180, ellipsis: true },
        { key: 'account', title: t('ui.col.account'), width: 130, ellipsis: true, render: (_, l) => `${l.accountCode} ${l.accountName}` },
        { key: 'debit', title: t('ui.col.debit'), width: 110, align: 'right', render: (_, l) => money(l.debitFen) },
        { key: 'credit', title: t('ui.col.credit'), width: 110, align: 'right', render: (_, l) => money(l.creditFen) },
        { key: 'att', title: t('ui.col.attachments'), dataIndex: 'attachments', width: 56, align: 'right' },
        { key: 'cp', title: t('ui.col.counterparty'), dataIndex: 'counterparty', width: 140, ellipsis: true },
      ]}
    />
  );
}
