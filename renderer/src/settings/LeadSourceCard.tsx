// The workspace's 线索来源 (e.g. 村级财务审计 第三审计组), which every lead built from now on
// carries onto the commission's form; the same setting the case leads screen offers.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Typography } from 'antd';
import { audit } from '../api';
import { useApp } from '../context';
import { useReviewer } from '../findings/useReviewer';
import { useLang } from '../i18n';

export function LeadSourceCard() {
  const { t } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const reviewer = useReviewer();
  const [saved, setSaved] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  useEffect(() => {
    audit().getLeadSource().then((s) => { setSaved(s); setDraft(s); }, app.reportError);
  }, [app.reportError]);
  const value = draft.trim();
  const save = () => reviewer.withReviewer(async (actor) => {
    try {
      await audit().setLeadSource({ source: value, actor });
      setSaved(value);
      void message.success(t('ui.lead.source.saved'));
    } catch (e) { app.reportError(e); }
  });
  return (
    <Card size="small" title={t('ui.lead.source.title')} data-testid="settings-lead-source">
      <Typography.Paragraph type="secondary">{t('ui.lead.source.hint')}</Typography.Paragraph>
      <Form layout="inline" onFinish={save}>
        <Form.Item label={t('ui.lead.field.source')}>
          <Input style={{ width: 360 }} value={draft} onChange={(e) => setDraft(e.target.value)} disabled={saved === null} data-testid="settings-lead-source-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!value || value === saved} data-testid="settings-lead-source-save">{t('ui.save')}</Button>
      </Form>
      {reviewer.modal}
    </Card>
  );
}
