// The outcome of one file's import: lines imported, already imported, or every row error with
// file:line:column.
import { Alert, App, Button, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ImportResult, RowError } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { pick, useLang } from '../i18n';

/** Saves every row error of a rejected import as a CSV the user opens in Excel or WPS. */
function SaveErrorsButton({ result }: { result: ImportResult }) {
  const { t } = useLang();
  const app = useApp();
  const { message } = App.useApp();
  const save = async () => {
    try {
      const path = await audit().chooseSaveFile({ defaultName: t('ui.import.errors.fileName', { file: result.file.replace(/\.[^.]+$/, '') }) });
      if (!path) return;
      const saved = await audit().saveImportErrors({ sha256: result.sha256, path });
      void message.success(t('ui.import.errors.saved', { count: saved.errors, path: saved.path }));
    } catch (e) {
      app.reportError(e);
    }
  };
  return <Button size="small" icon={<DownloadOutlined />} onClick={save} data-testid="save-errors">{t('ui.import.errors.save')}</Button>;
}

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
      <Alert type={type} showIcon title={summary} description={pick(lang, result.message, result.messageEn)}
        action={result.status === 'rejected' && result.errorCount > 0 && result.sha256 ? <SaveErrorsButton result={result} /> : undefined} />
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
            { title: t('ui.import.errors.place'), key: 'place', width: 260, render: (_, e) => <span className="va-mono" data-testid="error-place">{`${e.file}${e.sheet ? `[${e.sheet}]` : ''}:${e.line}:${e.column}`}</span> },
            { title: t('ui.import.errors.column'), dataIndex: 'columnName', width: 110 },
            { title: t('ui.import.errors.found'), dataIndex: 'found', width: 140, ellipsis: true },
            { title: t('ui.import.errors.message'), key: 'message', render: (_, e) => pick(lang, e.message, e.messageEn) },
          ]}
        />
      )}
    </div>
  );
}
