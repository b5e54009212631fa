// Export as .xlsx or .csv: the save dialog (its name proposed), the engine writes the file, a
// toast says where. Busy while it writes.
import { useState } from 'react';
import { App as AntApp, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ExportedFile } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { useLang } from '../i18n';

interface Props {
  /** The file name proposed, without extension. */
  name: string;
  onExport: (path: string, format: 'xlsx' | 'csv') => Promise<ExportedFile>;
  testId: string;
  disabled?: boolean;
}

export function ExportButton({ name, onExport, testId, disabled }: Props) {
  const { t } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'xlsx' | 'csv') => {
    const path = await audit().chooseSaveFile({ defaultName: `${name}.${format}`, title: t('ui.export.title') });
    if (!path) return;
    setBusy(true);
    try {
      const r = await onExport(path, format);
      void message.success(t('ui.export.done', { rows: r.rows, path: r.path }), 6);
    } catch (e) {
      app.reportError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown disabled={disabled || busy} trigger={['click']} menu={{
      items: [
        { key: 'xlsx', label: <span data-testid={`${testId}-xlsx`}>{t('ui.export.xlsx')}</span> },
        { key: 'csv', label: <span data-testid={`${testId}-csv`}>{t('ui.export.csv')}</span> },
      ],
      onClick: ({ key }) => void run(key as 'xlsx' | 'csv'),
    }}>
      <Button size="small" icon={<DownloadOutlined />} loading={busy} data-testid={testId}>{t('ui.export.button')}</Button>
    </Dropdown>
  );
}
