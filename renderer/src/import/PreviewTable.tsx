// The first rows of a file as read, with each recognised column's field named in its header.
import { Table, Tag } from 'antd';
import type { FilePreview } from '../../../shared/contract';
import { useLang } from '../i18n';
import { fieldLabel } from './fieldLabel';

export function PreviewTable({ preview }: { preview: FilePreview }) {
  const { t } = useLang();
  const byColumn = new Map(preview.matches.map((m) => [m.column, m.field]));
  const columns = [
    { title: '#', dataIndex: 'line', key: 'line', width: 56, fixed: 'left' as const },
    ...preview.headers.map((h, i) => {
      const field = byColumn.get(i);
      return {
        key: String(i),
        width: 120,
        ellipsis: true,
        title: (
          <div data-recognised={field ? 'yes' : 'no'}>
            <div>{h}</div>
            {field ? <Tag color="green" title={t('ui.import.recognised', { field: fieldLabel(t, field) })}>✓ {fieldLabel(t, field)}</Tag> : <Tag>—</Tag>}
          </div>
        ),
        render: (_: unknown, r: { cells: string[] }) => r.cells[i] ?? '',
      };
    }),
  ];
  return (
    <Table
      size="small"
      rowKey="line"
      pagination={false}
      columns={columns}
      dataSource={preview.rows.slice(0, 8)}
      scroll={{ x: 56 + preview.headers.length * 120 }}
      data-testid="preview-table"
    />
  );
}
