// Ending the audit on this laptop: after a final work package, the workspace and its evidence
// (and, if asked, the original files) are destroyed; the engine refuses without a final package.
import { useState } from 'react';
import { App as AntApp, Button, Card, Checkbox, Typography } from 'antd';
import { audit } from '../api';
import { useApp } from '../context';
import { useReviewer } from '../findings/useReviewer';
import { useLang } from '../i18n';

export function DisposeCard() {
  const { t } = useLang();
  const app = useApp();
  const { modal, message } = AntApp.useApp();
  const reviewer = useReviewer();
  const [originals, setOriginals] = useState(false);
  const dispose = () => reviewer.withReviewer(async (actor) => {
    const [pkg] = await audit().chooseFiles({ kind: 'package', multiple: false });
    if (!pkg) return;
    modal.confirm({
      title: t('ui.dispose.confirm'), content: t('ui.dispose.confirm.body', { package: pkg }), okType: 'danger', okText: t('ui.dispose.go'),
      onOk: async () => {
        try {
          const r = await audit().disposeWorkspace({ packagePath: pkg, actor, originals });
          app.setWorkspace(null);
          app.go('start');
          void message.success(t('ui.dispose.done', { count: r.destroyed.length, certificate: r.certificate }), 8);
        } catch (e) {
          app.reportError(e);
        }
      },
    });
  });
  return (
    <Card size="small" title={t('ui.dispose.title')}>
      <Typography.Paragraph type="secondary">{t('ui.dispose.intro')}</Typography.Paragraph>
      <Checkbox checked={originals} onChange={(e) => setOriginals(e.target.checked)}>{t('ui.dispose.originals')}</Checkbox>
      <div style={{ marginTop: 8 }}><Button danger onClick={() => { dispose(); }} data-testid="dispose">{t('ui.dispose.go')}</Button></div>
      {reviewer.modal}
    </Card>
  );
}
