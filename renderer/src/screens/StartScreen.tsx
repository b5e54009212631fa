// Start: create or open a workspace, reopen a recent one, or open the sample district.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Empty, Space, Typography } from 'antd';
import { ExperimentOutlined, ExportOutlined, FileAddOutlined, FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import type { WorkspaceInfo } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { useLang } from '../i18n';
import { useWorkspaceOpener } from '../components/WorkspaceDialogs';

export function StartScreen() {
  const { t } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const [recent, setRecent] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const opener = useWorkspaceOpener();

  useEffect(() => {
    audit().recentWorkspaces().then(setRecent).catch(app.reportError);
  }, [app.reportError, app.workspace?.path]);

  const run = async (key: string, open: () => Promise<{ path: string } | null>) => {
    setBusy(key);
    try {
      const ws = await open();
      if (!ws) return;
      await app.refreshWorkspace();
      app.dataChanged();
      void message.success(t('ui.start.opened', { path: ws.path }));
      const next = () => app.go(key === 'create' ? 'import' : 'overview');
      // A failed integrity check is read here first, before anything else of the workspace.
      if ('integrity' in ws && !(ws as WorkspaceInfo).integrity.ok) opener.whenRead(next);
      else next();
    } catch (e) {
      app.reportError(e);
    } finally {
      setBusy(null);
    }
  };
  // Into the open workspace, or a new one (a group leader's district workspace) chosen first.
  const importPackage = async () => {
    if (app.workspace) return app.openPackage('import');
    setBusy('package');
    try {
      const path = await audit().chooseWorkspace({ create: true });
      const ws = path ? await opener.open(path, true) : null;
      if (!ws) return;
      await app.refreshWorkspace();
      app.openPackage('import');
    } catch (e) {
      app.reportError(e);
    } finally {
      setBusy(null);
    }
  };
  const choose = (create: boolean) => run(create ? 'create' : 'open', async () => {
    const path = await audit().chooseWorkspace({ create });
    return path ? opener.open(path, create) : null;
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 880 }}>
      <Card title={t('ui.start.title')}>
        <Typography.Paragraph type="secondary">{t('ui.start.intro')}</Typography.Paragraph>
        <Space wrap>
          <Button type="primary" icon={<FileAddOutlined />} loading={busy === 'create'} onClick={() => choose(true)} data-testid="ws-create">{t('ui.start.create')}</Button>
          <Button icon={<FolderOpenOutlined />} loading={busy === 'open'} onClick={() => choose(false)} data-testid="ws-open">{t('ui.start.open')}</Button>
          <Button icon={<ExperimentOutlined />} loading={busy === 'sample'} onClick={() => run('sample', () => audit().openSampleDistrict())} data-testid="ws-sample">{t('ui.start.sample')}</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('ui.start.sample.hint')}</Typography.Paragraph>
      </Card>
      <Card title={t('ui.package.title')}>
        <Typography.Paragraph type="secondary">{t('ui.package.intro')}</Typography.Paragraph>
        <Space wrap>
          <Button icon={<ImportOutlined />} loading={busy === 'package'} onClick={importPackage} data-testid="package-import">{t('ui.package.import')}</Button>
          <Button icon={<ExportOutlined />} disabled={!app.workspace} onClick={() => app.openPackage('export')} data-testid="package-export">{t('ui.package.export')}</Button>
        </Space>
      </Card>
      <Card title={t('ui.start.recent')}>
        {recent.length === 0 ? <Empty description={t('ui.start.recent.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
          <Space orientation="vertical" size={2} data-testid="recent-list">
            {recent.map((path) => (
              <Button key={path} type="link" style={{ paddingInline: 0 }} onClick={() => run('recent', () => opener.open(path, false))} data-testid="recent-item">{path}</Button>
            ))}
          </Space>
        )}
      </Card>
      {opener.modal}
    </Space>
  );
}
