// Settings: every rule with its switch, texts and settings (saving re-runs the rules), listed on
// the left to jump to, and the 线索来源 that new case leads carry.
import { useState } from 'react';
import { Anchor, App as AntApp, Col, Row, Space, Tag } from 'antd';
import type { RuleInfo } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { pick, useLang } from '../i18n';
import { LeadSourceCard } from '../settings/LeadSourceCard';
import { DisposeCard } from '../team/DisposeCard';
import { RuleSettingsCard } from '../settings/RuleSettingsCard';

export function SettingsScreen() {
  const { t, lang } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const apply = async (rule: string, change: () => Promise<RuleInfo>) => {
    setBusy(rule);
    try {
      await change();
      await audit().runRules();
      await app.reloadRules();
      await app.refreshWorkspace();
      app.dataChanged();
      void message.success(t('ui.settings.saved'));
    } catch (e) {
      app.reportError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Row gutter={16} wrap={false} style={{ maxWidth: 1280 }}>
      <Col flex="240px" data-testid="settings-rules">
        <Anchor getContainer={() => document.querySelector('.va-content') as HTMLElement} targetOffset={8}
          items={[
            ...app.rules.map((r) => ({
              key: r.id, href: `#rule-${r.id}`,
              title: <span>{pick(lang, r.title, r.titleEn)} {r.settings.enabled === false && <Tag style={{ marginInlineStart: 4 }}>{t('ui.settings.off')}</Tag>}</span>,
            })),
            { key: 'lead-source', href: '#settings-lead-source', title: t('ui.lead.source.title') },
            { key: 'dispose', href: '#settings-dispose', title: t('ui.dispose.title') },
          ]} />
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {app.rules.map((r) => (
            <RuleSettingsCard key={r.id} rule={r} busy={busy === r.id}
              onSave={(settings) => apply(r.id, () => audit().saveRuleSettings({ rule: r.id, settings }))}
              onReset={() => apply(r.id, () => audit().resetRuleSettings({ rule: r.id }))} />
          ))}
          <div id="settings-lead-source"><LeadSourceCard /></div>
          <div id="settings-dispose"><DisposeCard /></div>
        </Space>
      </Col>
    </Row>
  );
}
