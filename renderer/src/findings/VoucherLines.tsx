// Ledger lines in a table, each with the file and line it came from: a finding's voucher lines,
// and the ledger screen's pages. Line numbers never wrap; a line can open the ledger around its
// voucher.
import { Button, Table, Tooltip } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table/interface';
import type { LedgerLineView, LedgerRow } from '../../../shared/contract';
import { formatFen } from '../format';
import { useLang } from '../i18n';

interface Props<L extends LedgerLineView> {
  lines: L[];
  /** Opens the ledger around the line's voucher. */
  onContext?: (lineId: number) => void;
  /** Lines to mark (the vouchers a context is about). */
  marked?: ReadonlySet<number>;
  /** Show the place (a ledger page over several villages). */
  place?: boolean;
  /** Show who handled the voucher. */
  people?: boolean;
  onRowClick?: (line: L) => void;
  scrollY?: number;
  testId?: string;
}

/** A workbook's sheet is part of where a line is. */
const where = (l: LedgerLineView) => `${l.file}${l.sheet ? `[${l.sheet}]` : ''}`;

export function VoucherLines<L extends LedgerLineView>({ lines, onContext, marked, place, people, onRowClick, scrollY, testId = 'voucher-lines' }: Props<L>) {
  const { t, lang } = useLang();
  const money = (fen: number) => (fen ? <span className="va-amount">{formatFen(fen)}</span> : '');
  // The accounting entity shows only where the file names one.
  const entities = lines.some((l) => l.entity);
  const columns: ColumnsType<L> = [
    { key: 'line', title: t('ui.col.line'), dataIndex: 'line', width: 64, align: 'right', className: 'va-nowrap va-mono', fixed: 'left' },
    ...(place ? [{ key: 'place', title: t('ui.col.village'), width: 120, ellipsis: true, render: (_: unknown, l: L) => `${(l as unknown as LedgerRow).township} ${(l as unknown as LedgerRow).village}` }] : []),
    { key: 'date', title: t('ui.col.date'), dataIndex: 'date', width: 96, className: 'va-nowrap' },
    ...(entities ? [{ key: 'entity', title: t('ui.col.entity'), dataIndex: 'entity', width: 150, ellipsis: true }] : []),
    { key: 'voucher', title: t('ui.col.vouchers'), dataIndex: 'voucher', width: 84, className: 'va-nowrap' },
    { key: 'summary', title: t('ui.col.summary'), dataIndex: 'summary', width: 180, ellipsis: true },
    { key: 'account', title: t('ui.col.account'), width: 150, ellipsis: true, render: (_, l) => `${l.accountCode} ${l.accountName}` },
    { key: 'debit', title: t('ui.col.debit'), width: 112, align: 'right', render: (_, l) => money(l.debitFen) },
    { key: 'credit', title: t('ui.col.credit'), width: 112, align: 'right', render: (_, l) => money(l.creditFen) },
    { key: 'att', title: t('ui.col.attachments'), dataIndex: 'attachments', width: lang === 'en' ? 76 : 64, align: 'right', className: 'va-nowrap' },
    { key: 'cp', title: t('ui.col.counterparty'), dataIndex: 'counterparty', width: 140, ellipsis: true },
    ...(people ? [{ key: 'handler', title: t('ui.col.handler'), width: lang === 'en' ? 116 : 80, ellipsis: true, render: (_: unknown, l: L) => (l as unknown as LedgerRow).handler }] : []),
    { key: 'file', title: t('ui.col.file'), width: 150, ellipsis: true, render: (_, l) => <span className="va-mono" title={`${where(l)}:${l.line}`} data-source={`${where(l)}:${l.line}`}>{where(l)}</span> },
    ...(onContext ? [{
      key: 'context', title: '', width: 40, fixed: 'right' as const,
      render: (_: unknown, l: L) => (
        <Tooltip title={t('ui.ledger.aroundVoucher')}>
          <Button size="small" type="text" icon={<FileSearchOutlined />} aria-label={t('ui.ledger.aroundVoucher')} data-testid="line-context"
            onClick={(e) => { e.stopPropagation(); onContext(l.id); }} />
        </Tooltip>
      ),
    }] : []),
  ];
  return (
    <Table<L>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={lines}
      scroll={{ x: columns.reduce((s, c) => s + Number(c.width ?? 0), 0), ...(scrollY ? { y: scrollY } : {}) }}
      data-testid={testId}
      className="va-dense"
      rowClassName={(l) => (marked?.has(l.id) ? 'va-row-marked' : '')}
      onRow={(l) => ({ 'data-line-id': l.id, ...(onRowClick ? { onClick: () => onRowClick(l), style: { cursor: 'pointer' } } : {}) } as object)}
      columns={columns}
    />
  );
}
