// The outcome of one file's import: lines imported, already imported, or every row error with
// file:line:column.
import { Alert, Table } from 'antd';
import type { ImportResult, RowError } from '../../../shared/contract';
import { pick, useLang } from '../i18n';

export function ImportResultView({ result }: { result: ImportResult }) {
  const { t, lang } = useLang();
  const type = result.status === 'imported' ? 'success' : result.status === 'duplicate' ? 'info' : result.status === 'cancelled' ? 'warning' : 'error';
  const summary = {
    imported: t('ui.import.result.imported', { rows: result.rowsImported.toLocaleString(), skipped: result.rowsSkipped }),
    duplicate: t('ui.import.result.duplicate'),
    rejected: t('ui.import.result.rejected', { count: result.errorCount }),
    cancelled: t('ui.import.result.cancelled'),
    'needs-mapping': t('ui.import.result.needs-mapping'),
  }[result.status];
  return (
    <div data-testid="import-result" data-status={result.status}>
      <Alert type={type} showIcon title={summary} description={pick(lang, result.message, result.messageEn)} />
      {result.errors.length > 0 && (
        <Table<RowError>
          className="va-error-list"
          size="small"
          style={{ marginTop: 8 }}
          rowKey={(e) => `${e.line}:${e.column}:${e.code}`}
          pagination={false}
          dataSource={result.errors}
          scroll={{ y: 280 }}
          data-testid="import-errors"
          columns={[
            { title: t('ui.import.errors.place'), key: 'place', width: 260, render: (_, e) => <span className="va-mono" data-testid="error-place">{`${e.file}:${e.line}:${e.column}`}</span> },
            { title: t('ui.import.errors.column'), dataIndex: 'columnName', width: 110 },
            { title: t('ui.import.errors.found'), dataIndex: 'found', width: 140, ellipsis: true },
            { title: t('ui.import.errors.message'), key: 'message', render: (_, e) => pick(lang, e.message, e.messageEn) },
          ]}
        />
      )}
    </div>
  );
}
