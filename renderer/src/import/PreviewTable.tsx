// The first rows of a file as read, with each recognised column's field named in its header and
// each row marked as the import will treat it: subtotal/balance and blank rows skipped (grey),
// rows with errors (red, the errors in a tooltip as file:line:column).
import { Table, Tag, Tooltip } from 'antd';
import type { FilePreview } from '../../../shared/contract';
import { pick, useLang } from '../i18n';
import { fieldLabel } from './fieldLabel';

type Row = FilePreview['rows'][number];

function OutcomeTag({ row }: { row: Row }) {
  const { t, lang } = useLang();
  if (row.outcome === 'subtotal') return <Tag data-outcome="subtotal">{t('ui.import.row.subtotal')}</Tag>;
  if (row.outcome === 'blank') return <Tag data-outcome="blank">{t('ui.import.row.blank')}</Tag>;
  if (row.outcome === 'error') {
    const text = row.errors.map((e) => `${e.file}:${e.line}:${e.column} ${pick(lang, e.message, e.messageEn)}`).join('\n');
    return <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{text}</span>}><Tag color="red" data-outcome="error">{t('ui.import.row.error')}</Tag></Tooltip>;
  }
  return null;
}

export function PreviewTable({ preview }: { preview: FilePreview }) {
  const { t } = useLang();
  const byColumn = new Map(preview.matches.map((m) => [m.column, m.field]));
  const columns = [
    { title: '#', dataIndex: 'line', key: 'line', width: 56, fixed: 'left' as const },
    { title: t('ui.import.row.col'), key: 'outcome', width: 150, fixed: 'left' as const, render: (_: unknown, r: Row) => <OutcomeTag row={r} /> },
    ...preview.headers.map((h, i) => {
      const field = byColumn.get(i);
      return {
        key: String(i),
        width: 120,
        ellipsis: true,
        title: (
          <div data-recognised={field ? 'yes' : 'no'} data-header={h} data-field={field ?? ''}>
            <div>{h}</div>
            {field ? <Tag color="green" title={t('ui.import.recognised', { field: fieldLabel(t, field) })}>✓ {fieldLabel(t, field)}</Tag> : <Tag>—</Tag>}
          </div>
        ),
        render: (_: unknown, r: Row) => r.cells[i] ?? '',
      };
    }),
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="line"
      pagination={false}
      columns={columns}
      dataSource={preview.rows}
      rowClassName={(r) => (r.outcome === 'subtotal' || r.outcome === 'blank' ? 'va-row-skipped' : r.outcome === 'error' ? 'va-row-error' : '')}
      scroll={{ x: 206 + preview.headers.length * 120, y: 300 }}
      data-testid="preview-table"
    />
  );
}
